"""The phone-voting web server of `sticky facilitate --serve`: a Starlette app served by uvicorn in a thread.

Routes: ``GET /`` (the join form, or the room's page with ``?room=CODE``), ``POST /vote`` (an ordinary form:
room, token, choice; answered with a redirect back to the page), ``GET /v?room=CODE`` (a tiny JSON version
number the page polls to know when to reload). Starlette and uvicorn do all the HTTP; this module only
decides. Nothing personal is kept: a device is a random id in a signed cookie, nothing else. Every request
is bounded: the body and the query string in bytes, the rate per device and for the whole room, the
number of new devices per network address, and uvicorn's open connections.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote

import uvicorn
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from game.training.vote_limits import Limits, RateLimiter
from game.training.vote_page import busy_page, join_page, room_page
from game.training.vote_room import VoteResult, VoteRoom

COOKIE = "sticky_device"


@dataclass(frozen=True)
class ServerLimits:
    """How much one request and the room may send (the defaults suit a room of a few hundred phones)."""

    body_bytes: int = 1024
    query_bytes: int = 256
    requests: Limits = field(default_factory=Limits)
    # New devices per network address: a phone gets one on its first page; a script can't mint thousands.
    new_devices: Limits = field(default_factory=lambda: Limits(device_rate=0.5, device_burst=20, room_burst=400))
    connections: int = 256


class _Devices:
    """Random device ids signed with this run's secret, so a made-up id is refused."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def _sign(self, ident: str) -> str:
        return hmac.new(self._key, ident.encode(), hashlib.sha256).hexdigest()[:24]

    def new(self) -> str:
        ident = secrets.token_urlsafe(12)
        return f"{ident}.{self._sign(ident)}"

    def check(self, value: str | None) -> str | None:
        """The device id if ``value`` is one we issued, else None."""
        if not value or len(value) > 80 or "." not in value or not value.isascii():  # compare_digest: ASCII only
            return None
        ident, _dot, mac = value.partition(".")
        return value if hmac.compare_digest(mac, self._sign(ident)) else None


def create_app(room: VoteRoom, language: str, limits: ServerLimits | None = None) -> Starlette:
    """The web app for ``room``, its pages in ``language``."""
    limits = limits or ServerLimits()
    devices = _Devices()
    rate = RateLimiter(limits.requests)
    issuing = RateLimiter(limits.new_devices)

    def page(body: str, nonce: str, status: int = 200, device: str | None = None) -> HTMLResponse:
        response = HTMLResponse(body, status_code=status)
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; connect-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        )
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        if device is not None:
            response.set_cookie(COOKIE, device, max_age=12 * 3600, httponly=True, samesite="strict")
        return response

    def who(request: Request) -> str | None:
        """The signed device id of the request's cookie, or None."""
        return devices.check(request.cookies.get(COOKIE))

    def refused(request: Request) -> Response | None:
        """A refusal when the query is too long or the sender is over its limit (a device with our cookie
        under ``requests``; a request without one under ``new_devices``, by network address)."""
        if len(request.url.query.encode()) > limits.query_bytes:
            return Response("Request too large\n", status_code=414, media_type="text/plain")
        device = who(request)
        address = request.client.host if request.client else "?"
        if not (rate.allow(device) if device is not None else issuing.allow(address)):
            nonce = secrets.token_urlsafe(12)
            code = "".join(ch for ch in request.query_params.get("room", "")[:8] if ch.isalnum()).upper()
            response = page(busy_page(language, nonce, code), nonce, status=429)
            response.headers["Retry-After"] = "5"
            return response
        return None

    async def home(request: Request) -> Response:
        stop = refused(request)
        if stop is not None:
            return stop
        nonce = secrets.token_urlsafe(12)
        code = request.query_params.get("room", "").strip().upper()[:8]
        message = request.query_params.get("m", "")
        device = who(request)
        new_cookie = None if device is not None else devices.new()
        device = device or new_cookie
        if not code:
            return page(join_page(language, nonce, message), nonce, device=new_cookie)
        if not secrets.compare_digest(code.encode(), room.code.encode()):
            return page(join_page(language, nonce, "bad_code", code), nonce, status=404, device=new_cookie)
        return page(room_page(language, nonce, room.view(device), code, message), nonce, device=new_cookie)

    async def version(request: Request) -> Response:
        stop = refused(request)
        if stop is not None:
            return stop
        code = request.query_params.get("room", "").strip().upper()
        if not secrets.compare_digest(code.encode(), room.code.encode()):
            return JSONResponse({"error": "bad_code"}, status_code=404)
        return JSONResponse({"version": room.version()}, headers={"Cache-Control": "no-store"})

    async def vote(request: Request) -> Response:
        stop = refused(request)
        if stop is not None:
            return stop
        declared = request.headers.get("content-length", "")
        if not declared.isdigit() or int(declared) > limits.body_bytes:
            return Response("Request too large\n", status_code=413, media_type="text/plain")
        body = b""
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > limits.body_bytes:
                    return Response("Request too large\n", status_code=413, media_type="text/plain")
        except ClientDisconnect:  # the phone went away mid-vote: nothing to count, nothing to log
            return Response("Incomplete request\n", status_code=400, media_type="text/plain")
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), max_num_fields=8).items() if v}
        code = form.get("room", "").strip().upper()[:8]
        device = who(request)
        if device is None:  # no cookie (or not ours): give one and ask for the tap again
            return _back(code, "cookie", devices.new())
        result = room.vote(code, form.get("token", "")[:64], device, form.get("choice", "")[:120])
        if result is VoteResult.BAD_CODE:
            return _back("", "bad_code", None)
        return _back(code, result.value, None)

    def _back(code: str, message: str, new_cookie: str | None) -> Response:
        target = f"/?room={quote(code)}&m={quote(message)}" if code else f"/?m={quote(message)}"
        response = RedirectResponse(target, status_code=303)
        if new_cookie is not None:
            response.set_cookie(COOKIE, new_cookie, max_age=12 * 3600, httponly=True, samesite="strict")
        return response

    return Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/v", version, methods=["GET"]),
            Route("/vote", vote, methods=["POST"]),
        ]
    )


class PhoneServer:
    """The app running in a background thread; ``stop()`` shuts it down cleanly."""

    def __init__(self, room: VoteRoom, language: str, host: str, port: int, limits: ServerLimits | None = None) -> None:
        self.room = room
        limits = limits or ServerLimits()
        self._socket = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.bind((host, port))
        except OSError:
            self._socket.close()
            raise
        self.host = host
        self.port: int = self._socket.getsockname()[1]
        config = uvicorn.Config(
            create_app(room, language, limits),
            log_level="warning",
            access_log=False,
            lifespan="off",
            http="h11",
            ws="none",
            loop="asyncio",
            limit_concurrency=limits.connections,
            timeout_keep_alive=5,
            h11_max_incomplete_event_size=8192,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="sticky-phone-votes", daemon=True)

    @property
    def address(self) -> str:
        """The short address phones type (``http://192.168.1.20:8765``)."""
        return room_url(self.host, self.port)

    @property
    def link(self) -> str:
        """The address with the room code, for the QR code (scanning needs no typing)."""
        return room_url(self.host, self.port, self.room.code)

    def _run(self) -> None:
        with contextlib.suppress(SystemExit):  # uvicorn exits its own loop this way on a startup failure
            self._server.run(sockets=[self._socket])

    def start(self, timeout: float = 10.0) -> PhoneServer:
        """Start serving; returns once the server accepts connections (raises OSError if it can't)."""
        self._thread.start()
        waited = 0.0
        while not self._server.started and self._thread.is_alive() and waited < timeout:
            threading.Event().wait(0.02)
            waited += 0.02
        if not self._server.started:
            self.stop()
            raise OSError("the phone-voting server did not start")
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop taking requests and wait for the thread to end."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._socket.close()

    def __enter__(self) -> PhoneServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def lan_address() -> str:
    """This computer's address on the local network (the one phones reach), or 127.0.0.1 if there is none.

    Connecting a UDP socket sends nothing; it only asks the system which interface would be used."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        address: str = probe.getsockname()[0]
        return address
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def room_url(host: str, port: int, code: str | None = None) -> str:
    """The address phones open (with ``?room=CODE`` for the QR code, so scanning needs no typing)."""
    shown = lan_address() if host in ("0.0.0.0", "", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    base = f"http://{shown}" + ("" if port == 80 else f":{port}")
    return f"{base}/?room={code}" if code else base
