"""Tells the learner, once, in the window, when their playthrough is not being recorded or autosaved.

The recorder (``game.ui.recorder``) puts what went wrong with the records in its ``news``; a playthrough
marks an autosave that failed with ``save_failed``. ``tell`` is called every frame: it retries writes a lock
held up (and autosaves again once the playthrough's record is written) and shows each problem with
``App.show_notice``, in the learner's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.locale import tr
from game.ui.recorder import BUSY, CAUGHT_UP

if TYPE_CHECKING:
    from game.ui.app import App

#: How long the "written after all" notice stays (seconds); the problems stay until dismissed.
CAUGHT_UP_SECONDS = 8.0


def tell(app: App) -> None:
    """Retry held-up record writes and show any new records or autosave problem as a notice."""
    recorder = app.recorder
    recorder.poll()
    while recorder.news:
        kind = recorder.news.pop(0)
        if kind == CAUGHT_UP:
            if app.notice is None or app.notice.kind != "error":  # never hides an autosave problem
                app.show_notice("info", tr("records.caught_up"), seconds=CAUGHT_UP_SECONDS)
        else:  # a lock goes by itself and loses nothing: not shown as an error
            app.show_notice("info" if kind == BUSY else "error", tr(f"records.{kind}"), [tr(f"records.{kind}_more")])
    playthrough = app.playthrough
    if playthrough is not None:
        playthrough.save_record()  # a record written after all is named in the autosave at once
    failed = playthrough is not None and playthrough.save_failed
    if failed and not app.autosave_told:
        app.show_notice("error", tr("autosave.failed"), [tr("autosave.failed_more")])
    app.autosave_told = app.autosave_told or failed
