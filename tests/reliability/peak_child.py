"""Run a command, write its own peak RSS and CPU time to a file.

Usage: ``python -m tests.reliability.peak_child OUT CMD...``.

Linux carries a process's memory high-water mark across fork and exec, so a child forked straight from a
large test process (pytest after the UI tests, say) reports the parent's peak as its own. Started from this
small launcher, the measured command inherits only the launcher's few megabytes.
"""

from __future__ import annotations

import os
import subprocess
import sys


def main() -> int:
    """Run the command, report ``maxrss_kib utime stime``, exit with its status."""
    report, command = sys.argv[1], sys.argv[2:]
    proc = subprocess.Popen(command)
    _pid, status, usage = os.wait4(proc.pid, 0)
    with open(report, "w", encoding="ascii") as handle:
        handle.write(f"{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}\n")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    raise SystemExit(main())
