"""The actors gazetteer (data/actors.csv) and its matcher (extract.actors)."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from extract.actors import (
    ACTOR_TYPES,
    DEFAULT_GAZETTEER,
    DEFAULT_OFFICE_HOLDERS,
    DEFAULT_PLACES,
    GazetteerEntry,
    choose_candidate,
    GAZETTEER_COLUMNS,
    GazetteerError,
    actors_and_countries,
    fold,
    load_gazetteer,
    read_gazetteer,
    tag_actors,
    tokenize,
)
from extract.country_roles import ROLE_EXAMPLES, sentence_countries
from extract.office_holders import OFFICE_HOLDER_COLUMNS, read_office_holders

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GAZETTEER_ROWS = list(csv.DictReader(DEFAULT_GAZETTEER.read_text(encoding="utf-8").splitlines()))
PLACE_ROWS = list(csv.DictReader(DEFAULT_PLACES.read_text(encoding="utf-8").splitlines()))
OFFICE_HOLDER_ROWS = list(csv.DictReader(DEFAULT_OFFICE_HOLDERS.read_text(encoding="utf-8").splitlines()))
STOPLIST_ROWS = list(csv.DictReader((DEFAULT_PLACES.parent / "place_stoplist.csv").read_text(encoding="utf-8").splitlines()))
PLACE_TYPES = {"country", "city", "region", "historical state"}

# Countries whose capital is spelled like the country itself (no separate capital row), or was left
# out as too ambiguous (Victoria, Seychelles), or whose short name is the capital (Sao Tome).
NO_SEPARATE_CAPITAL = {"Djibouti", "Luxembourg", "Monaco", "San Marino", "Singapore", "Vatican City",
                       "Seychelles", "Sao Tome and Principe"}
# "Congolese" is the DR Congo and "Dominican" the Dominican Republic (see the module docstring).
NO_OWN_DEMONYM = {"Republic of the Congo", "Dominica"}

NOTHING_TO_FIND = [
    "let us go",
    "Give us a minute, he told us.",
    "the turkey was roasted for six hours",
    "may",
    "polish the silver before dinner",
    "we ate off the best china",
    "a guinea pig escaped",
    "they decided to go dutch",
    "a danish pastry and french fries",
    "he dealt a trump card",
    "lima beans and a glass of muscat",
    "the pentagon has five sides",
    "a gulf between rich and poor",
    "the sun sets in the west",
    "who knows what the un-named source meant",
    "male voters turned out early",
    "a swede, a pole and a finn walked into a bar",
    "an islamic state in name only",
    "Romeo walked through Chinatown past Parisian cafes",  # names inside longer words are not names
]


def row_id(row: dict[str, str]) -> str:
    return f"{row['alias']}->{row['actor']}"


def alias_key(alias: str, case_sensitive: bool) -> tuple[str, ...]:
    tokens = [token for _, _, token in tokenize(alias)]
    return tuple(tokens) if case_sensitive else tuple(fold(token) for token in tokens)


def write_gazetteer(folder: Path, rows: list[list[str]], header: tuple[str, ...] = GAZETTEER_COLUMNS) -> Path:
    path = folder / "actors.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


IRAN = ["Iran", "Iran", "country", "Iran", "name", "no", "Officials in Iran said so."]
ISRAEL = ["Israel", "Israel", "country", "Israel", "name", "no", "Officials in Israel said so."]


def seed_sentence(stem: str, sentence: str) -> str:
    """`sentence`, after checking that seed article `stem` contains it verbatim."""
    assert sentence in next(SEEDS.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")
    return sentence


def seed_line(stem: str, needle: str) -> str:
    """The line of seed article `stem` that contains `needle`, as it is in the file (typographic quotes included)."""
    text = next(SEEDS.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if needle in line)


# --- every row's example is a test ------------------------------------------------------------

@pytest.mark.parametrize("row", GAZETTEER_ROWS, ids=row_id)
def test_gazetteer_example_finds_its_alias(row):
    case_sensitive = row["case_sensitive"] == "yes"
    wanted = alias_key(row["alias"], case_sensitive)
    found = [(m.actor, m.country) for m in tag_actors(row["example"])
             if alias_key(m.alias, case_sensitive) in {wanted, tuple(token.upper() for token in wanted)}]
    assert (row["actor"], row["country"]) in found, f"{row['alias']!r} not found as {row['actor']} in {row['example']!r}"


@pytest.mark.parametrize("sentence", NOTHING_TO_FIND)
def test_ordinary_words_match_no_actor(sentence):
    assert tag_actors(sentence) == []


# --- the gazetteer's content ---------------------------------------------------------------------

def test_every_country_has_a_name_a_demonym_and_a_capital():
    kinds_of: dict[str, set[str]] = {}
    for row in GAZETTEER_ROWS:
        if row["actor_type"] == "country":
            kinds_of.setdefault(row["actor"], set()).add(row["alias_kind"])
    incomplete = {
        country: sorted({"name", "demonym", "capital"} - kinds
                        - ({"capital"} if country in NO_SEPARATE_CAPITAL else set())
                        - ({"demonym"} if country in NO_OWN_DEMONYM else set()))
        for country, kinds in kinds_of.items()
    }
    assert {country: missing for country, missing in incomplete.items() if missing} == {}


def test_every_un_member_and_observer_is_a_country():
    countries = {row["actor"] for row in GAZETTEER_ROWS if row["actor_type"] == "country"}
    assert len(countries) == 193 + 4
    assert {"Palestine", "Vatican City", "Taiwan", "Kosovo", "United States", "United Kingdom", "Russia", "Iran",
            "Israel", "North Korea", "South Korea", "Syria", "China", "United Arab Emirates"} <= countries


def test_country_values_are_canonical_country_names():
    countries = {row["actor"] for row in GAZETTEER_ROWS if row["actor_type"] in ("country", "historical state")}
    not_canonical = {row["country"] for row in GAZETTEER_ROWS if row["country"] and row["country"] not in countries}
    assert not_canonical == set()
    assert all(row["country"] == row["actor"] for row in GAZETTEER_ROWS if row["actor_type"] in ("country", "historical state"))


def test_gazetteer_uses_only_known_actor_types():
    assert {row["actor_type"] for row in GAZETTEER_ROWS} <= set(ACTOR_TYPES)


def test_acronyms_are_case_sensitive():
    loose = [row["alias"] for row in GAZETTEER_ROWS
             if not any(char.islower() for char in row["alias"]) and row["case_sensitive"] != "yes"]
    assert loose == []


# --- matching rules ----------------------------------------------------------------------------------

def test_us_in_capitals_is_the_united_states_but_us_is_not():
    assert actors_and_countries("The US said it would respond.") == (["United States"], ["United States"])
    assert actors_and_countries("Officials told us the U.S. would respond.") == (["United States"], ["United States"])
    assert actors_and_countries("Let us see.") == ([], [])


@pytest.mark.parametrize("sentence", ["Iran's position", "Iran’s position", "Russia‘s position", "Tehran-backed militias"])
def test_possessives_and_hyphens_do_not_hide_a_name(sentence):
    mention, = tag_actors(sentence)
    assert mention.actor in {"Iran", "Russia"}
    assert sentence[mention.start:mention.end] == mention.alias
    assert mention.alias in {"Iran", "Russia", "Tehran"}


def test_demonym_gives_its_country():
    assert actors_and_countries("Iranian officials met Israeli envoys.") == (["Iran", "Israel"], ["Iran", "Israel"])


@pytest.mark.parametrize("sentence, actor", [
    ("destroyed by the Israeli Air Force in October", "Israeli Air Force"),
    ("the UN Security Council remained inert", "UN Security Council"),
    ("leaders met in Latin America", "Latin America"),
    ("a test site in New Mexico", "New Mexico"),
    ("officials in Papua New Guinea", "Papua New Guinea"),
    ("South Sudanese refugees", "South Sudan"),
    ("settlers in the West Bank", "West Bank"),
    ("the head of Russia’s National Security Council", "Security Council of Russia"),
    ("the Islamic Republic of Pakistan", "Pakistan"),
])
def test_longest_alias_wins(sentence, actor):
    assert [mention.actor for mention in tag_actors(sentence)] == [actor]


def test_case_insensitive_names_match_in_capitals_and_without_accents():
    assert actors_and_countries("IRAN WARNS THE ISLAMIC REPUBLIC'S ENEMIES")[1] == ["Iran"]
    assert actors_and_countries("Türkiye and Turkiye")[0] == ["Turkey"]


def test_ambiguous_word_names_match_only_when_capitalised():
    assert actors_and_countries("Turkey and Jordan closed their airspace.")[1] == ["Turkey", "Jordan"]
    assert actors_and_countries("the turkey was roasted in jordan almonds")[1] == []


def test_mentions_are_in_text_order_and_do_not_overlap():
    mentions = tag_actors("Moscow and Beijing backed Tehran, while the EU and NATO objected.")
    assert [m.actor for m in mentions] == ["Russia", "China", "Iran", "European Union", "NATO"]
    assert all(earlier.end <= later.start for earlier, later in zip(mentions, mentions[1:]))


def test_actors_and_countries_deduplicates_in_order_of_first_mention():
    actors, countries = actors_and_countries("Moscow, Russia and the Kremlin; then Israel and the IDF.")
    assert actors == ["Russia", "Kremlin", "Israel", "Israel Defense Forces"]
    assert countries == ["Russia", "Israel"]


def test_international_organisation_has_no_country():
    assert actors_and_countries("The United Nations called for restraint.") == (["United Nations"], [])


# --- seed sentences ------------------------------------------------------------------------------------

def test_s300_sentence_names_israel_and_iran():
    sentence = seed_line("002", "S-300 air defence batteries")
    actors, countries = actors_and_countries(sentence)
    assert {"Israel", "Iran"} <= set(countries)
    assert "Israeli Air Force" in actors


def test_csto_sentence_names_iran_and_russia():
    sentence = seed_line("002", "Collective Security Treaty Organisation")
    actors, countries = actors_and_countries(sentence)
    assert {"Iran", "Russia"} <= set(countries)
    assert "Collective Security Treaty Organization" in actors


def test_the_kremlin_is_russia():
    assert actors_and_countries("The Kremlin condemned the strikes.") == (["Kremlin"], ["Russia"])


def test_washingtons_move_is_the_united_states():
    sentence = seed_line("000", "Washington’s move")
    assert "United States" in actors_and_countries(sentence)[1]
    assert actors_and_countries("Washington’s move") == (["United States"], ["United States"])


def test_metonyms_in_the_seeds_name_their_country():
    jewish_state = seed_sentence("000", "The Jewish State will likely seek to improve its air defence capabilities")
    islamic_republic = seed_sentence("000", "The Islamic Republic, on the other hand, will face significant challenges")
    mfa = seed_sentence("002", "the fact that it took Russia‘s MFA 12 hours to issue a statement condemning the Israeli attack")
    assert actors_and_countries(jewish_state) == (["Israel"], ["Israel"])
    assert actors_and_countries(islamic_republic) == (["Iran"], ["Iran"])
    assert actors_and_countries(mfa) == (["Russian Foreign Ministry", "Israel"], ["Russia", "Israel"])


@pytest.mark.parametrize("stem, expected", [
    ("000", {"Israel", "United States", "Iran", "Russia", "Kremlin", "Syria", "Hezbollah", "Axis of Resistance",
             "Bashar al-Assad", "Donald Trump", "Vladimir Putin", "Andrei Rudenko", "Nikolai Patrushev",
             "Abbas Araghchi", "Mohsen Rezaei", "Naftali Bennett", "Volodymyr Zelensky", "UN Security Council",
             "Islamic Revolutionary Guard Corps", "Qatar", "Ukraine", "Soviet Union", "Germany"}),
    ("001", {"Russia", "Israel", "Iran", "China", "Hezbollah", "Kremlin", "Reuters", "Al Jazeera", "Brookings Institution",
             "Institute for the Study of War", "Shanghai Cooperation Organization", "UN Security Council",
             "United Arab Emirates", "Bahrain", "Saudi Arabia", "European Union", "United Kingdom", "Xinhua"}),
    ("002", {"Russia", "Iran", "Israel", "Mossad", "Israel Defense Forces", "Israeli Air Force", "Russian Foreign Ministry",
             "Efrat Sopher", "Mark Galeotti", "Behnam Ben Taleblu", "Foundation for Defense of Democracies", "Hamas",
             "Hezbollah", "Collective Security Treaty Organization", "North Korea", "Vladimir Putin", "Donald Trump"}),
    ("004", {"Vladimir Putin", "Russia", "Iran", "Israel", "Kremlin", "Wall Street Journal", "Abbas Araghchi",
             "Nikolai Kozhanov", "Tino Sanandaji", "Andrey Kortunov", "Donald Trump", "Armenia", "Syria"}),
])
def test_seed_article_mentions_the_expected_actors(stem, expected):
    text = next(SEEDS.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")
    actors = {mention.actor for line in text.splitlines() for mention in tag_actors(line)}
    assert expected - actors == set()


# --- gazetteer validation ------------------------------------------------------------------------------

def test_duplicate_alias_with_another_target_is_an_error_naming_both_lines(tmp_path):
    path = write_gazetteer(tmp_path, [IRAN, ISRAEL, ["iran", "Israel", "country", "Israel", "variant", "no", "iran."]])
    with pytest.raises(GazetteerError, match=r"line 4 .*duplicate alias.*'Iran' on line 2"):
        read_gazetteer(path)


def test_unknown_actor_type_is_an_error_naming_the_row(tmp_path):
    path = write_gazetteer(tmp_path, [IRAN, ["Mossad", "Mossad", "spy agency", "Israel", "name", "no", "Mossad."]])
    with pytest.raises(GazetteerError, match=r"actors\.csv, line 3 \(alias 'Mossad'\): unknown actor_type 'spy agency'"):
        read_gazetteer(path)


def test_country_that_is_not_canonical_is_an_error(tmp_path):
    path = write_gazetteer(tmp_path, [IRAN, ["Mossad", "Mossad", "institution", "Israël", "name", "no", "Mossad."]])
    with pytest.raises(GazetteerError, match=r"line 3 .*country 'Israël' is not the canonical name"):
        read_gazetteer(path)


def test_actor_with_two_types_is_an_error(tmp_path):
    path = write_gazetteer(tmp_path, [IRAN, ISRAEL,
                                      ["Mossad", "Mossad", "institution", "Israel", "name", "no", "Mossad."],
                                      ["the Office", "Mossad", "organisation", "Israel", "variant", "no", "the Office."]])
    with pytest.raises(GazetteerError, match=r"line 5 .*actor 'Mossad' is organisation/Israel here but institution/Israel on line 4"):
        read_gazetteer(path)


def test_bad_case_sensitive_value_is_an_error(tmp_path):
    path = write_gazetteer(tmp_path, [["Iran", "Iran", "country", "Iran", "name", "maybe", "Iran."]])
    with pytest.raises(GazetteerError, match=r"line 2 .*case_sensitive must be yes or no"):
        read_gazetteer(path)


def test_missing_column_is_an_error_naming_the_file(tmp_path):
    path = write_gazetteer(tmp_path, [IRAN[:6]], header=GAZETTEER_COLUMNS[:6])
    with pytest.raises(GazetteerError, match=r"actors\.csv: missing column\(s\) example"):
        read_gazetteer(path)


def test_missing_file_is_an_error_naming_the_file(tmp_path):
    with pytest.raises(GazetteerError, match=r"nowhere\.csv: cannot read the actors gazetteer"):
        read_gazetteer(tmp_path / "nowhere.csv")


def test_a_valid_custom_gazetteer_is_used_instead_of_the_default(tmp_path):
    gazetteer = read_gazetteer(write_gazetteer(tmp_path, [IRAN, ISRAEL]))
    assert actors_and_countries("Israel, Iran and Russia", gazetteer) == (["Israel", "Iran"], ["Israel", "Iran"])


def test_default_gazetteer_is_loaded_once():
    assert load_gazetteer() is load_gazetteer()


# --- places (data/places.csv, generated by scripts/build_places.py) and their stop list ---------------------------

def test_every_place_example_finds_its_place():
    missed = []
    for row in PLACE_ROWS:
        found = {(mention.actor, mention.country) for mention in tag_actors(row["example"])}
        if (row["actor"], row["country"]) not in found:
            missed.append(f"{row['alias']} in {row['example']!r}: {sorted(found)}")
    assert missed == []


def test_places_cover_cities_and_regions_of_many_countries():
    countries = {row["country"] for row in PLACE_ROWS}
    assert len(PLACE_ROWS) > 2000 and len(countries) > 100
    assert {("Miami", "United States"), ("Florida", "United States"), ("Alabama", "United States"),
            ("Wiltshire", "United Kingdom"), ("Isfahan", "Iran")} <= {(row["actor"], row["country"]) for row in PLACE_ROWS} | {
        (row["actor"], row["country"]) for row in GAZETTEER_ROWS}


@pytest.mark.parametrize("row", STOPLIST_ROWS, ids=lambda row: row["name"])
def test_stop_list_name_is_no_generated_place(row):
    assert row["reason"] and row["example"]
    assert row["name"] not in {place["alias"] for place in PLACE_ROWS}
    hand_listed = {alias["alias"] for alias in GAZETTEER_ROWS}  # e.g. St. Petersburg, Russia, listed by hand
    places = [mention for mention in tag_actors(row["example"])
              if mention.alias == row["name"] and mention.actor_type in PLACE_TYPES and mention.alias not in hand_listed]
    assert places == []


def test_no_place_repeats_an_alias_of_the_gazetteer():
    gazetteer_aliases = {alias_key(row["alias"], False) for row in GAZETTEER_ROWS}
    assert [row["alias"] for row in PLACE_ROWS if alias_key(row["alias"], False) in gazetteer_aliases] == []


# --- office holders (data/office_holders.csv) -------------------------------------------------------------------------

def test_every_office_holder_row_has_a_source_and_years():
    assert OFFICE_HOLDER_ROWS and all(row["source"].startswith("Wikipedia") for row in OFFICE_HOLDER_ROWS)
    assert all(int(row["start_year"]) <= int(row["end_year"] or 9999) for row in OFFICE_HOLDER_ROWS)
    assert list(OFFICE_HOLDER_ROWS[0]) == list(OFFICE_HOLDER_COLUMNS)


@pytest.mark.parametrize("row", OFFICE_HOLDER_ROWS, ids=lambda row: f"{row['person']}-{row['start_year']}")
def test_office_holder_example_names_the_holder_in_office(row):
    start, end = int(row["start_year"]), int(row["end_year"] or 0)
    year = start if end == start else start + 1 if not end else (start + end + 1) // 2  # not a hand-over year
    found = {(mention.actor, mention.country) for mention in tag_actors(row["example"], year=year)}
    assert (row["person"], row["country"]) in found, (row["example"], found)


G20 = {"Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India", "Indonesia", "Italy",
       "Japan", "Mexico", "Russia", "Saudi Arabia", "South Africa", "South Korea", "Turkey", "United Kingdom",
       "United States"}


def test_office_holders_cover_the_g20_and_the_countries_of_the_seeds_and_corpora():
    countries = {row["country"] for row in OFFICE_HOLDER_ROWS}
    assert G20 | {"Israel", "Iran", "Syria", "Ukraine", "Iraq", "Cuba", "Haiti", "Egypt", "Jordan", "Soviet Union"} <= countries


@pytest.mark.parametrize("sentence, year, actor, country", [
    ("Clinton said the talks would go on.", 1998, "Bill Clinton", "United States"),
    ("Clinton said the talks would go on.", 2010, "Hillary Clinton", "United States"),
    ("Putin said the talks would go on.", 2025, "Vladimir Putin", "Russia"),
    ("Bush sent troops to the Gulf.", 1990, "George H. W. Bush", "United States"),
    ("Bush sent troops to the Gulf.", 2003, "George W. Bush", "United States"),
    ("Assad met the envoy.", 1995, "Hafez al-Assad", "Syria"),
    ("Assad met the envoy.", 2015, "Bashar al-Assad", "Syria"),
    ("Prime Minister Major said so.", 1995, "John Major", "United Kingdom"),
    ("Mr. Baker declined to use the word blockade.", 1990, "James Baker", "United States"),
    ("President Fox said so.", 2003, "Vicente Fox", "Mexico"),
])
def test_office_holder_is_chosen_by_the_statements_year(sentence, year, actor, country):
    assert (actor, country) in {(mention.actor, mention.country) for mention in tag_actors(sentence, year=year)}


@pytest.mark.parametrize("sentence", ["Major problems remain.", "May said nothing.", "Fox News reported it.",
                                      "Brown said the plan was sound.", "Rice prices rose."])
def test_surname_that_is_a_common_word_needs_a_title_or_first_name(sentence):
    assert [mention for mention in tag_actors(sentence, year=2009) if mention.actor_type == "person"] == []


def _holder(name: str, country: str, years: tuple[int, int]) -> GazetteerEntry:
    return GazetteerEntry("Kim", name, "person", country, "surname", True, "", 0, years, False)


def test_surname_shared_by_office_holders_of_two_countries_is_left_unresolved():
    candidates = (_holder("A Kim", "North Korea", (1990, 2000)), _holder("B Kim", "South Korea", (1990, 2000)))
    assert choose_candidate(candidates, 1995, False) is None
    assert choose_candidate(candidates[:1], 1995, False).actor == "A Kim"


def test_office_holder_file_with_a_bad_office_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "office_holders.csv"
    path.write_text(",".join(OFFICE_HOLDER_COLUMNS) + "\n"
                    "Ann Example,Iran,president,2001,2005,,Example,yes,Wikipedia: X,Example said so.\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"office_holders\.csv, line 2 .*unknown office 'president'"):
        read_office_holders(path)


def test_office_holder_file_with_a_bad_year_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "office_holders.csv"
    path.write_text(",".join(OFFICE_HOLDER_COLUMNS) + "\n"
                    "Ann Example,Iran,head of state,2001,1999,,Example,yes,Wikipedia: X,Example said so.\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"line 2 .*end_year 1999 is before start_year 2001"):
        read_office_holders(path)


# --- institutions ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, country", [
    ("The FBI and the INS arrested him.", "United States"), ("Congress approved the budget.", "United States"),
    ("The Duma approved the treaty.", "Russia"), ("The Knesset approved the budget.", "Israel"),
    ("The Bundestag approved the mission.", "Germany"), ("The Élysée said so.", "France"),
    ("The Foreign Office advised against travel.", "United Kingdom"), ("The CDC confirmed 20 cases.", "United States"),
])
def test_institution_names_its_country(sentence, country):
    assert sentence_countries(sentence).countries == [country]


# --- parties and mentions --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rule, sentence, year, parties, mentions", ROLE_EXAMPLES,
                         ids=[f"{example[0]}: {example[1][:40]}" for example in ROLE_EXAMPLES])
def test_party_and_mention_rule_examples(rule, sentence, year, parties, mentions):
    found = sentence_countries(sentence, dt.date(year, 6, 1) if year else None)
    assert (found.countries, found.country_mentions) == (parties, mentions)


def test_mentions_are_a_superset_of_parties_and_say_which_rule_decided():
    found = sentence_countries("Unlike Russia, China backed the resolution in 1995.", dt.date(1995, 3, 1))
    assert set(found.countries) <= set(found.country_mentions)
    assert [(item.country, item.role, item.rule) for item in found.mentions] == [
        ("Russia", "mention", "comparison"), ("China", "party", "party")]


def test_statement_facts_name_the_countries_mentioned_only_in_passing():
    from desk.highlight import statement_facts
    from extract import extract_corpus

    extraction = extract_corpus(SEEDS)
    statements = extraction.statements
    strike = statements[statements["sentence"].str.contains("Barbarossa") & (statements["date_text"] == "June 22")].iloc[0]
    facts = dict(statement_facts(strike, extraction.documents))
    assert facts["Countries"] == "United States, Iran"
    assert facts["Also mentioned"] == "Germany, Soviet Union"
