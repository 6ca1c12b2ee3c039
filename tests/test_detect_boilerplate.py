"""Boilerplate and metadata: page furniture is removed as reversible edits (one per block), the rest flagged.

Every page here is invented for these tests: a small coastal town's news site with its menus,
widgets and footers.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.boilerplate.decide import classify
from pipeline.boilerplate.detector import find_boilerplate
from pipeline.boilerplate.stage import BoilerplateStage
from pipeline.config import PipelineConfig
from pipeline.document import Document, apply_edits

BODY = (
    "Officials in the port city said on Monday that repairs to the main pier would take six weeks.\n\n"
    "The harbor master, Elena Ruiz, said traffic would be diverted to the northern terminal.\n"
)
# A longer article body, one paragraph a line, as scrapers dump pages.
ARTICLE = [
    "Ferry operator adds winter crossings to the island",
    "The island ferry operator will add three winter crossings a week from November, its chief executive "
    "said on Tuesday, after a year of complaints from residents who work on the mainland.",
    "The extra boats will leave the north pier at dawn and come back in the early evening, and fares will "
    "stay at this year's level until the spring, the company said in a statement.",
    "Residents' groups welcomed the change but said they would keep pressing for a late crossing on "
    "Fridays, when most of the island's students travel home from college.",
    "The harbor authority said the pier could take the extra traffic after the repairs that ended in May.",
]


def run_stage(text: str, **settings: object) -> Document:
    doc = Document("t", text)
    BoilerplateStage(PipelineConfig(**settings)).process(doc)
    return doc


def removed(doc: Document) -> list[str]:
    return [e.before.strip() for e in doc.edits if e.applied and e.after == ""]


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend([part] if isinstance(part, str) else part)
    return "\n".join(lines) + "\n"


def removal_of(doc: Document, line: str):
    """The applied removal edit whose text holds ``line``."""
    (edit,) = [e for e in doc.edits if e.applied and line in e.before]
    return edit


# -------------------------------------------------------------------------------- the case


def test_weather_city_and_an_all_caps_menu_with_repeats_are_removed_as_navigation_and_header():
    text = page(
        "21°C",
        "Port Elliot",
        "HOME LOCAL LOCAL FISHING FISHING FISHING TIDES TIDES EVENTS",
        "Saturday 12 July 2025",
        ARTICLE,
    )
    doc = run_stage(text)
    menu = removal_of(doc, "FISHING FISHING")
    assert menu.details["kind"] == "navigation" and menu.category == "boilerplate"
    assert removal_of(doc, "21°C").details["kind"] == "header"
    assert removal_of(doc, "Saturday 12 July 2025").category == "metadata"
    assert doc.cleaned_text == page(ARTICLE)
    assert all(e.reason and 0 < e.confidence <= 1 for e in doc.edits)


def test_the_repeated_words_of_an_all_caps_menu_go_with_the_menu_not_one_by_one():
    doc = run_stage(page("NEWS SPORT SPORT WEATHER WEATHER WEATHER", ARTICLE))
    (edit,) = doc.edits
    assert edit.applied and edit.before == "NEWS SPORT SPORT WEATHER WEATHER WEATHER\n"


def test_an_all_caps_headline_is_not_navigation():
    text = page("STORM CLOSES THE NORTH PIER FOR A WEEK", ARTICLE[1:])
    assert run_stage(text).edits == []


# ------------------------------------------------------------------------------ one kind per block


@pytest.mark.parametrize(
    "before, after, line, kind",
    [
        # navigation: a menu of short labels before the article
        (["Home", "Local News", "Fishing", "Tides", "What's On"], [], "Local News", "navigation"),
        # cookie and consent banner
        (
            [
                "This site uses cookies to remember your settings. By continuing to browse you agree to our use "
                "of cookies.",
                "Accept",
                "Manage settings",
            ],
            [],
            "agree to our use",
            "cookie",
        ),
        # related articles: a header and the teaser headlines under it
        (
            [],
            [
                "Related Stories",
                "Lifeboat crew rescues two kayakers off the point",
                "Council votes to keep the harbor car park free",
                "Tide tables for the summer season",
            ],
            "Lifeboat crew",
            "related",
        ),
        # the comment section
        (
            [],
            [
                "2 Comments",
                "Fred W",
                "July 12, 2025 at 9:14 am",
                "About time too, the evening boat has been full for years and nobody listened!",
                "Reply",
                "Island Mum",
                "July 12, 2025 at 10:02 am",
                "Will the dawn crossing run on Sundays as well, or only in the working week?",
                "Reply",
                "Leave a Reply",
            ],
            "About time too",
            "comments",
        ),
        # the page footer: links and copyright
        ([], ["Privacy Policy | Terms of Use | Contact", "© 2025 Port Elliot Gazette Ltd"], "Gazette", "footer"),
    ],
)
def test_each_kind_of_furniture_is_removed_as_one_block_with_its_kind(before, after, line, kind):
    doc = run_stage(page(before, ARTICLE, after))
    edit = removal_of(doc, line)
    assert edit.details["kind"] == kind
    assert edit.reason.startswith(f"boilerplate.{kind}:") and edit.confidence >= 0.5
    (flag,) = [f for f in doc.flags if f.id in edit.flag_ids]
    assert flag.details["kind"] == kind
    assert page(ARTICLE) in doc.cleaned_text + "\n"


def test_a_block_of_lines_is_one_edit_with_its_line_count():
    menu = ["Home", "Local News", "Fishing", "Tides", "What's On", "Contact"]
    doc = run_stage(page(menu, ARTICLE))
    (edit,) = doc.edits
    assert edit.applied and edit.before == page(menu) and edit.details == {"kind": "navigation", "lines": 6}
    assert "6 lines of navigation" in edit.reason


def test_a_teaser_list_with_buttons_between_the_teasers_is_one_block():
    teasers = []
    for name in ("Harbor lights", "Tide clock", "Pier lamp"):
        teasers += [f"{name} gift set", "Hand made in the town workshop, boxed", "$24.00", "Buy Now"]
    doc = run_stage(page(ARTICLE, "You May Also Like", teasers))
    (edit,) = doc.edits
    assert edit.details["kind"] == "related" and edit.details["lines"] == 13


# ------------------------------------------------------------- what stays: article text, uncertain lines


def test_a_paragraph_in_the_middle_of_the_article_is_never_removed():
    middle = "Readers can follow the timetable changes on the harbor notice board, the operator said."
    text = page(ARTICLE[:3], middle, ARTICLE[3:], "Related Stories", "Lifeboat crew rescues two kayakers")
    doc = run_stage(text)
    assert middle in doc.cleaned_text and all(middle not in e.before for e in doc.edits)


def test_furniture_words_inside_the_body_are_flagged_not_removed():
    text = page(ARTICLE[:3], "Recommended", ARTICLE[3:])
    doc = run_stage(text)
    (flag,) = [f for f in doc.flags if f.text == "Recommended"]
    (edit,) = doc.edits
    assert flag.category == "boilerplate" and not edit.applied and doc.cleaned_text == text


def test_a_lone_line_outside_the_body_with_no_other_furniture_is_flagged_not_removed():
    text = page(ARTICLE, "Port Elliot Gazette reporters")
    doc = run_stage(text)
    assert [f.text for f in doc.flags] == ["Port Elliot Gazette reporters"]
    assert [e.applied for e in doc.edits] == [False] and doc.cleaned_text == text


def test_clean_article_text_gets_no_flag_and_no_edit():
    assert run_stage(page(ARTICLE)).flags == []


# ---------------------------------------------------------------------------- embeds and keep_embeds

EMBEDS = [
    "Locals are excited. The dawn boat means I can get to work on time at last!",
    "— Island Commuter (@islandcommute) July 12, 2025",
    "The north pier at low tide. (Photo: Tom Hart/Gazette)",
]


def test_embedded_posts_and_captions_are_metadata_and_kept_by_default():
    text = page(ARTICLE[:3], EMBEDS, ARTICLE[3:])
    doc = run_stage(text)
    tweet = [f for f in doc.flags if "@islandcommute" in f.text]
    assert tweet and tweet[0].category == "metadata" and tweet[0].details["kind"] == "metadata"
    assert EMBEDS[1] in doc.cleaned_text
    assert not [e for e in doc.edits if e.applied and "@islandcommute" in e.before]


def test_keep_embeds_off_removes_embedded_posts_and_captions():
    text = page(ARTICLE[:3], EMBEDS, ARTICLE[3:])
    doc = run_stage(text, keep_embeds=False)
    assert EMBEDS[1] not in doc.cleaned_text
    assert all(p in doc.cleaned_text for p in ARTICLE)
    edit = removal_of(doc, "@islandcommute")
    assert edit.category == "metadata" and edit.details["kind"] == "metadata"


def test_a_pull_quote_repeating_a_paragraph_is_flagged_as_metadata():
    quote = ARTICLE[3]
    doc = run_stage(page(ARTICLE, quote, ARTICLE[1]))
    flags = [f for f in doc.flags if f.category == "metadata"]
    assert flags and ARTICLE[1] in flags[-1].text
    assert doc.cleaned_text.count(ARTICLE[1]) == 2


def test_keep_embeds_and_the_classifier_version_and_parameters_are_in_the_cache_key():
    default = BoilerplateStage(PipelineConfig())
    assert default.settings()["keep_embeds"] is True
    assert {"classifier", "params", "stoplist"} <= default.settings().keys()
    assert default.settings()["params"]["min_words"] == 10
    assert default.fingerprint() != BoilerplateStage(PipelineConfig(keep_embeds=False)).fingerprint()


# --------------------------------------------------------- the seed-style furniture, inside and around lines


def test_interface_text_line_is_removed_with_its_line_break():
    text = "Pier repairs to take six weeks\n\nToggle menu and manage cookie settings\n\n" + BODY
    doc = run_stage(text)
    assert removed(doc) == ["Toggle menu and manage cookie settings"]
    assert doc.cleaned_text == "Pier repairs to take six weeks\n\n" + BODY


def test_a_toolbar_label_made_of_interface_words_is_removed():
    doc = run_stage("Pier repairs to take six weeks\n\nSave story while loading comments\n\n" + BODY)
    assert removed(doc) == ["Save story while loading comments"]


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


@pytest.mark.parametrize(
    "prefix",
    ["published: 2021-11-03 ", " dated 03/11/2021 ", "Updated on March 3, 2021 at 4:15 pm | ", " 2021-11-03T08:30 "],
)
def test_a_date_field_glued_before_the_text_is_removed_as_metadata(prefix):
    sentence = "Officials in the port city said repairs would take six weeks.\n"
    doc = run_stage(prefix + sentence)
    (edit,) = doc.edits
    assert edit.category == "metadata" and edit.applied
    assert doc.cleaned_text == sentence


def test_scraped_url_field_before_the_text_is_metadata():
    doc = run_stage(" url https://harbor-daily.example/a/1 Officials in the port city said repairs would take weeks.\n")
    assert doc.cleaned_text == "Officials in the port city said repairs would take weeks.\n"
    assert [e.category for e in doc.edits] == ["metadata"]


def test_a_date_stamp_before_the_article_is_removed_and_one_inside_it_only_flagged():
    text = page(
        "Home > Local > Harbor", "Updated: March 3, 2021 at 4:15 p.m. EST", ARTICLE[:3], "4:30 p.m.", ARTICLE[3:]
    )
    doc = run_stage(text)
    assert removal_of(doc, "Updated: March 3").category == "metadata"
    (inside,) = [f for f in doc.flags if f.text == "4:30 p.m."]
    assert inside.category == "metadata" and "4:30 p.m." in doc.cleaned_text


def test_glued_breadcrumb_is_cut_and_the_glue_point_flagged():
    text = "HomeWorldAsia Typhoon forces evacuation of coastal towns\n\n" + BODY
    doc = run_stage(text)
    assert removed(doc) == ["HomeWorld"]
    glued = [f for f in doc.flags if f.category == "glued_words"]
    assert [g.text for g in glued] == ["WorldAsia"]
    assert glued[0].suggestion == "World Asia"
    assert doc.cleaned_text.startswith("Asia Typhoon forces")


def test_truncated_copy_of_the_headline_is_removed_and_the_headline_kept():
    text = "Typhoon forces evacuation of coastal...\n\nTyphoon forces evacuation of coastal towns\n\n" + BODY
    doc = run_stage(text)
    assert removed(doc) == ["Typhoon forces evacuation of coastal..."]
    assert doc.cleaned_text.startswith("Typhoon forces evacuation of coastal towns\n")


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
    assert [f.detector for f in doc.flags][0] == "boilerplate.footer"
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
        + "\nAdvertisement\n\nWork resumes in May, the council said.\n\nFollow us on Twitter\n"
    )
    doc = run_stage(text)
    assert removed(doc) == ["Home > World > Europe", "Published 12.03.2022", "Advertisement", "Follow us on Twitter"]
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
        ("This website uses cookies so that the pages load faster. Click accept to agree.", "cookie"),
        ("Please enable JavaScript to see the comments.", "interface"),
        ("Subscribe to get our morning newsletter in your inbox", "interface"),
        ("Tags: harbor, ferries, strikes", "footer"),
        ("Privacy Policy | Terms of Use", "footer"),
        ("Picture: Harbor Daily", "metadata"),
        ("Copy link to clipboard", "interface"),
        ("Close search", "interface"),
        ("VIDEO: Ferry crews walk out at dawn", "related"),
        ("Read the original article", "interface"),
    ],
)
def test_page_furniture_lines_are_removed_even_between_paragraphs(line, kind):
    verdicts = find_boilerplate(page(ARTICLE[:3], line, ARTICLE[3:]))
    assert [(v.kind, v.remove, v.suggest_only) for v in verdicts] == [(kind, "lines", False)]


@pytest.mark.parametrize(
    "line",
    [
        "The company said it would stop using cookies on its website next year.",
        "Topics discussed included trade and port security.",
        "About us, the minister said nothing at all.",
        "Published reports put the cost at $4 million.",
        "Time is running out for the 300 workers at the yard, the union said.",
        "Released in 2019, the harbor film drew large crowds to the town hall.",
        "Home prices rose 4% in March, the statistics office said.",
        "“Share the road,” the sign at the harbor entrance says.",
    ],
)
def test_body_sentences_with_furniture_words_are_kept(line):
    assert find_boilerplate(BODY + "\n" + line + "\n") == []


@pytest.mark.parametrize("line", ["Source: Harbor Daily", "(With inputs from agencies)"])
def test_source_trailers_are_flagged_and_kept(line):
    doc = run_stage(BODY + "\n" + line + "\n")
    assert [f.text for f in doc.flags] == [line]
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
    assert [(f.category, f.text) for f in doc.flags] == [("metadata", "Photo: Ana Lima/Reuters")]
    assert removed(doc) == ["Photo: Ana Lima/Reuters"]


def test_decisions_cover_every_line_and_keep_the_article():
    decisions = classify(ARTICLE)
    assert len(decisions) == len(ARTICLE) and {d.action for d in decisions} == {"keep"}


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
    "21°C",
    "NEWS NEWS",
    "Advertisement",
    "Officials in the port city said on Monday that repairs to the main pier would take six weeks.",
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
