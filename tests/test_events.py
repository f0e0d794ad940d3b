"""The events frame: statements about one happening become one labelled, ranked event; near events make episodes."""
from pathlib import Path

import pandas as pd
import pytest

from extract import extract_corpus
from extract.events import build_events, top_events
from extract.merging import is_passing_mention
from extract.schema import EVENT_COLUMNS, conform_events

REPO = Path(__file__).resolve().parent.parent
S000, S001, S002, S004 = "000_6b2388c66c13b699", "001_8c4639d7cc0bfce9", "002_3d55fe1a66942adb", "004_d66b8ea05d2f980a"


@pytest.fixture(scope="module")
def seed_events(seeds_extraction):
    statements, documents = seeds_extraction
    return build_events(statements, documents)


def event_with(events: pd.DataFrame, statement_part: str, value: str) -> pd.Series:
    """The one event of `value` whose evidence includes a statement id starting with `statement_part`'s doc."""
    found = events[(events["value"] == value) & events["summary"].str.contains(statement_part, regex=False)]
    assert len(found) == 1, events[events["value"] == value][["label", "summary"]].to_string()
    return found.iloc[0]


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


# --- the design card's four happenings, on the seeds ----------------------------------------

def test_2007_un_arms_embargo_on_iran_is_an_event_labelled_as_such(seed_events):
    event = event_with(seed_events, "2007 UN Security Council embargo", "2007")
    assert event["label"] == "UN Security Council embargo on conventional arms shipments to Iran"
    assert (event["grain"], event["start"], event["end"]) == ("year", pd.Timestamp("2007-01-01"), pd.Timestamp("2008-01-01"))
    assert "Iran" in event["countries"] and event["doc_ids"] == [S000]


def test_irans_2007_invitation_to_join_the_csto_is_an_event_labelled_as_such(seed_events):
    event = event_with(seed_events, "2007 invitation to join", "2007")
    assert event["label"] == "Tehran’s invitation to join the Collective Security Treaty Organisation"
    assert "noun phrase the date modifies" in event["label_basis"]


def test_october_2024_strike_that_destroyed_irans_last_s300s_is_an_event_labelled_as_such(seed_events):
    event = event_with(seed_events, "destroyed by the Israeli Air Force", "2024-10")
    assert "S-300" in event["label"] and "destroyed" in event["label"] and "Iran" in event["label"]
    assert len(event["label"]) <= 72 and event["grain"] == "month"


def test_13_to_24_june_2025_escalation_is_one_episode_holding_rising_lion_and_the_ceasefire(seed_events):
    episodes = seed_events[seed_events["kind"] == "episode"]
    assert len(episodes) == 1
    episode = episodes.iloc[0]
    assert (episode["start"], episode["end"]) == (pd.Timestamp("2025-06-13"), pd.Timestamp("2025-06-25"))
    assert episode["value"] == "2025-06-13/2025-06-24"
    assert {"Iran", "Israel"} <= set(episode["label"].rsplit(" ", 1)[0].split("–"))
    rising_lion = event_with(seed_events, "Operation Rising Lion", "2025-06-13")
    ceasefire = event_with(seed_events, "ended their conflict", "2025-06-24")
    assert rising_lion["label"].startswith("Operation Rising Lion launched")
    assert ceasefire["label"] == "Israel, the United States, and Iran ended their conflict"
    for event in (rising_lion, ceasefire):
        assert event["episode_id"] == episode["event_id"]
        assert set(event["statement_ids"]) <= set(episode["statement_ids"])
    assert episode["salience"] > seed_events.loc[seed_events["kind"] == "event", "salience"].max()


def test_labels_are_short_whole_words_and_keep_their_basis(seed_events):
    for event in seed_events.itertuples():
        assert 2 <= len(event.label.split()) and len(event.label) <= 72, event.label
        assert event.label_basis
        if event.kind == "event":
            assert event.label.split()[-1].strip("’'").isalnum() or event.label[-1].isalnum()
            words = set(event.summary.replace("’", "'").split())
            assert sum(word.strip(",.'") in event.summary for word in event.label.replace("’", "'").split()) \
                >= len(event.label.split()) - 2, (event.label, event.summary, words)


def test_seed_hour_and_day_of_one_sentence_are_one_event(seed_events):
    event = event_with(seed_events, "bombing campaign against Iran", "2025-06-22")
    assert len(event["statement_ids"]) == 2 and event["grain"] == "day"
    assert event["label"] == "US launched its bombing campaign against Iran"


def test_reference_lines_and_datelines_make_no_events(seed_events, seeds_extraction):
    statements, _ = seeds_extraction
    not_events = set(statements.loc[statements["kind"] != "event", "statement_id"])
    assert not_events and not any(set(ids) & not_events for ids in seed_events["statement_ids"])


def test_frame_has_the_events_schema_and_every_event_cites_its_evidence(seed_events, seeds_extraction):
    statements, _ = seeds_extraction
    assert list(seed_events.columns) == list(EVENT_COLUMNS)
    conform_events(seed_events)
    sentences = statements.set_index("statement_id")["sentence"]
    for event in seed_events[seed_events["kind"] == "event"].itertuples():
        assert event.summary in set(sentences.loc[event.statement_ids])
        assert event.n_sources == len(event.doc_ids) == len(set(event.doc_ids))
    assert seed_events["event_id"].is_unique


def test_event_ids_are_stable_across_runs():
    first = extract_corpus(REPO / "seeds").events
    second = extract_corpus(REPO / "seeds").events
    assert first["event_id"].tolist() == second["event_id"].tolist()
    assert first["label"].tolist() == second["label"].tolist()


def test_most_salient_events_are_the_escalation_days(seed_events):
    top = top_events(seed_events, 5)
    assert (top["start"] >= pd.Timestamp("2025-06-13")).sum() >= 4


# --- merging across articles ---------------------------------------------------------------

THREE_REPORTS = {
    "wire_a": "Kyiv report\n4 March 2025\nOn 3 March 2025, Russian missiles struck the power plant in Kharkiv, cutting "
              "electricity to thousands of homes.\nSeparately, on 3 March 2025, the European Union agreed new "
              "sanctions against Belarus over its support for the war.\n",
    "wire_b": "Kharkiv report\n4 March 2025\nThe Kharkiv power plant was hit by a Russian missile attack on 3 March 2025, "
              "officials said, leaving thousands of homes without electricity.\n",
    "wire_c": "Lviv report\n5 March 2025\nAccording to Ukraine's energy ministry, Russia fired missiles at the Kharkiv power "
              "plant on 3 March 2025, knocking out electricity for thousands of homes.\n",
}


@pytest.fixture(scope="module")
def three_reports(tmp_path_factory):
    return extract_corpus(write_articles(tmp_path_factory.mktemp("three"), THREE_REPORTS)).events


def test_three_articles_reporting_one_happening_in_different_words_give_one_event(three_reports):
    strike = three_reports[three_reports["summary"].str.contains("power plant")]
    assert len(strike) == 1
    event = strike.iloc[0]
    assert event["n_sources"] == 3 and event["doc_ids"] == ["wire_a", "wire_b", "wire_c"]
    assert event["value"] == "2025-03-03" and len(event["statement_ids"]) == 3


def test_a_different_happening_on_the_same_day_stays_its_own_event(three_reports):
    day = three_reports[(three_reports["value"] == "2025-03-03") & (three_reports["kind"] == "event")]
    assert len(day) == 2
    sanctions = day[day["summary"].str.contains("sanctions")].iloc[0]
    assert sanctions["n_sources"] == 1 and "Belarus" in sanctions["label"]


def test_labels_drop_attributions_and_dates(three_reports):
    labels = " | ".join(three_reports["label"])
    for trimmed in ("officials said", "According to", "3 March", "2025"):
        assert trimmed not in labels, labels


def test_same_day_events_of_more_sources_rank_higher(three_reports):
    day = three_reports[three_reports["value"] == "2025-03-03"].sort_values("salience", ascending=False)
    assert day.iloc[0]["n_sources"] == 3


# --- coarse dates: a month joins a day when the wording agrees; a passing mention never does ---

COARSE = {
    "invasion": "Kyiv report\n1 March 2022\nOn 24 February 2022 Russia invaded Ukraine from the north, east and south.\n",
    "recap": "Kyiv report\n10 March 2022\nIn February 2022 Russia invaded Ukraine from the north and the east.\n",
    "since": "Kyiv report\n1 June 2024\nRussia has shelled Kharkiv and invaded villages of Ukraine since 2022.\n",
    "decade": "Kyiv report\n1 June 2024\nIn the 2020s Russia invaded Ukraine twice.\n",
}


@pytest.fixture(scope="module")
def coarse_events(tmp_path_factory):
    return extract_corpus(write_articles(tmp_path_factory.mktemp("coarse"), COARSE)).events


def test_a_month_statement_whose_wording_agrees_joins_the_day_event_inside_it(coarse_events):
    invasion = coarse_events[coarse_events["value"] == "2022-02-24"].iloc[0]
    assert invasion["doc_ids"] == ["invasion", "recap"] and invasion["grain"] == "day"
    assert "2022-02" not in set(coarse_events["value"])


def test_a_passing_mention_does_not_swallow_a_precise_event(coarse_events):
    invasion = coarse_events[coarse_events["value"] == "2022-02-24"].iloc[0]
    assert "since" not in invasion["doc_ids"] and "decade" not in invasion["doc_ids"]
    since = coarse_events[coarse_events["doc_ids"].map(lambda docs: docs == ["since"])].iloc[0]
    assert since["value"] == "2022" and since["grain"] == "year"
    assert since["salience"] < invasion["salience"]


@pytest.mark.parametrize("sentence, date_text, grain, passing", [
    ("Russia has lost aircraft since 2022.", "2022", "year", True),
    ("The deal runs until 2030.", "2030", "year", True),
    ("Sanctions imposed in the 1990s remain.", "the 1990s", "decade", True),
    ("Prices rose throughout 2024.", "2024", "year", True),
    ("In 2023 Russia was forced to support Hamas.", "2023", "year", False),
    ("After the 2007 embargo expired, Tehran looked for jets.", "2007", "year", False),
    ("Since the end of 2023 the axis has weakened.", "the end of 2023", "year", True),
])
def test_passing_mentions_are_told_from_dated_happenings(sentence, date_text, grain, passing):
    start = sentence.index(date_text)
    assert is_passing_mention(sentence, start, start + len(date_text), grain) is passing


def test_no_statements_give_an_empty_typed_events_frame(tmp_path):
    (tmp_path / "undated.txt").write_text("Nothing here has a date.\n")
    events = extract_corpus(tmp_path).events
    assert events.empty and list(events.columns) == list(EVENT_COLUMNS)


def test_events_work_with_second_resolution_datetimes(seeds_extraction):
    statements, documents = seeds_extraction
    coarse = statements.copy()
    for column in ("start", "end", "published"):
        coarse[column] = coarse[column].astype("datetime64[s]")
    events = build_events(coarse, documents)
    assert len(events) == len(build_events(statements, documents))
    assert (events["kind"] == "episode").sum() == 1


def test_a_failing_event_stage_keeps_the_statements_and_says_so(monkeypatch):
    import extract.pipeline as pipeline

    def broken(statements, documents):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "build_events", broken)
    extraction = extract_corpus(REPO / "seeds")
    assert len(extraction.statements) > 50 and extraction.events.empty
    assert any("event stage failed (RuntimeError: boom)" in warning for warning in extraction.warnings)


@pytest.mark.parametrize("name, pattern, example", __import__("extract.merging", fromlist=["x"]).NON_EVENT_LINES)
def test_non_event_line_examples_are_recognised(name, pattern, example):
    assert pattern.search(example), name


@pytest.mark.parametrize("sentence", [
    "On 13 June Israel struck Iran's nuclear sites.",
    "Officials updated the death toll on Tuesday.",
    "At 16:53 on 12 January 2010 an earthquake hit Haiti, the agency wrote in its report.",
    "The editor/publisher of the paper resigned on Monday.",
    "Between 10 and 12 pm on Friday the power failed across the city.",
])
def test_news_sentences_are_not_mistaken_for_stamps(sentence):
    from extract.merging import is_non_event_line

    assert not is_non_event_line(sentence)


def test_page_stamps_and_comment_headers_make_no_events(tmp_path):
    write_articles(tmp_path, {"page": "Flu report\n30 June 2009\nPage last updated at 10:21 GMT, Tuesday, 30 June "
                                      "2009\nAt 10:07 pm on 29 Jun 2009, reader77 wrote: This comment was removed.\n"
                                      "On 29 June 2009 the WHO raised its pandemic alert.\n"})
    events = extract_corpus(tmp_path).events
    assert events["label"].tolist() == ["WHO raised its pandemic alert"]


def test_a_clock_time_takes_the_day_its_sentence_names(tmp_path):
    write_articles(tmp_path, {"late": "Flu report\n30 June 2009\nAt 09:18 am the WHO, meeting in Geneva on 25 Jun 2009, "
                                      "raised its pandemic alert to phase six.\n"})
    extraction = extract_corpus(tmp_path)
    assert "2009-06-30T09:18" in set(extraction.statements["value"])   # the tagger anchors the time on the report
    events = extraction.events
    assert events["value"].tolist() == ["2009-06-25"] and len(events.iloc[0]["statement_ids"]) == 2


def test_publication_stamps_glued_to_a_sentence_make_no_events_but_the_news_does(tmp_path):
    write_articles(tmp_path, {
        "wire1": "Flu wire\n30 April 2009\nWASHINGTON | Thu Apr 30, 2009 4:32 pm EDT WASHINGTON (Reuters) - U.S. "
                 "officials said on Wednesday the national total of confirmed swine flu cases had risen to 109.\n",
        "wire2": "Flu wire\n30 April 2009\nWASHINGTON | Thu Apr 30, 2009 5:11 am EDT (Reuters) - New tests are being "
                 "shipped to state health departments, officials said.\n"})
    events = extract_corpus(tmp_path).events
    assert events["value"].tolist() == ["2009-04-29"]
    assert events.iloc[0]["doc_ids"] == ["wire1"]


def test_retrospective_mentions_of_a_date_do_not_raise_its_salience(tmp_path):
    news = {"news": "Flu report\n12 June 2009\nOn 11 June 2009 the WHO declared a global flu pandemic.\n"}
    later = dict(news, **{f"later{i}": f"Anniversary piece\n1 June 2011\nOn 11 June 2009 the WHO football team lost "
                                       f"a match in Leeds by {i} goals.\n" for i in range(3)})
    (tmp_path / "alone").mkdir()
    (tmp_path / "later").mkdir()
    alone = extract_corpus(write_articles(tmp_path / "alone", news)).events
    with_retrospectives = extract_corpus(write_articles(tmp_path / "later", later)).events
    pandemic = [events[events["label"].str.contains("pandemic")].iloc[0] for events in (alone, with_retrospectives)]
    assert pandemic[0]["n_sources"] == pandemic[1]["n_sources"] == 1
    assert pandemic[0]["salience"] == pytest.approx(pandemic[1]["salience"])


# --- what a key event is on the seeds (round 3) ----------------------------------------------

def test_a_present_tense_today_in_an_opinion_sentence_is_not_a_key_event(seed_events):
    key_labels = top_events(seed_events, 18)["label"].tolist()
    for opinion in ("It is Russia which holds the cards", "Regional balance leaves it boxed in",
                    "Russia’s inability to offer meaningful intervention"):
        assert opinion in seed_events["label"].tolist() and opinion not in key_labels


def test_the_2007_un_arms_embargo_is_among_the_default_key_events(seed_events):
    key = top_events(seed_events, 18)
    assert "UN Security Council embargo on conventional arms shipments to Iran" in key["label"].tolist()
    assert "Tehran’s invitation to join the Collective Security Treaty Organisation" in key["label"].tolist()


def test_an_old_happening_recalled_on_its_anniversary_is_a_passing_mention(seed_events):
    barbarossa = event_with(seed_events, "Operation Barbarossa", "1941")
    assert barbarossa["label"] == "Germany's Operation Barbarossa attack on the Soviet Union"
    assert barbarossa["event_id"] not in top_events(seed_events, 18)["event_id"].tolist()


def test_a_happening_named_by_its_date_outranks_the_same_attestation_in_a_clause(tmp_path):
    articles = {"a": "Analysis\n20 May 2025\nThe 2019 embargo on grain shipments to Ruritania still shapes its trade.\n"
                     "In 2018 grain prices in Ruritania were high.\n"}
    events = extract_corpus(write_articles(tmp_path, articles)).events
    named = events[events["label"].str.startswith("Embargo")].iloc[0]
    clause = events[events["label"].str.contains("prices")].iloc[0]
    assert named["salience"] > clause["salience"]


@pytest.mark.parametrize("sentence", [
    "It's Wednesday January the 12th.",
    "8 November 2011 Last updated at 14:07 GMT",
    "Presenters/Steve Punt and Hugh Dennis, Producer/Victoria Lloyd for the BBC on Monday 12 April.",
])
def test_page_clutter_with_a_date_makes_no_event(tmp_path, sentence):
    articles = {"a": f"Page\n12 January 2011\n{sentence}\nOn Tuesday the council closed the old bridge.\n"}
    events = extract_corpus(write_articles(tmp_path, articles)).events
    assert events["label"].tolist() == ["Council closed the old bridge"]


# --- episode threads --------------------------------------------------------------------------

def test_a_countrys_part_of_a_larger_episode_told_by_the_same_articles_is_labelled_as_its_thread():
    from extract.episodes import EpisodeName, EpisodeSpan, thread_parents
    day = pd.Timestamp
    quake = EpisodeSpan(EpisodeName(("Haiti",), "earthquake"), day("2010-01-08"), day("2010-02-08"), frozenset("abcdefgh"))
    us_aid = EpisodeSpan(EpisodeName(("United States",), "earthquake"), day("2010-01-12"), day("2010-02-10"),
                         frozenset("abcx"))
    assert thread_parents([quake, us_aid]) == [None, quake.name]
    assert us_aid.name.as_thread_of(quake.name) == "Haiti earthquake: United States"


def test_an_episode_told_by_other_articles_keeps_its_own_label_even_with_the_same_noun_at_the_same_time():
    from extract.episodes import EpisodeName, EpisodeSpan, thread_parents
    day = pd.Timestamp
    uk = EpisodeSpan(EpisodeName(("United Kingdom",), "investigation"), day("2014-12-22"), day("2015-01-01"),
                     frozenset("abcde"))
    crash = EpisodeSpan(EpisodeName(("Indonesia",), "investigation"), day("2014-12-28"), day("2015-01-06"),
                        frozenset("awxy"))
    later = EpisodeSpan(EpisodeName(("United States",), "investigation"), day("2015-02-01"), day("2015-02-09"),
                        frozenset("ab"))
    assert thread_parents([uk, crash, later]) == [None, None, None]
