"""mt.nonword: lower-case words English does not have and cannot build from its own parts.

Every sentence here was written for these tests; the unknown words are transliterations made up
for them (Russian "vodoprovod", Romanian "spitalului" with its case ending) or pieces glued into no
word at all.
"""

from __future__ import annotations

import pytest
from detector_runs import flagged, found

from pipeline.detect.mt.nonword import NonWordDetector, unknown_word
from pipeline.detect.registry import DETECTORS
from pipeline.text.word_formation import english_derivation


def test_the_detector_is_registered():
    assert "pipeline.detect.mt.nonword:NonWordDetector" in DETECTORS


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The city council finally approved money for the vodoprovod in the eastern district.", ["vodoprovod"]),
        ("Doctors at the spitalului said the patient was stable.", ["spitalului"]),
        ("The minister promised that the predlozhenie would reach parliament by spring.", ["predlozhenie"]),
        ("Villagers carried slavorichy and flowers to the square.", ["slavorichy"]),
        ("Both the zakonoproekt and the budget, officials said, were delayed.", ["zakonoproekt"]),
    ],
)
def test_a_lower_case_word_english_does_not_have_is_flagged(text, words):
    assert flagged(NonWordDetector, text) == words


@pytest.mark.parametrize(
    "text",
    [
        # names are capitalised
        "Residents of Vodoprovod Street complained about the noise.",
        # coinages from English parts: compounds and productive affixes
        "The reviewers called the phone's case unboxable and its software weekslong in coming.",
        "Brands now pay nanoinfluencers rather than celebrities.",
        "The drone's dronelike hum kept the neighbours awake.",
        # a quoted or bracketed term, quoted speech, a gloss
        'Locals call the pipe network the "vodoprovod", a word from Soviet times.',
        "The water network (vodoprovod) dates from 1954.",
        "\u201cWe fixed the vodoprovod ourselves,\u201d one resident said.",
        # the second sentence of a quoted passage is quoted too
        "\u201cThe pipes burst in March. We fixed the vodoprovod ourselves,\u201d one resident said.",
        # web tokens and short strings
        "Follow the campaign at @vodoprovod or #vodoprovod for updates.",
        "The date is tbd and the venue is still open.",
        # a species epithet after its genus
        "The park planted Quercus vodoprovoda along the river.",
        # drug, chemical and scientific names built the standard ways
        "Regulators approved tozirelimab and a new fluorobutylate coating for oesophagitis patients.",
        "The exomoon survey measured femtojoule pulses; critics blamed fuelflation.",
        # a common word of a language English news quotes
        "He described the mood as quelque chose of a relief.",
    ],
)
def test_names_coinages_quotations_and_web_tokens_are_not_non_words(text):
    assert found(NonWordDetector, text) == []


def test_a_run_of_unknown_words_is_left_to_the_untranslated_text_detector():
    text = "Officials read out gramatuurid ptiza kukuruzeni before the vote on the plan."
    assert found(NonWordDetector, text) == []


def test_two_unknown_words_apart_are_each_flagged():
    text = "The vodoprovod was repaired, but the predlozhenie was rejected."
    assert flagged(NonWordDetector, text) == ["vodoprovod", "predlozhenie"]


def test_non_word_flags_ask_the_rewriter_for_no_change():
    (finding,) = found(NonWordDetector, "Farmers sold their kukuruzeni at the market.")
    assert finding.category == "mt_artefact"
    assert finding.suggestion is None and finding.replacement is None
    assert finding.details == {"mqm": "Accuracy/Untranslated", "rewrite": False}
    assert "kukuruzeni" in finding.message


@pytest.mark.parametrize(
    ("word", "derived"),
    [
        ("unevidenced", True),  # un + evidence + d
        ("reshippable", True),  # re + ship + able (final consonant doubled)
        ("cyberbullies", True),  # cyber + bully (y -> ies)
        ("overpoliced", True),
        ("spitalului", False),
        ("vodoprovod", False),
    ],
)
def test_english_derivations_are_read_through_prefixes_and_suffixes(word, derived):
    assert english_derivation(word) is derived


def test_an_unknown_word_must_be_long_enough_and_absent_from_english():
    assert unknown_word("vodoprovod")
    assert not unknown_word("zqx")  # too short to judge
    assert not unknown_word("water")
