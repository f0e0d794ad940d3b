"""A web page's body keeps the article's prose; headlines, link lists, teasers, page stamps and copyright lines go."""
from __future__ import annotations

import pytest
from lxml import etree

from extract.page_body import LINE_RULES, Block, article_blocks, article_text, body_blocks, furniture_line_rule
from extract.webpage import read_web_page


@pytest.mark.parametrize("rule, line", [(rule.name, line) for rule in LINE_RULES for line in rule.drops])
def test_each_line_rule_drops_its_examples(rule, line):
    assert furniture_line_rule(line) == rule


@pytest.mark.parametrize("line", [line for rule in LINE_RULES for line in rule.keeps])
def test_prose_in_the_line_rules_examples_is_kept(line):
    assert furniture_line_rule(line) is None


def test_lists_and_tables_become_plain_lines_without_markers():
    body = etree.fromstring("<body><p>Figures:</p><list><item>Pages grew 15% in 2014.</item><item>Images grew.</item></list>"
                            "<table><row><cell>technology</cell><cell>end 2013</cell></row>"
                            "<row><cell>HTML</cell><cell>57Kb</cell></row></table></body>")
    assert article_text(body) == "Figures:\n\nPages grew 15% in 2014.\nImages grew.\n\ntechnology\tend 2013\nHTML\t57Kb\n"


def test_paragraphs_are_a_blank_line_apart_and_line_breaks_inside_them_stay():
    body = etree.fromstring("<body><p>First line<lb/>second line</p><p>Next paragraph.</p></body>")
    assert article_text(body) == "First line\nsecond line\n\nNext paragraph.\n"


def test_link_text_is_counted_so_link_lists_can_be_told_from_prose():
    (block,) = body_blocks(etree.fromstring("<body><item><ref target='/a'>Storm hits coast</ref> (video)</item></body>"))
    assert block.text == "Storm hits coast (video)" and block.linked_chars == len("Stormhitscoast")


def test_the_headline_above_the_first_paragraph_is_left_out_but_later_headings_stay():
    blocks = [Block("head", "Average Page Weight Increases 15% in 2014"), Block("head", "A kicker"),
              Block("p", "The report came out on Monday."), Block("head", "Additional Factors"), Block("p", "Pages grew.")]
    assert [b.text for b in article_blocks(blocks)] == ["The report came out on Monday.", "Additional Factors", "Pages grew."]


def test_list_items_and_headings_made_of_links_are_left_out_but_a_linked_paragraph_stays():
    related = Block("item", "Be Prepared: 5 Key Business Predictions for 2015", linked_chars=40)
    heading = Block("head", "India needs reforms", linked_chars=18)
    linked_point = Block("p", "13. The media circus around Ferguson in 2014", linked_chars=36)
    kept = article_blocks([Block("p", "Sales rose in 2014."), related, heading, linked_point])
    assert [b.text for b in kept] == ["Sales rose in 2014.", "13. The media circus around Ferguson in 2014"]


def test_a_teaser_ending_in_a_full_article_link_is_left_out():
    teaser = Block("p", "Weak factory reports from Asia suggest more central bank action Full Article", linked_chars=11)
    assert article_blocks([Block("p", "Markets closed flat on Tuesday."), teaser]) == [
        Block("p", "Markets closed flat on Tuesday.")]


def test_a_stamp_line_inside_a_paragraph_goes_and_the_rest_of_the_paragraph_stays():
    (kept,) = article_blocks([Block("p", "24. Dezember 2014\nThe editors show their sweaters.")])
    assert kept.text == "The editors show their sweaters."


def test_a_real_page_keeps_its_story_and_loses_its_furniture():
    html = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume in Brussels</h1>"
            "<p class='byline'>Updated 12:45 GMT, 19 March 2011</p>"
            + "<p>The talks in Brussels resumed on Friday after a long pause, officials said on Saturday.</p>" * 3
            + "<p>More from Example News:</p><ul><li><a href='/a'>Storm hits coast on January 3, 2009</a></li>"
            "<li><a href='/b'>Markets fall in 2008</a></li></ul><p>© 2011 Example News</p></article></body></html>")
    text = read_web_page(html).text
    assert "The talks in Brussels resumed on Friday" in text
    for furniture in ("Talks resume in Brussels", "Updated 12:45", "Storm hits coast", "Markets fall", "© 2011"):
        assert furniture not in text


def test_a_date_standing_alone_once_is_a_stamp_and_goes():
    kept = article_blocks([Block("p", "Left-arm fast bowler says he will play."), Block("p", "28 December 2014"),
                           Block("p", "Steyn bowled one of the worst balls of his career on Sunday.")])
    assert [b.text for b in kept] == ["Left-arm fast bowler says he will play.",
                                      "Steyn bowled one of the worst balls of his career on Sunday."]


def test_dates_standing_alone_again_and_again_are_a_timelines_headings_and_stay():
    blocks = [Block("p", "How the case unfolded."), Block("head", "June 2009"), Block("p", "25 June: Jackson dies."),
              Block("head", "February 2010"), Block("p", "8 February: Dr Murray pleads not guilty."),
              Block("head", "November 2011"), Block("p", "7 November: Murray is found guilty.")]
    assert [b.text for b in article_blocks(blocks)] == [b.text for b in blocks]
