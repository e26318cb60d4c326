"""multiprocessing.Pool's API, computed by a poolmap service.

Change one line of a program that uses ``multiprocessing``::

    from poolmap import Pool            # was: from multiprocessing import Pool
    import poolmap as multiprocessing   # was: import multiprocessing

and its ``Pool`` sends each ``map`` to poolmap (``POOLMAP_URL``, else http://localhost:8080; ``POOLMAP_API_KEY``)
instead of forking processes. ``func`` is an operation's name (``"square"``), an expression in ``x``
(``"x**2 + 1"``) or a Python function whose body can be written as one expression (``lambda x: x * x``,
``def f(item): result = item * 2; return result``); no code is pickled or sent. Standard library only.
"""

from multiprocessing import TimeoutError

from ._errors import AuthenticationError, JobError, PoolmapError, ServiceUnreachable
from ._http import Service
from ._pool import AsyncResult, IMapIterator, Pool
from ._translate import target_of

__version__ = "0.1.0"
__all__ = ["Pool", "AsyncResult", "IMapIterator", "cpu_count", "expression_of", "TimeoutError", "PoolmapError",
           "JobError", "AuthenticationError", "ServiceUnreachable"]


def cpu_count(url=None, api_key=None):
    """The number of CPU workers of the poolmap service (``/actuator/workers``' ``poolSize``): what ``Pool()``
    computes with, as ``multiprocessing.cpu_count()`` is what its ``Pool()`` starts."""
    return Service(url, api_key).json("GET", "/actuator/workers", timeout=30)["poolSize"]


def expression_of(func):
    """What ``map(func, …)`` sends: ``{"operation": "square"}`` or ``{"expression": "x * 2"}``; ``TypeError`` when
    ``func`` cannot be sent, saying why."""
    return target_of(func)
