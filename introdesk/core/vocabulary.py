"""The words of the domain (DESIGN.md, "Vocabulary"), as enums whose values are stored as text."""

from __future__ import annotations

from enum import StrEnum


class Purpose(StrEnum):
    JOB_REFERRAL = "job_referral"
    HIRE = "hire"
    ADVICE = "advice"
    NETWORKING = "networking"
    BUSINESS = "business"


class IntroStatus(StrEnum):
    DRAFT = "draft"
    ASKING = "asking"
    MADE = "made"
    CONNECTED = "connected"
    CLOSED = "closed"


class Outcome(StrEnum):
    """How a closed introduction ended."""

    HIRED = "hired"
    MET = "met"
    NO_FIT = "no_fit"
    FIZZLED = "fizzled"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class Side(StrEnum):
    A = "a"
    B = "b"


class ConsentState(StrEnum):
    NOT_ASKED = "not_asked"
    ASKED = "asked"
    AGREED = "agreed"
    DECLINED = "declined"


class Action(StrEnum):
    """What a commitment promises."""

    CALL = "call"
    EMAIL = "email"
    REPLY = "reply"
    MEET = "meet"
    SEND_BLURB = "send_blurb"
    ATTEND = "attend"


class Resolution(StrEnum):
    """How a commitment ended; see the weights in `introdesk.core.reliability`."""

    KEPT = "kept"
    LATE = "late"
    WITHDREW = "withdrew"
    GHOSTED = "ghosted"
    EXCUSED = "excused"


class Tier(StrEnum):
    NEW = "new"
    RELIABLE = "reliable"
    MIXED = "mixed"
    UNRELIABLE = "unreliable"


class RiskLevel(StrEnum):
    CLEAR = "clear"
    CAUTION = "caution"
    STOP = "stop"

    @property
    def rank(self) -> int:
        return _RISK_RANK[self]


_RISK_RANK = {RiskLevel.CLEAR: 0, RiskLevel.CAUTION: 1, RiskLevel.STOP: 2}


class EventKind(StrEnum):
    """Every kind of timeline entry. Events are append-only."""

    PERSON_ADDED = "person_added"
    PERSON_EDITED = "person_edited"
    ORGANIZATION_ADDED = "organization_added"
    ORGANIZATION_EDITED = "organization_edited"
    INTRO_PROPOSED = "intro_proposed"
    CONSENT_ASKED = "consent_asked"
    CONSENT_AGREED = "consent_agreed"
    CONSENT_DECLINED = "consent_declined"
    INTRO_MADE = "intro_made"
    CONSENT_OVERRIDDEN = "consent_overridden"
    RISK_OVERRIDDEN = "risk_overridden"
    COMMITMENT_ADDED = "commitment_added"
    COMMITMENT_RESOLVED = "commitment_resolved"
    INTRO_CONNECTED = "intro_connected"
    INTRO_CLOSED = "intro_closed"
    NOTE = "note"
    PERSON_FORGOTTEN = "person_forgotten"
    DEMO_LOADED = "demo_loaded"
    PERSON_MERGED = "person_merged"
    PERSON_UNMERGED = "person_unmerged"
    IMPORTED = "imported"
    COMMITMENT_REOPENED = "commitment_reopened"
    PERSON_TRASHED = "person_trashed"
    PERSON_RESTORED = "person_restored"


ACTION_WORDS: dict[Action, str] = {
    Action.CALL: "call",
    Action.EMAIL: "email",
    Action.REPLY: "reply to",
    Action.MEET: "meet",
    Action.SEND_BLURB: "send a blurb to",
    Action.ATTEND: "attend the meeting with",
}
"""The verb phrase for "X owes Y a <action>", so reasons read as sentences: "call Dana"."""
