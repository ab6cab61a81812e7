"""Every legal and illegal step of an introduction, a consent and a commitment."""

from __future__ import annotations

import itertools

import pytest

from introdesk.core import lifecycle
from introdesk.core.errors import ConsentRequiredError, TransitionError
from introdesk.core.vocabulary import ConsentState, IntroStatus, Outcome, Resolution

LEGAL_INTRO = {
    (IntroStatus.DRAFT, IntroStatus.ASKING), (IntroStatus.DRAFT, IntroStatus.MADE),
    (IntroStatus.DRAFT, IntroStatus.CLOSED), (IntroStatus.ASKING, IntroStatus.MADE),
    (IntroStatus.ASKING, IntroStatus.CLOSED), (IntroStatus.MADE, IntroStatus.CONNECTED),
    (IntroStatus.MADE, IntroStatus.CLOSED), (IntroStatus.CONNECTED, IntroStatus.CLOSED),
}
LEGAL_CONSENT = {
    (ConsentState.NOT_ASKED, ConsentState.ASKED), (ConsentState.NOT_ASKED, ConsentState.AGREED),
    (ConsentState.NOT_ASKED, ConsentState.DECLINED), (ConsentState.ASKED, ConsentState.AGREED),
    (ConsentState.ASKED, ConsentState.DECLINED),
}
OPEN = (IntroStatus.DRAFT, IntroStatus.ASKING)


@pytest.mark.parametrize(("current", "target"), list(itertools.product(IntroStatus, IntroStatus)))
def test_every_intro_transition(current: IntroStatus, target: IntroStatus) -> None:
    if (current, target) in LEGAL_INTRO:
        assert lifecycle.check_intro_step(current, target) is target
    else:
        with pytest.raises(TransitionError) as error:
            lifecycle.check_intro_step(current, target)
        assert current.value in str(error.value) and target.value in str(error.value)


@pytest.mark.parametrize(("status", "current", "target"),
                         list(itertools.product(IntroStatus, ConsentState, ConsentState)))
def test_every_consent_transition_in_every_status(status, current, target) -> None:
    if status in OPEN and (current, target) in LEGAL_CONSENT:
        assert lifecycle.check_consent_step(status, current, target) is target
    else:
        with pytest.raises(TransitionError):
            lifecycle.check_consent_step(status, current, target)


def test_asking_moves_a_draft_to_asking_and_a_decline_closes() -> None:
    assert lifecycle.intro_status_after_consent(IntroStatus.DRAFT, ConsentState.ASKED) is IntroStatus.ASKING
    assert lifecycle.intro_status_after_consent(IntroStatus.ASKING, ConsentState.AGREED) is IntroStatus.ASKING
    assert lifecycle.intro_status_after_consent(IntroStatus.ASKING, ConsentState.DECLINED) is IntroStatus.CLOSED
    assert lifecycle.outcome_after_consent(ConsentState.DECLINED) is Outcome.DECLINED
    assert lifecycle.outcome_after_consent(ConsentState.AGREED) is None


def test_making_needs_both_oks_or_a_reason() -> None:
    agreed = ConsentState.AGREED
    assert lifecycle.check_can_make(IntroStatus.ASKING, agreed, agreed, None) is False
    with pytest.raises(ConsentRequiredError, match="side B is asked"):
        lifecycle.check_can_make(IntroStatus.ASKING, agreed, ConsentState.ASKED, None)
    with pytest.raises(ConsentRequiredError, match="side A is not asked and side B is not asked"):
        lifecycle.check_can_make(IntroStatus.DRAFT, ConsentState.NOT_ASKED,
                                 ConsentState.NOT_ASKED, "   ")
    assert lifecycle.check_can_make(IntroStatus.DRAFT, ConsentState.NOT_ASKED, agreed, "known") is True
    for status in (IntroStatus.MADE, IntroStatus.CONNECTED, IntroStatus.CLOSED):
        with pytest.raises(TransitionError):
            lifecycle.check_can_make(status, agreed, agreed, None)


def test_a_resolution_is_recorded_once() -> None:
    lifecycle.check_resolve(None)
    for resolution in Resolution:
        with pytest.raises(TransitionError, match=f"already resolved as {resolution.value}"):
            lifecycle.check_resolve(resolution)


def test_declined_is_only_an_ending_before_the_intro_is_made() -> None:
    assert lifecycle.check_close(IntroStatus.ASKING, Outcome.DECLINED) is IntroStatus.CLOSED
    with pytest.raises(TransitionError, match="not made yet"):
        lifecycle.check_close(IntroStatus.MADE, Outcome.DECLINED)
    with pytest.raises(TransitionError):
        lifecycle.check_close(IntroStatus.CLOSED, Outcome.MET)
