"""Errors a user can cause. The CLI prints them on one line and exits 2; anything else is a bug."""


class HipaalintError(Exception):
    """A problem with the user's input, configuration or rule pack."""


class InputError(HipaalintError):
    """A file or record that cannot be read as posts (message names file and line)."""


class ConfigError(HipaalintError):
    """A bad configuration file or option (message names file and line)."""


class RulePackError(HipaalintError):
    """A rule pack that fails validation (message is ``file:line: what is wrong``)."""


class ModelError(HipaalintError):
    """The spaCy model is not installed or cannot be loaded."""
