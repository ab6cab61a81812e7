"""Which steps an introduction, a consent and a commitment may take (DESIGN.md, "Intro status").

Each check either returns the new state or raises a `TransitionError` naming what is wrong and
what would be allowed; the caller writes nothing when it raises.
"""

from __future__ import annotations

from introdesk.core.errors import ConsentRequiredError, TransitionError
from introdesk.core.vocabulary import ConsentState, IntroStatus, Outcome, Resolution

INTRO_TRANSITIONS: dict[IntroStatus, frozenset[IntroStatus]] = {
    IntroStatus.DRAFT: frozenset({IntroStatus.ASKING, IntroStatus.MADE, IntroStatus.CLOSED}),
    IntroStatus.ASKING: frozenset({IntroStatus.MADE, IntroStatus.CLOSED}),
    IntroStatus.MADE: frozenset({IntroStatus.CONNECTED, IntroStatus.CLOSED}),
    IntroStatus.CONNECTED: frozenset({IntroStatus.CLOSED}),
    IntroStatus.CLOSED: frozenset(),
}

CONSENT_TRANSITIONS: dict[ConsentState, frozenset[ConsentState]] = {
    ConsentState.NOT_ASKED: frozenset(
        {ConsentState.ASKED, ConsentState.AGREED, ConsentState.DECLINED}
    ),
    ConsentState.ASKED: frozenset({ConsentState.AGREED, ConsentState.DECLINED}),
    ConsentState.AGREED: frozenset(),
    ConsentState.DECLINED: frozenset(),
}

# Consent is asked and answered before the intro is made; afterwards it is history.
_CONSENT_OPEN_STATUSES = frozenset({IntroStatus.DRAFT, IntroStatus.ASKING})


def check_intro_step(current: IntroStatus, target: IntroStatus) -> IntroStatus:
    if target not in INTRO_TRANSITIONS[current]:
        allowed = sorted(s.value for s in INTRO_TRANSITIONS[current])
        hint = f"from {current.value} it can go to {', '.join(allowed)}" if allowed else (
            "a closed introduction cannot change any more"
        )
        raise TransitionError(
            f"An introduction that is {current.value} cannot become {target.value}: {hint}."
        )
    return target


def check_consent_step(
    intro_status: IntroStatus, current: ConsentState, target: ConsentState
) -> ConsentState:
    if intro_status not in _CONSENT_OPEN_STATUSES:
        raise TransitionError(
            f"Consent can only be asked or recorded before the introduction is made; "
            f"this one is {intro_status.value}."
        )
    if target not in CONSENT_TRANSITIONS[current]:
        if current in (ConsentState.AGREED, ConsentState.DECLINED):
            raise TransitionError(
                f"This side already {current.value}; a consent answer is recorded once."
            )
        raise TransitionError(f"Consent cannot go from {current.value} to {target.value}.")
    return target


def intro_status_after_consent(status: IntroStatus, consent: ConsentState) -> IntroStatus:
    """Asking moves a draft to asking; any decline closes the intro as declined."""
    if consent is ConsentState.DECLINED:
        return check_intro_step(status, IntroStatus.CLOSED)
    if status is IntroStatus.DRAFT:
        return IntroStatus.ASKING
    return status


def outcome_after_consent(consent: ConsentState) -> Outcome | None:
    return Outcome.DECLINED if consent is ConsentState.DECLINED else None


def check_can_make(
    status: IntroStatus, consent_a: ConsentState, consent_b: ConsentState,
    override_reason: str | None,
) -> bool:
    """Return True when making this intro overrides missing consent (so it gets recorded)."""
    check_intro_step(status, IntroStatus.MADE)
    both_agreed = consent_a is ConsentState.AGREED and consent_b is ConsentState.AGREED
    if both_agreed:
        return False
    if override_reason is None or not override_reason.strip():
        waiting = [
            f"side {side} is {state.value.replace('_', ' ')}"
            for side, state in (("A", consent_a), ("B", consent_b))
            if state is not ConsentState.AGREED
        ]
        raise ConsentRequiredError(
            "Both sides must agree before the introduction is made (double opt-in): "
            + " and ".join(waiting)
            + ". Record their consent, or give a reason to make it anyway."
        )
    return True


def check_resolve(current: Resolution | None) -> None:
    if current is not None:
        raise TransitionError(
            f"This commitment was already resolved as {current.value}; "
            "a resolution is recorded once."
        )


def check_close(status: IntroStatus, outcome: Outcome) -> IntroStatus:
    check_intro_step(status, IntroStatus.CLOSED)
    if outcome is Outcome.DECLINED and status not in _CONSENT_OPEN_STATUSES:
        raise TransitionError(
            "Only an introduction that was not made yet can close as declined; "
            "use withdrawn, fizzled or no_fit for one that was made."
        )
    return IntroStatus.CLOSED
