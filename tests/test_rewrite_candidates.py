"""Candidate generation: every generator proposes small, local repairs and nothing else."""

from __future__ import annotations

from pipeline.rewrite.candidates import FlagContext, generate, span_of_change


def _flag(sentence: str, words: str, category: str = "grammar", **kwargs) -> FlagContext:
    start = sentence.index(words)
    return FlagContext(start, start + len(words), category, **kwargs)


def _texts(sentence: str, flag: FlagContext, source: str | None = None) -> list[str]:
    return [c.text for c in generate(sentence, flag) if source is None or c.source == source]


def test_glued_lowercase_words_are_split_with_each_separator():
    sentence = "Housing is the top prioritythe council will build homes."
    texts = _texts(sentence, _flag(sentence, "prioritythe", "glued_words"), "glued_split")
    assert "Housing is the top priority the council will build homes." in texts
    assert "Housing is the top priority. The council will build homes." in texts
    assert "Housing is the top priority: the council will build homes." in texts
    sentence = "After a monthslong siege the town fell."
    assert "After a months-long siege the town fell." in _texts(
        sentence, _flag(sentence, "monthslong", "spelling"), "glued_split"
    )


def test_a_known_word_is_not_split():
    sentence = "The committee met on Friday."
    assert _texts(sentence, _flag(sentence, "committee", "glued_words"), "glued_split") == []


def test_words_glued_by_punctuation_or_camel_case_get_a_space():
    sentence = "Rescuers reached the village.Officials said the BreakingNews banner stayed."
    texts = _texts(sentence, _flag(sentence, "village.Officials", "glued_words"), "glued_split")
    assert "Rescuers reached the village. Officials said the BreakingNews banner stayed." in texts
    texts = _texts(sentence, _flag(sentence, "BreakingNews", "glued_words"), "glued_split")
    assert "Rescuers reached the village.Officials said the Breaking News banner stayed." in texts


def test_lost_sentence_boundary_before_a_capitalised_pronoun():
    sentence = "Prices rose in Spain They are still rising."
    texts = _texts(sentence, _flag(sentence, "Spain They", "broken_sentence"), "boundary")
    assert "Prices rose in Spain. They are still rising." in texts
    assert "Prices rose in Spain they are still rising." in texts


def test_spurious_boundary_inside_a_noun_phrase_is_joined():
    sentence = "It marked the end of the Company. Merger with its rival."
    texts = _texts(sentence, _flag(sentence, "Company. Merger", "broken_sentence"), "boundary")
    assert "It marked the end of the Company merger with its rival." in texts
    assert "It marked the end of the Company's merger with its rival." in texts


def test_the_full_stop_of_an_abbreviation_is_not_a_spurious_boundary():
    sentence = "Aid came from the U.S. Officials said more would follow."
    texts = _texts(sentence, _flag(sentence, "U.S. Officials", "broken_sentence"), "boundary")
    assert not any("U.S officials" in t or "U.S's" in t for t in texts)


def test_echoed_fragment_is_dropped():
    sentence = "The plan was approved, the mayor said. she said."
    assert "The plan was approved, the mayor said." in _texts(
        sentence, _flag(sentence, "said. she said.", "broken_sentence")
    )


def test_stray_punctuation_is_removed_but_an_ellipsis_and_abbreviations_are_kept():
    sentence = "The talks ended in Geneva , officials said. ."
    texts = _texts(sentence, _flag(sentence, "Geneva ,", "punctuation"), "punctuation")
    assert "The talks ended in Geneva, officials said. ." in texts
    sentence = "Aid came from the U.S., officials said..."
    assert _texts(sentence, _flag(sentence, "U.S.,", "punctuation"), "punctuation") == []


def test_confusable_words_keep_their_capitalisation():
    sentence = "Waiver was not an option, he said."
    assert "Waver was not an option, he said." in _texts(sentence, _flag(sentence, "Waiver"), "confusable")


def test_permutations_reorder_only_the_flagged_capitalised_span():
    sentence = "Aid reached the Nations United office in the capital."
    texts = _texts(sentence, _flag(sentence, "Nations United", "mt_artefact"), "permutation")
    assert texts == ["Aid reached the United Nations office in the capital."]
    sentence = "He also said so again."
    assert _texts(sentence, _flag(sentence, "also said so", "mt_artefact"), "permutation") == []


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
    assert span_of_change("They will not waiver now.", "They will not waver now.") == (14, 20, "waver")
    assert span_of_change("in Spain They are", "in Spain. They are") == (3, 8, "Spain.")
