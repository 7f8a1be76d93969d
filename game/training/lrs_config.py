"""`sticky xapi config`: change the LRS settings in ``lrs.json`` and describe the settings in force.

``lrs.json`` holds ``endpoint``, ``username``, ``password``, ``activity_base`` and ``actor`` (``homepage``,
``account_name`` or ``mbox``). Environment variables win over the file (``STICKY_LRS_*`` for the LRS,
``STICKY_XAPI_*`` for the identity), and the description says when one does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from game.files import write_atomic
from game.training.lrs import CONFIG_NAME, lrs_config, read_config_file
from game.training.outbox import settings_from
from game.training.xapi_identity import XapiSettings, check_template

ACTOR_KEYS = ("homepage", "account_name", "mbox")
ENVIRONMENT = {
    "endpoint": "STICKY_LRS_ENDPOINT",
    "username": "STICKY_LRS_USERNAME",
    "password": "STICKY_LRS_PASSWORD",
    "activity_base": "STICKY_XAPI_ACTIVITY_BASE",
    "homepage": "STICKY_XAPI_HOMEPAGE",
    "account_name": "STICKY_XAPI_ACCOUNT_NAME",
    "mbox": "STICKY_XAPI_MBOX",
}


#: The longest value a setting may have (an address, a name, a secret, a template).
MAX_VALUE = 2000
#: The largest lrs.json the game reads back (``game.training.lrs.read_config_file``).
MAX_CONFIG_BYTES = 65_536


def _check(name: str, value: str) -> None:
    flag = f"--{name.replace('_', '-')}"
    if len(value) > MAX_VALUE:
        raise ValueError(f"{flag} is {len(value):,} characters long; a setting may have at most {MAX_VALUE:,}")
    if not value.isprintable():  # a newline in an address or a secret would end up in an HTTP header
        raise ValueError(f"{flag} holds characters that are not printable (a newline or a control character)")
    if name in ("homepage", "activity_base", "endpoint") and not value.startswith(("http://", "https://")):
        raise ValueError(f"--{name.replace('_', '-')} must be an http(s) address, not '{value}'")
    if name == "mbox":
        if not value.startswith("mailto:") or "@" not in value:
            raise ValueError(f"--mbox must look like 'mailto:{{learner_slug}}@your-organisation.org', not '{value}'")
        check_template(value, "--mbox")
    if name == "account_name":
        check_template(value, "--account-name")


def configure(data_dir: Path, changes: dict[str, str | None]) -> str:
    """Apply ``changes`` (an empty value removes the setting) to ``lrs.json`` atomically; returns the
    description of the settings then in force. Raises ValueError on a bad value or an unreadable file."""
    data: dict[str, Any] = dict(read_config_file(data_dir))
    actor: dict[str, Any] = dict(data.get("actor") or {}) if isinstance(data.get("actor"), dict) else {}
    for name, value in changes.items():
        value = (value or "").strip()
        if value:
            _check(name, value)
        target = actor if name in ACTOR_KEYS else data
        if name == "homepage":
            data.pop("homepage", None)  # the old top-level place
        if value:
            target[name] = value
        else:
            target.pop(name, None)
    if "mbox" in changes and actor.get("mbox") and "account_name" not in changes:
        actor.pop("account_name", None)
    if changes.get("account_name"):
        actor.pop("mbox", None)
    if actor:
        data["actor"] = actor
    else:
        data.pop("actor", None)
    if changes:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if len(text.encode("utf-8")) > MAX_CONFIG_BYTES:  # written, it could never be read back: nothing is
            raise ValueError(f"{CONFIG_NAME} would be larger than the {MAX_CONFIG_BYTES:,} bytes the game reads")
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        write_atomic(Path(data_dir) / CONFIG_NAME, text)
    return describe(data_dir)


def describe(data_dir: Path) -> str:
    """The LRS and identity settings in force, for people (the password hidden)."""
    config = lrs_config(data_dir)
    settings: XapiSettings = settings_from(read_config_file(data_dir))
    overridden = [var for var in ENVIRONMENT.values() if os.environ.get(var)]
    lines = [
        f"LRS endpoint: {config.endpoint if config else 'not set (statements wait in the outbox)'}",
        f"LRS user: {config.username if config and config.username else '-'}"
        + (" (password set)" if config and config.password else ""),
        f"activity IRIs: {settings.base}/scenarios/...",
    ]
    if settings.mbox:
        lines.append(f"learners: mbox {settings.mbox}")
    else:
        lines.append(f"learners: account {settings.account_name} at {settings.homepage}")
    example = settings.agent("Ana", "MON-AM")
    lines.append(f"e.g. Ana of cohort MON-AM is {json.dumps({k: v for k, v in example.items() if k != 'name'})}")
    lines.append(f"settings file: {Path(data_dir) / CONFIG_NAME}")
    if overridden:
        lines.append(f"from the environment (winning over the file): {', '.join(overridden)}")
    return "\n".join(lines)
