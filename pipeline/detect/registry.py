"""The detectors the ``detect`` stage runs, in order. Adding one is a module plus one line here."""

from __future__ import annotations

# "module:Class" of each Detector subclass
DETECTORS: list[str] = [
    "pipeline.detect.glued:GluedWordDetector",
    "pipeline.detect.broken_punctuation:StrayPunctuationDetector",
    "pipeline.detect.broken_quotes:QuoteBalanceDetector",
    "pipeline.detect.broken_attribution:AttributionDetector",
    "pipeline.detect.broken_syntax:SentenceStructureDetector",
    "pipeline.detect.mt_word_order:WordOrderCalqueDetector",
    "pipeline.detect.mt_word_order_lm:LMWordOrderDetector",
    "pipeline.detect.confusables:ConfusableWordDetector",
    "pipeline.detect.mt_nationality_article:NationalityArticleDetector",
    "pipeline.detect.mt_capitalised_terms:CapitalisedTermDetector",
    "pipeline.detect.mt_false_friends:FalseFriendDetector",
    "pipeline.detect.mt_titles:OfficialTitleDetector",
    "pipeline.detect.mt_first_name:FirstNameReferenceDetector",
    "pipeline.detect.consistency:ConsistencyDetector",
]
