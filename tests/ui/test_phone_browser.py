"""Phones vote in real headless Chromium (Debian's, driven by Selenium through Debian's chromedriver; nothing is
downloaded): several phones join, vote, one changes its vote, votes close at the reveal and every phone then
shows what the room played. Screenshots at a phone's size in English and Spanish go to $STICKY_PHONE_SHOTS
when it is set (to look at them), else to a temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.core.session import Session
from game.training.facilitate_model import GroupPlay
from game.training.vote_room import VoteRoom
from game.training.vote_server import PhoneServer
from game.training.vote_sync import phone_votes, sync
from tests.training.helpers import workshop

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the [test] extra has it)")
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.expected_conditions import staleness_of  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(DRIVER is None, reason="chromedriver is not installed (apt-get install chromium-driver)"),
]
PHONE = (390, 844)


@pytest.fixture
def phones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], object]]:
    """Opens a fresh headless Chromium at a phone's size (its own profile: its own cookies) per call."""
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never fetch a browser or a driver
    opened: list[object] = []

    def open_phone() -> object:
        options = webdriver.ChromeOptions()
        options.binary_location = BROWSER or ""
        for flag in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / f'profile-{len(opened)}'}",
        ):
            options.add_argument(flag)
        metrics = {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 1.0}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
        opened.append(driver)
        return driver

    yield open_phone
    for driver in opened:
        driver.quit()  # type: ignore[attr-defined]


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("STICKY_PHONE_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _wait_for(driver: object, text: str) -> None:
    """Wait until the page (perhaps reloading meanwhile) shows ``text``. A page being replaced can also answer
    "Node with given id does not belong to the document" (a plain WebDriverException): looked at again."""
    reloading = (StaleElementReferenceException, WebDriverException)
    wait = WebDriverWait(driver, 15, poll_frequency=0.2, ignored_exceptions=reloading)
    wait.until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)


def _tap(driver: object, number: int) -> None:
    """Tap choice ``number`` and wait for the page the vote leads to."""
    button = driver.find_elements(By.CSS_SELECTOR, "button.c")[number - 1]  # type: ignore[attr-defined]
    button.click()
    WebDriverWait(driver, 15, poll_frequency=0.1).until(staleness_of(button))
    _wait_for(driver, "")


@pytest.mark.slow  # three Chromiums: 10 to 20 s a language on a shared machine
@pytest.mark.parametrize("language", ["en", "es"])
def test_phones_vote_change_their_vote_and_see_the_outcome(
    language: str, phones: Callable[[], object], tmp_path: Path
) -> None:
    shots = _shots(tmp_path)
    play = GroupPlay(Session(workshop(language), seed=0))
    room = VoteRoom()
    play.phone_votes = phone_votes(room, play)
    sync(room, play)
    words = {
        "en": ("Join the room", "Your vote: choice 2.", "Votes are closed", "The room played", "Choice 1:"),
        "es": ("Entrar a la sala", "Tu voto: opción 2.", "La votación está cerrada", "El grupo eligió", "Opción 1:"),
    }[language]
    with PhoneServer(room, language, "127.0.0.1", 0) as server:
        base = f"http://127.0.0.1:{server.port}"
        first, second, third = (phones() for _ in range(3))
        first.get(base + "/")  # type: ignore[attr-defined]
        _wait_for(first, words[0])
        first.save_screenshot(str(shots / f"phone-{language}-1-join.png"))  # type: ignore[attr-defined]
        field = first.find_element(By.ID, "room")  # type: ignore[attr-defined]
        field.send_keys(room.code.lower())
        first.find_element(By.CSS_SELECTOR, "button.go").click()  # type: ignore[attr-defined]
        _wait_for(first, room.code)
        second.get(server.link.replace(server.address, base))  # type: ignore[attr-defined]  # as the QR code does
        third.get(f"{base}/?room={room.code}")  # type: ignore[attr-defined]
        buttons = first.find_elements(By.CSS_SELECTOR, "button.c")  # type: ignore[attr-defined]
        assert [b.text.split("\n")[-1] for b in buttons] == [c.text for c in play.choices]  # the room's order
        assert buttons[0].accessible_name.startswith(words[4])  # what a screen reader says
        assert min(b.size["height"] for b in buttons) >= 48  # tap targets at least 48 px high
        first.save_screenshot(str(shots / f"phone-{language}-2-choices.png"))  # type: ignore[attr-defined]
        _tap(first, 1)
        _tap(second, 2)
        _tap(third, 2)
        _tap(first, 2)  # changes its mind before the reveal
        _wait_for(first, words[1])
        first.save_screenshot(str(shots / f"phone-{language}-3-voted.png"))  # type: ignore[attr-defined]
        ids = [c.id for c in play.choices]
        assert room.tally() == {ids[0]: 0, ids[1]: 3, **{cid: 0 for cid in ids[2:]}}
        play.start_voting()
        play.selected = 0
        play.type_digit("2")  # two people without a phone raise their hands
        assert play.counts()[ids[0]] == 2 and play.counts()[ids[1]] == 3
        play.reveal()
        sync(room, play)
        _wait_for(third, words[2])  # the page notices on its own and reloads
        play.play()
        assert play.rounds[-1].votes[ids[1]] == 3 and play.rounds[-1].picked == ids[1]
        sync(room, play)
        played = play.choices and play.rounds[-1].choices[1].text
        for phone in (first, second, third):
            _wait_for(phone, words[3])
            assert played in phone.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
        second.save_screenshot(str(shots / f"phone-{language}-4-result.png"))  # type: ignore[attr-defined]
