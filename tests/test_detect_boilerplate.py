"""Boilerplate and metadata: clear page furniture is removed as reversible edits, the rest flagged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.boilerplate.detector import find_boilerplate
from pipeline.boilerplate.stage import BoilerplateStage
from pipeline.config import PipelineConfig
from pipeline.document import Document, apply_edits

BODY = (
    "Officials in the port city said on Monday that repairs to the main pier would take six weeks.\n\n"
    "The harbor master, Elena Ruiz, said traffic would be diverted to the northern terminal.\n"
)


def run_stage(text: str) -> Document:
    doc = Document("t", text)
    BoilerplateStage(PipelineConfig()).process(doc)
    return doc


def removed(doc: Document) -> list[str]:
    return [e.before.strip() for e in doc.edits if e.applied and e.after == ""]


def test_interface_text_line_is_removed_with_its_line_break():
    text = "Pier repairs to take six weeks\n\nToggle menu and manage cookie settings\n\n" + BODY
    doc = run_stage(text)
    assert removed(doc) == ["Toggle menu and manage cookie settings"]
    assert "\n\n\n" not in doc.cleaned_text
    assert doc.cleaned_text == "Pier repairs to take six weeks\n\n" + BODY


def test_share_widgets_at_the_end_leave_no_blank_tail():
    text = BODY + "\nShare this article\n\nTweet\n\n|"
    doc = run_stage(text)
    assert doc.cleaned_text == BODY.rstrip("\n")
    assert all(e.category == "boilerplate" for e in doc.edits)


def test_read_more_teaser_and_copyright_footer_are_removed():
    text = (
        BODY
        + "\nREAD MORE: Storm closes two ferry routes for the weekend\n\n© 2023 Harbor Daily News. All rights reserved.\n"
    )
    doc = run_stage(text)
    assert [r.split(":")[0] for r in removed(doc)] == ["READ MORE", "© 2023 Harbor Daily News. All rights reserved."]
    assert doc.cleaned_text.startswith(BODY.rstrip("\n"))


def test_labelled_date_prefix_is_removed_as_metadata():
    text = "published: 2021-11-03 Officials in the port city said repairs would take six weeks.\n"
    doc = run_stage(text)
    (edit,) = doc.edits
    assert edit.category == "metadata" and edit.applied
    assert doc.cleaned_text == "Officials in the port city said repairs would take six weeks.\n"


def test_scraped_url_field_before_the_text_is_metadata():
    doc = run_stage(" url https://harbor-daily.example/a/1 Officials in the port city said repairs would take weeks.\n")
    assert doc.cleaned_text == "Officials in the port city said repairs would take weeks.\n"
    assert [e.category for e in doc.edits] == ["metadata"]


def test_date_stamp_line_is_metadata():
    verdicts = find_boilerplate("Updated: March 3, 2021 at 4:15 p.m. EST\n\n" + BODY)
    assert [(v.category, v.remove) for v in verdicts] == [("metadata", "line")]


def test_glued_breadcrumb_is_cut_and_the_glue_point_flagged():
    text = "HomeWorldAsia Typhoon forces evacuation of coastal towns\n\n" + BODY
    doc = run_stage(text)
    assert removed(doc) == ["HomeWorld"]
    glued = [f for f in doc.flags if f.category == "glued_words"]
    assert [g.text for g in glued] == ["WorldAsia"]
    assert glued[0].suggestion == "World Asia"
    assert doc.cleaned_text.startswith("Asia Typhoon forces")


def test_truncated_copy_of_the_headline_is_removed():
    text = "Typhoon forces evacuation of coastal...\n\nTyphoon forces evacuation of coastal towns\n\n" + BODY
    doc = run_stage(text)
    assert removed(doc) == ["Typhoon forces evacuation of coastal..."]


def test_photo_credit_is_removed_and_caption_only_flagged():
    caption = "Rescue workers search a collapsed building in the old town."
    text = BODY + f"\n{caption}Maria Novak / Reuters via Getty Images\n\nThe search continued overnight.\n"
    doc = run_stage(text)
    assert removed(doc) == ["Maria Novak / Reuters via Getty Images"]
    caption_flags = [f for f in doc.flags if f.detector == "boilerplate.caption"]
    assert [f.text for f in caption_flags] == [caption]
    assert any(f.category == "glued_words" and f.text == "town.Maria" for f in doc.flags)
    assert caption in doc.cleaned_text


def test_headline_inside_the_body_is_flagged_not_removed():
    text = (
        "Pier repairs to take six weeks\n\n"
        + BODY
        + "\nFerry operator warns of longer delays on island routes\n\nThe work began in May.\n"
    )
    doc = run_stage(text)
    flags = [f for f in doc.flags if f.detector == "boilerplate.headline"]
    assert [f.text for f in flags] == ["Ferry operator warns of longer delays on island routes"]
    (suggestion,) = doc.edits
    assert not suggestion.applied and suggestion.before == "Ferry operator warns of longer delays on island routes\n\n"
    assert doc.cleaned_text == text


def test_source_trailer_is_flagged_but_kept():
    doc = run_stage(BODY + "\nSource: Harbor Daily News\n\nShare\n")
    assert [f.detector for f in doc.flags] == ["boilerplate.source", "boilerplate.widget"]
    assert [(e.applied, e.before) for e in doc.edits] == [(False, "\n\nSource: Harbor Daily News"), (True, "\n\nShare")]
    assert doc.cleaned_text == BODY + "\nSource: Harbor Daily News\n"


def test_wire_text_with_lists_datelines_and_credits_is_untouched():
    text = (
        "Storm cuts power to 40,000 homes\n\n"
        "LISBON, Portugal (AP) — A storm cut power to about 40,000 homes on Sunday, officials said.\n\n"
        "The utility listed the worst-hit districts:\n\n"
        "— Setúbal, with 12,000 homes\n\n"
        "— Évora, with 9,500 homes\n\n"
        "“We expect most customers to be back by tonight,” spokeswoman Ana Costa said.\n\n"
        "Associated Press writer Tom Reyes contributed from Madrid.\n"
    )
    doc = run_stage(text)
    assert doc.flags == [] and doc.edits == []


def test_every_removal_replays_and_can_be_rejected_alone():
    text = (
        "Home > World > Europe\n\nPublished 12.03.2022\n\n"
        + BODY
        + "\nAdvertisement\n\nWork resumes in May.\n\nFollow us on Twitter\n"
    )
    doc = run_stage(text)
    assert len(removed(doc)) == 4
    assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text
    for rejected in doc.edits:
        rest = [e for e in doc.edits if e is not rejected]
        assert rejected.before in apply_edits(doc.original_text, rest)


def test_flag_only_mode_removes_nothing():
    doc = Document("t", "Advertisement\n\n" + BODY)
    BoilerplateStage(PipelineConfig(remove_boilerplate=False)).process(doc)
    assert doc.edits == [] and [f.category for f in doc.flags] == ["boilerplate"]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("We use cookies to give you the best browsing experience.", "interface"),
        ("Please enable JavaScript to see the comments.", "interface"),
        ("Subscribe to get our morning newsletter in your inbox", "interface"),
        ("Tags: harbor, ferries, strikes", "widget"),
        ("You may also like", "widget"),
        ("Privacy Policy | Terms of Use", "widget"),
        ("Published on 4 May 2023", "metadata_line"),
        ("May 4, 2023 9:15 AM", "metadata_line"),
        ("8 min read", "metadata_line"),
        ("Picture: Harbor Daily", "credit"),
        ("Copy link to clipboard", "interface"),
        ("Close search", "interface"),
        ("VIDEO: Ferry crews walk out at dawn", "teaser"),
        ("Updated 04-05-2023", "metadata_line"),
        ("https://harbor-daily.example/news/ferry-strike", "widget"),
        ("Read the original article", "widget"),
    ],
)
def test_page_furniture_lines_are_removed(line, kind):
    verdicts = find_boilerplate(BODY + "\n" + line + "\n\nThe work began in May.\n")
    assert [(v.detector.split(".")[-1], v.remove) for v in verdicts] == [(kind, "line")]


@pytest.mark.parametrize(
    "line",
    [
        "The company said it would stop using cookies on its website next year.",
        "Topics discussed included trade and port security.",
        "About us, the minister said nothing at all.",
        "Published reports put the cost at $4 million.",
        "Time is running out for the 300 workers at the yard, the union said.",
        "Home prices rose 4% in March, the statistics office said.",
        "“Share the road,” the sign at the harbor entrance says.",
    ],
)
def test_body_sentences_with_furniture_words_are_kept(line):
    assert find_boilerplate(BODY + "\n" + line + "\n") == []


@pytest.mark.parametrize("line", ["Source: Harbor Daily", "(With inputs from agencies)"])
def test_source_trailers_are_flagged_and_kept(line):
    doc = run_stage(BODY + "\n" + line + "\n")
    assert [f.detector for f in doc.flags] == ["boilerplate.source"]
    assert [e.applied for e in doc.edits] == [False] and doc.cleaned_text == doc.original_text


@pytest.mark.parametrize(
    "line", ["(Reuters)", "(Reporting by Ana Lima; Editing by Tom Hart)", "Ana Lima in Porto contributed"]
)
def test_the_storys_own_credits_are_left_alone(line):
    doc = run_stage("Port strike ends\n\n" + BODY + "\n" + line + "\n")
    assert doc.flags == [] and doc.edits == []


def test_title_case_question_inside_the_body_is_a_stray_headline():
    text = (
        "Pier repairs to take six weeks\n\n"
        + BODY
        + "\nWhat Does The Pier Closure Mean For Ferry Passengers?\n\nWhat happens next is unclear?\n"
    )
    flags = [f.text for f in run_stage(text).flags]
    assert flags == ["What Does The Pier Closure Mean For Ferry Passengers?"]


def test_a_brand_with_a_case_change_is_not_a_breadcrumb():
    assert run_stage("HomePod sales rose 5% in the quarter, the company said.\n").flags == []


def test_windows_line_breaks_are_removed_with_their_line():
    doc = run_stage("Port strike ends\r\n\r\nAdvertisement\r\n\r\nThe strike ended on Monday, the union said.\r\n")
    assert doc.cleaned_text == "Port strike ends\r\n\r\nThe strike ended on Monday, the union said.\r\n"


def test_a_document_written_in_unpunctuated_lines_is_not_a_pile_of_stray_headlines():
    lines = [
        "Ferry timetable for the holiday weekend",
        "Morning boats leave the north pier at seven",
        "Evening boats return from the island at nine",
        "Tickets are sold on board this weekend only",
        "Bicycles travel free of charge on all routes",
    ]
    assert find_boilerplate("\n\n".join(lines) + "\n") == []


_PIECES = [
    "Home",
    "Breaking",
    "News",
    " date 2021-05-02 ",
    "via Getty Images",
    "Source:",
    "said.",
    "she said.",
    "“",
    "”",
    '"',
    " .",
    ". .",
    "harborwe",
    "It",
    "As",
    "Hundreds",
    "\n\n",
    "\n",
    "\r\n",
    "...",
    "…",
    "Share",
    "© 2021",
    "Read more:",
    "/",
    "Ana Lima / AFP",
    "ofthe",
    "12boats",
    "1998.The",
    "port.Ana",
    ",",
    "the",
    "and.",
    "(AP)",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.booleans(), min_size=40, max_size=40))
def test_any_text_gives_replayable_edits_that_only_delete_or_add_spaces(pieces, spaces):
    from pipeline.detect.base import DetectContext
    from pipeline.detect.glued import GluedWordDetector
    from pipeline.detect.stage import record_findings

    text = "".join(p + (" " if s else "") for p, s in zip(pieces, spaces))
    doc = run_stage(text)
    view = doc.view()
    record_findings(
        doc,
        view,
        "detect",
        list(GluedWordDetector(PipelineConfig()).detect(DetectContext(view.text, PipelineConfig()))),
    )
    report = doc.to_report()
    assert apply_edits(text, doc.edits) == report["cleaned_text"]
    for edit in doc.edits:
        assert edit.after == "" or edit.after.replace(" ", "") == edit.before.replace(" ", "")


def test_run_of_glued_section_labels_without_a_home_root_is_navigation():
    doc = run_stage("SportsSoccerEurope Porto wins the cup final\n\n" + BODY)
    assert removed(doc) == ["SportsSoccer"]
    assert [f.text for f in doc.flags if f.category == "glued_words"] == ["SoccerEurope"]


@pytest.mark.parametrize(
    "title", ["YouTube CEO says the site will change", "JPMorgan Chase reports profit", "McDonald's sales rose"]
)
def test_brand_names_opening_a_headline_are_not_navigation(title):
    assert run_stage(title + "\n\n" + BODY).flags == []


def test_credit_line_with_a_photo_label_is_a_credit_not_a_teaser():
    doc = run_stage(
        "Pier repairs to take six weeks\n\n" + BODY + "\nPhoto: Ana Lima/Reuters\n\nThe work began in May.\n"
    )
    assert [(f.detector, f.text) for f in doc.flags] == [("boilerplate.credit", "Photo: Ana Lima/Reuters")]
