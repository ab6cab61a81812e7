"""The regularized incomplete beta function and its inverse, for the reliability band.

Pure Python (SciPy is too large to ship for one function; the tests cross-check against it).
I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4); the quantile by Newton steps
kept inside a shrinking bracket, falling back to bisection when a step leaves it.
"""

from __future__ import annotations

import math

_EPS = 1e-15
_TINY = 1e-300
_MAX_ITER = 500


def _check(a: float, b: float) -> None:
    if not (a > 0 and b > 0) or math.isinf(a) or math.isinf(b):
        raise ValueError(f"beta parameters must be positive and finite (got a={a}, b={b})")


def _log_prefactor(a: float, b: float, x: float) -> float:
    """log of x^a (1-x)^b / B(a, b)."""
    return (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
            + a * math.log(x) + b * math.log1p(-x))


def _continued_fraction(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_ITER + 1):
        m2 = 2 * m
        # Even step.
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        # Odd step.
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h


def regularized_incomplete_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b): the Beta(a, b) cumulative distribution at x."""
    _check(a, b)
    if math.isnan(x):
        raise ValueError("x must be a number")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(_log_prefactor(a, b, x))
    # The continued fraction converges fast only below the mean; use symmetry above it.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _continued_fraction(a, b, x) / a
    return 1.0 - front * _continued_fraction(b, a, 1.0 - x) / b


def beta_quantile(a: float, b: float, p: float) -> float:
    """The x with I_x(a, b) = p."""
    _check(a, b)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"probability must be within [0, 1] (got {p})")
    if p == 0.0:
        return 0.0
    if p == 1.0:
        return 1.0
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    low, high = 0.0, 1.0
    x = min(max(a / (a + b), 1e-12), 1.0 - 1e-12)
    # Stop on a relative change of x: an absolute tolerance would stop at 1e-16 when the
    # answer is 1e-24 (a tail with a small a).
    for _ in range(400):
        error = regularized_incomplete_beta(a, b, x) - p
        if error == 0.0:
            return x
        if error > 0:
            high = x
        else:
            low = x
        density = math.exp((a - 1.0) * math.log(x) + (b - 1.0) * math.log1p(-x) - log_beta)
        step = error / density if density > 0 and math.isfinite(density) else math.inf
        candidate = x - step
        if not (low < candidate < high):
            # Bisect; geometrically while the bracket spans orders of magnitude near zero.
            candidate = math.sqrt(low * high) if low > 0 and high / low > 4 else 0.5 * (low + high)
            if candidate <= low or candidate >= high:
                candidate = 0.5 * (low + high)
        if abs(candidate - x) <= 2 * math.ulp(x) or high - low <= 2 * math.ulp(high):
            return candidate
        x = candidate
    return x
