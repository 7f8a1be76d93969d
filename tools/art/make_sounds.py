"""Synthesise the UI sounds of Sticky Situations with the standard library only.

Usage (from the repository root)::

    python tools/art/make_sounds.py            # writes assets/sounds/*.wav
    python tools/art/make_sounds.py --check    # also loads each file with pygame.mixer

Every sound is 44.1 kHz, 16-bit, mono, shorter than one second, with a short fade in and out,
and normalised to a quiet peak (about -12 dBFS; the frequent ``ui_move`` tick is a bit softer).
The tones are soft sine partials with exponential decays (no noise, so the output is
bit-for-bit reproducible).
"""

from __future__ import annotations

import argparse
import math
import os
import struct
import sys
import wave
from collections.abc import Callable, Sequence

TOOLS = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(os.path.dirname(os.path.dirname(TOOLS)), "game", "assets", "sounds")
RATE = 44_100


def db_to_amp(db: float) -> float:
    return float(10 ** (db / 20))


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def tone(
    freq: float,
    seconds: float,
    partials: Sequence[tuple[float, float, float]] = ((1.0, 1.0, 1.0),),
    attack: float = 0.005,
    decay: float = 6.0,
    glide: float = 0.0,
) -> list[float]:
    """A decaying tone. ``partials``: (frequency ratio, amplitude, decay multiplier).

    ``decay`` is the exponential decay rate (1/s) of the fundamental; ``glide`` bends the pitch
    by that fraction over the sound (negative = downwards).
    """
    n = int(RATE * seconds)
    out = [0.0] * n
    for ratio, amp, dmul in partials:
        phase = 0.0
        for i in range(n):
            t = i / RATE
            f = freq * ratio * (1 + glide * t / seconds)
            phase += 2 * math.pi * f / RATE
            env = math.exp(-decay * dmul * t)
            out[i] += amp * env * math.sin(phase)
    a = max(1, int(RATE * attack))
    for i in range(min(a, n)):
        out[i] *= 0.5 - 0.5 * math.cos(math.pi * i / a)
    return out


def mix_at(base: list[float], other: list[float], start: float, gain: float = 1.0) -> list[float]:
    s = int(RATE * start)
    need = s + len(other)
    if need > len(base):
        base = base + [0.0] * (need - len(base))
    for i, v in enumerate(other):
        base[s + i] += v * gain
    return base


def lowpass(samples: list[float], cutoff: float) -> list[float]:
    """A gentle one-pole low-pass filter (takes the edge off the high partials)."""
    rc = 1 / (2 * math.pi * cutoff)
    alpha = (1 / RATE) / (rc + 1 / RATE)
    out: list[float] = []
    y = 0.0
    for x in samples:
        y += alpha * (x - y)
        out.append(y)
    return out


def finish(samples: list[float], peak_db: float = -12.0, fade_in: float = 0.004, fade_out: float = 0.04) -> list[float]:
    """Fade in/out and normalise the peak to ``peak_db`` dBFS."""
    n = len(samples)
    fi = max(1, int(RATE * fade_in))
    fo = max(1, int(RATE * fade_out))
    out = list(samples)
    for i in range(min(fi, n)):
        out[i] *= i / fi
    for i in range(min(fo, n)):
        out[n - 1 - i] *= i / fo
    peak = max(abs(v) for v in out) or 1.0
    gain = db_to_amp(peak_db) / peak
    return [v * gain for v in out]


def write_wav(path: str, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(v * 32767)))) for v in samples)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


# ------------------------------------------------------------------------------------------
# The sounds
# ------------------------------------------------------------------------------------------

BELL = ((1.0, 1.0, 1.0), (2.0, 0.35, 1.6), (3.0, 0.12, 2.4))
SOFT_BELL = ((1.0, 1.0, 1.0), (2.76, 0.22, 1.8), (5.4, 0.06, 3.0), (0.5, 0.25, 0.8))


def ui_move() -> list[float]:
    """A tiny, muted tick (moving the focus between choices)."""
    s = tone(1760, 0.045, ((1.0, 1.0, 1.0), (2.0, 0.2, 1.5)), attack=0.001, decay=90, glide=-0.05)
    return finish(lowpass(s + silence(0.01), 5000), peak_db=-14, fade_in=0.001, fade_out=0.01)


def ui_select() -> list[float]:
    """A soft, rounded click (pressing a button)."""
    s = tone(660, 0.09, ((1.0, 1.0, 1.0), (1.5, 0.35, 1.4), (3.0, 0.1, 2.0)), attack=0.002, decay=45, glide=-0.08)
    return finish(lowpass(s + silence(0.02), 4000), fade_in=0.002, fade_out=0.02)


def choice_confirm() -> list[float]:
    """A gentle two-note chime (a choice is locked in): E5 then A5."""
    out = tone(659.25, 0.45, BELL, attack=0.004, decay=7)
    out = mix_at(out, tone(880.0, 0.45, BELL, attack=0.004, decay=6.5), 0.11, 0.9)
    return finish(lowpass(out, 6000), fade_out=0.06)


def outcome_good() -> list[float]:
    """A warm rising chime: C5 E5 G5 C6, overlapping."""
    out: list[float] = []
    for k, f in enumerate((523.25, 659.25, 783.99, 1046.5)):
        out = mix_at(out, tone(f, 0.6 - 0.05 * k, BELL, attack=0.006, decay=5.5), 0.085 * k, 1.0 - 0.12 * k)
    return finish(lowpass(out, 5500), fade_out=0.08)


def outcome_bad() -> list[float]:
    """A soft, low, slightly falling two-note tone (not harsh, just 'hmm')."""
    warm = ((1.0, 1.0, 1.0), (2.0, 0.18, 1.4), (1.003, 0.5, 1.0))
    out = tone(293.66, 0.35, warm, attack=0.02, decay=4.5)
    out = mix_at(out, tone(246.94, 0.5, warm, attack=0.02, decay=4.0, glide=-0.015), 0.2, 0.95)
    return finish(lowpass(out, 2500), fade_in=0.01, fade_out=0.1)


def event() -> list[float]:
    """A single soft bell (a rule or an event has happened)."""
    out = tone(784.0, 0.85, SOFT_BELL, attack=0.003, decay=4.2)
    return finish(lowpass(out, 5000), fade_out=0.12)


def ending_good() -> list[float]:
    """The playthrough ended well: a soft, settled C major chord rolled upwards (C4 G4 C5 E5), held a little."""
    out: list[float] = []
    for k, f in enumerate((261.63, 392.0, 523.25, 659.25)):
        out = mix_at(out, tone(f, 0.9 - 0.06 * k, BELL, attack=0.01, decay=3.2), 0.06 * k, 1.0 - 0.1 * k)
    return finish(lowpass(out, 4500), peak_db=-15, fade_in=0.01, fade_out=0.15)


def ending_bad() -> list[float]:
    """The playthrough ended badly: two low, slow notes falling a minor third onto a quiet D minor (not harsh)."""
    warm = ((1.0, 1.0, 1.0), (2.0, 0.15, 1.4), (1.004, 0.5, 1.0))
    out = tone(220.0, 0.45, warm, attack=0.03, decay=3.5)
    low = mix_at(tone(146.83, 0.6, warm, attack=0.03, decay=3.0), tone(174.61, 0.6, warm, attack=0.03, decay=3.0), 0.0)
    out = mix_at(out, low, 0.3, 0.9)
    return finish(lowpass(out, 2000), peak_db=-15, fade_in=0.02, fade_out=0.15)


SOUNDS: dict[str, Callable[[], list[float]]] = {
    "ui_move": ui_move,
    "ui_select": ui_select,
    "choice_confirm": choice_confirm,
    "outcome_good": outcome_good,
    "outcome_bad": outcome_bad,
    "event": event,
    "ending_good": ending_good,
    "ending_bad": ending_bad,
}


def check(paths: Sequence[str]) -> bool:
    """Check every WAV header; then try loading each with pygame.mixer (if an audio device opens)."""
    ok = True
    for p in paths:
        with wave.open(p, "rb") as w:
            params = (w.getnchannels(), w.getsampwidth(), w.getframerate())
            seconds = w.getnframes() / w.getframerate()
            raw = w.readframes(w.getnframes())
        peak = max(abs(v) for (v,) in struct.iter_unpack("<h", raw)) / 32767
        good = params == (1, 2, RATE) and seconds < 1.0
        ok &= good
        print(
            f"  {os.path.basename(p):20s} {seconds:5.3f} s  "
            f"peak {20 * math.log10(peak):6.1f} dBFS  {'ok' if good else 'BAD'}"
        )
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame

        pygame.mixer.init(frequency=RATE, size=-16, channels=1)
    except Exception as exc:  # no audio device at all: the header check above is what we have
        print(f"  (pygame.mixer unavailable: {exc}; checked the WAV headers only)")
        return ok
    for p in paths:
        snd = pygame.mixer.Sound(p)
        print(f"  pygame.mixer.Sound({os.path.basename(p)}) -> {snd.get_length():.3f} s")
    pygame.mixer.quit()
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="verify the files (headers, length, pygame load)")
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default: game/assets/sounds)")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    paths = []
    for name, fn in SOUNDS.items():
        path = os.path.join(args.out, f"{name}.wav")
        write_wav(path, fn())
        paths.append(path)
    print(f"{len(paths)} sounds written to {os.path.relpath(args.out)}")
    if args.check and not check(paths):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
