"""Our incomplete beta and its inverse, cross-checked against SciPy (a test-only dependency)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from introdesk.core.beta import beta_quantile, regularized_incomplete_beta

GRID = [(a, b) for a in (0.05, 0.5, 1, 2, 3.9, 10, 80, 500) for b in (0.05, 0.5, 1, 1.2, 7, 60, 500)]


@pytest.mark.parametrize(("a", "b"), GRID)
def test_against_scipy_on_a_grid(a: float, b: float) -> None:
    for x in (1e-9, 0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1 - 1e-9):
        assert regularized_incomplete_beta(a, b, x) == pytest.approx(
            special.betainc(a, b, x), rel=1e-9, abs=1e-12)
    for p in (1e-6, 0.1, 0.5, 0.9, 1 - 1e-6):
        assert_same_quantile(beta_quantile(a, b, p), float(stats.beta.ppf(p, a, b)))


def assert_same_quantile(ours: float, theirs: float) -> None:
    """Compare on the side where the answer is small: near 1 that is 1 - x, where a relative
    error of 1e-6 in x would hide a large one in the tail."""
    if theirs > 0.5:
        ours, theirs = 1.0 - ours, 1.0 - theirs
    assert ours == pytest.approx(theirs, rel=1e-6, abs=4 * math.ulp(1.0))


def cdf_step(a: float, b: float, x: float) -> float:
    """How much the CDF moves across one float step of x: the best a round trip can do."""
    below = regularized_incomplete_beta(a, b, math.nextafter(x, 0.0))
    above = regularized_incomplete_beta(a, b, math.nextafter(x, 1.0))
    return abs(above - below)


@settings(max_examples=300, deadline=None)
@given(st.floats(0.05, 500), st.floats(0.05, 500), st.floats(1e-6, 1 - 1e-6))
def test_quantile_inverts_the_cdf(a: float, b: float, p: float) -> None:
    x = beta_quantile(a, b, p)
    assert 0.0 <= x <= 1.0
    assert_same_quantile(x, float(stats.beta.ppf(p, a, b)))
    # Round trip, where floats can resolve it. Near 1 with a tiny b the answer can lie closer
    # to 1 than the last float below 1 (a=1, b=0.05, p=0.875: 1 - x = 9e-19), and one float step
    # of x moves the CDF by percents; there the comparison with SciPy above is what counts.
    if 0.0 < x < 1.0:
        step = cdf_step(a, b, x)
        if step < 1e-6:
            assert regularized_incomplete_beta(a, b, x) == pytest.approx(
                p, abs=max(1e-12, 4 * step))


@pytest.mark.parametrize(("a", "b", "p"), [(0.25, 1.0, 1e-6), (7.0, 0.0625, 0.875),
                                          (1.0, 0.05, 0.875), (13.0, 0.0546875, 0.875),
                                          (211.0, 0.05078125, 0.625), (0.75, 0.05, 0.75),
                                          (15.0, 0.09375, 0.75), (432.0, 0.05078125, 0.5)])
def test_corners_hypothesis_found(a: float, b: float, p: float) -> None:
    assert_same_quantile(beta_quantile(a, b, p), float(stats.beta.ppf(p, a, b)))


def test_edges_and_bad_input() -> None:
    assert regularized_incomplete_beta(2, 1, 0) == 0 and regularized_incomplete_beta(2, 1, 1) == 1
    assert beta_quantile(2, 1, 0) == 0 and beta_quantile(2, 1, 1) == 1
    for bad in ((0, 1, 0.5), (1, -2, 0.5), (math.inf, 1, 0.5)):
        with pytest.raises(ValueError):
            regularized_incomplete_beta(*bad)
    with pytest.raises(ValueError):
        beta_quantile(2, 1, 1.5)
