"""Who a statement is about: the xAPI actor an organisation's LRS or LMS recognises, from its settings.

The organisation chooses one of two identities for its learners (in ``lrs.json``, the environment or
``sticky xapi config``):

* an **account** on its own system: ``homePage`` (the LMS's address) and a ``name`` made from a template,
  ``{cohort}/{learner}`` unless it says otherwise;
* an **mbox**: a ``mailto:`` address made from a template such as ``mailto:{learner_slug}@school.example.org``.

Templates may use ``{learner}``, ``{cohort}`` (``-`` when there is none) and their ASCII, lower-case forms
``{learner_slug}`` and ``{cohort_slug}`` (letters, digits, dots). Group play is an identified xAPI *Group*: an
account per cohort and session (the playthrough) on the same home page, whose ``member`` list holds the
room's learners when the trainer named them (``sticky records learners``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_BASE = "https://sticky-situations.example/xapi"
DEFAULT_HOMEPAGE = "https://sticky-situations.example/learners"
DEFAULT_ACCOUNT_NAME = "{cohort}/{learner}"
FIELDS = ("learner", "cohort", "learner_slug", "cohort_slug")


class IdentityError(ValueError):
    """Identity settings that can't make a valid actor; the message says which and why."""


def slug(text: str) -> str:
    """``text`` as lower-case ASCII letters, digits and dots: ``Ana María`` -> ``ana.maria``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", ".", plain).strip(".") or "anonymous"


def check_template(template: str, what: str) -> str:
    """``template`` when every ``{field}`` in it is one we fill; else IdentityError naming the unknown one."""
    for name in re.findall(r"{([^{}]*)}", template):
        if name not in FIELDS:
            known = ", ".join("{" + f + "}" for f in FIELDS)
            raise IdentityError(f"{what} '{template}' uses {{{name}}}; it may use {known}")
    return template


def _fill(template: str, learner: str, cohort: str | None) -> str:
    values = {
        "learner": learner,
        "cohort": cohort or "-",
        "learner_slug": slug(learner),
        "cohort_slug": slug(cohort) if cohort else "none",
    }
    return re.sub(r"{([a-z_]+)}", lambda m: values.get(m.group(1), m.group(0)), template)


@dataclass(frozen=True)
class XapiSettings:
    """Where statement IRIs point and how learners are identified (see the module docstring)."""

    base: str = DEFAULT_BASE
    homepage: str = DEFAULT_HOMEPAGE
    account_name: str = DEFAULT_ACCOUNT_NAME
    mbox: str = ""  # a template; when set, learners are identified by mbox instead of an account

    def ext(self, name: str) -> str:
        """The IRI of one of our extensions."""
        return f"{self.base}/extensions/{name}"

    def identity(self) -> dict[str, str]:
        """The settings that decide who an actor is (part of every statement id)."""
        return {"base": self.base, "homepage": self.homepage, "account_name": self.account_name, "mbox": self.mbox}

    def agent(self, learner: str, cohort: str | None) -> dict[str, Any]:
        """The xAPI Agent of one learner."""
        learner = learner.strip() or "anonymous"
        if self.mbox:
            address = _fill(self.mbox, learner, cohort)
            if not re.fullmatch(r"mailto:[^@\s]+@[^@\s]+", address):
                raise IdentityError(f"the mbox template '{self.mbox}' gives '{address}', not a mailto: address")
            return {"objectType": "Agent", "name": learner, "mbox": address}
        return {
            "objectType": "Agent",
            "name": learner,
            "account": {"homePage": self.homepage, "name": _fill(self.account_name, learner, cohort)},
        }

    def group(self, cohort: str | None, session: str, members: Sequence[str] = ()) -> dict[str, Any]:
        """The identified xAPI Group of one group session of a cohort, with the room's learners as members."""
        group: dict[str, Any] = {
            "objectType": "Group",
            "name": f"{cohort or 'no cohort'} group session",
            "account": {"homePage": self.homepage, "name": f"group/{cohort or '-'}/{session}"},
        }
        if members:
            group["member"] = [self.agent(name, cohort) for name in members]
        return group


def ifi(actor: dict[str, Any]) -> str:
    """An actor's inverse functional identifier as one string (its account or mbox)."""
    if "mbox" in actor:
        return str(actor["mbox"])
    account = actor.get("account") or {}
    return f"{account.get('homePage')}#{account.get('name')}"
