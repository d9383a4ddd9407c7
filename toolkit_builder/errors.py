"""The package's few exceptions; only the CLI turns them into exit codes."""


class ToolkitError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(ToolkitError):
    """mkdocs.yml or a theme is missing or malformed."""


class BuildError(ToolkitError):
    """A build could not complete; the previous output is left in place."""


class OutputError(BuildError):
    """Writing the staging folder, the cache or site/ failed; the previous site/ is left alone."""


class Terminated(KeyboardInterrupt):
    """SIGTERM stopped a build; it is handled as Ctrl-C, with its own exit status."""


class UnhandledBlockError(TypeError):
    """A writer met a block of a model class it has no handler for: a bug to fix, never to skip."""

    def __init__(self, writer: str, block: object):
        pos = getattr(block, "pos", None)
        where = f"{pos}: " if pos else ""
        super().__init__(f"{where}the {writer} has no handler for {type(block).__name__} blocks")
        self.block = block
