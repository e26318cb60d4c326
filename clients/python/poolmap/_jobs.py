"""poolmap's jobs API as the pool uses it: submit, join, cancel, read items, and stream results with resumption.

A map is cut into jobs of at most ``batch`` numbers (poolmap.max-batch-size, learnt from a 413 when it is smaller);
each job knows ``offset``, the index of its first number in the whole iterable, so that results, errors and workers
are told in the iterable's indices.
"""

import http.client
import json
import uuid

from . import _numbers
from ._errors import JobError, ServiceUnreachable, from_problem
from ._http import NETWORK_ERRORS

TERMINAL = ("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT")
JOIN_WAIT = 30  # seconds of each ?wait= join (poolmap caps it at poolmap.max-wait, 60 s by default)
ITEMS_PAGE = 10_000  # the most /items answers at once


class Job:
    """One job on the service: its id, where its numbers start in the iterable, and the last view of it."""

    __slots__ = ("id", "offset", "size", "view")

    def __init__(self, view, offset, size):
        self.id, self.offset, self.size, self.view = view["id"], offset, size, view

    @property
    def finished(self):
        return self.view.get("status") in TERMINAL

    def outcome(self):
        """The results of a finished job, or its error raised."""
        if self.view["status"] == "SUCCEEDED":
            return self.view["results"]
        raise from_problem(self.view.get("error") or {"detail": "job %s ended %s" % (self.id, self.view["status"])},
                           self.offset)


class Jobs:
    """The calls of the jobs API, on one :class:`~poolmap._http.Service`."""

    def __init__(self, service):
        self.service = service

    def submit(self, target, numbers, options, offset, wait):
        """Submits one job: with ``wait``, synchronously (poolmap answers once it has finished, or 202 after
        poolmap.sync-wait); else asynchronously (202 at once, the request stored first, cancellable at once). A POST
        that gets no answer is sent again with the same Idempotency-Key, so it makes one job."""
        fields = [json.dumps(target)[1:-1]] + ['"%s":%s' % (k, json.dumps(v)) for k, v in options.items() if v is not None]
        if not wait:
            fields.append('"async":true')
        body = ('{%s,"numbers":%s}' % (",".join(fields), _numbers.encode(numbers))).encode()
        headers = {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())}
        for attempt in range(3):
            try:
                view = self.service.json("POST", "/api/v1/jobs", body, headers, timeout=120)
                return Job(view, offset, len(numbers))
            except ServiceUnreachable:
                if attempt == 2:
                    raise
            except JobError as failed:
                if offset and failed.problem.get("index") is not None:
                    raise from_problem(failed.problem, offset) from None
                raise

    def join(self, job, timeout=None):
        """Waits until ``job`` has finished (or ``timeout`` seconds have passed) and keeps its latest view."""
        wait = JOIN_WAIT if timeout is None else max(0, min(JOIN_WAIT, int(timeout)))
        job.view = self.service.json("GET", "/api/v1/jobs/%s?wait=%ds" % (job.id, wait), timeout=wait + 30)
        return job

    def cancel(self, job_id):
        """Cancels a job; one already finished or forgotten is left as it is."""
        try:
            self.service.call("DELETE", "/api/v1/jobs/" + job_id, timeout=30, retries=0)
        except (JobError, ServiceUnreachable):
            pass

    def workers(self, job):
        """The worker that computed each item of ``job`` (None for an item never computed)."""
        names = []
        for start in range(0, job.size, ITEMS_PAGE):
            page = self.service.json("GET", "/api/v1/jobs/%s/items?offset=%d&limit=%d" % (job.id, start, ITEMS_PAGE))
            names.extend(item["worker"] for item in page["items"])
        return names

    def results(self, job, ordered, cuts=5):
        """``(index, result)`` of ``job`` as poolmap computes them, in input order or as completed; a cut stream is
        opened again (input order: from the next index; completion order: from the start, skipping what was seen),
        at most ``cuts`` times in a row without a line in between. Raises the failed item's error in its place."""
        seen, next_index, cut = set(), 0, 0
        while True:
            query = "from=%d" % next_index if ordered else "order=completion"
            try:
                response = self.service.open_stream("/api/v1/jobs/%s/results?%s" % (job.id, query), timeout=60)
            except ServiceUnreachable:
                response = None
            if response is not None:
                try:
                    for raw in _lines(response):
                        line = _numbers.decode(raw)
                        if line.get("end"):
                            if line.get("status") != "SUCCEEDED":
                                raise from_problem(line.get("error") or {"detail": "job %s ended %s"
                                                                         % (job.id, line.get("status"))}, job.offset)
                            return
                        index = line["index"]
                        if "error" in line:
                            raise from_problem(line["error"], job.offset)
                        if (index < next_index) if ordered else (index in seen):
                            continue  # already given (a resumed stream repeats nothing, but be sure)
                        if ordered:
                            next_index = index + 1
                        else:
                            seen.add(index)
                        cut = 0
                        yield job.offset + index, line["result"]
                except NETWORK_ERRORS:
                    pass  # cut: opened again below
                finally:
                    response.close()
            cut += 1
            if cut > cuts:
                raise ServiceUnreachable("the results of job %s stopped %d times in a row before their end line "
                                         "(poolmap at %s)" % (job.id, cut, self.service.url))
            self.service.sleep(min(0.1 * 2 ** cut, 2.0))


def _lines(response):
    """The lines of an NDJSON response until it ends; a cut chunked response raises, as http.client does."""
    while True:
        raw = response.readline()
        if not raw:
            return
        if raw.endswith(b"\n"):
            yield raw
        else:
            raise http.client.IncompleteRead(raw)  # a line without its end: the connection was cut mid-line
