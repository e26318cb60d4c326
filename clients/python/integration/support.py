"""What the integration tests share: the running poolmap they test (``POOLMAP_URL``, required: these tests fail
rather than skip without it), and a proxy that cuts a results stream in the middle, as a network would."""

import os
import socket
import threading
import urllib.parse

URL = os.environ.get("POOLMAP_URL")
if not URL:
    raise SystemExit("the integration tests need a running poolmap: POOLMAP_URL=http://localhost:8080 "
                     "(PythonClientIT starts the jar and sets it)")


class CuttingProxy:
    """Forwards connections to poolmap; the first response to a GET of ``…/results`` is cut after ``after`` bytes
    of its body (the headers and the first lines pass, then the connection closes)."""

    def __init__(self, after):
        target = urllib.parse.urlsplit(URL)
        self.target = (target.hostname, target.port or 80)
        self.after = after
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d" % self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        self.listener.close()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        """Relays one connection; a side that goes away ends it quietly (nothing printed from this thread)."""
        try:
            self._relay(client)
        except OSError:
            client.close()

    def _relay(self, client):
        with client, socket.create_connection(self.target) as server:
            request = client.recv(65536)
            cut = b"/results" in request.split(b"\r\n", 1)[0] and self.cuts == 0
            self.cuts += cut
            server.sendall(request)
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()
            if not cut:
                self._pipe(server, client)
                return
            answer = b""
            while True:
                data = server.recv(65536)
                if not data:
                    client.sendall(answer)  # shorter than the cut: all of it
                    return
                answer += data
                end = answer.find(b"\r\n\r\n")
                if end >= 0 and len(answer) >= end + 4 + self.after:
                    client.sendall(answer[:end + 4 + self.after])
                    for side in (client, server):  # cut in the middle of the body, whoever else reads them
                        try:
                            side.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass  # that side has closed already (ENOTCONN): it is cut either way
                    return

    @staticmethod
    def _pipe(source, target):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    target.shutdown(socket.SHUT_WR)  # the other side sees the end too
                    return
                target.sendall(data)
        except OSError:
            return
