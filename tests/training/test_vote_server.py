"""The phone-voting server over real HTTP on 127.0.0.1: what a phone's page holds, what a vote needs, and
the limits on size and rate; `sticky facilitate --serve` on a port that is taken."""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from game.training.vote_limits import Limits
from game.training.vote_room import Ballot, VoteRoom
from game.training.vote_server import COOKIE, PhoneServer, ServerLimits
from tests.training.helpers import WORKSHOP, sticky

BALLOT = Ballot(
    "0:start",
    1,
    "Decision 1 · Define the cost",
    "What does <saying yes> cost?",
    (("yes", "Say yes & smile"), ("no", "Say no"), ("ask", "Ask for a day")),
)


@pytest.fixture
def served() -> Iterator[tuple[VoteRoom, str]]:
    room = VoteRoom("K7P3")
    with PhoneServer(room, "es", "127.0.0.1", 0) as server:
        yield room, f"http://127.0.0.1:{server.port}"


def _token(page: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', page)
    assert found is not None, page
    return found[1]


def test_a_phone_joins_with_the_code_sees_the_choices_and_votes(served: tuple[VoteRoom, str]) -> None:
    room, base = served
    with httpx.Client(base_url=base) as phone:
        join = phone.get("/")
        assert join.status_code == 200 and "Código de sala" in join.text and 'lang="es"' in join.text
        wrong = phone.get("/", params={"room": "AAAA"})
        assert wrong.status_code == 404 and "Ese no es el código de esta sala" in wrong.text
        waiting = phone.get("/", params={"room": "k7p3"})
        assert "Ya estás en la sala" in waiting.text
        room.open(BALLOT)
        page = phone.get("/", params={"room": "K7P3"})
        assert page.status_code == 200
        # the choices in the room's order, as large buttons; scenario text escaped, never markup
        assert page.text.index("Say yes &amp; smile") < page.text.index("Say no") < page.text.index("Ask for a day")
        assert "What does &lt;saying yes&gt; cost?" in page.text
        assert page.text.count('class="c" type="submit"') == 3 and "Opción 2:" in page.text
        # nothing from outside: no external scripts, styles, fonts or images, and a policy that forbids them
        assert not re.search(r'(src|href)="(https?:)?//', page.text)
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert '<noscript><meta http-equiv="refresh"' in page.text  # follows the projector without JavaScript
        answer = phone.post("/vote", data={"room": "K7P3", "token": _token(page.text), "choice": "no"})
        assert answer.status_code == 303
        after = phone.get(answer.headers["location"])
        assert "Tu voto quedó registrado." in after.text and "Tu voto: opción 2." in after.text
        assert 'aria-pressed="true"' in after.text
    assert room.tally() == {"yes": 0, "no": 1, "ask": 0}
    assert list(phone.cookies.keys()) == [COOKIE]  # the only thing kept about a phone: a random id


def test_a_made_up_device_or_an_old_token_is_not_counted(served: tuple[VoteRoom, str]) -> None:
    room, base = served
    token = room.open(BALLOT)
    with httpx.Client(base_url=base, cookies={COOKIE: "made-up.0123456789abcdef01234567"}) as forger:
        answer = forger.post("/vote", data={"room": "K7P3", "token": token, "choice": "yes"})
        assert answer.status_code == 303 and "m=cookie" in answer.headers["location"]
    with httpx.Client(base_url=base) as phone:
        phone.get("/", params={"room": "K7P3"})
        room.open(Ballot("1:next", 2, "Decision 2", "", (("x", "Later"),)))
        stale = phone.post("/vote", data={"room": "K7P3", "token": token, "choice": "yes"}, follow_redirects=True)
        assert "El grupo pasó a otra decisión" in stale.text and "Later" in stale.text
    assert room.voters() == 0


def _until_refused(client: httpx.Client, path: str, cap: int = 300) -> tuple[list[int], float]:
    """Send requests as fast as one client can until one is refused (at most ``cap``): answers and seconds."""
    started = time.monotonic()
    answers: list[int] = []
    while 429 not in answers and len(answers) < cap:
        answers.append(client.get(path, params={"room": "K7P3"}).status_code)
    return answers, time.monotonic() - started


def test_requests_are_bounded_in_size_and_rate(served: tuple[VoteRoom, str]) -> None:
    room, base = served
    token = room.open(BALLOT)
    device, address = Limits(), ServerLimits().new_devices
    with httpx.Client(base_url=base) as phone:
        phone.get("/")
        big = phone.post("/vote", data={"room": "K7P3", "token": token, "choice": "x" * 4000})
        assert big.status_code == 413
        assert phone.get("/", params={"room": "K" * 400}).status_code == 414
        answers, seconds = _until_refused(phone, "/v")  # one device can't flood the room
        assert answers[-1] == 429 and answers.count(200) <= device.device_burst + device.device_rate * seconds + 1
        busy = next(r for r in (phone.get("/", params={"room": "K7P3"}) for _ in range(50)) if r.status_code == 429)
        assert "Demasiados toques a la vez" in busy.text and busy.headers["retry-after"] == "5"
    with httpx.Client(base_url=base) as fresh:  # cookie-less requests are limited by network address
        answers, seconds = _until_refused(fresh, "/v")
        assert answers[-1] == 429 and answers.count(200) <= address.device_burst + address.device_rate * seconds + 1
    assert room.voters() == 0


def test_the_server_stops_cleanly() -> None:
    room = VoteRoom()
    server = PhoneServer(room, "en", "127.0.0.1", 0).start()
    port = server.port
    assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=2)


def test_serve_on_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = sticky(
            "facilitate", str(WORKSHOP), "--serve", "--host", "127.0.0.1", "--port", str(port), "--keys", "esc",
            data=tmp_path,
        )  # fmt: skip
    assert run.returncode == 1
    assert f"error: can't serve phone votes on 127.0.0.1:{port}" in run.stderr and "--port 0" in run.stderr
    assert "Traceback" not in run.stderr


def test_serve_shows_the_address_and_room_code(tmp_path: Path) -> None:
    run = sticky(
        "facilitate", str(WORKSHOP), "--serve", "--host", "127.0.0.1", "--port", "0", "--keys", "esc",
        "--no-record", data=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert re.search(r"phones: open http://127\.0\.0\.1:\d+ and type room code [A-Z0-9]{4}", run.stdout)


def _raw(port: int, request: bytes, wait: float = 5.0) -> bytes:
    """Send bytes no browser would and return the first line of the answer (b"" when the server hung up)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as phone:
        phone.sendall(request)
        answer = b""
        with contextlib.suppress(TimeoutError):
            while chunk := phone.recv(65536):
                answer += chunk
        return answer.split(b"\r\n", 1)[0]


def test_a_garbled_cookie_or_a_phone_gone_mid_vote_never_reaches_the_facilitators_console() -> None:
    room = VoteRoom("K7P3")
    room.open(BALLOT)
    heard: list[str] = []
    catcher = logging.Handler(logging.WARNING)
    catcher.emit = lambda record: heard.append(record.getMessage())  # type: ignore[method-assign]
    console = logging.getLogger("uvicorn.error")
    with PhoneServer(room, "en", "127.0.0.1", 0) as server:
        console.addHandler(catcher)
        try:
            for cookie in (b"sticky_device=abc.\xff\xfe", b"sticky_device=\xc3\xa9.x", b'sticky_device="a.b\\"c"; ;=;'):
                answer = _raw(server.port, b"GET /?room=K7P3 HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + b"\r\n\r\n")
                assert answer == b"HTTP/1.1 200 OK", cookie  # the page, with a fresh device id (was a 500)
            with socket.create_connection(("127.0.0.1", server.port)) as phone:  # says 100 bytes, sends 7, leaves
                phone.sendall(b"POST /vote HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nroom=K7")
            time.sleep(0.5)
        finally:
            console.removeHandler(catcher)
    assert heard == []  # no "Exception in ASGI application" and its traceback on the projector laptop
    assert room.voters() == 0
