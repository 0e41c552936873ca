"""The two bits of statistics the report needs, kept apart so each can be read and tested alone.

Helpfulness is ranked by the Wilson score interval (95 %) of the share of Yes votes, not by the share
itself: 3 Yes of 3 is 100 % but says little (lower bound 44 %), 160 of 200 is 80 % and says a lot (lower
bound 74 %), so the second ranks above the first, and 3 No of 3 (lower bound 0 %) ranks below both.
A threshold check uses the upper bound: an article is reported as unhelpful only when the votes show,
with 95 % confidence, that it helps fewer readers than the threshold.
"""
from __future__ import annotations

import math

Z95 = 1.959964  # the normal quantile for a two-sided 95 % interval
RISING, FALLING = 1.5, 1 / 1.5  # a change smaller than half again is noise in a help center's counts
MIN_CHANGE = 3


def wilson_bounds(successes: int, total: int, z: float = Z95) -> tuple[float, float]:
    """(lower, upper) bounds of the true share of successes; (0, 1) with no votes at all."""
    if total <= 0:
        return 0.0, 1.0
    share = successes / total
    z2 = z * z
    centre = share + z2 / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z2 / (4 * total * total))
    scale = 1 + z2 / total
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)


def trend(earlier: int, later: int, new: bool) -> str:
    """How a search's count moved between the two halves of the report's window: "new" (first seen in
    the later half), "rising", "falling", or "steady"."""
    if new:
        return "new"
    if later - earlier >= MIN_CHANGE and later >= earlier * RISING:
        return "rising"
    if earlier - later >= MIN_CHANGE and later <= earlier * FALLING:
        return "falling"
    return "steady"
