"""The reliability model against DESIGN.md's reference table, and its promised properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from introdesk.core.errors import ValidationError
from introdesk.core.reliability import (
    OutcomeFact,
    ReliabilityParams,
    history,
    score,
    score_at,
)
from introdesk.core.vocabulary import Resolution, Tier

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
K, L, W, G, E = (Resolution.KEPT, Resolution.LATE, Resolution.WITHDREW, Resolution.GHOSTED,
                 Resolution.EXCUSED)


def ago(days: float, resolution: Resolution) -> OutcomeFact:
    return OutcomeFact(due=NOW - timedelta(days=days), resolution=resolution)


REFERENCE = [
    ("none", [], 0, 0, 0.6667, 0.3162, 0.9487, Tier.NEW),
    ("kept 30", [ago(30, K)], 0.9446, 0, 0.7465, 0.4575, 0.9649, Tier.NEW),
    ("ghosted 30", [ago(30, G)], 0, 1.4169, 0.4528, 0.1694, 0.7484, Tier.UNRELIABLE),
    ("kept 10..300, ghosted 1095",
     [ago(d, K) for d in (10, 70, 130, 190, 300)] + [ago(1095, G)],
     3.9007, 0.1875, 0.8325, 0.6456, 0.9724, Tier.RELIABLE),
    ("kept 20,40,60; late 80,100",
     [ago(d, K) for d in (20, 40, 60)] + [ago(d, L) for d in (80, 100)],
     3.6249, 0.8430, 0.7532, 0.5443, 0.9277, Tier.RELIABLE),
]


@pytest.mark.parametrize(("label", "outcomes", "r", "s", "mean", "p10", "p90", "tier"), REFERENCE,
                         ids=[row[0] for row in REFERENCE])
def test_reference_table(label, outcomes, r, s, mean, p10, p90, tier) -> None:
    result = score(outcomes, now=NOW)
    assert round(result.r, 4) == r and round(result.s, 4) == s
    assert round(result.score, 4) == mean
    assert round(result.p10, 4) == p10 and round(result.p90, 4) == p90
    assert result.tier is tier
    assert result.n_eff == pytest.approx(result.r + result.s)


def test_mixed_tier_between_the_rules() -> None:
    # Enough evidence (n_eff >= 1.5), score >= 0.5, but a band too wide to call reliable.
    result = score([ago(5, K), ago(5, G)], now=NOW)
    assert result.score >= 0.5 and result.n_eff >= 1.5 and result.p10 < 0.5
    assert result.tier is Tier.MIXED


def test_open_commitments_are_not_counted() -> None:
    assert score([OutcomeFact(NOW - timedelta(days=3), None)], now=NOW) == score([], now=NOW)


def test_a_commitment_due_in_the_future_weighs_as_fresh() -> None:
    early = score([OutcomeFact(NOW + timedelta(days=5), K)], now=NOW)
    assert early.r == pytest.approx(1.0)


def test_params_change_the_model() -> None:
    strict = ReliabilityParams(ghost_weight=3.0)
    assert score([ago(0, G)], now=NOW, params=strict).s == pytest.approx(3.0)
    slow = ReliabilityParams(half_life_days=30)
    assert score([ago(30, K)], now=NOW, params=slow).r == pytest.approx(0.5)
    with pytest.raises(ValidationError, match="half_life_days"):
        ReliabilityParams(half_life_days=0)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValidationError, match="no time zone"):
        score([], now=datetime(2026, 1, 1))
    with pytest.raises(ValidationError, match="no time zone"):
        score([OutcomeFact(datetime(2026, 1, 1), K)], now=NOW)


resolutions = st.sampled_from(list(Resolution))
histories = st.lists(st.tuples(st.floats(0, 3000), resolutions), max_size=25)


def build(pairs: list[tuple[float, Resolution]]) -> list[OutcomeFact]:
    return [ago(days, resolution) for days, resolution in pairs]


@settings(max_examples=200, deadline=None)
@given(histories, st.floats(0, 3000))
def test_one_more_ghost_never_raises_the_score(pairs, age) -> None:
    before = score(build(pairs), now=NOW)
    after = score(build(pairs) + [ago(age, G)], now=NOW)
    assert after.score <= before.score + 1e-12
    assert after.p10 <= before.p10 + 1e-9


@settings(max_examples=200, deadline=None)
@given(histories, st.lists(st.floats(0, 3000), max_size=5))
def test_excused_never_changes_anything(pairs, excused_ages) -> None:
    base = score(build(pairs), now=NOW)
    assert score(build(pairs) + [ago(a, E) for a in excused_ages], now=NOW) == base


@settings(max_examples=200, deadline=None)
@given(resolutions.filter(lambda r: r is not E), st.floats(0, 2000), st.floats(1, 2000))
def test_age_moves_an_outcome_toward_the_prior(resolution, age, extra) -> None:
    prior = 2 / 3
    newer = score([ago(age, resolution)], now=NOW).score
    older = score([ago(age + extra, resolution)], now=NOW).score
    assert abs(older - prior) <= abs(newer - prior) + 1e-12


@settings(max_examples=100, deadline=None)
@given(histories, st.floats(0, 3000))
def test_late_counts_between_kept_and_ghosted(pairs, age) -> None:
    base = build(pairs)
    kept = score(base + [ago(age, K)], now=NOW).score
    late = score(base + [ago(age, L)], now=NOW).score
    ghosted = score(base + [ago(age, G)], now=NOW).score
    assert ghosted <= late <= kept


def test_history_is_sorted_and_ends_at_the_current_score() -> None:
    outcomes = [
        OutcomeFact(NOW - timedelta(days=100), K, NOW - timedelta(days=99)),
        OutcomeFact(NOW - timedelta(days=50), G, NOW - timedelta(days=45)),
        OutcomeFact(NOW - timedelta(days=10), L, NOW - timedelta(days=8)),
        OutcomeFact(NOW - timedelta(days=5), None),
    ]
    points = history(outcomes, now=NOW)
    assert [p.at for p in points] == [NOW - timedelta(days=d) for d in (100, 50, 10)] + [NOW]
    assert points[-1].reliability == score(outcomes, now=NOW)
    # At the first point only the first outcome counts, evaluated at that instant.
    assert points[0].reliability == score(outcomes[:1], now=NOW - timedelta(days=100))


def test_an_outcome_resolved_early_counts_from_its_resolution() -> None:
    kept_early = OutcomeFact(NOW + timedelta(days=3), K, NOW - timedelta(days=1))
    assert score_at([kept_early], at=NOW - timedelta(days=2)).n_eff == 0
    assert score_at([kept_early], at=NOW).n_eff == pytest.approx(1.0)
    assert history([kept_early], now=NOW)[-1].reliability.n_eff == pytest.approx(1.0)


@given(st.floats(0, 60), st.floats(0, 60))
@settings(max_examples=500, deadline=None)
def test_classify_agrees_with_the_tier_rule_on_the_10th_percentile(r: float, s: float) -> None:
    """The tier from one CDF value equals the DESIGN.md rule stated with the quantile."""
    from introdesk.core.beta import beta_quantile
    from introdesk.core.reliability import DEFAULT_PARAMS, classify

    alpha, beta = DEFAULT_PARAMS.prior_success + r, DEFAULT_PARAMS.prior_failure + s
    p10 = beta_quantile(alpha, beta, 0.1)
    assume(abs(p10 - 0.5) > 1e-9)  # the two ways may round apart exactly on the line
    mean = alpha / (alpha + beta)
    expected = (Tier.UNRELIABLE if mean < 0.5 else Tier.NEW if r + s < 1.5
                else Tier.RELIABLE if p10 >= 0.5 else Tier.MIXED)
    assert classify(r, s) is expected
