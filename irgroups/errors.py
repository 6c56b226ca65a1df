"""The exception tree, so callers catch what they mean.

    IrgroupsError
      ConfigError        bad option or recipe value (says how to fix it)
      ProblemError       a problem or test that cannot be used (says which)
      DataError          a bad input file or row (names the file and row)
      ShardError         a run directory that cannot be resumed safely
      SandboxError       infrastructure trouble: never a data label
        ToolchainMissing a compiler or runtime is not installed
      GenerationError    a model backend that failed (server down, retries exhausted)
"""


class IrgroupsError(Exception):
    """Base of every error irgroups raises on purpose."""


class ConfigError(IrgroupsError, ValueError):
    pass


class ProblemError(IrgroupsError, ValueError):
    pass


class DataError(IrgroupsError, ValueError):
    pass


class ShardError(IrgroupsError):
    pass


class SandboxError(IrgroupsError):
    pass


class ToolchainMissing(SandboxError):
    pass


class GenerationError(IrgroupsError):
    pass
