"""The page a phone sees when the room votes: one small self-contained HTML document per request.

No external scripts, styles or fonts (it must work on a room's network with no internet); it works
without JavaScript (every vote is an ordinary form), and a few lines of inline script only reload it
when the projector moves on. Large tap targets, a labelled group of choices, a live status line for
screen readers. Every word comes from game/locale in the room's language; every scenario text is escaped.
"""

from __future__ import annotations

from html import escape

from game.locale import tr_in
from game.training.vote_room import PhoneView

#: Messages a page can show after a vote or a refused request (the keys of ``phone.msg.*``).
MESSAGES = ("counted", "changed", "same", "bad_code", "stale", "closed", "unknown_choice", "full", "cookie", "busy")

_STYLE = """
*{box-sizing:border-box}
body{margin:0;font:1.125rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4efe6;color:#2b2622}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
header{background:#266863;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-size:1rem}
h1{font-size:1.35rem;margin:.9rem 0 .4rem}
h2{font-size:1.15rem;margin:1.1rem 0 .3rem}
.q{background:#deece9;border-left:.35rem solid #266863;padding:.6rem .8rem;margin:.5rem 0 1rem}
fieldset{border:0;margin:0;padding:0}
legend{font-weight:700;margin-bottom:.5rem}
button,input{font:inherit}
.c{display:flex;gap:.75rem;align-items:flex-start;width:100%;min-height:4rem;margin:0 0 .75rem;padding:.85rem 1rem;
text-align:left;background:#fffdf9;color:#2b2622;border:2px solid #d6cbb8;border-radius:.8rem;cursor:pointer}
.c:focus-visible,.go:focus-visible,input:focus-visible{outline:.25rem solid #c4683e;outline-offset:2px}
.c[aria-pressed=true]{border:.2rem solid #266863;background:#deece9}
.n{flex:none;display:inline-flex;align-items:center;justify-content:center;width:2.2rem;height:2.2rem;
border-radius:50%;background:#266863;color:#fff;font-weight:700}
.mine{display:block;margin-top:.3rem;font-weight:700;color:#266863}
.s{font-weight:700;padding:.6rem .8rem;border-radius:.6rem;background:#fff;border:1px solid #d6cbb8}
.s:empty{display:none}
.err{border-color:#b23e2c;color:#8a2f20}
label{display:block;font-weight:700;margin:.5rem 0}
input{width:100%;min-height:3.5rem;padding:.5rem .8rem;font-size:1.6rem;letter-spacing:.3rem;text-transform:uppercase;
border:2px solid #d6cbb8;border-radius:.6rem}
.go{width:100%;min-height:3.5rem;margin-top:.9rem;background:#266863;color:#fff;border:0;border-radius:.6rem;
font-weight:700}
ul{padding-left:1.2rem}
.small{color:#685f57;font-size:1rem}
"""

_SCRIPT = """
(function(){var v=%d,r=%s;if(!r)return;
setInterval(function(){fetch('/v?room='+encodeURIComponent(r),{cache:'no-store',credentials:'same-origin'})
.then(function(x){return x.ok?x.json():null}).then(function(j){if(j&&j.version!==v)location.replace('/?room='+
encodeURIComponent(r))}).catch(function(){})},2000)})();
"""


def _t(lang: str, key: str, **values: object) -> str:
    return escape(tr_in(lang, f"phone.{key}", **values))


def _message(lang: str, message: str, extra: str = "") -> str:
    """The live status line: the answer to the last request (if any), then ``extra`` (already escaped)."""
    said = _t(lang, "msg." + message) if message in MESSAGES else ""
    bad = said and message not in ("counted", "changed", "same")
    text = " ".join(part for part in (said, extra) if part)
    return f'<p class="s{" err" if bad else ""}" role="status" aria-live="polite">{text}</p>'


def join_page(lang: str, nonce: str, message: str = "", code: str = "") -> str:
    """The form that asks for the room code (also shown after a wrong one)."""
    body = f"""<h1>{_t(lang, "join_title")}</h1>
<p>{_t(lang, "join_help")}</p>
{_message(lang, message)}
<form method="get" action="/">
<label for="room">{_t(lang, "code_label")}</label>
<input id="room" name="room" value="{escape(code)}" maxlength="8" autocomplete="off" autocapitalize="characters"
 spellcheck="false" required>
<button class="go" type="submit">{_t(lang, "join")}</button>
</form>"""
    return _document(lang, nonce, body, version=-1, code="")


def room_page(lang: str, nonce: str, view: PhoneView, code: str, message: str = "") -> str:
    """The room's page for one device: waiting, the choices, votes closed, the result or the ending."""
    parts: list[str] = []
    ballot = view.ballot
    if view.stage == "open" and ballot is not None:
        parts.append(f"<h1>{escape(ballot.heading)}</h1>")
        if ballot.question:
            parts.append(f'<p class="q">{escape(ballot.question)}</p>')
        mine_no = next((i for i, (cid, _x) in enumerate(ballot.choices, 1) if cid == view.mine), 0)
        parts.append(_message(lang, message, _t(lang, "your_vote", n=mine_no) if mine_no else ""))
        parts.append('<form method="post" action="/vote"><fieldset>')
        parts.append(f"<legend>{_t(lang, 'choose')}</legend>")
        parts.append(f'<input type="hidden" name="room" value="{escape(code)}">')
        parts.append(f'<input type="hidden" name="token" value="{escape(view.token)}">')
        for number, (cid, text) in enumerate(ballot.choices, 1):
            chosen = cid == view.mine
            mark = f'<span class="mine">✓ {_t(lang, "mine")}</span>' if chosen else ""
            parts.append(
                f'<button class="c" type="submit" name="choice" value="{escape(cid)}" '
                f'aria-pressed="{"true" if chosen else "false"}">'
                f'<span class="n" aria-hidden="true">{number}</span>'
                f'<span><span class="sr">{_t(lang, "option", n=number)}</span> {escape(text)}{mark}</span></button>'
            )
        parts.append("</fieldset></form>")
        parts.append(f'<p class="small">{_t(lang, "change_hint")}</p>')
    elif view.stage == "closed":
        parts.append(f"<h1>{_t(lang, 'closed_title')}</h1>")
        parts.append(_message(lang, message))
        parts.append(f"<p>{_t(lang, 'closed_help')}</p>")
    elif view.stage == "result" and view.result is not None:
        result = view.result
        parts.append(f"<h1>{_t(lang, 'result_title')}</h1>")
        parts.append(_message(lang, message))
        parts.append(f'<p class="q">{escape(result.played)}</p>')
        if result.counts:
            parts.append(f"<h2>{_t(lang, 'votes_title')}</h2><ul>")
            for number, (text, count) in enumerate(result.counts, 1):
                key = "votes_one" if count == 1 else "votes_many"
                parts.append(f"<li><strong>{number}.</strong> {escape(text)} — {_t(lang, key, n=count)}</li>")
            parts.append("</ul>")
        if result.note:
            parts.append(f"<h2>{_t(lang, 'note_title')}</h2><p>{escape(result.note)}</p>")
        parts.append(f'<p class="small">{_t(lang, "next_hint")}</p>')
    elif view.stage == "ended":
        parts.append(f"<h1>{_t(lang, 'ended_title')}</h1>")
        if view.ending:
            parts.append(f'<p class="q">{escape(view.ending)}</p>')
        parts.append(f"<p>{_t(lang, 'ended_help')}</p>")
    else:
        parts.append(f"<h1>{_t(lang, 'waiting_title')}</h1>")
        parts.append(_message(lang, message))
        parts.append(f"<p>{_t(lang, 'waiting_help')}</p>")
    return _document(lang, nonce, "\n".join(parts), version=view.version, code=code)


def busy_page(lang: str, nonce: str, code: str) -> str:
    """Asked to wait: this phone (or this network address) sent too many requests too fast."""
    body = f"""<h1>{_t(lang, "busy_title")}</h1>
{_message(lang, "busy")}
<p><a href="/?room={escape(code)}">{_t(lang, "try_again")}</a></p>"""
    return _document(lang, nonce, body, version=-1, code="")


def _document(lang: str, nonce: str, body: str, *, version: int, code: str) -> str:
    script = _SCRIPT % (version, _js_string(code)) if code else ""
    room = f"<p>{_t(lang, 'room', code=code)}</p>" if code else ""
    # Without JavaScript the page still follows the projector, by reloading itself every few seconds.
    again = f'<noscript><meta http-equiv="refresh" content="6;url=/?room={escape(code)}"></noscript>' if code else ""
    return f"""<!doctype html>
<html lang="{escape(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">{again}
<title>{_t(lang, "page_title")}</title>
<style nonce="{nonce}">{_STYLE}.sr{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}</style>
</head><body><header><p><strong>{_t(lang, "brand")}</strong></p>{room}</header>
<main>
{body}
</main>
<script nonce="{nonce}">{script}</script>
</body></html>"""


def _js_string(text: str) -> str:
    """``text`` as a JavaScript string literal safe inside a script element (room codes are plain anyway)."""
    safe = "".join(ch for ch in text if ch.isalnum())
    return f"'{safe}'"
