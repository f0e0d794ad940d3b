"""Office holders: heads of state and government and foreign ministers, with the years they held office.

Reads `data/office_holders.csv` (columns `person, country, office, start_year, end_year, also_known_as,
surname, surname_alone, source, example`; `also_known_as` and `surname` may list variants separated by ";"; one row per term of office; `end_year` empty while in office)
and turns each row into gazetteer entries for `extract.actors`: the full name and its variants (any case),
and the surname (as written). The matcher picks, among people sharing a name, the one in office in the
statement's year ("Bush" in 1990 is George H. W. Bush, in 2003 George W. Bush; "Clinton" in 1998 is Bill
Clinton, in 2010 Hillary Clinton). A surname that is also a common word or another well-known person's
name (`surname_alone = no`: Major, Brown, May, Baker, Rice, Powell, Fox, Howard) names the office holder
only after a title or a first name ("Prime Minister Major", "Mr. Baker", "John Major").

>>> entries = office_holder_entries({"person": "John Major", "country": "United Kingdom", "office": "head of government",
...     "start_year": "1990", "end_year": "1997", "also_known_as": "", "surname": "Major", "surname_alone": "no",
...     "source": "Wikipedia", "example": "Prime Minister Major said so."}, "office_holders.csv", 2)
>>> [(entry.alias, entry.years, entry.needs_title) for entry in entries]
[('John Major', (1990, 1997), False), ('Major', (1990, 1997), True)]
"""
from __future__ import annotations

from pathlib import Path

from extract.actors import DEFAULT_OFFICE_HOLDERS, GazetteerEntry, GazetteerError, _read_rows_with

OFFICE_HOLDER_COLUMNS = ("person", "country", "office", "start_year", "end_year", "also_known_as", "surname",
                         "surname_alone", "source", "example")
OFFICES = ("head of state", "head of government", "foreign minister", "leader")
STILL_IN_OFFICE = 9999


def office_holder_entries(row: dict[str, str], file_name: str, line: int) -> list[GazetteerEntry]:
    """The gazetteer entries of one office-holder row; raise GazetteerError naming the row when it is not valid."""
    where = f"{file_name}, line {line} (person {row.get('person', '')!r})"
    for column in ("person", "country", "office", "start_year", "source", "example"):
        if not row.get(column):
            raise GazetteerError(f"{where}: empty {column}")
    if row["office"] not in OFFICES:
        raise GazetteerError(f"{where}: unknown office {row['office']!r}; known: {', '.join(OFFICES)}")
    if row.get("surname_alone", "") not in ("yes", "no", ""):
        raise GazetteerError(f"{where}: surname_alone must be yes or no, not {row['surname_alone']!r}")
    try:
        years = (int(row["start_year"]), int(row["end_year"]) if row.get("end_year") else STILL_IN_OFFICE)
    except ValueError:
        raise GazetteerError(f"{where}: start_year and end_year must be years, not "
                             f"{row['start_year']!r} and {row.get('end_year', '')!r}") from None
    if years[1] < years[0]:
        raise GazetteerError(f"{where}: end_year {years[1]} is before start_year {years[0]}")

    def entry(alias: str, kind: str, case_sensitive: bool, needs_title: bool = False) -> GazetteerEntry:
        return GazetteerEntry(alias, row["person"], "person", row["country"], kind, case_sensitive, row["example"],
                              line, years, needs_title, file_name)
    names = [row["person"]] + [name.strip() for name in row.get("also_known_as", "").split(";") if name.strip()]
    entries = [entry(name, "name" if number == 0 else "variant", False) for number, name in enumerate(names)]
    for surname in (name.strip() for name in row.get("surname", "").split(";")):
        if surname:
            entries.append(entry(surname, "surname", True, row.get("surname_alone") != "yes"))
    return entries


def read_office_holders(path: str | Path = DEFAULT_OFFICE_HOLDERS) -> list[GazetteerEntry]:
    """Gazetteer entries of every office-holder row of `path`.

    >>> sorted({entry.actor for entry in read_office_holders() if entry.alias == "Bush"})
    ['George H. W. Bush', 'George W. Bush']
    """
    path = Path(path)
    entries: list[GazetteerEntry] = []
    for line, row in _read_rows_with(path, OFFICE_HOLDER_COLUMNS, "office holders"):
        entries += office_holder_entries(row, path.name, line)
    return entries
