"""How the people the connector sent to one recipient followed through."""

from __future__ import annotations

import pytest

from introdesk.core.facts import ReferralFact
from introdesk.core.track_record import ReferralResult, classify, track_record
from introdesk.core.vocabulary import IntroStatus, Outcome, Resolution

K, L, W, G, E = (Resolution.KEPT, Resolution.LATE, Resolution.WITHDREW, Resolution.GHOSTED,
                 Resolution.EXCUSED)


def fact(*resolutions, status=IntroStatus.MADE, outcome=None, made=True) -> ReferralFact:
    return ReferralFact(intro_id=1, status=status, outcome=outcome, was_made=made,
                        resolutions=tuple(resolutions))


@pytest.mark.parametrize(("referral", "expected"), [
    (fact(K), ReferralResult.FOLLOWED_THROUGH),
    (fact(L, K), ReferralResult.FOLLOWED_THROUGH),
    (fact(K, G), ReferralResult.GHOSTED),
    (fact(W, G), ReferralResult.GHOSTED),
    (fact(W, None), ReferralResult.WITHDREW),
    (fact(K, None), ReferralResult.PENDING),
    (fact(E), ReferralResult.EXCUSED),
    (fact(E, K), ReferralResult.FOLLOWED_THROUGH),
    (fact(status=IntroStatus.CONNECTED), ReferralResult.FOLLOWED_THROUGH),
    (fact(status=IntroStatus.CLOSED, outcome=Outcome.HIRED), ReferralResult.FOLLOWED_THROUGH),
    (fact(status=IntroStatus.CLOSED, outcome=Outcome.FIZZLED), ReferralResult.PENDING),
    (fact(), ReferralResult.PENDING),
])
def test_classification(referral: ReferralFact, expected: ReferralResult) -> None:
    assert classify(referral) is expected


def test_the_summary_reads_as_designed() -> None:
    record = track_record("Dana", [fact(K), fact(K), fact(L), fact(K), fact(G)])
    assert record.summary == "your referrals to Dana: 5 made, 4 followed through, 1 ghosted"
    assert track_record("Dana", []).summary == "no referrals to Dana yet"


def test_intros_never_made_are_not_referrals() -> None:
    record = track_record("Dana", [fact(made=False, status=IntroStatus.ASKING),
                                   fact(made=False, status=IntroStatus.CLOSED,
                                        outcome=Outcome.DECLINED), fact(W)])
    assert (record.made, record.withdrew) == (1, 1)
    assert record.summary == "your referrals to Dana: 1 made, 1 withdrew"
