"""A tiny in-process LRS on 127.0.0.1 for failure tests: stores statements by id, can fail on purpose."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeLRS:
    """PUT /xapi/statements?statementId=ID: 204 when stored or identical, 409 when a different one exists;
    POST /xapi/statements with a batch: 200 when all are stored or identical, 409 (nothing stored) otherwise.

    ``fail_next`` answers that many requests with 500; ``slow_next`` stores and then waits ``slow_seconds``
    before answering (so the client times out although the statement arrived); ``require_auth`` checks
    the Authorization header.
    """

    def __init__(self, store: dict[str, Any] | None = None, port: int = 0) -> None:
        self.store: dict[str, Any] = store if store is not None else {}
        self.puts = 0
        self.posts = 0
        self.fail_next = 0
        self.slow_next = 0
        self.slow_seconds = 1.5
        self.require_auth: str | None = None
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint URL."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/xapi/"

    def stop(self) -> None:
        """Stop answering (connections are then refused)."""
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_PUT(self) -> None:  # noqa: N802 - the http.server naming
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                statement_id = query["statementId"][0]
                with lrs.lock:
                    lrs.puts += 1
                    if lrs.require_auth and self.headers.get("Authorization") != lrs.require_auth:
                        self._answer(401)
                        return
                    if lrs.fail_next > 0:
                        lrs.fail_next -= 1
                        self._answer(500)
                        return
                    assert self.headers.get("X-Experience-API-Version") == "1.0.3"
                    assert body["id"] == statement_id
                    existing = lrs.store.get(statement_id)
                    if existing is not None and existing != body:
                        self._answer(409)
                        return
                    lrs.store[statement_id] = body
                    slow = lrs.slow_next > 0
                    if slow:
                        lrs.slow_next -= 1
                if slow:
                    time.sleep(lrs.slow_seconds)
                self._answer(204)

            def do_POST(self) -> None:  # noqa: N802 - the http.server naming
                """A batch: all stored (or already there, identical) -> 200; any different one -> 409, none stored."""
                bodies = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                with lrs.lock:
                    lrs.posts += 1
                    if lrs.fail_next > 0:
                        lrs.fail_next -= 1
                        self._answer(500)
                        return
                    if any(lrs.store.get(b["id"], b) != b for b in bodies):
                        self._answer(409)
                        return
                    for body in bodies:
                        lrs.store[body["id"]] = body
                self._answer(200)

            def _answer(self, code: int) -> None:
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler
