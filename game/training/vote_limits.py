"""Request limits for the phone-voting server: how fast one device and the whole room may send requests.

Token buckets: each device may burst ``burst`` requests, then one every ``1 / rate`` seconds; the room as a
whole shares a larger bucket. The table of devices is bounded (the least recently seen is forgotten first),
so a flood of made-up devices can't fill the memory. Thread-safe; the clock can be given for tests.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    stamp: float


@dataclass(frozen=True)
class Limits:
    """The numbers: per device and for the whole room (requests a second, and the burst allowed)."""

    device_rate: float = 2.0
    device_burst: int = 20
    room_rate: float = 400.0
    room_burst: int = 800
    max_devices: int = 10000


class RateLimiter:
    """Answers ``allow(device)``: may this request go ahead?"""

    def __init__(self, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits or Limits()
        self._clock = clock
        self._lock = threading.Lock()
        self._devices: OrderedDict[str, _Bucket] = OrderedDict()
        self._room = _Bucket(float(self.limits.room_burst), clock())

    @staticmethod
    def _take(bucket: _Bucket, now: float, rate: float, burst: int) -> bool:
        bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.stamp) * rate)
        bucket.stamp = now
        if bucket.tokens < 1.0:
            return False
        bucket.tokens -= 1.0
        return True

    def allow(self, device: str) -> bool:
        """True if one more request from ``device`` is within both its own limit and the room's."""
        limits = self.limits
        with self._lock:
            now = self._clock()
            bucket = self._devices.get(device)
            if bucket is None:
                bucket = self._devices[device] = _Bucket(float(limits.device_burst), now)
                while len(self._devices) > limits.max_devices:
                    self._devices.popitem(last=False)
            else:
                self._devices.move_to_end(device)
            if not self._take(bucket, now, limits.device_rate, limits.device_burst):
                return False  # one device's flood doesn't spend the room's allowance
            return self._take(self._room, now, limits.room_rate, limits.room_burst)
