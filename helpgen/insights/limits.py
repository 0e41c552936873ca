"""How many events one client may send: counted in memory, per address, and forgotten.

A token bucket per client: `per_minute` events a minute on average, up to `per_minute` at once (a
visitor searching, voting and clicking "Contact" within seconds is normal). The address is a key in a
dictionary of this process and nothing more: never written to the store or the log, and an entry is
dropped as soon as its bucket is full again. An IPv6 client is counted by its /64 network, which one
household or phone usually owns whole. At most MAX_CLIENTS are tracked; past that the least recently
seen are forgotten first (a flood of addresses cannot grow the collector's memory).
"""
from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from typing import Callable

MAX_CLIENTS = 100_000


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic):
        self.per_second = per_minute / 60.0
        self.capacity = float(per_minute)
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)

    def allow(self, address: str | None) -> bool:
        """Take one token for this client; False when it has none left."""
        key = client_key(address)
        moment = self._clock()
        tokens, when = self._buckets.pop(key, (self.capacity, moment))
        tokens = min(self.capacity, tokens + (moment - when) * self.per_second)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (tokens, moment)
        self._forget(moment)
        return allowed

    def retry_after(self) -> int:
        """Whole seconds until a client that was refused has a token again."""
        return max(1, round(1 / self.per_second))

    def _forget(self, moment: float) -> None:
        full_after = self.capacity / self.per_second
        while self._buckets:
            key, (tokens, when) = next(iter(self._buckets.items()))
            if len(self._buckets) <= MAX_CLIENTS and moment - when < full_after:
                break  # the oldest entry still counts: every later one does too
            del self._buckets[key]

    def __len__(self) -> int:
        return len(self._buckets)


def client_key(address: str | None) -> str:
    if not address:
        return ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))
