"""Candidate generation: every generator proposes small, local repairs and nothing else."""

from __future__ import annotations

from pipeline.rewrite.candidates import FlagContext, generate, span_of_change


def _flag(sentence: str, words: str, category: str = "grammar", **kwargs) -> FlagContext:
    start = sentence.index(words)
    return FlagContext(start, start + len(words), category, **kwargs)


def _texts(sentence: str, flag: FlagContext, source: str | None = None) -> list[str]:
    return [c.text for c in generate(sentence, flag) if source is None or c.source == source]


def test_glued_lowercase_words_are_split_with_each_separator():
    sentence = "The bakery reopened after the floodand sales recovered quickly."
    texts = _texts(sentence, _flag(sentence, "floodand", "glued_words"), "glued_split")
    assert "The bakery reopened after the flood and sales recovered quickly." in texts
    assert "The bakery reopened after the flood. And sales recovered quickly." in texts
    assert "The bakery reopened after the flood, and sales recovered quickly." in texts
    sentence = "Voters backed a tenyear plan for the port."
    assert "Voters backed a ten-year plan for the port." in _texts(
        sentence, _flag(sentence, "tenyear", "spelling"), "glued_split"
    )


def test_a_known_word_is_not_split():
    sentence = "The committee met on Friday."
    assert _texts(sentence, _flag(sentence, "committee", "glued_words"), "glued_split") == []


def test_words_glued_by_punctuation_or_camel_case_get_a_space():
    sentence = "The ferry docked at noon.Passengers cheered as the harbourThe band played."
    texts = _texts(sentence, _flag(sentence, "noon.Passengers", "glued_words"), "glued_split")
    assert "The ferry docked at noon. Passengers cheered as the harbourThe band played." in texts
    texts = _texts(sentence, _flag(sentence, "harbourThe", "glued_words"), "glued_split")
    assert "The ferry docked at noon.Passengers cheered as the harbour The band played." in texts


def test_lost_sentence_boundary_before_a_capitalised_pronoun():
    sentence = "The roads were cleared by noon They reopened an hour later."
    texts = _texts(sentence, _flag(sentence, "noon They", "broken_sentence"), "boundary")
    assert "The roads were cleared by noon. They reopened an hour later." in texts
    assert "The roads were cleared by noon they reopened an hour later." in texts


def test_spurious_boundary_inside_a_noun_phrase_is_joined():
    sentence = "Residents opposed the Council. Plan for a new road."
    texts = _texts(sentence, _flag(sentence, "Council. Plan", "broken_sentence"), "boundary")
    assert "Residents opposed the Council plan for a new road." in texts
    assert "Residents opposed the Council's plan for a new road." in texts


def test_the_full_stop_of_an_abbreviation_is_not_a_spurious_boundary():
    sentence = "Aid came from the U.S. Officials said more would follow."
    texts = _texts(sentence, _flag(sentence, "U.S. Officials", "broken_sentence"), "boundary")
    assert not any("U.S officials" in t or "U.S's" in t for t in texts)


def test_echoed_fragment_is_dropped():
    sentence = "The match was called off because of snow. of snow."
    assert "The match was called off because of snow." in _texts(
        sentence, _flag(sentence, "snow. of snow.", "broken_sentence")
    )


def test_stray_punctuation_is_removed_but_an_ellipsis_and_abbreviations_are_kept():
    sentence = "Tickets cost 20 euros ; children go free ."
    texts = _texts(sentence, _flag(sentence, "euros ;", "punctuation"), "punctuation")
    assert "Tickets cost 20 euros; children go free ." in texts
    sentence = "Aid came from the U.S., officials said..."
    assert _texts(sentence, _flag(sentence, "U.S.,", "punctuation"), "punctuation") == []


def test_confusable_words_keep_their_capitalisation():
    sentence = "Weather the talks succeed is unclear."
    assert "Whether the talks succeed is unclear." in _texts(sentence, _flag(sentence, "Weather"), "confusable")


def test_permutations_reorder_only_the_flagged_capitalised_span():
    sentence = "Ships waited at the Canal Suez entrance overnight."
    texts = _texts(sentence, _flag(sentence, "Canal Suez", "mt_artefact"), "permutation")
    assert texts == ["Ships waited at the Suez Canal entrance overnight."]
    sentence = "She later went there again."
    assert _texts(sentence, _flag(sentence, "later went there", "mt_artefact"), "permutation") == []


def test_suggestions_from_detectors_become_candidates():
    sentence = "The minister adressed the crowd."
    flag = _flag(sentence, "adressed", "spelling", suggestion="addressed", details={"suggestions": ["dressed"]})
    texts = _texts(sentence, flag, "suggestion")
    assert texts == ["The minister addressed the crowd.", "The minister dressed the crowd."]


def test_candidates_never_repeat_the_original():
    sentence = "A perfectly fine sentence."
    flag = _flag(sentence, "fine", "grammar", suggestion="fine")
    assert sentence not in _texts(sentence, flag)


def test_change_span_is_widened_to_whole_words():
    assert span_of_change("They will not loose time.", "They will not lose time.") == (14, 19, "lose")
    assert span_of_change("by noon They left", "by noon. They left") == (3, 7, "noon.")


def test_a_suggestion_keeps_the_texts_curly_apostrophe():
    sentence = "The council ’s vote was delayed."
    flag = _flag(sentence, "council ’s", "punctuation", suggestion="council's")
    assert _texts(sentence, flag, "suggestion") == ["The council’s vote was delayed."]
    sentence = "The council 's vote was delayed."
    flag = _flag(sentence, "council 's", "punctuation", suggestion="council's")
    assert _texts(sentence, flag, "suggestion") == ["The council's vote was delayed."]
