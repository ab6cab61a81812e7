"""A LinkedIn Connections.csv of any size, deterministic by seed, in the current export's shape
(preamble, BOM, CRLF, most emails empty, some hidden members, names with credentials)."""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ("Maya", "Dana", "Omar", "Lee", "Ana", "Ivan", "Zoe", "Kai", "Noor", "Sam", "Priya",
         "Jordan", "Clara", "Mateo", "Elena", "Tom", "Ruth", "Jürgen", "Léa", "Aisha", "Hannah",
         "Ravi", "Sofia", "Yuki", "Chen", "Fatima", "Lars", "Ines", "Kwame", "Marta")
LAST = ("Chen", "Ortiz", "Haddad", "Park", "Silva", "Novak", "Berg", "Ito", "Khan", "Reyes",
        "Raman", "Blake", "Stone", "Petrova", "Okafor", "Müller", "Moreau", "Karim", "Iyer",
        "Lindqvist", "Nwosu", "Tanaka", "García", "Dubois", "Kowalski", "Mensah", "Rossi")
ORGS = ("Acme Analytics", "Globex", "Initech, Inc.", "Umbrella Research", "Hooli",
        "Vandelay Industries", "Juniper Labs", "Northwind", "Harbor Credit Union", "Stark & Co")
TITLES = ("Data Analyst", "Engineering Manager", "Recruiter", "Staff Engineer, Platform",
          "Product Lead", "Talent Partner", "CTO", "Founder", "Designer", "Consultant")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def write_connections(path: Path, rows: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    lines = ["Notes:", '"When exporting your connection data, you may notice that some of the '
             'email addresses are missing."', "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(rows):
        date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2009, 2026)}"
        if rng.random() < 0.02:  # a member who hides their details
            lines.append(f",,,,,,{date}")
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if rng.random() < 0.05:
            last = f'"{last}, PhD"'
        slug = f"{first}-{last}-{i}".lower().replace('"', "").replace(", ", "-")
        email = f"{slug}@example.org" if rng.random() < 0.15 else ""
        title = rng.choice(TITLES)
        lines.append(f'{first},{last},https://www.linkedin.com/in/{slug},{email},'
                     f'"{rng.choice(ORGS)}","{title}",{date}')
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path
