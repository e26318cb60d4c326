"""The exceptions this client raises, and how a problem detail from poolmap becomes one.

A failed item whose problem names one of Python's exceptions (``"exception": "ZeroDivisionError"``) becomes an
exception that is both that exception and a :class:`JobError`, so that ``except ZeroDivisionError`` catches it as it
would under ``multiprocessing``; its message is Python's own, and ``index``, ``value`` and ``problem`` say which item.
"""

import builtins

__all__ = ["PoolmapError", "JobError", "AuthenticationError", "ServiceUnreachable"]


class PoolmapError(Exception):
    """Anything this client raises of its own (as opposed to a ``TypeError`` about a function it cannot send)."""


class JobError(PoolmapError):
    """poolmap answered a problem detail (RFC 9457): a job failed, timed out or was cancelled, or it was refused.

    ``problem`` is the problem detail as poolmap sent it; ``status``, ``type``, ``title``, ``detail``, ``job_id``,
    ``index`` and ``value`` are read from it. ``index`` counts from the start of the iterable given to ``map``, also
    when the client split it into several jobs.
    """

    problem = {}
    index = None

    def __init__(self, message, problem=None, index=None):
        super().__init__(message)
        self.problem = problem or {}
        self.index = index if index is not None else self.problem.get("index")

    @property
    def status(self):
        return self.problem.get("status")

    @property
    def type(self):
        return self.problem.get("type")

    @property
    def title(self):
        return self.problem.get("title")

    @property
    def detail(self):
        return self.problem.get("detail")

    @property
    def job_id(self):
        return self.problem.get("jobId")

    @property
    def value(self):
        return self.problem.get("value")

    @property
    def slug(self):
        """The problem type's last part: ``item-failed``, ``job-cancelled``, ``queue-full`` …"""
        return (self.type or "").rsplit(":", 1)[-1]


class AuthenticationError(PoolmapError, PermissionError):
    """poolmap asks for an API key (401): none was given, or it is not one of the service's keys."""

    def __init__(self, message, problem=None):
        super().__init__(message)
        self.problem = problem or {}


class ServiceUnreachable(PoolmapError, ConnectionError):
    """No answer from poolmap at all: nothing listens at the URL, the name does not resolve, or the connection broke."""


for _public in (PoolmapError, JobError, AuthenticationError, ServiceUnreachable):
    _public.__module__ = "poolmap"  # as users import them

# Python's exceptions that poolmap's expressions name (expression/PyError.java); LimitError, ComplexResult and
# NonFiniteResult are poolmap's own (Python would have computed on), so they stay plain JobErrors
_PYTHON_EXCEPTIONS = ("ZeroDivisionError", "ValueError", "OverflowError", "TypeError", "ArithmeticError")
_DUAL = {}


def _dual_class(name):
    """``ZeroDivisionError`` and ``JobError`` at once, made once per name."""
    if name not in _DUAL:
        python = getattr(builtins, name)
        _DUAL[name] = type(name, (python, JobError), {"__module__": "builtins"})  # shown as Python shows it
    return _DUAL[name]


def from_problem(problem, offset=0):
    """The exception for a problem detail; ``offset`` is the index of the job's first item in the whole iterable."""
    problem = dict(problem or {})
    index = problem.get("index")
    if index is not None:
        index += offset
    detail = problem.get("detail") or problem.get("title") or "poolmap answered status %s" % problem.get("status")
    name = problem.get("exception")
    if name in _PYTHON_EXCEPTIONS:
        error = _dual_class(name)(_python_message(detail, name))
        error.problem = problem
        error.index = index
        if hasattr(error, "add_note"):  # Python 3.11+: the traceback says which item
            error.add_note("poolmap: item %s (%r) of job %s" % (index, problem.get("value"), problem.get("jobId")))
        return error
    return JobError(detail, problem, index)


def _python_message(detail, name):
    """Python's own message: the detail reads ``numbers[2] = 3: ZeroDivisionError: integer division or modulo by zero``."""
    marker = name + ": "
    at = detail.find(marker)
    return detail[at + len(marker):] if at >= 0 else detail
