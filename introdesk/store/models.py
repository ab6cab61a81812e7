"""The schema. Migrations in `store/migrations` create exactly this (a test compares them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from introdesk.core.vocabulary import (
    Action,
    ConsentState,
    EventKind,
    IntroStatus,
    Outcome,
    Purpose,
    Resolution,
    Side,
)
from introdesk.store.types import UTCDateTime, text_enum

# Stable constraint names, so later migrations (batch mode on SQLite) can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


class Connector(Base):
    """The user making introductions; a team sharing one database has several."""

    __tablename__ = "connector"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class Organization(Base):
    __tablename__ = "organization"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # Lower-cased, space-folded name: "ACME  inc" and "Acme Inc" are one organization.
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    created_at: Mapped[datetime]


person_tag = Table(
    "person_tag",
    Base.metadata,
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str | None] = mapped_column(String(300))
    linkedin_url: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # In the trash: hidden from lists and searches, restorable until the trash is emptied.
    trashed_at: Mapped[datetime | None]

    organization: Mapped[Organization | None] = relationship(lazy="joined")
    emails: Mapped[list[PersonEmail]] = relationship(
        order_by="PersonEmail.position", cascade="all, delete-orphan", lazy="selectin"
    )
    phones: Mapped[list[PersonPhone]] = relationship(
        order_by="PersonPhone.position", cascade="all, delete-orphan", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=person_tag, order_by=Tag.name, lazy="selectin")

    __table_args__ = (Index("ix_person_name", "name"),)


class PersonEmail(Base):
    __tablename__ = "person_email"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(320), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PersonPhone(Base):
    __tablename__ = "person_phone"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Introduction(Base):
    __tablename__ = "introduction"
    id: Mapped[int] = mapped_column(primary_key=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connector.id"), index=True)
    # Nullable only so that forgetting one side keeps the other side's history.
    side_a_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    side_b_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[Purpose] = mapped_column(text_enum(Purpose, "purpose"))
    context: Mapped[str] = mapped_column(Text, default="")
    blurb: Mapped[str] = mapped_column(Text, default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[IntroStatus] = mapped_column(text_enum(IntroStatus, "intro_status"), index=True)
    outcome: Mapped[Outcome | None] = mapped_column(text_enum(Outcome, "outcome"))
    consent_override_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    made_at: Mapped[datetime | None]
    connected_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    organization: Mapped[Organization | None] = relationship(lazy="joined")
    consents: Mapped[list[Consent]] = relationship(
        order_by="Consent.side", cascade="all, delete-orphan", lazy="selectin"
    )
    commitments: Mapped[list[Commitment]] = relationship(
        order_by="Commitment.id", cascade="all, delete-orphan", lazy="selectin"
    )


class Consent(Base):
    __tablename__ = "consent"
    id: Mapped[int] = mapped_column(primary_key=True)
    intro_id: Mapped[int] = mapped_column(ForeignKey("introduction.id", ondelete="CASCADE"))
    side: Mapped[Side] = mapped_column(text_enum(Side, "side"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    state: Mapped[ConsentState] = mapped_column(text_enum(ConsentState, "consent_state"))
    asked_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]

    __table_args__ = (UniqueConstraint("intro_id", "side", name="uq_consent_intro_side"),)


class Commitment(Base):
    __tablename__ = "commitment"
    id: Mapped[int] = mapped_column(primary_key=True)
    intro_id: Mapped[int] = mapped_column(
        ForeignKey("introduction.id", ondelete="CASCADE"), index=True
    )
    owed_by_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    owed_to_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    action: Mapped[Action] = mapped_column(text_enum(Action, "action"))
    due_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime]
    resolution: Mapped[Resolution | None] = mapped_column(text_enum(Resolution, "resolution"))
    resolved_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)


class Event(Base):
    """One append-only timeline entry. It stores ids, never names: text is made when read."""

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[EventKind] = mapped_column(text_enum(EventKind, "event_kind"))
    connector_id: Mapped[int | None] = mapped_column(ForeignKey("connector.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    other_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    intro_id: Mapped[int | None] = mapped_column(ForeignKey("introduction.id"), index=True)
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitment.id"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    # A person's latest event from the index alone (the contacts table's last activity).
    __table_args__ = (Index("ix_event_person_id_at", "person_id", "at"),
                      Index("ix_event_other_person_id_at", "other_person_id", "at"))


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
