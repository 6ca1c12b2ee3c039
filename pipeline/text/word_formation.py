"""How an English word can be built from others: closed compounds, productive affixes, and words of
other languages that English text borrows as they are.

Dictionaries lag behind news and technical prose, which coin words freely from English parts
("drugmaker", "weekslong", "unevidenced", "nanoinfluencers", "upsample"). A word missing from every
list is therefore evidence of an error only when it cannot be read as such a coinage; the spelling
filter (:mod:`pipeline.grammar.spelling_filter`) and the non-word detector
(:mod:`pipeline.detect.mt.nonword`) both ask these questions, so they live here.

The affixes are the productive ones of present-day English word formation (Bauer, Lieber & Plag
2013, *The Oxford Reference Guide to English Morphology*, chapters on prefixation and suffixation),
plus the inflections; the spelling changes at a suffix boundary are the regular ones (silent *e*
dropped, final consonant doubled, *y* to *i*). Frequencies are wordfreq's Zipf scale
(:func:`pipeline.text.lexical.zipf`; 3 = once per million words).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from pipeline.text.lexical import COMPOUND_PARTICLES, FUNCTION_WORDS, zipf

# words whose presence in a split shows lost spaces rather than a compound ("prioritythe", "eachother")
GLUE_WORDS = FUNCTION_WORDS - COMPOUND_PARTICLES

COMPOUND_PART_ZIPF = 3.0  # each part of a compound must be a common word
MIN_COMPOUND_PART = 3
SHORT_PART_ZIPF = 4.5  # a three-letter part must be a very common word ("car", "war", "oil")


def plausible_compound(word: str) -> bool:
    """Whether ``word`` is two common content words written closed ("drugmaker", "weekslong") or
    hyphenated ("weeks-long"), not a typo and not a run glued to a function word."""
    lowered = word.lower().replace("’", "'")
    if "-" in lowered:
        parts = [p for p in lowered.split("-")]
        return len(parts) > 1 and all(p.isalpha() and zipf(p) >= COMPOUND_PART_ZIPF for p in parts)
    if not lowered.isalpha():
        return False
    for cut in range(MIN_COMPOUND_PART, len(lowered) - MIN_COMPOUND_PART + 1):
        head, tail = lowered[:cut], lowered[cut:]
        if head in GLUE_WORDS or tail in GLUE_WORDS:
            continue
        if all(
            zipf(part) >= (COMPOUND_PART_ZIPF if len(part) > MIN_COMPOUND_PART else SHORT_PART_ZIPF)
            for part in (head, tail)
        ):
            return True
    return False


# productive prefixes, including the combining forms news and technology coin with
PREFIXES = tuple(
    """un non in im il ir dis mis re pre post anti counter de co over under out up sub super ultra
    inter intra multi semi hyper mega micro macro nano cyber electro bio eco geo tele auto self neo
    pseudo proto mini maxi tera giga""".split()
)
# (suffix, what the base ends with instead): inflections first, then derivational suffixes
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("ers", ""),
    ("ers", "e"),
    ("est", ""),
    ("ly", ""),
    ("ily", "y"),
    ("ness", ""),
    ("less", ""),
    ("ful", ""),
    ("ish", ""),
    ("ment", ""),
    ("ments", ""),
    ("ity", ""),
    ("ities", ""),
    ("able", ""),
    ("able", "e"),
    ("ables", ""),
    ("ism", ""),
    ("isms", ""),
    ("ist", ""),
    ("ists", ""),
    ("ic", ""),
    ("ical", ""),
    ("ally", ""),
    ("ation", ""),
    ("ation", "e"),
    ("ations", ""),
    ("ification", "ify"),
    ("ization", "ize"),
    ("isation", "ise"),
    ("ize", ""),
    ("ized", ""),
    ("izing", ""),
    ("ise", ""),
    ("ised", ""),
    ("ising", ""),
    ("wise", ""),
    ("ship", ""),
    ("hood", ""),
)
BASE_ZIPF = 3.0  # the base of a derivation must be a word in common use
MIN_BASE = 3


@lru_cache(maxsize=16384)
def english_derivation(word: str) -> bool:
    """Whether ``word`` (lower case, letters only) is a common English word or compound with
    productive affixes: at most one prefix and one suffix ("unevidenced" = un + evidence + d,
    "nanoinfluencers", "upsample", "boomeranging"). A base must be a common word
    (``BASE_ZIPF``) of at least ``MIN_BASE`` letters, or a :func:`plausible_compound`."""
    lowered = word.lower()
    stems = {lowered}
    for prefix in PREFIXES:
        if lowered.startswith(prefix) and len(lowered) - len(prefix) >= MIN_BASE:
            stems.add(lowered[len(prefix) :])
    bases = set(stems)
    for stem in stems:
        for suffix, restored in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_BASE:
                base = stem[: -len(suffix)] + restored
                bases.add(base)
                if not restored and len(base) > MIN_BASE and base[-1] == base[-2]:
                    bases.add(base[:-1])  # "stopped" -> "stop"
    bases.discard(lowered)
    return any(len(b) >= MIN_BASE and (zipf(b) >= BASE_ZIPF or plausible_compound(b)) for b in bases)


# Technical vocabulary no general word list keeps up with, recognised by how it is built:
# - drug names by the stems of the WHO's International Nonproprietary Names (WHO, "The use of stems in
#   the selection of INN for pharmaceutical substances", 2018 and later updates): "-mab" monoclonal
#   antibodies, "-tinib" kinase inhibitors, "-vir" antivirals, "-glutide" GLP-1 analogues, ...;
# - chemical names by IUPAC nomenclature parts ("fluoro", "methyl", ... with a class ending);
# - medical and scientific words by Greek and Latin combining forms ("exo-", "femto-", "-itis",
#   "-opathy", "-ome"), and the productive splinters of recent coinages ("-flation", "-nomics").
INN_STEMS = tuple(
    """mab tide glutide tinib ciclib parib siran rsen vir gliflozin gliptin sartan pril olol dipine statin azole
    mycin cillin oxacin cycline azepam azolam tidine prazole setron triptan afil lukast dronate parin xaban
    gatran platin rubicin taxel lisib zomib tecan cept apine idone peridol relin caine fentanil trigine trapib""".split()
)
CHEMICAL_PARTS = tuple(
    """fluoro chloro bromo iodo methyl ethyl propyl butyl phenyl benzo hydroxy amino nitro oxy cyclo octan
    hexan pentan carb sulf phosph""".split()
)
CHEMICAL_ENDINGS = ("oic", "ide", "ane", "ene", "ate", "ol", "ine", "yl", "one")
SCIENTIFIC_PREFIXES = tuple(
    """exo endo ecto atto femto pico peta exa zepto zetta yocto haemo hemo cardio neuro immuno onco gastro hepato
    nephro osteo cyto geno proteo metabo tetra penta hexa crypto petro astro photo thermo hydro aero chrono
    psycho socio""".split()
)
SCIENTIFIC_SUFFIXES = tuple(
    """itis opathy pathy genicity genic oid oids ome omes omics omic ology ologist aemia emia osis ectomy otomy
    plasty scopy flation nomics core""".split()
)
SCIENTIFIC_STEM_ZIPF = 2.5  # the stem before a combining form: a word in some use ("haemoglobin", "reactogen-")


def technical_term(word: str) -> bool:
    """Whether lower-case ``word`` is built the way drug, chemical and scientific names are (see the
    lists above): "lecanemab", "perfluorooctanoic", "attoseconds", "oesophagitis", "shrinkflation"."""
    if any(word.endswith(stem) and len(word) - len(stem) >= MIN_BASE for stem in INN_STEMS):
        return True
    parts = sum(word.count(part) for part in CHEMICAL_PARTS)
    if parts >= 2 or (parts and word.endswith(CHEMICAL_ENDINGS)):
        return True
    return _combining_form(word) or any(_combining_form(w) for w in dialect_respellings(word))


def _combining_form(word: str) -> bool:
    for suffix in SCIENTIFIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            stem = word[: -len(suffix)]
            if any(zipf(stem + vowel) >= SCIENTIFIC_STEM_ZIPF for vowel in ("", "o", "e", "a", "y")) or stem.startswith(
                SCIENTIFIC_PREFIXES
            ):
                return True
    for prefix in SCIENTIFIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) > MIN_BASE:
            rest = word[len(prefix) :]
            if zipf(rest) >= 2.0 or english_derivation(rest):
                return True
    return False


# British <-> American spelling patterns ("favourite"/"favorite", "defence"/"defense")
DIALECT_PAIRS = (
    ("our", "or"),
    ("ise", "ize"),
    ("isation", "ization"),
    ("yse", "yze"),
    ("tre", "ter"),
    ("ence", "ense"),
    ("ould", "old"),
    ("ise", "ice"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llor", "lor"),
    ("ae", "e"),
    ("oe", "e"),
    ("ogue", "og"),
    ("mme", "m"),
    ("eable", "able"),
)


def dialect_respellings(word: str) -> Iterator[str]:
    """``word`` (lower case) with one British/American pattern of :data:`DIALECT_PAIRS` swapped, each
    way, at each place it occurs ("colour" -> "color"; "haemangioma" -> "hemangioma")."""
    for a, b in DIALECT_PAIRS:
        for old, new in ((a, b), (b, a)):
            index = word.find(old)
            while index >= 0:
                yield word[:index] + new + word[index + len(old) :]
                index = word.find(old, index + 1)


OTHER_LANGUAGES = ("fr", "es", "it", "de", "pt", "nl", "ca")  # the ones news quotes most
FOREIGN_ZIPF = 4.0  # common in that language (once per hundred thousand words)...
FOREIGN_MARGIN = 1.5  # ...and much more common there than in English


def foreign_word(word: str, english_zipf: float) -> bool:
    """Whether ``word`` is a common word of another language and rare in English ("compris",
    "delle", "todos"): quoted titles and phrases, which no English typo list should touch."""
    return any(
        (z := zipf(word, lang)) >= FOREIGN_ZIPF and z >= english_zipf + FOREIGN_MARGIN for lang in OTHER_LANGUAGES
    )
