"""Which CSV column holds what: a synonym table over English and localized headers.

Outlook writes its headers in the user's language; Google numbers its repeated columns
("E-mail 2 - Value"); other tools invent their own. Headers are folded (case, accents,
punctuation) and matched against the table; the user confirms the result for unknown shapes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache


class Role(StrEnum):
    NAME = "name"
    FIRST = "first name"
    MIDDLE = "middle name"
    LAST = "last name"
    EMAIL = "email"
    PHONE = "phone"
    ORGANIZATION = "organization"
    TITLE = "title"
    LINKEDIN = "LinkedIn URL"
    NOTES = "notes"
    TAGS = "tags"
    CONNECTED_ON = "connected on"
    IGNORE = "(ignore)"


MULTI_VALUED = {Role.EMAIL, Role.PHONE, Role.TAGS, Role.NOTES}

# Folded header → role. Exact matches first; the patterns below catch numbered variants.
_EXACT: dict[str, Role] = {}
for _role, _names in {
    Role.NAME: ["name", "fullname", "displayname", "contact", "contactname", "nomcomplet",
                "nombrecompleto", "vollstandigername", "nome", "kontakt", "person"],
    Role.FIRST: ["firstname", "givenname", "first", "vorname", "prenom", "nombre", "forename"],
    Role.MIDDLE: ["middlename", "additionalname", "weiterevornamen", "secondnom",
                  "segundonombre", "deuxiemeprenom"],
    Role.LAST: ["lastname", "familyname", "surname", "nachname", "nom", "apellidos", "apellido",
                "nomdefamille", "last"],
    Role.ORGANIZATION: ["company", "organization", "organisation", "organizationname",
                        "organization1name", "firma", "societe", "organizacion", "empresa",
                        "employer", "compania", "unternehmen", "entreprise", "arbeitgeber"],
    Role.TITLE: ["position", "jobtitle", "organizationtitle", "organization1title", "role",
                 "fonction", "poste", "puesto", "cargo", "berufsbezeichnung", "funktion",
                 "title"],
    Role.LINKEDIN: ["url", "profileurl", "linkedin", "linkedinurl", "linkedinprofile", "profile"],
    Role.NOTES: ["notes", "note", "notizen", "notas", "remarques", "comments", "bemerkungen"],
    Role.TAGS: ["tags", "labels", "categories", "groupmembership", "kategorien", "categorias",
                "groups", "etiquetas"],
    Role.CONNECTED_ON: ["connectedon", "connected", "connectiondate"],
}.items():
    for _name in _names:
        _EXACT[_name] = _role

_SKIP_WORDS = ("label", "type", "display", "rank", "typ", "angezeigt", "anzeige", "affiche")


def fold(header: str) -> str:
    plain = unicodedata.normalize("NFKD", header)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.casefold())


def role_of(header: str) -> Role:
    key = fold(header)
    if key in _EXACT:
        return _EXACT[key]
    if any(word in key for word in _SKIP_WORDS):
        return Role.IGNORE
    if re.search(r"e?mail|courriel|correo", key):
        return Role.EMAIL
    if re.search(r"phone|telefon|telephone|mobile|movil|handy|portable|cell", key) \
            and "fax" not in key:
        return Role.PHONE
    return Role.IGNORE


@dataclass(frozen=True)
class ColumnMapping:
    """Column index → role, for one header row."""

    headers: tuple[str, ...]
    roles: tuple[Role, ...] = field(default=())

    def columns(self, role: Role) -> list[int]:
        return _columns(self.roles, role)

    @property
    def has_name(self) -> bool:
        return bool(self.columns(Role.NAME) or self.columns(Role.FIRST)
                    or self.columns(Role.LAST))

    @property
    def known(self) -> int:
        return sum(1 for r in self.roles if r is not Role.IGNORE)

    def with_role(self, column: int, role: Role) -> ColumnMapping:
        roles = list(self.roles)
        roles[column] = role
        return ColumnMapping(self.headers, tuple(roles))


@lru_cache(maxsize=256)
def _columns_cached(roles: tuple[Role, ...], role: Role) -> tuple[int, ...]:
    return tuple(i for i, r in enumerate(roles) if r is role)


def _columns(roles: tuple[Role, ...], role: Role) -> list[int]:
    return list(_columns_cached(roles, role))


def propose_mapping(headers: list[str] | tuple[str, ...]) -> ColumnMapping:
    roles = [role_of(h) for h in headers]
    folded = [fold(h) for h in headers]
    # Outlook has both "Title" (Mr., Dr.) and "Job Title": the honorific is not a job.
    if "jobtitle" in folded:
        roles = [Role.IGNORE if f == "title" else r for f, r in zip(folded, roles, strict=True)]
    # A single-valued role taken twice keeps its first column (Google: "Organization 1 - Name"
    # and a later "Organization 2 - Name").
    seen: set[Role] = set()
    for index, role in enumerate(roles):
        if role in MULTI_VALUED or role is Role.IGNORE:
            continue
        if role in seen:
            roles[index] = Role.IGNORE
        seen.add(role)
    return ColumnMapping(tuple(headers), tuple(roles))
