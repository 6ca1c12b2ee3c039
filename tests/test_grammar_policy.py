"""The policy pieces on their own: which fixes are safe, which spelling flags survive, merging."""

from __future__ import annotations

import re

from pipeline.grammar.examples import hits, load_examples, parse_example
from pipeline.grammar.mapping import decide, flag_category, safe_fix
from pipeline.grammar.match import GrammarMatch
from pipeline.grammar.merge import merge_matches
from pipeline.grammar.name_guard import NameGuard, only_splits
from pipeline.grammar.spelling_filter import is_other_dialect_spelling, not_a_misspelling
from pipeline.text.segment import sentences


def match(
    text: str,
    span: str,
    suggestions=(),
    rule="RULE",
    category="MISC",
    issue="grammar",
    backend="lingotweaker",
    occurrence=0,
):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(span, start + 1)
    return GrammarMatch(start, start + len(span), rule, "message", tuple(suggestions), category, issue, backend)


def spelling(text: str, span: str, suggestions, rule="MORFOLOGIK_RULE_EN_US"):
    return match(text, span, suggestions, rule=rule, category="TYPOS", issue="misspelling")


def test_a_space_and_stop_after_a_stop_is_deleted():
    text = "The ferry reached the harbour. ."
    fix = safe_fix(match(text, " .", ["."], issue="typographical"), text)
    assert fix is not None and fix[0] == "doubled_punctuation"
    kind, start, end, after = fix
    assert text[:start] + after + text[end:] == "The ferry reached the harbour."


def test_a_rule_marking_only_the_stop_still_removes_the_space_before_it():
    text = "lighthouse ."
    kind, start, end, after = safe_fix(match(text, ".", ["."], issue="whitespace"), text)
    assert text[:start] + after + text[end:] == "lighthouse."


def test_a_spaced_ellipsis_is_left_alone():
    text = "He paused. . . and went on."
    assert safe_fix(match(text, " .", ["."], issue="typographical"), text) is None


def test_repeats_english_allows_are_not_safe_but_typos_are():
    assert safe_fix(match("He had had enough.", "had had", ["had"], issue="duplication"), "He had had enough.") is None
    text = "Talks resume on on Monday."
    assert safe_fix(match(text, "on on", ["on"], issue="duplication"), text)[0] == "duplication"


def test_only_configured_kinds_are_applied_and_the_rest_are_flags():
    text = "Officials met , briefly."
    m = match(text, " ,", [","], issue="whitespace", category="TYPOGRAPHY")
    assert decide(m, text).auto_kind == "whitespace"
    assert decide(m, text, auto_apply=("duplication",)).auto_kind is None
    typo = spelling("The goverment said.", "goverment", ["government"])
    assert decide(typo, "The goverment said.").auto_kind is None
    assert flag_category(typo, "The goverment said.") == "spelling" and flag_category(m, text) == "punctuation"


def test_merging_keeps_the_primary_and_records_agreement():
    text = "They said the the pier , was ready."
    primary = [match(text, "the the", ["the"], issue="duplication")]
    secondary = [
        match(text, "the the", ["the"], issue="duplication", backend="harper"),
        match(text, " ", [""], issue="whitespace", backend="harper", occurrence=4),
    ]
    merged = merge_matches(primary, secondary)
    assert [m.backend for m in merged] == ["lingotweaker", "harper"]
    assert merged[0].extra["also"] == ["harper"]


def test_splits_of_glued_words_are_not_corrections_but_name_splits_are():
    assert only_splits("concernwe", ("concern we",))
    assert only_splits("SportWeather", ("Sport Weather",))
    assert not only_splits("Oyelaran", ("Oye laran",))
    assert not only_splits("Okorafor", ("Operator",))
    assert not only_splits("a while", ("awhile",))  # a join, not a split


def test_name_guard_protects_names_but_not_typos():
    text = (
        "Inspector Vesna Okorafor met Tamsin Braddock. Okorafor said the goverment agreed. Untill now, paris was calm."
    )
    guard = NameGuard(text, sentences(text))
    assert guard.protects(spelling(text, "Okorafor", ["Operator"], rule="HARPER_Spelling"))
    assert guard.protects(spelling(text, "Braddock", ["Paddock"]))
    assert guard.protects(
        match(
            text,
            "Okorafor",
            ["Operator"],
            rule="MORFOLOGIK_RULE_EN_US",
            category="TYPOS",
            issue="misspelling",
            occurrence=1,
        )
    )  # sentence start
    assert guard.protects(spelling(text, "goverment", ["government"])) is None
    assert guard.protects(spelling(text, "Untill", ["Until"])) is None
    assert guard.protects(spelling(text, "paris", ["Paris"])) is None


def test_a_single_sentence_initial_name_is_protected():
    text = "Dravnik arrived on Monday."
    assert NameGuard(text, sentences(text)).protects(spelling(text, "Dravnik", ["Drank"]))


def test_spelling_filter_drops_dialect_variants_and_truncations_only():
    text = "The defence budget, the goverment said...nd more, alot of it."
    assert not_a_misspelling(spelling(text, "defence", ["defense"]), text) is not None
    assert not_a_misspelling(spelling(text, "nd", ["and"]), text) == "fragment cut off by an ellipsis"
    assert not_a_misspelling(spelling(text, "goverment", ["government"]), text) is None
    assert not_a_misspelling(spelling(text, "alot", ["a lot"]), text) is None
    assert is_other_dialect_spelling("colour", ("color",)) and is_other_dialect_spelling("travelled", ("traveled",))
    assert not is_other_dialect_spelling("goverment", ("government",)) and not is_other_dialect_spelling(
        "Untill", ("Until",)
    )


def test_pattern_rules_pass_the_name_guard_and_diacritics_only_suggestions_are_dropped():
    text = "The Untied Kingdom team and coach Sebastien Oyelaran."
    guard = NameGuard(text, sentences(text))
    untied = match(text, "Untied", ["United"], rule="UNTIED_KINGDOM", category="CONFUSED_WORDS", issue="misspelling")
    assert guard.protects(untied) is None
    accent = match(text, "Sebastien", ["Sébastien"], rule="SEBASTIEN", category="PROPER_NOUNS", issue="Other")
    assert not_a_misspelling(accent, text).startswith("only adds diacritics")


def test_examples_parse_markers_into_spans():
    example = parse_example("He <marker>go</marker> to the <marker>the</marker> end.")
    assert example.text == "He go to the the end."
    assert [example.text[s:e] for s, e in example.errors] == ["go", "the"]
    assert hits((3, 5), [(0, 4)]) and not hits((3, 5), [(5, 9)])


def test_example_files_skip_comments_and_every_marked_span_is_text(tmp_path):
    path = tmp_path / "examples.txt"
    path.write_text("# a comment\nThe <marker>bakerys</marker> opened.\n\nThe bakery opened.\n", encoding="utf-8")
    assert [(e.text, e.correct) for e in load_examples(path)] == [
        ("The bakerys opened.", False),
        ("The bakery opened.", True),
    ]
    for example in load_examples():  # the shipped evaluation file is well formed
        assert "marker>" not in example.text
        assert all(example.text[s:e].strip() for s, e in example.errors), example.text


def test_spelling_filter_drops_compounds_rare_words_and_case_only_fixes():
    from pipeline.grammar.spelling_filter import likely_typo
    from pipeline.text.word_formation import plausible_compound

    text = "The carmaker and a weekslong strike at the halogenation plant, zigbee and ibn aside."
    assert not_a_misspelling(spelling(text, "carmaker", ["car maker"]), text) == "a compound of two common words"
    assert (
        not_a_misspelling(spelling(text, "weekslong", ["weeklong", "week-long"]), text)
        == "a compound of two common words"
    )
    assert not_a_misspelling(spelling(text, "halogenation", ["hydrogenation"]), text) is not None
    assert not_a_misspelling(spelling(text, "zigbee", ["Zigbee", "Higbee"]), text) is not None
    assert not_a_misspelling(spelling(text, "ibn", ["in", "IBM"]), text) is not None
    # glued to a function word, or a near miss of a much more common word: still a flag
    assert not plausible_compound("prioritythe") and not plausible_compound("eachother")
    assert likely_typo("recieve", ("receive",)) and likely_typo("accomodate", ("accommodate",))
    assert not likely_typo("jira", ("JIRA", "Jira", "IRA"))


def test_harper_keeps_splits_of_glued_runs_but_not_of_compounds():
    from pipeline.grammar.policy import harper_is_precise
    from pipeline.grammar.rules import DEFAULT_HARPER_KINDS

    text = "The drugmaker said a deal was the top concernwe know of."
    compound = match(text, "drugmaker", ["drug maker"], rule="HARPER_Typo", backend="harper")
    glued = match(text, "concernwe", ["concern we"], rule="HARPER_Typo", backend="harper")
    assert not harper_is_precise(compound, text, DEFAULT_HARPER_KINDS)
    assert harper_is_precise(glued, text, DEFAULT_HARPER_KINDS)
    decimal = "Shares rose by .5 points and fell ."
    assert not harper_is_precise(
        match(decimal, " ", rule="HARPER_Formatting", backend="harper"), decimal, DEFAULT_HARPER_KINDS
    )
    assert harper_is_precise(
        match(decimal, " ", rule="HARPER_Formatting", backend="harper", occurrence=6), decimal, DEFAULT_HARPER_KINDS
    )


def test_style_categories_are_off_by_default_but_can_be_enabled():
    from pipeline.grammar.rules import RuleFilter

    style = match("x", "x", rule="SOME_STYLE_RULE", category="STYLE")
    assert not RuleFilter.build().allows(style)
    assert RuleFilter.build(enabled_categories=("STYLE", "GRAMMAR")).allows(style)


def test_harper_grammar_lints_that_misread_clauses_are_not_merged():
    from pipeline.grammar.backends.harper import HarperBackend
    from pipeline.grammar.policy import harper_is_precise
    from pipeline.grammar.rules import DEFAULT_HARPER_KINDS

    harper = HarperBackend("en-US")

    def kept(text: str) -> list[str]:
        return [text[m.start : m.end] for m in harper.check(text) if harper_is_precise(m, text, DEFAULT_HARPER_KINDS)]

    # a clause boundary or question order read as an error: dropped
    assert kept("The survey we did showed a clear majority.") == []
    assert kept("Whom did the minister appoint?") == []
    assert kept("What will raising taxes mean for families?") == []
    # word-form fixes stay
    assert kept("Prices had rose sharply by noon.") == ["rose"]
    assert kept("The soldiers left there weapons behind.") == ["there"]


def test_a_piece_of_a_word_split_at_an_apostrophe_is_not_a_misspelling():
    text = "Locals call the square Bab'ilat, and he said it ain't closing."
    assert not_a_misspelling(spelling(text, "ilat", ["flat"]), text).startswith(
        "part of a word joined by an apostrophe"
    )
    assert not_a_misspelling(spelling(text, "ain", ["an"]), text).startswith("part of a word joined by an apostrophe")
    quoted = "He wrote 'goverment' twice."
    assert not_a_misspelling(spelling(quoted, "goverment", ["government"]), quoted) is None


def context(text: str):
    from pipeline.grammar.policy import Context
    from pipeline.text.segment import paragraphs

    return Context(text, paragraphs(text), paragraphs(text), NameGuard(text, sentences(text), use_spacy=False))


def test_a_word_glued_to_an_opening_ellipsis_is_a_cut_excerpt():
    from pipeline.grammar.policy import cut_opening

    cut = "...an be counted as a win, the coach said."
    assert cut_opening(match(cut, "an", ["and"], rule="EN_A_VS_AN"), context(cut))
    assert not cut_opening(match(cut, "counted", rule="SOME_RULE"), context(cut))
    teaser = "...The harvest was poor this year."
    assert cut_opening(match(teaser, "The", rule="SENTENCE_WHITESPACE"), context(teaser))
    spaced = "... an be counted as a win."
    assert not cut_opening(match(spaced, "an", ["and"], rule="EN_A_VS_AN"), context(spaced))
    plain = "The talks ended.\n\n...an be seen later."
    assert not cut_opening(match(plain, "The", rule="SENTENCE_WHITESPACE"), context(plain))
    assert cut_opening(match(plain, "an", ["and"], rule="EN_A_VS_AN"), context(plain))


def test_languagetool_examples_are_incorrect_only_with_a_correction(tmp_path):
    from pipeline.grammar.lt_examples import load_lt_examples

    rules = tmp_path / "grammar.xml"
    rules.write_text(
        """<rules><category id="C"><rule id="R1">
        <example correction="went">He <marker>goed</marker> home.</example>
        <example correction="">The <marker>is</marker> it.</example>
        <example>The dogs <marker>are</marker> released.</example>
        <example>They are released.</example>
        <example type="triggers_error">Broken <marker>one</marker>.</example>
        <!-- False negative: the tagger reads rose as a noun --><example>The sun had <marker>rose</marker> early.</example>
        <example>She <marker>have</marker> left.</example><!-- False negative -->
        <example>He had left.</example>
        </rule><rule id="R2" default="off"><example correction="x">Off <marker>rule</marker>.</example></rule>
        </category></rules>""",
        encoding="utf-8",
    )
    examples = load_lt_examples(10, 1, path=rules)
    incorrect = {e.text: [e.text[s:t] for s, t in e.errors] for e in examples if not e.correct}
    correct = {e.text for e in examples if e.correct}
    # a marker in an example without a correction shows what the rule must leave alone
    assert incorrect == {
        "He goed home.": ["goed"],
        "The is it.": ["is"],
        "The sun had rose early.": ["rose"],
        "She have left.": ["have"],
    }
    assert correct == {"The dogs are released.", "They are released.", "He had left."}


def test_lower_case_abbreviations_and_closed_compounds_are_not_misspellings_but_glue_is():
    text = "The cpu and the url, fr and jetlag, alot of it everytime, monday."
    assert not_a_misspelling(spelling(text, "cpu", ["CPU", "cup"]), text).startswith("only recases an abbreviation")
    assert not_a_misspelling(spelling(text, "url", ["URL"]), text).startswith("only recases an abbreviation")
    assert not_a_misspelling(spelling(text, "fr", ["FR", "Fr"]), text).startswith("only recases an abbreviation")
    assert not_a_misspelling(spelling(text, "jetlag", ["jet lag"]), text) == "a closed compound of two content words"
    # a run that lost the space before or after a function word
    assert not_a_misspelling(spelling(text, "alot", ["a lot"]), text) is None
    assert not_a_misspelling(spelling(text, "everytime", ["every time"]), text) is None
    # a well-known name written in lower case is still an error
    assert not_a_misspelling(spelling(text, "monday", ["Monday"]), text) is None


def test_british_ise_for_ice_is_a_dialect_spelling():
    assert is_other_dialect_spelling("practise", ("practice",))
    assert not is_other_dialect_spelling("practise", ("precise",))


def test_camel_case_words_are_names_to_the_name_guard():
    text = "Shares of DeSantis Holdings fell."
    guard = NameGuard(text, sentences(text), use_spacy=False)
    assert guard.protects(spelling(text, "DeSantis", ["Desantis", "Santis"])) is not None


def test_a_sentence_initial_name_that_looks_like_a_common_word_is_protected_but_typos_are_not():
    name = "Darko will coach the youth team of the club next season."
    assert NameGuard(name, sentences(name)).protects(spelling(name, "Darko", ["Dark", "Dario"])) is not None
    typo = "Untill now, the talks have failed."
    assert NameGuard(typo, sentences(typo)).protects(spelling(typo, "Untill", ["Until"])) is None
    doubled = "Tthe administration created a task force."
    assert NameGuard(doubled, sentences(doubled)).protects(spelling(doubled, "Tthe", ["The", "Tithe"])) is None


def test_a_spelling_flag_needs_a_one_keystroke_miss_of_a_common_word():
    from pipeline.grammar.spelling_filter import clear_typo, edit_distance

    assert edit_distance("recieve", "receive", transpositions=True) == 1 and edit_distance("recieve", "receive") == 2
    # one letter inserted, dropped, replaced or swapped, from a much more common word
    for typo, suggestions in [
        ("embarassment", ("embarrassment",)),
        ("stoppped", ("stopped",)),
        ("amendmnets", ("amendments",)),
        ("accomodated", ("accommodated",)),
        ("teh", ("the",)),
    ]:
        assert clear_typo(typo, suggestions), typo
    # Latin, program names and jargon one letter from an English word are not typos
    for word, suggestions in [
        ("dockerd", ("docked", "dockers")),
        ("ardeat", ("ardent",)),
        ("libr", ("liar", "lib")),
        ("corrdiors", ("corridors",)),
    ]:
        assert not clear_typo(word, suggestions), word
    text = "The talks ended with dockerd and a goverment statement."
    assert not_a_misspelling(spelling(text, "dockerd", ["docked"]), text).startswith("not one keystroke")
    assert not_a_misspelling(spelling(text, "goverment", ["government"]), text) is None


def test_an_a_that_is_a_letter_or_variable_is_not_an_article():
    from pipeline.grammar.policy import not_an_article

    def flagged(text: str) -> bool:
        start = re.search(r"\ba\b", text).start()  # the first stand-alone "a"
        return not not_an_article(
            GrammarMatch(start, start + 1, "EN_A_VS_AN", "m", ("an",), "MISC", "grammar", "lingotweaker"), context(text)
        )

    assert not flagged("Chlorophyll a is found in all chloroplasts.")
    assert not flagged("Divide both sides by a, which is never zero.")
    assert not flagged("The prefix a- in Greek negates.")
    assert flagged("It was a honest mistake.")
    assert flagged("She bought a orange car.")


def test_harper_confusions_are_merged_only_where_they_read_the_clause_right():
    from pipeline.grammar.backends.harper import HarperBackend
    from pipeline.grammar.policy import harper_is_precise
    from pipeline.grammar.rules import DEFAULT_HARPER_KINDS

    harper = HarperBackend("en-US")

    def kept(text: str) -> list[str]:
        return [text[m.start : m.end] for m in harper.check(text) if harper_is_precise(m, text, DEFAULT_HARPER_KINDS)]

    # existential "there", embedded questions, possessive gerunds: no error
    assert kept("Since when are there fireworks?") == []
    assert kept("The question is did she know about it.") == []
    assert kept("The only question I have is did she really know?") == []
    assert kept("They're new investors.") == []
    # a past participle after "had", East Asian commas: errors
    assert kept("He had went home.") == ["went"]
    assert kept("Officials said，the talks would resume.") == ["，"]
    # Harper's two-modals lint is not merged ("Theresa May will" is a name, "this can will" a noun)
    assert kept("Theresa May will visit Brussels.") == []
    assert kept("This can will be used during the test.") == []


def test_dots_opening_a_paragraph_mark_an_excerpt_not_a_doubled_stop():
    from pipeline.grammar.policy import after_opening_ellipsis

    excerpt = ".. arrest of all accused followed. the court said."
    assert after_opening_ellipsis(match(excerpt, "..", rule="DOUBLE_PUNCTUATION"), context(excerpt))
    assert after_opening_ellipsis(match(excerpt, "arrest", rule="UPPERCASE_SENTENCE_START"), context(excerpt))
    # a lower-case sentence later in the paragraph is still an error
    assert not after_opening_ellipsis(match(excerpt, "the", rule="UPPERCASE_SENTENCE_START"), context(excerpt))
    plain = "The court met.. the lawyers left."
    assert not after_opening_ellipsis(match(plain, "..", rule="DOUBLE_PUNCTUATION"), context(plain))


def test_a_name_shown_by_the_document_is_protected_from_every_rule():
    from pipeline.grammar.backends.lingotweaker import LingotweakerBackend
    from pipeline.grammar.rules import RuleFilter

    checker = LingotweakerBackend("en-US", RuleFilter.build())

    def kept(text: str) -> list[tuple[str, str]]:
        guard = NameGuard(text, sentences(text), use_spacy=False)
        return [(text[m.start : m.end], m.rule_id) for m in checker.check(text) if not guard.protects(m)]

    # a surname that looks like a contraction, after a first name and again at a sentence start
    assert kept("Councillor Ivor Ive voted against the plan. Ive said the town could not afford it.") == []
    assert kept("The inquiry was led by retired judge Harriet Wont. Wont said the report was late.") == []
    # capitalised twice, once mid-sentence, with no first name before it
    assert kept("The Wont Street bakery and the Wont Street school are both closed.") == []
    # without that evidence the same words are still flagged
    assert ("Ive", "IVE_CONTRACTION") in kept("Ive said nothing about it.")
    assert ("Wont", "WONT_CONTRACTION") in kept("Wont they come back?")


def test_names_are_capitalised_words_after_a_first_name_or_recurring_mid_sentence():
    text = (
        "Singer Lola Wren sang. Then the Harbour Choir sang, and the Harbour Choir won. There it ends. So There we are."
    )
    names = NameGuard(text, sentences(text), use_spacy=False).names
    assert "wren" in names  # after the first name Lola
    assert {"harbour", "choir"} <= names  # capitalised twice, mid-sentence
    assert "there" not in names  # a function word capitalised in a title or at a sentence start
    assert "then" not in names and "singer" not in names


def test_a_rule_whose_suggestion_keeps_the_name_is_not_blocked():
    text = "Coach Ada Marsh were late. Marsh said so."
    guard = NameGuard(text, sentences(text), use_spacy=False)
    agreement = match(text, "Marsh were", ["Marsh was"], rule="AGREEMENT", category="GRAMMAR")
    assert guard.protects(agreement) is None
    respelt = match(text, "Marsh", ["Mars"], rule="SOME_PATTERN", category="TYPOS", issue="misspelling", occurrence=1)
    assert guard.protects(respelt) == "a name of this document (Marsh)"


def test_a_pattern_rule_written_for_a_whole_name_may_correct_it():
    text = "The prize went to Edna Quill. Quill thanked the jury."
    guard = NameGuard(text, sentences(text), use_spacy=False)
    whole = match(text, "Edna Quill", ["Edna Quille"], rule="SOME_NAME_RULE", category="TYPOS", issue="misspelling")
    assert guard.protects(whole) is None
    # one word of the name read as something else is still blocked, and so is the dictionary
    one_word = match(text, "Quill", ["Quilt"], rule="SOME_PATTERN", category="TYPOS", issue="misspelling", occurrence=1)
    assert guard.protects(one_word) == "a name of this document (Quill)"
    dictionary = spelling(text, "Edna Quill", ["Edna Quilt"], rule="HARPER_Spelling")
    assert guard.protects(dictionary) is not None


def test_clearly_misspelt_needs_a_close_much_more_common_unrivalled_correction():
    from pipeline.grammar.spelling_filter import clearly_misspelt

    # wordfreq knows these misspellings (Zipf 2.5-3), which does not make them words
    for word, suggestions in [
        ("goverment", ("government",)),
        ("recieved", ("received", "relieved")),
        ("enviroment", ("environment",)),
        ("arguement", ("argument",)),
    ]:
        verdict = clearly_misspelt(word, suggestions)
        assert verdict and verdict.correction == suggestions[0], (word, verdict)
    # a rival suggestion as close and about as common: which word was meant is not clear
    assert not clearly_misspelt("wether", ("whether", "weather"))
    assert clearly_misspelt("wether", ("whether",))  # one suggestion: no rival
    # too far, not much more common, not a common word, a split compound, case only, another dialect
    assert clearly_misspelt("yeild", ("yard", "yield")).why == "too far from the suggestion"
    assert not clearly_misspelt("dockerd", ("docked", "dockers"))
    assert not clearly_misspelt("drugmaker", ("drug maker",))
    assert not clearly_misspelt("monday", ("Monday",))
    assert not clearly_misspelt("colour", ("color",))
    assert not clearly_misspelt("jira", ("IRA", "Jira"))
    assert not clearly_misspelt("two words", ("two word",))


def test_grammar_rules_in_the_typo_category_are_grammar_flags():
    text = "The club could of signed a endowment, allthough the goverment said no."
    modal = match(text, "could of", ["could have"], rule="MODAL_OF", category="TYPOS", issue="misspelling")
    start = text.index(" a endowment") + 1
    article = GrammarMatch(start, start + 1, "EN_A_VS_AN", "m", ("an",), "MISC", "misspelling", "lingotweaker")
    nonword = match(text, "allthough", ["although"], rule="ALLTHOUGH", category="TYPOS", issue="misspelling")
    dictionary = spelling(text, "goverment", ["government"])
    assert text[article.start : article.end + 2] == "a e"
    assert [flag_category(m, text) for m in (modal, article, nonword, dictionary)] == [
        "grammar",
        "grammar",
        "spelling",
        "spelling",
    ]


def test_rule_exact_fixes_apply_only_in_their_exact_context():
    from pipeline.grammar.mapping import rule_exact

    text = "The club could of signed a endowment, a NBA scout and a ex-player."
    modal = match(text, "could of", ["could have", "could've"], rule="MODAL_OF", category="TYPOS")
    assert decide(modal, text).auto_kind == "rule_exact" and decide(modal, text).after == "could have"

    def article_before(following: str) -> GrammarMatch:
        start = text.index(f" a {following}") + 1
        return GrammarMatch(start, start + 1, "EN_A_VS_AN", "m", ("an",), "MISC", "misspelling", "lingotweaker")

    article = article_before("endowment")
    assert rule_exact(article, text) == ("rule_exact", article.start, article.end, "an")
    # before an acronym or a hyphenated word the sound is not known from the spelling
    assert rule_exact(article_before("NBA"), text) is None
    assert rule_exact(article_before("ex-player"), text) is None
    # a word read letter by letter, a web address, an adverb after which "a" may be a letter
    for sentence, suggestion in [
        ("They sent a html page.", "an"),
        ("She opened a etsy.com shop.", "an"),
        ("What does a usually mean here?", "an"),
    ]:
        start = sentence.index(" a ") + 1
        held = GrammarMatch(start, start + 1, "EN_A_VS_AN", "m", (suggestion,), "MISC", "misspelling", "lingotweaker")
        assert rule_exact(held, sentence) is None, sentence
    # not a rule of the list, or switched off in the configuration
    other = match(text, "could of", ["could have"], rule="SOME_OTHER_RULE")
    assert rule_exact(other, text) is None
    assert decide(modal, text, auto_apply=("whitespace",)).auto_kind is None
