"""The package's few exceptions; only the CLI turns them into exit codes."""


class ToolkitError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(ToolkitError):
    """mkdocs.yml or a theme is missing or malformed."""


class BuildError(ToolkitError):
    """A build could not complete; the previous output is left in place."""
