"""The load test: 300 voters' phones vote on one decision over real HTTP on 127.0.0.1, and the projector's
counts equal the votes sent — none lost, none counted twice — with the requests bounded in number and time."""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter

import httpx
import pytest

from game.core.session import Session
from game.training.facilitate_model import GroupPlay
from game.training.vote_limits import Limits
from game.training.vote_room import VoteRoom
from game.training.vote_server import PhoneServer, ServerLimits
from game.training.vote_sync import phone_votes, sync
from tests.training.helpers import workshop

VOTERS = 300
CONCURRENCY = 24  # phones talking at once
CHANGERS = 30  # voters who change their mind once before the reveal


async def _voter(base: str, code: str, number: int, choices: list[str], gate: asyncio.Semaphore) -> tuple[str, int]:
    """One phone: open the page, read the decision's token from it, vote (some change their vote)."""
    async with gate, httpx.AsyncClient(base_url=base, timeout=30) as phone:
        page = await phone.get("/", params={"room": code})
        assert page.status_code == 200, page.text
        token = re.search(r'name="token" value="([^"]+)"', page.text)
        assert token is not None
        sent = 1
        final = choices[min(number % 6, len(choices) - 1)]  # an uneven split: no tie at the reveal
        if number < CHANGERS:
            first = choices[(choices.index(final) + 1) % len(choices)]
            answer = await phone.post("/vote", data={"room": code, "token": token[1], "choice": first})
            assert answer.status_code == 303 and "m=counted" in answer.headers["location"]
            sent += 1
        answer = await phone.post("/vote", data={"room": code, "token": token[1], "choice": final})
        assert answer.status_code == 303, answer.text
        assert ("m=changed" if number < CHANGERS else "m=counted") in answer.headers["location"]
        return final, sent + 1


@pytest.mark.slow  # 5 to 20 s on a shared machine
def test_three_hundred_phones_vote_and_the_projector_counts_each_once() -> None:
    play = GroupPlay(Session(workshop(), seed=0))
    room = VoteRoom()
    play.phone_votes = phone_votes(room, play)
    sync(room, play)
    choices = [c.id for c in play.choices]
    # Every test phone comes from 127.0.0.1, where a room's phones would each have their own address:
    # the per-address allowance of new devices is raised to the room's size; every other limit is the default.
    limits = ServerLimits(new_devices=Limits(device_rate=1, device_burst=VOTERS, room_burst=VOTERS))

    async def everyone(base: str) -> list[tuple[str, int]]:
        gate = asyncio.Semaphore(CONCURRENCY)
        return await asyncio.gather(*(_voter(base, room.code, n, choices, gate) for n in range(VOTERS)))

    with PhoneServer(room, "en", "127.0.0.1", 0, limits) as server:
        started = time.monotonic()
        results = asyncio.run(everyone(f"http://127.0.0.1:{server.port}"))
        elapsed = time.monotonic() - started
    sent = Counter(final for final, _requests in results)
    requests = sum(n for _final, n in results)
    assert requests == 2 * VOTERS + CHANGERS  # bounded in number: a page and a vote each, one more to change
    assert elapsed < 60, f"300 voters took {elapsed:.1f} s"
    assert sum(sent.values()) == VOTERS
    play.start_voting()
    assert play.counts() == {cid: sent[cid] for cid in choices}  # none lost, none counted twice
    play.reveal()
    play.play()
    assert play.rounds[-1].votes == {cid: sent[cid] for cid in choices}
