"""CSV exports: LinkedIn in every shape it has had, Google, Outlook in four languages, and other
tools through the mapping step (fixtures: invented people)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from introdesk.interchange.column_map import Role, propose_mapping
from introdesk.interchange.csv_reader import parse_date, read_csv
from introdesk.interchange.drafts import ContactDraft, Problem, ReadResult
from introdesk.interchange.readers import read_contacts, read_contacts_text

FIXTURES = Path(__file__).with_name("fixtures")
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def read(name: str) -> ReadResult:
    return read_contacts(FIXTURES / name)


def test_linkedin_current_export_with_preamble_bom_crlf_and_hidden_members() -> None:
    raw = (FIXTURES / "linkedin_current.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n") and b"\t" in raw
    result = read("linkedin_current.csv")
    assert result.format == "linkedin" and not result.needs_mapping
    assert result.drafts == [
        ContactDraft(name="Maya Chen, PhD", where="line 5", organization="Acme Analytics",
                     title="Analyst, Data Platform",
                     linkedin_url="https://www.linkedin.com/in/maya-chen-0a1b2c",
                     connected_on=date(2024, 5, 30)),
        # a tab and doubled spaces folded; pronouns and emoji kept as the person wrote them
        ContactDraft(name="Dana Ortiz (she/her) 🌱", where="line 7",
                     emails=("Dana.Ortiz@example.org",), organization="Globex", title="CTO",
                     linkedin_url="https://www.linkedin.com/in/dana-ortiz",
                     connected_on=date(2023, 1, 1)),
        ContactDraft(name="Omar Haddad", where="line 8", organization="Initech, Inc.",
                     title="Recruiter", linkedin_url="https://www.linkedin.com/in/omar-haddad",
                     connected_on=date(2021, 3, 15))]
    # Hidden members (",,,,,,02 Jun 2022") are counted in one problem, not one each.
    assert result.problems == [Problem("", "2 rows without a name (LinkedIn members who hide "
                                           "their details) were left out.")]


def test_linkedin_2018_export_member_urns_are_not_emails() -> None:
    result = read("linkedin_2018.csv")
    assert result.format == "linkedin" and result.problems == []
    assert result.drafts == [
        ContactDraft(name="Lee Park", where="line 2", organization="Hooli",
                     title="Engineering Manager", connected_on=date(2018, 1, 8)),
        ContactDraft(name="Ana Silva", where="line 3", emails=("ana.silva@example.com",),
                     organization="Vandelay Industries", title="Importer",
                     connected_on=date(2017, 12, 24))]


def test_linkedin_excel_resave_with_a_header() -> None:
    result = read("linkedin_excel_header.csv")
    assert result.format == "linkedin" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="Ivan Novak", where="line 2", organization="Umbrella", title="Scientist",
        linkedin_url="https://www.linkedin.com/in/ivan-novak", connected_on=date(2023, 4, 23))]


def test_linkedin_excel_resave_without_a_header_is_told_by_its_content() -> None:
    result = read("linkedin_excel_noheader.csv")
    assert result.format == "linkedin" and result.problems == [] and not result.needs_mapping
    assert result.drafts == [
        ContactDraft(name="Zoe Berg", where="line 1", organization="Acme Analytics",
                     title="Designer", linkedin_url="https://www.linkedin.com/in/zoe-berg",
                     connected_on=date(2023, 4, 23)),
        ContactDraft(name="Kai Ito", where="line 2", emails=("kai@example.net",),
                     organization="Globex", title="Data Engineer",
                     linkedin_url="https://www.linkedin.com/in/kai-ito",
                     connected_on=date(2022, 1, 5))]


def test_linkedin_2018_without_header_semicolons_and_excel_padding() -> None:
    text = ("Lee;Park;urn:li:member:123;Hooli;Manager;1/8/18, 6:14 PM;;\n"
            ";;;;;12/24/17, 9:02 AM;;\n"
            "Ana;Silva;ana@example.com;Vandelay;Importer;24.12.2017;;\n" + ";;;;;;;\n" * 3)
    result = read_csv(text, "Connections.csv")
    assert result.format == "linkedin"
    assert [(d.name, d.emails, d.connected_on) for d in result.drafts] == [
        ("Lee Park", (), date(2018, 1, 8)), ("Ana Silva", ("ana@example.com",),
                                             date(2017, 12, 24))]
    assert [str(p) for p in result.problems] == [
        "1 row without a name (LinkedIn members who hide their details) was left out."]


def test_a_plain_table_of_seven_columns_is_not_taken_for_linkedin() -> None:
    text = "Maya,Chen,https://example.org,,Acme,Analyst,30 May 2024\n"
    result = read_csv(text, "x.csv")
    assert result.format == "csv" and result.needs_mapping and result.drafts == []


def test_google_csv_older_headers_split_values_on_three_colons() -> None:
    result = read("google.csv")
    assert result.format == "google" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="Noor Khan", where="line 2",
        emails=("noor@example.org", "noor.khan@example.com", "noor@home.example"),
        phones=("+44 20 7946 0000", "+44 7700 900000"), organization="Initech",
        title="Staff Engineer", linkedin_url="https://www.linkedin.com/in/noor-khan",
        notes="Met at the\ndata meetup", tags=("Mentors",))]


def test_google_2020_headers_phonetic_names_are_not_phones() -> None:
    (sam,) = read("google_2020.csv").drafts
    assert sam == ContactDraft(name="Sam J. Reyes", where="line 2",
                               emails=("sam.reyes@example.org",), phones=("+1 555 0100",),
                               organization="Hooli", title="Product Lead", tags=("Friends",))
    result = read("google_2020_full.csv")
    assert result.format == "google" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="Hana Sato", where="line 2",
        emails=("hana.sato@example.jp", "hana@example.com", "hana@home.example"),
        phones=("+81 90 0000 0000", "+81 6 0000 0000"), organization="Umbrella Labs",
        title="Research Lead", linkedin_url="https://www.linkedin.com/in/hana-sato",
        notes="Knows everyone in Osaka", tags=("Mentors", "starred"))]


def test_outlook_english_ignores_the_honorific_title_and_display_name() -> None:
    result = read("outlook_en.csv")
    assert result.format == "outlook" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="Ruth Okafor", where="line 2",
        emails=("ruth.okafor@example.org", "r.okafor@example.net"), phones=("+1 555 0199",),
        organization="Umbrella", title="Director of Research", notes="Board contact",
        tags=("VIP", "Research"))]


def test_outlook_german_in_cp1252() -> None:
    raw = (FIXTURES / "outlook_de.csv").read_bytes()
    assert "Müller".encode("cp1252") in raw  # really cp1252, not UTF-8
    result = read("outlook_de.csv")
    assert result.format == "outlook" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="Jürgen Müller", where="line 2", emails=("juergen.mueller@example.de",),
        phones=("+49 30 123456",), organization="Bäckerei Größe GmbH",
        title="Geschäftsführer", notes="Kennt François aus Köln")]


def test_outlook_french_in_cp1252_fax_and_display_name_left_out() -> None:
    assert "Société".encode("cp1252") in (FIXTURES / "outlook_fr.csv").read_bytes()
    result = read("outlook_fr.csv")
    assert result.format == "outlook" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="Léa Moreau", where="line 2",
        emails=("lea.moreau@example.fr", "l.moreau@example.com"),
        phones=("+33 1 23 45 67 89", "+33 6 12 34 56 78"),
        organization="Société Générale Test", title="Analyste principale",
        notes="Rencontrée à Lyon", tags=("Clients", "Paris"))]


def test_outlook_spanish_with_semicolons_and_a_bom() -> None:
    result = read("outlook_es.csv")
    assert result.format == "outlook" and result.problems == []
    assert result.drafts == [ContactDraft(
        name="María José García López", where="line 2", emails=("mariajose@example.es",),
        phones=("+34 91 123 45 67", "+34 600 000 000"), organization="Hermanos Ruiz S.L.",
        title="Directora comercial", notes="Conocida en Madrid; le gusta el café",
        tags=("Clientes",))]


def test_other_csv_proposes_a_mapping_for_the_user_to_confirm() -> None:
    result = read("semicolon_other.csv")
    assert result.format == "csv" and result.needs_mapping and result.mapping is not None
    assert result.headers == ("Kontakt", "Mail", "Arbeitgeber", "Funktion", "Bemerkungen")
    assert result.mapping.roles == (Role.NAME, Role.EMAIL, Role.ORGANIZATION, Role.TITLE,
                                    Role.NOTES)
    assert result.samples == (("Léa Moreau", "lea.moreau@example.fr", "Société Générale Test",
                               "Analyste", "Vue à Paris"),)
    confirmed = read_contacts(FIXTURES / "semicolon_other.csv",
                              mapping=result.mapping.with_role(4, Role.IGNORE))
    assert not confirmed.needs_mapping
    assert confirmed.drafts == [ContactDraft(
        name="Léa Moreau", where="line 2", emails=("lea.moreau@example.fr",),
        organization="Société Générale Test", title="Analyste")]


def test_unrecognised_columns_are_read_once_the_user_maps_them() -> None:
    result = read("unknown_columns.csv")
    assert result.needs_mapping and result.drafts == []
    assert result.headers == ("Who", "Where", "Reach")
    assert [str(p) for p in result.problems] == [
        "no column with names was recognised: say which column holds what, then read it again."]
    mapping = propose_mapping(result.headers).with_role(0, Role.NAME) \
        .with_role(1, Role.ORGANIZATION).with_role(2, Role.EMAIL)
    people = read_contacts(FIXTURES / "unknown_columns.csv", mapping=mapping).drafts
    assert people == [
        ContactDraft(name="Léa Moreau", where="line 2", emails=("lea@example.fr",),
                     organization="Société Test"),
        ContactDraft(name="Tom Hart", where="line 3", emails=("tom@example.com",),
                     organization="Hart & Co")]


def test_a_quote_never_closed_costs_no_rows() -> None:
    result = read("unclosed_quote.csv")
    assert [(d.name, d.where, d.organization) for d in result.drafts] == [
        ("Maya Chen", "line 2", "Acme"), ('Dana "Dee" Ortiz', "line 3", "Globex"),
        ("Omar Haddad", "line 4", "Initech")]
    assert [str(p) for p in result.problems] == [
        ("line 2: a quote opened here is not closed where it should be, so lines 2–3 were read "
        "one by one; check these contacts.")]
    text = "Name,Email\nMaya,\"maya@example.org\nDana,dana@example.org\nOmar,omar@example.org\n"
    result = read_csv(text, "x.csv")
    assert [d.name for d in result.drafts] == ["Maya", "Dana", "Omar"]
    assert result.problems[0].where == "line 2"


def test_bad_emails_and_dates_are_problems_the_contact_is_kept() -> None:
    text = (LINKEDIN_HEADER + "\n"
            "Maya,Chen,,maya(at)example.org,Acme,Analyst,someday\n"
            "Dana,Ortiz,,mailto:Dana@EXAMPLE.org,Globex,CTO,30 May 2024\n"
            "Omar,Haddad,,,Initech,Recruiter,13/13/2024\n")
    result = read_csv(text, "Connections.csv")
    maya, dana, omar = result.drafts
    assert (maya.emails, maya.connected_on) == ((), None)
    assert (dana.emails, dana.connected_on) == (("Dana@example.org",), date(2024, 5, 30))
    assert omar.connected_on is None
    assert [str(p) for p in result.problems] == [
        "line 2: 'maya(at)example.org' is not an email address; it was left out.",
        ("2 connection dates (such as 'someday') are not in a form this reader knows; they "
        "were left empty (lines 2, 4).")]


def test_nameless_rows_of_other_csvs_are_counted_with_their_lines() -> None:
    text = "Name,Email\nMaya,maya@example.org\n,lost@example.org\n\n,,\n ,x@example.org\n"
    result = read_csv(text, "x.csv")
    assert [d.name for d in result.drafts] == ["Maya"]
    assert [str(p) for p in result.problems] == [("2 rows without a name were left out "
                                                 "(lines 3, 6).")]


def test_tab_separated_and_excel_padding_rows_do_not_count() -> None:
    text = "Full Name\tE-mail\tTags\n\"  Maya \t Chen  \"\tmaya@example.org\tMentors;Friends\n" + \
        "\t\t\n" * 1000
    result = read_contacts_text(text, "people.tsv")
    assert result.drafts == [ContactDraft(name="Maya Chen", where="line 2",
                                          emails=("maya@example.org",),
                                          tags=("Mentors", "Friends"))]


@pytest.mark.parametrize(("text", "expected"), [
    ("30 May 2024", date(2024, 5, 30)), ("1/8/18, 6:14 PM", date(2018, 1, 8)),
    ("23-Apr-23", date(2023, 4, 23)), ("2024-05-30", date(2024, 5, 30)),
    ("02 Jun 2022", date(2022, 6, 2)), ("5 September 2021", date(2021, 9, 5)),
    ("May 30, 2024", date(2024, 5, 30)), ("23/04/2023", date(2023, 4, 23)),
    ("23.04.2023", date(2023, 4, 23)), ("1/8/99", date(1999, 1, 8)),
    ("31 Feb 2024", None), ("yesterday", None), ("30 Mai 2024", None), ("", None),
])
def test_dates_use_a_fixed_english_month_table(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_a_maxed_out_linkedin_network_reads_whole() -> None:
    rows = [f"Person{i},Surname{i},https://www.linkedin.com/in/p{i},,Org {i % 50},Role,"
            f"{1 + i % 28} May 2024" for i in range(30_000)]
    text = ("\ufeffNotes:\r\n\"note, with a comma\"\r\n\r\n" + LINKEDIN_HEADER + "\r\n"
            + "\r\n".join(rows) + "\r\n")
    result = read_contacts_text(text, "Connections.csv")
    assert len(result.drafts) == 30_000 and result.problems == []
    last = result.drafts[-1]
    assert (last.name, last.where, last.connected_on) == ("Person29999 Surname29999",
                                                          "line 30004", date(2024, 5, 12))


def test_a_confirmed_mapping_without_a_name_column_reads_nothing_and_says_so() -> None:
    mapping = propose_mapping(["Who", "Where", "Reach"])
    result = read_contacts(FIXTURES / "unknown_columns.csv", mapping=mapping)
    assert result.drafts == [] and not result.needs_mapping
    assert [str(p) for p in result.problems] == [
        "no column was chosen as the name (full, first or last name); nothing was read."]
