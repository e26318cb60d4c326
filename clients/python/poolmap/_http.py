"""One poolmap service over HTTP: where it is, its key, and what its answers mean.

Every call goes through :meth:`Service.call`: a ``429`` (the queue is full) or a ``503`` with ``Retry-After`` is tried
again after the time it asks for, a bounded number of times; a ``401`` raises :class:`AuthenticationError` saying
which key to give; no answer at all raises :class:`ServiceUnreachable` naming the URL; any other problem detail raises
:class:`JobError` (or the Python exception it names, see ``_errors``). A new connection per call: nothing is shared
between threads.
"""

import email.utils
import http.client
import os
import socket
import time
import urllib.parse

from . import _numbers
from ._errors import AuthenticationError, JobError, PoolmapError, ServiceUnreachable, from_problem

DEFAULT_URL = "http://localhost:8080"
USER_AGENT = "poolmap-python/0.1.0"
#: what no answer, or a cut one, looks like to http.client
NETWORK_ERRORS = (OSError, http.client.HTTPException)


class Answer:
    """A finished answer: its status, its headers and its body."""

    __slots__ = ("status", "headers", "body")

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return _numbers.decode(self.body)


class Stream:
    """An open response, read a line at a time; closing it closes its connection."""

    __slots__ = ("connection", "response")

    def __init__(self, connection, response):
        self.connection, self.response = connection, response

    def readline(self):
        return self.response.readline()

    def close(self):
        self.response.close()
        self.connection.close()


class Service:
    """A poolmap service at ``url`` (default: ``POOLMAP_URL``, else http://localhost:8080) with ``api_key``
    (default: ``POOLMAP_API_KEY``); ``retries`` bounds the tries after a 429 or 503, each waiting what
    ``Retry-After`` asks, at most ``max_retry_wait`` seconds."""

    def __init__(self, url=None, api_key=None, retries=5, max_retry_wait=60.0):
        self.url = (url or os.environ.get("POOLMAP_URL") or DEFAULT_URL).rstrip("/")
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("poolmap's URL must be http://host[:port] or https://…, not %r" % self.url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._path = parts.path
        self.api_key = api_key if api_key is not None else (os.environ.get("POOLMAP_API_KEY") or None)
        if retries < 0:
            raise ValueError("retries must be at least 0, not %r" % retries)
        self.retries = retries
        self.max_retry_wait = max_retry_wait
        self.sleep = time.sleep  # tests record the waits instead

    def call(self, method, path, body=None, headers=None, timeout=60.0, retries=None):
        """The answer to one request, once it is not a 429/503 to wait for; raises for every error status."""
        retries = self.retries if retries is None else retries
        for attempt in range(retries + 1):
            answer = self._exchange(method, path, body, headers, timeout)
            wait = self._retry_after(answer)
            if wait is None or attempt == retries:
                break
            self.sleep(wait)
        if answer.status >= 400:
            raise self.error(answer, attempt + 1)
        return answer

    def json(self, method, path, body=None, headers=None, timeout=60.0, retries=None):
        return self.call(method, path, body, headers, timeout, retries).json()

    def open_stream(self, path, timeout):
        """An open response to read line by line (the caller closes it); raises as :meth:`call` does."""
        connection = self._connection(timeout)
        try:
            connection.request("GET", self._path + path, headers=self._headers({"Accept": "application/x-ndjson"}))
            response = connection.getresponse()
        except NETWORK_ERRORS as failed:
            connection.close()
            raise self.unreachable(failed, timeout) from None
        if response.status >= 400:
            try:
                raise self.error(Answer(response.status, response.headers, response.read()))
            finally:
                connection.close()
        return Stream(connection, response)

    def _exchange(self, method, path, body, headers, timeout):
        connection = self._connection(timeout)
        try:
            connection.request(method, self._path + path, body=body, headers=self._headers(headers))
            response = connection.getresponse()
            return Answer(response.status, response.headers, response.read())
        except NETWORK_ERRORS as failed:
            raise self.unreachable(failed, timeout) from None
        finally:
            connection.close()

    def _connection(self, timeout):
        kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        return kind(self._host, self._port, timeout=timeout)

    def _headers(self, extra):
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json, application/problem+json"}
        if self.api_key:
            headers["Authorization"] = "Bearer " + self.api_key
        headers.update(extra or {})
        return headers

    def _retry_after(self, answer):
        """Seconds to wait before trying again, or None when the answer is not one to try again."""
        if answer.status not in (429, 503):
            return None
        value = (answer.headers.get("Retry-After") or "").strip()
        if not value:
            return None
        if value.isdigit():
            seconds = int(value)
        else:
            try:
                seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
            except (TypeError, ValueError):
                return None
        return min(max(seconds, 0.0), self.max_retry_wait)

    def error(self, answer, tries=1):
        """The exception for an error answer, after ``tries`` requests."""
        problem = _problem(answer)
        if answer.status == 401:
            if self.api_key:
                message = ("poolmap at %s refused the API key (401): it is not one of the service's keys "
                           "(poolmap.security.api-keys); check Pool(api_key=…) or POOLMAP_API_KEY" % self.url)
            else:
                message = ("poolmap at %s needs an API key (401): pass Pool(api_key=…) or set POOLMAP_API_KEY"
                           % self.url)
            return AuthenticationError(message, problem)
        if problem is None:
            text = answer.body[:300].decode("utf-8", "replace").strip()
            return PoolmapError("poolmap at %s answered %d with no problem detail: %s" % (self.url, answer.status, text))
        if answer.status in (429, 503) and tries > 1 and problem.get("detail"):
            problem["detail"] += " (still so after %d tries)" % tries
        return from_problem(problem)

    def unreachable(self, failed, timeout):
        if isinstance(failed, socket.timeout):
            reason = "no answer within %g s" % timeout
        else:
            reason = str(failed) or type(failed).__name__
        return ServiceUnreachable("cannot reach poolmap at %s: %s. Is it running? Pool(url=…) or POOLMAP_URL says "
                                  "where it is" % (self.url, reason))


def _problem(answer):
    kind = (answer.headers.get("Content-Type") or "").split(";")[0].strip()
    if kind not in ("application/problem+json", "application/json"):
        return None
    try:
        problem = answer.json()
    except ValueError:
        return None
    return problem if isinstance(problem, dict) else None


__all__ = ["Service", "Answer", "JobError", "NETWORK_ERRORS", "DEFAULT_URL"]
