"""The synonym table: English and localized headers, numbered columns, honorifics."""

from __future__ import annotations

import pytest

from introdesk.interchange.column_map import Role, propose_mapping, role_of

R = Role


def roles(headers: list[str]) -> dict[str, Role]:
    return {h: r for h, r in zip(headers, propose_mapping(headers).roles, strict=True)
            if r is not Role.IGNORE}


def test_outlook_english_full_header() -> None:
    headers = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company",
               "Department", "Job Title", "Business Street", "Assistant's Phone",
               "Business Fax", "Business Phone", "Business Phone 2", "Company Main Phone",
               "Home Phone", "Mobile Phone", "Pager", "Categories", "E-mail Address",
               "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "Notes", "Web Page",
               "Manager's Name"]
    assert roles(headers) == {
        "First Name": R.FIRST, "Middle Name": R.MIDDLE, "Last Name": R.LAST,
        "Company": R.ORGANIZATION, "Job Title": R.TITLE, "Business Phone": R.PHONE,
        "Business Phone 2": R.PHONE, "Home Phone": R.PHONE, "Mobile Phone": R.PHONE,
        "Categories": R.TAGS, "E-mail Address": R.EMAIL, "E-mail 2 Address": R.EMAIL,
        "Notes": R.NOTES, "Web Page": R.LINKEDIN}


def test_outlook_german_french_spanish() -> None:
    assert roles(["Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Firma", "Position",
                  "Telefon geschäftlich", "Telefon Assistent", "Mobiltelefon", "Fax privat",
                  "E-Mail-Adresse", "E-Mail-Typ", "E-Mail: Angezeigter Name",
                  "E-Mail 2: Adresse", "Kategorien", "Notizen", "Webseite"]) == {
        "Vorname": R.FIRST, "Weitere Vornamen": R.MIDDLE, "Nachname": R.LAST,
        "Firma": R.ORGANIZATION, "Position": R.TITLE, "Telefon geschäftlich": R.PHONE,
        "Mobiltelefon": R.PHONE, "E-Mail-Adresse": R.EMAIL, "E-Mail 2: Adresse": R.EMAIL,
        "Kategorien": R.TAGS, "Notizen": R.NOTES, "Webseite": R.LINKEDIN}
    assert roles(["Titre", "Prénom", "Nom", "Société", "Titre", "Téléphone bureau",
                  "Tél. mobile", "Télécopie bureau", "Adresse de messagerie",
                  "Type de messagerie", "Nom complet de l'adresse de messagerie"]) == {
        "Prénom": R.FIRST, "Nom": R.LAST, "Société": R.ORGANIZATION, "Titre": R.TITLE,
        "Téléphone bureau": R.PHONE, "Tél. mobile": R.PHONE, "Adresse de messagerie": R.EMAIL}
    assert propose_mapping(["Titre", "Prénom", "Nom", "Société", "Titre"]).roles == (
        R.IGNORE, R.FIRST, R.LAST, R.ORGANIZATION, R.TITLE)
    assert roles(["Tratamiento", "Nombre", "Apellidos", "Organización", "Puesto",
                  "Teléfono del trabajo", "Móvil", "Dirección de correo electrónico",
                  "Tipo de correo electrónico", "Nombre para mostrar del correo electrónico",
                  "Categorías", "Notas"]) == {
        "Nombre": R.FIRST, "Apellidos": R.LAST, "Organización": R.ORGANIZATION,
        "Puesto": R.TITLE, "Teléfono del trabajo": R.PHONE, "Móvil": R.PHONE,
        "Dirección de correo electrónico": R.EMAIL, "Categorías": R.TAGS, "Notas": R.NOTES}


def test_google_numbered_columns_labels_and_phonetic_names() -> None:
    assert roles(["First Name", "Phonetic First Name", "Last Name", "Organization Name",
                  "Organization Title", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
                  "Phone 1 - Label", "Phone 1 - Value", "Website 1 - Label",
                  "Website 1 - Value", "Website 2 - Value", "Photo"]) == {
        "First Name": R.FIRST, "Last Name": R.LAST, "Organization Name": R.ORGANIZATION,
        "Organization Title": R.TITLE, "Labels": R.TAGS, "E-mail 1 - Value": R.EMAIL,
        "Phone 1 - Value": R.PHONE, "Website 1 - Value": R.LINKEDIN,
        "Website 2 - Value": R.LINKEDIN}
    # A second organization keeps the first one's role only.
    assert propose_mapping(["Name", "Organization 1 - Name", "Organization 2 - Name"]).roles \
        == (R.NAME, R.ORGANIZATION, R.IGNORE)


@pytest.mark.parametrize(("header", "role"), [
    ("  E-MAIL  ", R.EMAIL), ("Courriel", R.EMAIL), ("Correo", R.EMAIL), ("Mailing Address",
                                                                          R.IGNORE),
    ("Cell", R.PHONE), ("Handy", R.PHONE), ("Fax", R.IGNORE), ("LinkedIn Profile", R.LINKEDIN),
    ("Full name", R.NAME), ("SURNAME", R.LAST), ("Connected On", R.CONNECTED_ON),
    ("Tags", R.TAGS), ("Employer", R.ORGANIZATION), ("Rôle", R.TITLE), ("Birthday", R.IGNORE),
])
def test_single_headers_case_and_accent_insensitive(header: str, role: Role) -> None:
    assert role_of(header) is role


def test_a_title_after_the_names_is_a_job_before_them_an_honorific() -> None:
    assert propose_mapping(["Name", "Title", "Email"]).roles == (R.NAME, R.TITLE, R.EMAIL)
    assert propose_mapping(["Title", "Name", "Email"]).roles == (R.IGNORE, R.NAME, R.EMAIL)
    mapping = propose_mapping(["Who", "Email"])
    assert not mapping.has_name and mapping.known == 1
    assert mapping.with_role(0, R.NAME).has_name
