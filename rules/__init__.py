"""The built-in rule packs (YAML). This file only makes the folder installable as hipaalint.rules."""
