"""Use cases over the store. Import `Desk` and `Expectation` from here."""

from introdesk.services.desk import Desk
from introdesk.services.records import (
    Attention,
    CommitmentRecord,
    ConsentRecord,
    EventRecord,
    Expectation,
    IntroRecord,
    OrganizationRecord,
    PersonRecord,
    PhoneRecord,
    StaleConsent,
)
from introdesk.services.settings import DeskSettings

__all__ = [
    "Attention",
    "CommitmentRecord",
    "ConsentRecord",
    "Desk",
    "DeskSettings",
    "EventRecord",
    "Expectation",
    "IntroRecord",
    "OrganizationRecord",
    "PersonRecord",
    "PhoneRecord",
    "StaleConsent",
]
