"""Whatever a file holds, a reader returns drafts and problems, or the one documented error.

Each reader gets random text or bytes and near-valid input built from the pieces real exports
are made of. Only UnreadableFileError may escape, and every example must finish quickly.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange.column_map import propose_mapping
from introdesk.interchange.csv_reader import read_csv
from introdesk.interchange.drafts import ReadResult
from introdesk.interchange.readers import read_contacts_bytes, read_contacts_text
from introdesk.interchange.vcard_reader import read_vcards

MANY = settings(max_examples=1000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VCARD_LINES = st.sampled_from([
    "BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "FN:Maya Chen",
    "FN:Chen, Maya", "N:Chen;Maya;;;", "N:Chen;Maya,Lin", "N:", "FN:", "FN;X=\"open:Maya",
    "EMAIL:maya@example.org", "EMAIL:mailto:MAYA@EXAMPLE.ORG", "EMAIL:not an email",
    "TEL:+1 555 0100", "TEL;VALUE=uri:tel:+1-555", "ORG:Acme;R&D", "ORG:Acme\\, Inc.",
    "TITLE:Analyst", "NOTE:a\\, b\\nc", "NOTE:trailing\\", "CATEGORIES:a,b", "URL:https://x.y",
    "item1.URL:https://www.linkedin.com/in/maya", "X-SOCIALPROFILE;type=linkedin:x",
    "PHOTO;ENCODING=b:AAAA", "PHOTO:data:image/png;base64,AAAA", "PHOTO:data:,",
    "PHOTO;ENCODING=b:!!", "PHOTO;ENCODING=BASE64:", "PHOTO;VALUE=uri:https://x/p.jpg",
    "LOGO;ENCODING=b:@@", "FN;ENCODING=QUOTED-PRINTABLE:M=C3=BCller=", "=C3", "=",
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:a, b=", "FN;CHARSET=nope;QUOTED-PRINTABLE:x",
    "FN;ENCODING=QUOTED-PRINTABLE:Ren=E9e", "TEL;ENCODING=8BIT:+1", "FN;ENCODING=b:TWF5YQ",
    " folded", "\tfolded", "AAAA", ":", ";;;", "", "BDAY:not a date", "X-CUSTOM;TYPE=a:b",
    "ADR:;;;;;;;;", "BEGIN:VCARD\x85", "begin:vcard", "no colon here", "\ufeffBEGIN:VCARD",
])
CSV_CELLS = st.one_of(
    st.sampled_from(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On", "Name", "E-mail 1 - Value", "Phone 1 - Value", "Notes:",
                     "Labels", "Vorname", "Nom", "Adresse de messagerie", "Title", "Job Title",
                     "", " ", "\"", "\"\"", "\"a,b\"", "\"open", "a,b", "a;b", "30 May 2024",
                     "1/8/18, 6:14 PM", "23-Apr-23", "13/13/13", "urn:li:member:1", "x@y.z",
                     "X@Y", " ::: ", "a ::: b", "https://www.linkedin.com/in/x", "Maya\tChen",
                     "Dana (she/her) 🌱", "* myContacts ::: Friends", "=1+1", "\ufeff"]),
    st.text(max_size=12),
)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


def _is_result(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    for draft in result.drafts:
        assert draft.name and draft.name == draft.name.strip()
        assert all("@" in email for email in draft.emails)
        assert len({e.casefold() for e in draft.emails}) == len(draft.emails)


@MANY
@given(st.lists(VCARD_LINES, max_size=30), NEWLINES)
def test_vcard_reader_near_valid_cards(lines: list[str], newline: str) -> None:
    try:
        _is_result(read_vcards(newline.join(lines)))
    except UnreadableFileError:
        pass


@MANY
@given(st.text(max_size=400))
def test_vcard_reader_any_text(text: str) -> None:
    try:
        _is_result(read_vcards("BEGIN:VCARD\n" + text))
    except UnreadableFileError:
        pass


@MANY
@given(st.lists(st.lists(CSV_CELLS, max_size=8), max_size=12),
       st.sampled_from([",", ";", "\t"]), NEWLINES)
def test_csv_reader_near_valid_rows(rows: list[list[str]], delimiter: str,
                                    newline: str) -> None:
    text = newline.join(delimiter.join(row) for row in rows)
    try:
        result = read_csv(text, "contacts.csv")
        _is_result(result)
        if result.mapping is not None:  # a mapping the user confirms reads the same text
            _is_result(read_csv(text, "contacts.csv", mapping=result.mapping))
    except UnreadableFileError:
        pass


@MANY
@given(st.text(max_size=400))
def test_csv_reader_any_text(text: str) -> None:
    try:
        _is_result(read_csv(text, "contacts.csv"))
    except UnreadableFileError:
        pass


@MANY
@given(st.lists(CSV_CELLS, max_size=10))
def test_propose_mapping_any_headers(headers: list[str]) -> None:
    mapping = propose_mapping(headers)
    assert len(mapping.roles) == len(headers)


@MANY
@given(st.binary(max_size=400), st.sampled_from(["a.vcf", "a.csv", "a.txt", "a.bin", "a"]))
def test_any_bytes_under_any_name(data: bytes, name: str) -> None:
    try:
        _is_result(read_contacts_bytes(data, name))
    except UnreadableFileError:
        pass


@MANY
@given(st.one_of(st.text(max_size=300),
                 st.lists(VCARD_LINES, max_size=20).map("\n".join),
                 st.lists(st.lists(CSV_CELLS, max_size=8).map(",".join), max_size=10)
                 .map("\n".join)),
       st.sampled_from(["a.vcf", "a.csv", "Connections.csv", "a.txt", "a.json", "a"]))
def test_auto_detection_any_text(text: str, name: str) -> None:
    try:
        _is_result(read_contacts_text(text, name))
    except UnreadableFileError:
        pass
