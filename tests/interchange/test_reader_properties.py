"""Whatever a file holds, a reader returns drafts and problems, or the one documented error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange.csv_reader import read_csv
from introdesk.interchange.drafts import ReadResult
from introdesk.interchange.readers import read_contacts_bytes, read_contacts_text
from introdesk.interchange.vcard_reader import read_vcards

MANY = settings(max_examples=1000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VCARD_LINES = st.sampled_from([
    "BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "VERSION:4.0", "FN:Maya Chen", "N:Chen;Maya;;;",
    "N:", "FN:", "EMAIL:maya@example.org", "EMAIL:not an email", "TEL:+1 555 0100",
    "ORG:Acme;R&D", "TITLE:Analyst", "NOTE:a\\, b\\nc", "CATEGORIES:a,b", "URL:https://x.y",
    "PHOTO;ENCODING=b:AAAA", "PHOTO:data:image/png;base64,AAAA", "PHOTO:data:,", "PHOTO;ENCODING=b:!!",
    "FN;ENCODING=QUOTED-PRINTABLE:M=C3=BCller=", "=C3", " folded", "\tfolded", ":", ";;;", "",
    "BDAY:not a date", "X-CUSTOM;TYPE=a:b", "ADR:;;;;;;;;", "BEGIN:VCARD\x85",
])
CSV_CELLS = st.one_of(
    st.sampled_from(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On", "Name", "E-mail 1 - Value", "Notes:", "", "\"", "a,b",
                     "30 May 2024", "1/8/18, 6:14 PM", "23-Apr-23", "urn:li:member:1",
                     "x@y.z", " ::: ", "https://www.linkedin.com/in/x", "Vorname", "Nom"]),
    st.text(max_size=12),
)


def _is_result(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    for draft in result.drafts:
        assert draft.name and draft.name == draft.name.strip()


@MANY
@given(st.lists(VCARD_LINES, max_size=30), st.sampled_from(["\n", "\r\n"]))
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
       st.sampled_from([",", ";", "\t"]))
def test_csv_reader_near_valid_rows(rows: list[list[str]], delimiter: str) -> None:
    text = "\n".join(delimiter.join(row) for row in rows)
    try:
        _is_result(read_csv(text, "contacts.csv"))
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
@given(st.binary(max_size=400), st.sampled_from(["a.vcf", "a.csv", "a.txt", "a.bin"]))
def test_any_bytes_under_any_name(data: bytes, name: str) -> None:
    try:
        _is_result(read_contacts_bytes(data, name))
    except UnreadableFileError:
        pass


@MANY
@given(st.text(max_size=300), st.sampled_from(["a.vcf", "a.csv", "Connections.csv"]))
def test_auto_detection_any_text(text: str, name: str) -> None:
    try:
        _is_result(read_contacts_text(text, name))
    except UnreadableFileError:
        pass
