"""The detectors the ``detect`` stage runs, in order. Adding one is a module plus one line here."""

from __future__ import annotations

# machine-translation detectors that need no list of phrases: untranslated text, non-words, translation
# loops, number damage and calque families found by structure (benchmarks/mt_structure_eval.py measures
# these together)
STRUCTURAL_MT_DETECTORS: list[str] = [
    "pipeline.detect.mt.untranslated:UntranslatedTextDetector",
    "pipeline.detect.mt.nonword:NonWordDetector",
    "pipeline.detect.mt.repetition:RepetitionDetector",
    "pipeline.detect.mt.numbers:NumberDamageDetector",
    "pipeline.detect.mt.institution_names:InstitutionNameDetector",
    "pipeline.detect.mt.verb_preposition:VerbPrepositionDetector",
    "pipeline.detect.mt.missing_article:MissingArticleDetector",
    "pipeline.detect.mt.head_count:HeadCountDetector",
    "pipeline.detect.mt.false_friend_verbs:FalseFriendVerbDetector",
    "pipeline.detect.mt.date_phrases:DatePhraseDetector",
    "pipeline.detect.mt.country_article:CountryArticleDetector",
]

# "module:Class" of each Detector subclass
DETECTORS: list[str] = [
    "pipeline.detect.glued:GluedWordDetector",
    "pipeline.detect.broken.punctuation:StrayPunctuationDetector",
    "pipeline.detect.broken.quotes:QuoteBalanceDetector",
    "pipeline.detect.broken.attribution:AttributionDetector",
    "pipeline.detect.broken.syntax:SentenceStructureDetector",
    "pipeline.detect.mt.word_order:WordOrderCalqueDetector",
    "pipeline.detect.mt.word_order_lm:LMWordOrderDetector",
    "pipeline.detect.mt.fluency:FluencyAnomalyDetector",
    "pipeline.detect.mt.collocation:IntensifierCollocationDetector",
    "pipeline.detect.mt.bare_object:BareObjectDetector",
    "pipeline.detect.confusables:ConfusableWordDetector",
    "pipeline.detect.mt.nationality_article:NationalityArticleDetector",
    "pipeline.detect.mt.capitalised_terms:CapitalisedTermDetector",
    "pipeline.detect.mt.false_friends:FalseFriendDetector",
    "pipeline.detect.mt.titles:OfficialTitleDetector",
    "pipeline.detect.mt.first_name:FirstNameReferenceDetector",
    *STRUCTURAL_MT_DETECTORS,
    "pipeline.detect.consistency.detector:ConsistencyDetector",
]
