"""vCard files as phones, Google, Apple and Outlook write them (fixtures: invented people)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from introdesk.interchange import limits
from introdesk.interchange.drafts import ContactDraft, Problem, ReadResult
from introdesk.interchange.readers import read_contacts, read_contacts_text
from introdesk.interchange.vcard_reader import read_vcards, split_cards

FIXTURES = Path(__file__).with_name("fixtures")
# The photo the fixtures carry: a PNG signature and 1,024 bytes of every value.
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def read(name: str) -> ReadResult:
    return read_contacts(FIXTURES / name)


def test_android_vcard21_quoted_printable_and_a_bad_email_cost_only_that_email() -> None:
    result = read("android_qp.vcf")
    assert result.format == "vcard"
    juergen, ruth = result.drafts
    assert juergen == ContactDraft(
        name="Jürgen Müller", where="card 1 (line 1)", emails=("juergen@example.de",),
        phones=("+49 170 1234567",),
        notes="Kennt viele Leute in Köln und spricht gern über Brot.")
    assert ruth == ContactDraft(
        name="Ruth Okafor", where="card 2 (line 10)", emails=("ruth.okafor@example.org",),
        organization="Umbrella", title="Director of Research",
        linkedin_url="https://www.linkedin.com/in/ruth-okafor", tags=("Board", "VIP"))
    assert result.problems == [Problem("card 2 (line 10)", "'not-an-email' is not an email "
                                                           "address; it was left out.")]


def test_android_vcard3_quoted_printable_soft_breaks_and_repeated_values() -> None:
    result = read("android_v3_qp.vcf")
    ingrid, emre = result.drafts
    assert ingrid.name == "Ingrid Småberg"
    # mailto: stripped, domains lower-cased, the repeat of ingrid@example.se dropped
    assert ingrid.emails == ("ingrid@example.se", "Ingrid.Smaberg@example.com")
    assert ingrid.phones == ("+46 70 123 45 67", "+46 8 555 000 11")
    assert (ingrid.organization, ingrid.title) == ("Köksglädje AB", "UX Lead")
    # An unescaped comma inside a quoted-printable note, and a soft break: nothing cut off.
    assert ingrid.notes == ("Träffade på konferensen i Göteborg, vill prata om jobb inom UX.\n"
                            "Andra raden.")
    # No FN: the name is built from N; the soft break's next line starts with a real space.
    assert (emre.name, emre.notes, emre.phones) == ("Emre Öztürk", "Introduced by Maya.",
                                                    ("+90 532 000 00 00",))
    assert result.problems == []


def test_bom_folded_lines_groups_social_profiles_and_escapes() -> None:
    result = read("bom_folded.vcf")
    sam, zoe = result.drafts
    assert sam == ContactDraft(
        name="Sam J. Reyes", where="card 1 (line 1)", emails=("sam.reyes@example.org",),
        organization="Hooli, Inc.", title="Product Lead, Search",
        linkedin_url="https://www.linkedin.com/in/sam-reyes-42",
        notes="Met at the data meetup.\nWants intros to fintech founders.",
        tags=("Mentors", "Product,Design"))
    assert zoe == ContactDraft(name="Dr. Zoe Berg PhD", where="card 2 (line 17)",
                               emails=("zoe@example.com",))
    assert result.problems == []


def test_iphone_vcard3_photo_encoding_b() -> None:
    (kai,) = read("iphone_photo.vcf").drafts
    assert kai.photo == PNG
    assert (kai.name, kai.organization, kai.title) == ("Kai Ito", "Globex", "Data Engineer")
    assert kai.emails == ("kai@example.net",) and kai.phones == ("+81 90 1234 5678",)
    assert kai.notes == "Prefers email, never calls."


def test_vcard4_data_uri_photo_bom_and_folded_lines() -> None:
    result = read("v4_data_photo.vcf")
    (zoe,) = result.drafts
    assert zoe.photo == PNG
    assert zoe.title == "This title is folded across two lines"
    assert (zoe.organization, zoe.emails) == ("Acme Analytics", ("zoe@example.com",))
    assert result.problems == []


def test_vcard21_base64_photo_with_indented_lines_and_a_broken_logo() -> None:
    result = read("vcard21_photo.vcf")
    (ruth,) = result.drafts
    assert ruth.photo == b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2
    assert (ruth.emails, ruth.phones) == (("ruth@example.org",), ("+1 555 0199",))
    assert result.problems == []  # the LOGO is not used, so its damage costs nothing


def test_one_broken_card_costs_one_card() -> None:
    result = read("one_bad_card.vcf")
    assert [(d.name, d.where) for d in result.drafts] == [
        ("Maya Chen", "card 1 (line 1)"), ("Dana Ortiz", "card 4 (line 16)"),
        ("Omar Haddad", "card 5 (line 25)"), ("Lee Park", "card 6 (line 29)")]
    dana, omar = result.drafts[1], result.drafts[2]
    assert dana.emails == ("dana@example.org",) and dana.photo is None
    assert omar.title == "Recruiter"  # its END:VCARD was missing: the next BEGIN ends it
    assert [str(p) for p in result.problems] == [
        ('card 2 (line 6): could not be read (line 8 is damaged: Failed to parse line: '
        'FN;X-LABEL="Broken:Card); the card was left out.'),
        "card 3 (line 11): has no name (FN or N); the card was left out.",
        "card 4 (line 16): the photo is damaged; the contact was read without it.",
        "card 4 (line 16): line 19 could not be understood and was left out."]


def test_unescaped_commas_are_kept_in_every_text_value() -> None:
    text = ("BEGIN:VCARD\nVERSION:2.1\nFN:Chen, Maya\nTITLE:Analyst, Data\nORG:Acme, Inc.;R&D\n"
            "NOTE:one, two\\, three\nEMAIL;INTERNET:MAYA@EXAMPLE.ORG\nEND:VCARD\n")
    (maya,) = read_vcards(text).drafts
    assert (maya.name, maya.title, maya.organization, maya.notes) == (
        "Chen, Maya", "Analyst, Data", "Acme, Inc.", "one, two, three")
    assert maya.emails == ("MAYA@example.org",)


def test_names_from_n_with_several_given_names_and_quoted_printable_in_cp1252() -> None:
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Chen;Maya,Lin;;;\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Ren=E9e Dubois\r\n"
            "TEL;ENCODING=8BIT:+33 6 00 00 00 00\r\nEND:VCARD\r\n")
    maya, renee = read_vcards(text).drafts
    assert maya.name == "Maya Lin Chen"
    assert (renee.name, renee.phones) == ("Renée Dubois", ("+33 6 00 00 00 00",))


def test_a_damaged_line_costs_that_line_and_a_nameless_card_is_named() -> None:
    text = ("BEGIN:VCARD\nVERSION:3.0\nFN:Maya Chen\n"
            "EMAIL;CHARSET=no-such-charset;ENCODING=QUOTED-PRINTABLE:maya=40example.org\n"
            "EMAIL:maya@example.org\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nORG:Acme\nEND:VCARD\n")
    result = read_vcards(text)
    (maya,) = result.drafts
    assert maya.emails == ("maya@example.org",)
    assert [str(p) for p in result.problems] == [
        ("card 1 (line 1): line 4 is damaged: unknown encoding: no-such-charset; it was left "
        "out."),
        "card 2 (line 7): has no name (FN or N); the card was left out."]


def test_an_oversized_photo_is_dropped_with_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PHOTO_BYTES", 100)
    result = read("iphone_photo.vcf")
    (kai,) = result.drafts
    assert kai.photo is None and kai.name == "Kai Ito" and kai.emails == ("kai@example.net",)
    assert [str(p) for p in result.problems] == [
        "card 1 (line 1): the photo is over 0.1 KB; the contact was read without it."]


def test_a_real_photo_over_5_mb_is_dropped_and_its_card_kept(tmp_path: Path) -> None:
    encoded = base64.b64encode(b"\xff" * (limits.MAX_PHOTO_BYTES + 3)).decode()
    folded = "\r\n ".join(encoded[i:i + 74] for i in range(0, len(encoded), 74))
    path = tmp_path / "big_photo.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maya Chen\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
                    f"{folded}\r\nEMAIL:maya@example.org\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Ortiz\r\nEND:VCARD\r\n")
    result = read_contacts(path)
    assert [(d.name, d.photo, d.emails) for d in result.drafts] == [
        ("Maya Chen", None, ("maya@example.org",)), ("Dana Ortiz", None, ())]
    assert [str(p) for p in result.problems] == [
        "card 1 (line 1): the photo is over 5 MB; the contact was read without it."]


def test_an_unfolded_photo_line_is_bound_by_the_photo_limit_not_the_line_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 200)
    photo = base64.b64encode(PNG).decode()  # one line of 1,388 characters
    text = f"BEGIN:VCARD\nVERSION:4.0\nFN:Zoe Berg\nPHOTO:data:image/png;base64,{photo}\nEND:VCARD\n"
    (zoe,) = read_contacts_text(text, "zoe.vcf").drafts
    assert zoe.photo == PNG


def test_photo_without_padding_and_a_linked_photo() -> None:
    unpadded = base64.b64encode(b"abcd").decode().rstrip("=")
    text = (f"BEGIN:VCARD\nFN:A\nPHOTO;ENCODING=b:{unpadded}\nEND:VCARD\n"
            "BEGIN:VCARD\nFN:B\nPHOTO;VALUE=uri:https://example.org/b.jpg\nEND:VCARD\n")
    a, b = read_vcards(text).drafts
    assert (a.photo, b.photo) == (b"abcd", None)


def test_splitting_cards_by_hand() -> None:
    text = "junk before\nBEGIN:VCARD\nFN:A\nEND:VCARD\nbetween\nbegin:vcard\nFN:B\n"
    assert split_cards(text) == [(2, [(2, "BEGIN:VCARD"), (3, "FN:A")]),
                                 (6, [(6, "BEGIN:VCARD"), (7, "FN:B"), (8, "")])]
    result = read_vcards("no cards here")
    assert result.drafts == [] and [str(p) for p in result.problems] == [
        "no cards (BEGIN:VCARD … END:VCARD) were found."]
