"""A whole run of the real window through hostile and broken images stays within a small memory budget
(docs/reliability.md §6). What the window shows for each file is tested in ``tests/ui/test_bad_images.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.reliability.bad_images import bad_images, many_bad_images
from tests.reliability.measure import sticky

pytestmark = pytest.mark.ui

#: What a screenshot run may use beyond the same run with every picture missing. Without the header check,
#: bomb.bmp alone takes 3.4 GB and real-bomb.png about 290 MB (decoded, then converted).
MEMORY_MARGIN_MB = 40


def _screenshot_run(path: Path, scenes: int, out: Path) -> tuple[float, str, int]:
    run = sticky("play", str(path), "--choices", ",".join(["1"] * scenes), "--screenshots", str(out))
    assert run.returncode == 0 and not run.timed_out, run.output
    assert "Traceback" not in run.output
    return run.peak_mb, run.stderr, len(list(out.glob("*.png")))


def test_every_bad_image_in_one_real_run_stays_within_a_memory_budget(tmp_path: Path) -> None:
    """The real `sticky play --screenshots` renders every screen of a run through one scene per bad file;
    it uses no more memory than the same run with every picture missing, give or take the margin."""
    bad, scenes = many_bad_images(tmp_path / "bad", present=True)
    peak, err, shots = _screenshot_run(bad, scenes, tmp_path / "shots")
    for name in bad_images():
        for sub in ("portraits", "backgrounds"):
            assert f"{sub}/{name} not shown: " in err
    base, _ = many_bad_images(tmp_path / "base", present=False)
    baseline, _, base_shots = _screenshot_run(base, scenes, tmp_path / "base-shots")
    assert shots == base_shots >= 2 * scenes
    print(f"peak RSS: {peak:.0f} MB with the bad images, {baseline:.0f} MB with none", file=sys.stderr)
    assert peak < baseline + MEMORY_MARGIN_MB
