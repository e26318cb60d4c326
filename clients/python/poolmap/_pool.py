"""``Pool``: multiprocessing.Pool's API, computed by a poolmap service."""

import itertools
import threading
from collections import deque
from multiprocessing import TimeoutError

from ._errors import JobError
from ._http import Service
from ._jobs import Jobs
from ._translate import Translated, target_of

__all__ = ["Pool", "AsyncResult", "IMapIterator"]

_RUN, _CLOSE, _TERMINATE = "RUN", "CLOSE", "TERMINATE"
_BATCH = 1_000_000  # poolmap.max-batch-size's default; a smaller one is learnt from the 413 that says so
_IN_FLIGHT = 2  # jobs of one map submitted ahead of the one being joined


class Pool:
    """A pool whose work is done by poolmap: ``processes`` becomes each job's ``parallelism`` (None: all of the
    service's workers), ``timeout`` each job's time limit in seconds (None: the service's). ``url`` and ``api_key``
    default to ``POOLMAP_URL`` (else http://localhost:8080) and ``POOLMAP_API_KEY``; ``retries`` bounds the tries
    after a 429 or 503 with Retry-After. ``initializer`` cannot run on poolmap (it runs no code of yours): giving one
    is a ``TypeError``; ``maxtasksperchild`` and ``context`` have nothing to act on and are ignored."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None, *,
                 url=None, api_key=None, timeout=None, retries=5):
        if processes is not None and (not isinstance(processes, int) or processes < 1):
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None:
            raise TypeError("poolmap runs no code of yours, so a Pool has no initializer: compute what it prepares "
                            "into the expression's constants instead")
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout must be a positive number of seconds, not %r" % (timeout,))
        self._processes = processes
        self._timeout_ms = None if timeout is None else max(1, int(round(timeout * 1000)))
        self._service = Service(url, api_key, retries)
        self._jobs = Jobs(self._service)
        self._state = _RUN
        self._lock = threading.Lock()
        self._running = {}  # job id -> Job, every job of this pool not known to have finished
        self._pending = set()  # AsyncResults not ready
        self._batch = _BATCH

    def __repr__(self):
        return "<poolmap.Pool state=%s url=%s processes=%s>" % (self._state, self._service.url, self._processes)

    # --- multiprocessing.Pool's API -------------------------------------------------------------------------------

    def map(self, func, iterable, chunksize=None):
        """``[func(item) for item in iterable]``, computed by poolmap, in order."""
        return self._map_async(func, iterable, chunksize, None, None, background=False).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, callback, error_callback, background=True)

    def apply(self, func, args=(), kwds=None):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds=None, callback=None, error_callback=None):
        """``func(*args)`` for one number, as a job of one item."""
        if kwds:
            raise TypeError("poolmap calls func with one number: keyword arguments cannot be sent")
        if len(tuple(args)) != 1:
            raise TypeError("poolmap calls func with one number: args must be a tuple of one, not %r" % (args,))
        return self._map_async(func, tuple(args), None, callback, error_callback, background=True, single=True)

    def imap(self, func, iterable, chunksize=None):
        """Results in input order as poolmap computes them (a job's streamed results, resumed when cut)."""
        return IMapIterator(self, target_of(func), iterable, self._options(chunksize), ordered=True)

    def imap_unordered(self, func, iterable, chunksize=None):
        """Results as poolmap completes them, in any order."""
        return IMapIterator(self, target_of(func), iterable, self._options(chunksize), ordered=False)

    def close(self):
        """No more tasks; those given go on. Then :meth:`join` waits for them."""
        with self._lock:
            if self._state == _RUN:
                self._state = _CLOSE

    def terminate(self):
        """Cancels every job of this pool still running on poolmap; their results raise ``JobError``."""
        with self._lock:
            self._state = _TERMINATE
            running = list(self._running)
        for job_id in running:
            self._jobs.cancel(job_id)

    def join(self):
        """Waits for every task given, after :meth:`close` or :meth:`terminate`."""
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        while True:
            with self._lock:
                pending = next(iter(self._pending), None)
                running = next(iter(self._running.values()), None) if pending is None else None
            if pending is not None:
                pending.wait()
            elif running is not None:
                self._join_job(running)
            else:
                return

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc_info):
        self.terminate()

    # --- the jobs behind it ---------------------------------------------------------------------------------------

    def _map_async(self, func, iterable, chunksize, callback, error_callback, background, single=False):
        self._check_running()
        target = target_of(func)
        numbers = iterable if isinstance(iterable, (list, tuple, range)) else list(iterable)
        result = AsyncResult(self, callback, error_callback, single)
        options = self._options(chunksize)
        compute = lambda: self._compute(target, numbers, options, result, wait=not background)  # noqa: E731
        if background:
            with self._lock:
                self._pending.add(result)
            threading.Thread(target=result._run, args=(compute,), name="poolmap-result", daemon=True).start()
        else:
            result._run(compute)
        return result

    def _options(self, chunksize):
        if chunksize is not None and (not isinstance(chunksize, int) or chunksize < 1):
            raise ValueError("chunksize must be a positive int, not %r" % (chunksize,))
        return {"parallelism": self._processes, "chunkSize": chunksize, "timeoutMs": self._timeout_ms}

    def _compute(self, target, numbers, options, result, wait):
        """The results of ``numbers``: jobs of at most a batch each, at most ``_IN_FLIGHT`` ahead of the join.
        ``map`` waits for each job as it submits it (the fastest way for one caller that blocks anyway); the
        asynchronous calls submit jobs that poolmap stores first and that :meth:`terminate` can cancel at once."""
        waiting, results, start = deque(), [], 0
        try:
            while start < len(numbers) or waiting:
                if start < len(numbers) and len(waiting) < _IN_FLIGHT:
                    job = self._submit(target, numbers, start, options, wait)
                    result._jobs.append(job)
                    waiting.append(job)
                    start += job.size
                    continue
                results.extend(self._join_job(waiting.popleft()).outcome())
            return results
        except BaseException:
            for job in waiting:
                self._jobs.cancel(job.id)
            raise

    def _submit(self, target, numbers, start, options, wait=False):
        """Submits the next batch from ``start``; a 413 that names a smaller batch limit makes the batches smaller."""
        while True:
            batch = numbers if start == 0 and len(numbers) <= self._batch else numbers[start:start + self._batch]
            try:
                job = self._jobs.submit(target, batch, options, start, wait)
                break
            except JobError as refused:
                limit = refused.problem.get("limit")
                if refused.slug == "batch-too-large" and isinstance(limit, int) and 0 < limit < len(batch):
                    self._batch = limit
                elif refused.slug == "request-too-large" and len(batch) > 1:
                    self._batch = max(1, len(batch) // 2)
                elif isinstance(target, Translated) and _refused_expression(refused):
                    raise _translation_refused(refused, target) from None
                else:
                    raise
        with self._lock:
            self._running[job.id] = job
            terminated = self._state == _TERMINATE
        if job.finished:
            self._forget(job)
        elif terminated:
            self._jobs.cancel(job.id)
        return job

    def _join_job(self, job):
        while not job.finished:
            self._jobs.join(job)
        self._forget(job)
        return job

    def _forget(self, job):
        with self._lock:
            self._running.pop(job.id, None)

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError("Pool not running")


def _refused_expression(refused):
    """poolmap refused the expression itself: too long, it is refused as a JSON string past
    ``poolmap.request.max-string-length`` before it is read as an expression (400 invalid-request), or as an expression
    past ``poolmap.expressions.max-length``; too deep, past ``max-depth``."""
    return refused.slug == "invalid-expression" or (
        refused.slug == "invalid-request" and "max-string-length" in (refused.detail or ""))


def _translation_refused(refused, target):
    """An expression made from a function that poolmap refuses is the function's fault: a TypeError that says so."""
    text = target["expression"]
    return TypeError("poolmap refused the expression %r (%d characters), made from your function: %s. Written out, "
                     "each local is repeated where it is used: use fewer, or name an operation instead"
                     % (text, len(text), refused.detail))


class AsyncResult:
    """multiprocessing's AsyncResult: ``get``, ``wait``, ``ready``, ``successful``; and which worker computed what."""

    def __init__(self, pool, callback, error_callback, single):
        self._pool, self._callback, self._error_callback, self._single = pool, callback, error_callback, single
        self._event = threading.Event()
        self._jobs = []
        self._value = self._error = None

    def _run(self, compute):
        """Computes, then calls back (as multiprocessing does, before ``get`` returns); a callback's own error is
        its thread's, not the task's."""
        try:
            value = compute()
            self._value = value[0] if self._single else value
        except BaseException as error:  # noqa: B036 (delivered by get(), as multiprocessing does)
            self._error = error
        try:
            if self._error is None and self._callback is not None:
                self._callback(self._value)
            elif self._error is not None and self._error_callback is not None:
                self._error_callback(self._error)
        finally:
            self._event.set()
            with self._pool._lock:
                self._pool._pending.discard(self)

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._error is None

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        """The result; raises the task's error, or ``multiprocessing.TimeoutError`` when it is not ready in time."""
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._error is not None:
            raise self._error
        return self._value

    def workers(self):
        """The name of the worker that computed each item (``worker-1`` …; None where none did), once ready."""
        self.wait()
        names = [name for job in self._jobs for name in self._pool._jobs.workers(job)]
        return names[0] if self._single else names

    def worker_counts(self):
        """How many items each worker computed, once ready: ``{"worker-1": 3, "worker-2": 2}``."""
        self.wait()
        counts = {}
        for job in self._jobs:
            if not job.finished:
                self._pool._jobs.join(job, timeout=0)
            for name, items in (job.view.get("workers") or {}).items():
                counts[name] = counts.get(name, 0) + items
        return counts


class IMapIterator:
    """Results as they arrive from poolmap's streams, job after job; the next job is submitted before the current
    one is read, so that poolmap computes it meanwhile."""

    def __init__(self, pool, target, iterable, options, ordered):
        pool._check_running()
        self._pool, self._target, self._options, self._ordered = pool, target, options, ordered
        self._source = iter(iterable)
        self._start = 0
        self._jobs = deque()
        self._submit_next()
        self._results = self._generate()

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._results)

    def next(self, timeout=None):
        """multiprocessing's spelling; ``timeout`` is not supported (the stream blocks until the next result)."""
        if timeout is not None:
            raise TypeError("poolmap's imap iterators do not take a timeout")
        return next(self._results)

    def _submit_next(self):
        numbers = list(itertools.islice(self._source, self._pool._batch))
        done = 0
        while done < len(numbers):
            job = self._pool._submit(self._target, numbers, done, self._options)
            job.offset = self._start + done
            self._jobs.append(job)
            done += job.size
        self._start += len(numbers)

    def _generate(self):
        while self._jobs:
            if len(self._jobs) < _IN_FLIGHT:
                self._submit_next()
            job = self._jobs.popleft()
            for _, value in self._pool._jobs.results(job, self._ordered):
                yield value
            self._pool._forget(job)
