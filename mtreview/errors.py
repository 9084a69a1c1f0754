"""Errors a user can cause and the exit status each maps to (contract: 1 input problem, 2 usage)."""


class MtreviewError(Exception):
    """Base class: a problem reported to the user with a clear message, never a traceback."""

    exit_code = 1


class InputError(MtreviewError):
    """The input cannot be read as asked: missing, binary, undecodable, malformed."""

    exit_code = 1


class UsageError(MtreviewError):
    """The command line is wrong."""

    exit_code = 2
