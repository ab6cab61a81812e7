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


# Roles that may sit in several columns at once. LinkedIn is one of them because exports keep
# profile links among numbered "Website n" columns; only a linkedin.com link is taken from them.
MULTI_VALUED = {Role.EMAIL, Role.PHONE, Role.TAGS, Role.NOTES, Role.LINKEDIN}

# Folded header → role. Exact matches first; the patterns below catch numbered variants.
_EXACT: dict[str, Role] = {}
for _role, _names in {
    Role.NAME: ["name", "fullname", "displayname", "contact", "contactname", "nomcomplet",
                "nombrecompleto", "vollstandigername", "nome", "kontakt", "person",
                "nomdaffichage", "anzeigename", "nombreparamostrar"],
    Role.FIRST: ["firstname", "givenname", "first", "vorname", "prenom", "nombre", "forename"],
    Role.MIDDLE: ["middlename", "additionalname", "weiterevornamen", "secondnom",
                  "segundonombre", "deuxiemeprenom", "autreprenom"],
    Role.LAST: ["lastname", "familyname", "surname", "nachname", "nom", "apellidos", "apellido",
                "nomdefamille", "last"],
    Role.ORGANIZATION: ["company", "organization", "organisation", "organizationname",
                        "organization1name", "firma", "societe", "organizacion", "empresa",
                        "employer", "compania", "unternehmen", "entreprise", "arbeitgeber",
                        "companyname", "organisationname", "firmenname"],
    # "title"/"titre"/"titel"/"titulo" may also be an honorific: see _honorifics_ignored.
    Role.TITLE: ["position", "jobtitle", "organizationtitle", "organization1title", "role",
                 "fonction", "poste", "puesto", "cargo", "berufsbezeichnung", "funktion",
                 "title", "titre", "titel", "titulo", "jobposition"],
    Role.LINKEDIN: ["url", "profileurl", "linkedin", "linkedinurl", "linkedinprofile",
                    "linkedinprofileurl", "profile"],
    Role.NOTES: ["notes", "note", "notizen", "notas", "remarques", "comments", "bemerkungen",
                 "commentaires", "comentarios"],
    Role.TAGS: ["tags", "labels", "categories", "groupmembership", "kategorien", "categorias",
                "groups", "etiquetas"],
    Role.CONNECTED_ON: ["connectedon", "connected", "connectiondate"],
}.items():
    for _name in _names:
        _EXACT[_name] = _role

# Columns about an address or number rather than the address itself ("E-mail Type",
# "E-Mail: Angezeigter Name", "Tipo de correo electrónico"), another person's number
# ("Assistant's Phone") or a reading aid ("Phonetic First Name", Google's "Yomi" names).
_SKIP_WORDS = ("label", "type", "typ", "tipo", "display", "rank", "angezeigt", "anzeige",
               "affich", "mostrar", "nomcomplet", "phonetic", "yomi", "assistant", "assistent", "mailing",
               "companymain", "fax", "telecopie")
_EMAIL_WORDS = re.compile(r"e?mail|courriel|correo|messagerie")
_PHONE_WORDS = re.compile(r"phone|telefon|telephone|^tel|mobil|movil|handy|portable|cell")
_WEB_WORDS = re.compile(r"linkedin|website|webpage|homepage|webseite|pageweb|siteweb|sitioweb"
                        r"|paginaweb")
# A bare "Title" before the name columns is Outlook's honorific ("Dr."), not a job.
_AMBIGUOUS_TITLES = {"title", "titre", "titel", "titulo"}


def fold(header: str) -> str:
    plain = unicodedata.normalize("NFKD", header)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.casefold())


@lru_cache(maxsize=4096)
def role_of(header: str) -> Role:
    key = fold(header)
    if key in _EXACT:
        return _EXACT[key]
    if any(word in key for word in _SKIP_WORDS):
        return Role.IGNORE
    if _EMAIL_WORDS.search(key):
        return Role.EMAIL
    if _PHONE_WORDS.search(key):
        return Role.PHONE
    if _WEB_WORDS.search(key):
        return Role.LINKEDIN
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


def _honorifics_ignored(folded: list[str], roles: list[Role]) -> list[Role]:
    name_columns = [i for i, r in enumerate(roles) if r in (Role.NAME, Role.FIRST, Role.LAST)]
    first_name_column = min(name_columns, default=len(roles))
    has_job_title = "jobtitle" in folded
    return [Role.IGNORE if f in _AMBIGUOUS_TITLES and (has_job_title or i < first_name_column)
            else r for i, (f, r) in enumerate(zip(folded, roles, strict=True))]


def propose_mapping(headers: list[str] | tuple[str, ...]) -> ColumnMapping:
    headers = tuple(str(h).strip() for h in headers)
    roles = [role_of(h) for h in headers]
    folded = [fold(h) for h in headers]
    roles = _honorifics_ignored(folded, roles)
    # A single-valued role taken twice keeps its first column (Google: "Organization 1 - Name"
    # and a later "Organization 2 - Name").
    seen: set[Role] = set()
    for index, role in enumerate(roles):
        if role in MULTI_VALUED or role is Role.IGNORE:
            continue
        if role in seen:
            roles[index] = Role.IGNORE
        seen.add(role)
    return ColumnMapping(headers, tuple(roles))
