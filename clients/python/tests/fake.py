"""A stand-in for poolmap on 127.0.0.1 (a free port), for what the real service rarely does on demand: a full queue,
a cut stream, a refused key, a dropped connection. Each test says what to answer; every request is recorded."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DROP = object()  # close the connection without an answer


class Request:
    def __init__(self, method, path, headers, body):
        self.method, self.path, self.headers, self.body = method, path, headers, body
        parts = urlsplit(path)
        self.route, self.query = parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}

    def json(self):
        return json.loads(self.body)


class Reply:
    """An answer: a status, headers and a body; ``length=False`` ends the body by closing the connection (a stream)."""

    def __init__(self, status, body=b"", headers=None, length=True):
        self.status, self.body, self.headers, self.length = status, body, dict(headers or {}), length


def json_reply(status, value, headers=None, kind="application/json"):
    return Reply(status, json.dumps(value).encode(), dict(headers or {}, **{"Content-Type": kind}))


def problem(status, slug, detail, headers=None, **members):
    body = dict(type="urn:poolmap:problem:" + slug, title=slug, status=status, detail=detail, **members)
    return json_reply(status, body, headers, "application/problem+json")


def stream(*lines, end=None, raw=b""):
    """An NDJSON response of these lines, then ``end`` (the end line's members) if given, then ``raw`` bytes."""
    text = "".join(json.dumps(line) + "\n" for line in lines)
    if end is not None:
        text += json.dumps(dict(end=True, **end)) + "\n"
    return Reply(200, text.encode() + raw, {"Content-Type": "application/x-ndjson"}, length=False)


def view(job_id, status, results=None, workers=None, size=None, error=None):
    job = {"id": job_id, "status": status, "size": size if size is not None else len(results or []),
           "workers": workers or {}}
    if results is not None:
        job["results"] = results
    if error is not None:
        job["error"] = error
    return job


class FakePoolmap:
    """Routes are ``(method, path prefix) -> answer``; an answer is a Reply, DROP, a list of them (one per request,
    the last one repeated) or a function of the Request."""

    def __init__(self):
        self.requests = []
        self.routes = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self):
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(self.command, self.path, dict(self.headers), self.rfile.read(length))
                with fake.lock:
                    fake.requests.append(request)
                answer = fake.answer(request)
                if answer is DROP:
                    self.close_connection = True
                    return
                self.send_response_only(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.length:
                    self.send_header("Content-Length", str(len(answer.body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(answer.body)

            do_GET = do_POST = do_DELETE = handle_one

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def on(self, method, prefix, answer):
        self.routes[(method, prefix)] = answer if not isinstance(answer, list) else list(answer)
        return self

    def answer(self, request):
        for (method, prefix), answer in sorted(self.routes.items(), key=lambda r: -len(r[0][1])):
            if method == request.method and request.path.startswith(prefix):
                if isinstance(answer, list):
                    with self.lock:
                        answer = answer.pop(0) if len(answer) > 1 else answer[0]
                return answer(request) if callable(answer) else answer
        return problem(404, "not-found", "no route for %s %s in this test" % (request.method, request.path))

    def made(self, method, prefix=""):
        return [r for r in self.requests if r.method == method and r.path.startswith(prefix)]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
