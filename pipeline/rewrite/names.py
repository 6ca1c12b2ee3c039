"""Which words of a sentence are names the rewriter must not respell, recase or split.

Sentence level: spaCy entities and proper nouns, rare capitalised words, camel-case brands and
title-case names ("a group Medics for Rural Clinics"). Document level: words the document
capitalises mid-sentence more than once, and rare words it writes the same way more than once.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from pipeline.text.lexical import FUNCTION_WORDS, words, zipf

MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
NAME_ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# a brand or product name written in camel case: GlowBerry, YouTube, iPhone, eBay. A lower-case
# run before a capitalised word ("ministerThe") is two words that lost a space, not a name.
CAMEL_CASE_NAME = re.compile(r"^(?:[A-Z][a-z]+|[a-z])(?:[A-Z][a-z]+)+(?:['’]s)?$")


def protected_names(sentence: str) -> frozenset[str]:
    """Words of ``sentence`` that are names: spaCy entities and proper nouns, plus rare capitalised words.

    The frequency check catches names spaCy misses in broken text ("Blinken", "Lavrov"): a
    capitalised word whose lowercase form is rare in English is treated as a name.
    """
    from pipeline.text.nlp import parse_paragraph

    names: set[str] = set()
    parsed = parse_paragraph(sentence)
    for entity in parsed.ents:
        if entity.label_ in NAME_ENTITY_LABELS:
            names.update(w for w in words(entity.text) if w[:1].isupper())
    for token in parsed:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and zipf(token.text.lower()) < 5.0:
            names.add(token.text)
    for word in words(sentence):
        if word[:1].isupper() and zipf(word.lower()) < 3.0:
            names.add(word)
        if CAMEL_CASE_NAME.match(word):
            names.add(word)
    names.update(title_case_runs(sentence))
    return frozenset(names)


NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "von", "van", "der"})


def title_case_runs(sentence: str) -> set[str]:
    """Capitalised words that open a title-case name in the middle of a sentence: two or more
    capitalised words in a row, or linked by "of", "for", "and" ... ("a group Medics for Rural Clinics",
    "shares of Bank of Ireland"). A capital at a sentence start says nothing, and a capitalised
    function word ("in Russia It has") is a lost boundary, not a name."""
    tokens = [(m.group(), m.start()) for m in re.finditer(r"[^\W\d_][\w’'-]*", sentence)]
    names: set[str] = set()

    def name_like(word: str) -> bool:
        return word[:1].isupper() and word.lower() not in FUNCTION_WORDS

    for i, (word, at) in enumerate(tokens):
        head = sentence[:at].rstrip()
        if not name_like(word) or not head or re.search(r"[.!?…:;“\"‘(\[—–-]$", head):
            continue
        j = i + 1
        while j < len(tokens) and tokens[j][0] in NAME_LINKS:
            j += 1
        if j < len(tokens) and name_like(tokens[j][0]) and re.fullmatch(r"[\s\w’'-]*", sentence[at : tokens[j][1]]):
            names.update(w for w, _ in tokens[i : j + 1] if name_like(w))
    return names


def document_names(text: str, sentence_spans: Iterable[tuple[int, int]]) -> frozenset[str]:
    """Words the document capitalises in the middle of a sentence at least twice: names, whatever
    their dictionary status ("shares of Square rose ... analysts at Square said").

    A word right after an opening quote, bracket, colon or dash is not mid-sentence (a quotation or
    a clause may start with a capital). Once is not enough: a lost sentence boundary capitalises a
    common word once ("in the north Thousands fled")."""
    mid_sentence: Counter[str] = Counter()
    for start, end in sentence_spans:
        first = True
        for match in re.finditer(r"[^\W\d_][\w’'-]*", text[start:end]):
            word = match.group()
            before = text[start : start + match.start()].rstrip()
            if not first and word[:1].isupper() and before and before[-1] not in "“\"‘'([:—–-":
                mid_sentence[word] += 1
            first = False
    return frozenset(w for w, n in mid_sentence.items() if n >= 2 and not w.isupper())


RARE_ZIPF = 2.5  # below this a word is rare enough that using it twice is a choice, not an accident


def recurring_rare_words(text: str) -> frozenset[str]:
    """Rare words (unknown or nearly so to wordfreq) the document writes the same way twice or more:
    brands in stylised lower case ("glimmo"), product names, terms. A run glued by a lost space
    ("prioritywe") is an accident and does not repeat."""
    counts = Counter(w for w in words(text) if len(w) >= 4 and w.isalpha())
    return frozenset(w for w, n in counts.items() if n >= 2 and zipf(w) < RARE_ZIPF)


@functools.lru_cache(maxsize=1)
def always_capitalised() -> frozenset[str]:
    """Lower-cased words English always writes with a capital: months, weekdays, nationality and
    language adjectives and one-word country names (the demonym lexicon), and "I"."""
    from pipeline.lexicons.loader import load_tsv

    found = set(MONTHS_AND_DAYS - {"today", "yesterday", "tomorrow", "may", "march"}) | {"i"}
    for row in load_tsv("demonyms.tsv"):
        found.update(cell.lower() for cell in row if cell[:1].isupper() and " " not in cell)
    return frozenset(found)
