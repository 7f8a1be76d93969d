"""Sending queued xAPI statements to a learning record store (LRS), with retries, using only urllib.

The LRS is configured by ``STICKY_LRS_ENDPOINT``, ``STICKY_LRS_USERNAME`` and ``STICKY_LRS_PASSWORD``,
or by ``lrs.json`` in the data folder (``{"endpoint": ..., "username": ..., "password": ...}``; it may
also set ``activity_base`` and the learners' identity, ``actor``: see ``game.training.xapi_identity`` and
``sticky xapi config``). Each statement is composed when it is sent and PUT with its own id (or POSTed in
batches): 200/204 means stored, and a repeat of a statement the LRS already has is answered 204 too, so a
statement whose answer was lost (a timeout, a crash) is simply sent again, never duplicated.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.core.visible import visible
from game.files import read_json_file
from game.locale import plural
from game.training.outbox import Pending, compose_pending, mark, mark_many, pending_refs
from game.training.record_store import Records
from game.training.xapi import XAPI_VERSION

CONFIG_NAME = "lrs.json"


@dataclass(frozen=True)
class LRSConfig:
    """Where and how to reach the LRS."""

    endpoint: str
    username: str = ""
    password: str = ""

    def statements_url(self, statement_id: str) -> str:
        """The URL to PUT one statement to."""
        base = self.endpoint.rstrip("/")
        if base.endswith("/statements"):
            base = base[: -len("/statements")]
        return f"{base}/statements?statementId={urllib.parse.quote(statement_id)}"


def read_config_file(data_dir: Path) -> dict[str, Any]:
    """The contents of ``lrs.json`` in ``data_dir`` ({} when missing); raises ValueError when unreadable."""
    path = Path(data_dir) / CONFIG_NAME
    if not path.exists():
        return {}
    try:
        data = read_json_file(path, max_bytes=65_536)
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: can't be read as JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must hold a JSON object with endpoint, username and password")
    return data


def lrs_config(data_dir: Path | None) -> LRSConfig | None:
    """The LRS settings from the environment, else from ``lrs.json``; None when no endpoint is set."""
    data = read_config_file(data_dir) if data_dir is not None else {}
    endpoint = os.environ.get("STICKY_LRS_ENDPOINT") or str(data.get("endpoint") or "")
    if not endpoint:
        return None
    shown = visible(endpoint if len(endpoint) <= 200 else endpoint[:199] + "…")
    if not endpoint.isprintable():  # from STICKY_LRS_ENDPOINT or a hand-edited lrs.json: never into a request
        raise ValueError(f"the LRS endpoint '{shown}' holds characters that are not printable (a newline?)")
    try:
        parsed = urllib.parse.urlparse(endpoint)
    except ValueError as exc:  # "Invalid IPv6 URL"
        raise ValueError(f"the LRS endpoint '{shown}' is not an http(s) URL ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"the LRS endpoint '{shown}' is not an http(s) URL")
    return LRSConfig(
        endpoint=endpoint,
        username=os.environ.get("STICKY_LRS_USERNAME") or str(data.get("username") or ""),
        password=os.environ.get("STICKY_LRS_PASSWORD") or str(data.get("password") or ""),
    )


@dataclass
class SendReport:
    """What one ``send_pending`` run did."""

    sent: int = 0
    conflicts: int = 0
    rejected: int = 0
    left: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people."""
        text = f"{self.sent} sent, {self.left} still queued"
        if self.conflicts:
            conflicts = plural("en", self.conflicts, "count.conflicts")
            text += f", {conflicts} (the LRS holds a different statement with the same id)"
        if self.rejected:
            text += f", {self.rejected} rejected by the LRS"
        return text


class _Retry(Exception):
    """A failure worth retrying (network, timeout, 5xx, 429)."""


class _Stop(Exception):
    """A failure that no retry will fix now (authentication, wrong endpoint)."""


Opener = Callable[[urllib.request.Request, float], Any]


def _default_open(request: urllib.request.Request, timeout: float) -> Any:
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - the endpoint is http(s), checked above


def headers(config: LRSConfig) -> dict[str, str]:
    """The headers of every request to the LRS: JSON, the xAPI version, and Basic authentication if set."""
    out = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
    if config.username or config.password:
        token = base64.b64encode(f"{config.username}:{config.password}".encode()).decode("ascii")
        out["Authorization"] = f"Basic {token}"
    return out


def _request(config: LRSConfig, url: str, body: Any, method: str, timeout: float, opener: Opener) -> str:
    """Send one request; returns 'sent' or 'conflict', or raises _Retry / _Stop / ValueError (rejected)."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers=headers(config), method=method)
    try:
        with opener(request, timeout) as response:
            response.read()
            return "sent"
    except urllib.error.HTTPError as exc:
        code = exc.code
        detail = exc.read()[:300].decode("utf-8", "replace") if exc.fp is not None else ""
        if code == 409:
            return "conflict"
        if code in (401, 403, 404, 405):
            raise _Stop(f"the LRS answered {code} {exc.reason}: check the endpoint and credentials") from None
        if code == 429 or code >= 500:
            raise _Retry(f"the LRS answered {code} {exc.reason} {detail}".strip()) from None
        raise ValueError(f"the LRS rejected the statement: {code} {exc.reason} {detail}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _Retry(f"the LRS can't be reached ({reason})") from None


def _put(config: LRSConfig, item: Pending, timeout: float, opener: Opener) -> str:
    """PUT one statement under its id."""
    try:
        return _request(config, config.statements_url(item.statement_id), item.body, "PUT", timeout, opener)
    except ValueError as exc:
        raise ValueError(f"statement {item.statement_id} ({item.ref}): {exc}") from None


def _post(config: LRSConfig, items: list[Pending], timeout: float, opener: Opener) -> str:
    """POST a batch of statements (each with its id): 'sent' when the LRS took them all (or had them already)."""
    url = config.statements_url("").split("?", 1)[0]
    return _request(config, url, [i.body for i in items], "POST", timeout, opener)


def _with_retries(act: Callable[[], str], retries: int, backoff: float) -> str:
    for attempt in range(retries + 1):
        try:
            return act()
        except _Retry:
            if attempt >= retries:
                raise
            time.sleep(backoff * 2**attempt)
    raise AssertionError("unreachable")


def send_pending(
    records: Records,
    *,
    config: LRSConfig | None = None,
    retries: int = 3,
    timeout: float = 10.0,
    backoff: float = 0.5,
    include_failed: bool = False,
    opener: Opener = _default_open,
    batch: int = 1,
) -> SendReport:
    """Send every queued statement in order, each composed now from the records and settings. Stops at the
    first statement that still fails after ``retries`` retries (the LRS is down): the rest stay queued.

    ``batch`` > 1 POSTs that many statements at a time (far fewer round trips for a large backlog); a batch the
    LRS refuses as a whole (409 or 400) is then sent one PUT at a time, to learn which statement it was.
    """
    report = SendReport()
    config = config or lrs_config(records.data_dir)
    rows = pending_refs(records.db, include_failed)
    if config is None:
        report.left = len(rows)
        report.errors.append("no LRS configured (STICKY_LRS_ENDPOINT or lrs.json in the data folder)")
        return report
    done = 0
    group: list[Pending] = []
    try:
        for item in compose_pending(records.db, records.data_dir, rows):
            group.append(item)
            if len(group) >= max(1, batch):
                done += _send_group(records, config, group, report, retries, timeout, backoff, opener)
                group = []
        if group:
            done += _send_group(records, config, group, report, retries, timeout, backoff, opener)
    except (_Retry, _Stop) as exc:
        report.errors.append(str(exc))
        report.left = len(pending_refs(records.db))
    except ValueError as exc:  # identity settings that make no valid actor (IdentityError), a broken lrs.json
        report.errors.append(str(exc))
        report.left = len(rows)
    return report


def _send_group(
    records: Records,
    config: LRSConfig,
    group: list[Pending],
    report: SendReport,
    retries: int,
    timeout: float,
    backoff: float,
    opener: Opener,
) -> int:
    """Send one group (one PUT, or one POST of a batch); raises _Retry / _Stop when the LRS is out of reach."""
    if len(group) > 1:
        try:
            status = _with_retries(lambda: _post(config, group, timeout, opener), retries, backoff)
        except ValueError:
            status = "conflict"  # refused as a whole: find the culprit one at a time
        if status == "sent":
            mark_many(records.db, group, "sent")
            report.sent += len(group)
            return len(group)
    for item in group:
        try:
            status = _with_retries(functools.partial(_put, config, item, timeout, opener), retries, backoff)
        except _Retry as exc:
            mark(records.db, item, "queued", str(exc))
            raise
        except ValueError as exc:
            mark(records.db, item, "rejected", str(exc))
            report.errors.append(str(exc))
            report.rejected += 1
            continue
        mark(records.db, item, status)
        if status == "sent":
            report.sent += 1
        else:
            report.conflicts += 1
    return len(group)
