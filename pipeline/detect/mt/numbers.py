"""Numbers the translation damaged: digit grouping, decimal commas, repeated or split numbers.

Continental European languages write "3,5 millones" / "3,5 млн" (decimal comma) and "1.500.000" or
"1 500 000" (a full stop or a space between thousands). "1.850" alone reads as a decimal, except
right before a plural noun of things counted one by one ("1.850 homes"), where no decimal fits; the
space is flagged only in a text that also groups thousands with commas, since SI style and some
house styles use it throughout. English writes 3.5 million and 1,500,000. A machine translation
often copies the source's digits as they are, and sometimes breaks them further: a thousands comma
followed by two digits ("12,50 people"), the South Asian lakh grouping ("1,25,000", kept from a
Nepali or Sinhala source; not in a text about South Asia or counting in rupees, lakhs or crores,
where it is the English press's convention) or a number written twice ("20 20 percent"). Each
shape is flagged and the value is never guessed: "12,50" may be twelve and a half or a truncated
12,500, so a flag has no suggestion and ``details["rewrite"]`` is False (the rewriter must make no
change on its account; a reviewer decides).

Not damage, and left alone: dates ("12.05.2024"), times ("10:30"), scores and ranges ("3-2",
"1,500-2,000"), version numbers and IP addresses ("1.2.3", "192.168.0.1"), ISBNs and phone numbers,
lists written without spaces ("1,2,3"), chemical locants ("2,5-dimethyl"), mixed fractions
("1 1/2 cups"), and decimals of a rate or percentage ("1.786%").

MQM types (Lommel et al., MQM core typology): a separator convention is "Locale convention/Number
format"; a doubled number is "Accuracy/Addition".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.text.lexical import FUNCTION_WORDS, zipf

# number-like chunks are read whole, so a date, an IP address or a phone number is one token
_CHUNK = re.compile(r"(?<![\w.,:/+-])\d[\d.,:/'’]*\d(?![\w])|(?<![\w.,:/+-])\d(?![\w.,:/])")
# what follows a decimal comma in English-looking text: a magnitude, a unit or a percentage
_MAGNITUDE = re.compile(
    r"\s?(?:%|per ?cent|percent|million|billion|trillion|thousand|mln|bn|km|kg|m|cm|mm|ha|t|tons?|tonnes?"
    r"|litres?|liters?|hectares?|kilomet(?:re|er)s?|met(?:re|er)s?|degrees?|°|hours?|days?|years?|times"
    r"|points?|dollars?|euros?|rubles?|roubles?|lei|pounds?|MB|GB|KB|TB)(?!\w)",
    re.IGNORECASE,
)
# thin, narrow no-break, no-break and ordinary spaces used as thousands separators
_SPACED = re.compile(
    r"(?<![\d.,:/])(?<!\d[ \u00a0\u202f\u2009])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,:/])(?![ \u00a0\u202f\u2009]\d)"
)
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")
_REPEATED = re.compile(r"(?<![\w.,:/-])(\d+(?:[.,]\d+)?) \1(?![\w.,:/%-])")
# 1,25,000 / 12,34,56,789: the Indian numbering system's grouping (lakh = 1,00,000; crore = 1,00,00,000)
_LAKH = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}")
# words and signs of a text about South Asia (India, Pakistan, Bangladesh, Nepal, Sri Lanka), whose
# English press writes lakh grouping by convention
_INDIAN_NUMBERING = re.compile(
    r"\b(?:lakhs?|crores?|rupees?|Rs\.?|INR|India|Indian|Pakistan|Pakistani|Bangladesh|Bangladeshi|Nepal|Nepali"
    r"|Sri Lanka|Sri Lankan|taka)(?!\w)|[₹৳]"
)
_LIST_CONTINUES = re.compile(r"\s*(?:,|and|or|&)\s*\d")
_LOCANT_AFTER = re.compile(r"[-‐′'’]")

MQM_FORMAT = "Locale convention/Number format"

# a plural noun of things counted one by one right after a number, or after one adjective ("1.850
# homes", "3.400 small firms"): a decimal with three places cannot count them, so the full stop
# groups thousands. Units and measures (_MAGNITUDE) are left out, and so are rates ("per",
# "average"), where a decimal count is an average.
_COUNTED = re.compile(
    r" (?:(?P<modifier>[a-z]+) )?(?P<noun>people|children|men|women|[a-z]{2,}[^su\W]s|[a-z]+ies)\b(?!-)"
)
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women"})
_RATE = re.compile(r"\b(?:per|every|each|a|an)\s|/", re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(
    r"\b(?:averag\w*|mean|median|rates?|ratios?|index|scores?|coefficients?)\b[^.]*$", re.IGNORECASE
)


def _counts_things(text: str, match: re.Match[str]) -> bool:
    """Whether the number at ``match`` (shaped 1.234) counts the plural noun right after it."""
    after = text[match.end() : match.end() + 60]
    counted = _COUNTED.match(after)
    if counted is None or _MAGNITUDE.match(after) or match.group()[0] == "0":
        return False
    noun = counted["noun"]
    if counted["modifier"] and (counted["modifier"] in FUNCTION_WORDS or _MAGNITUDE.match(" " + counted["modifier"])):
        return False  # one adjective may stand between ("3.400 small businesses"), not a verb or a unit
    singulars = [noun[:-3] + "y"] if noun.endswith("ies") else [noun[:-1], noun[:-2]]  # homes, businesses
    if noun not in _IRREGULAR_PLURALS and (noun in FUNCTION_WORDS or max(map(zipf, singulars)) < 3):
        return False  # "2.275 was recorded", "1.500 tabs": not a plural of a common noun
    rest = after[counted.end() :].lstrip()
    return not _RATE.match(rest) and not _AVERAGE_BEFORE.search(text[max(0, match.start() - 60) : match.start()])


class NumberDamageDetector(Detector):
    id = "mt.numbers"
    version = "4"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        # Indian English writes lakh and crore grouping by convention: there it is house style, not damage
        lakh_is_house_style = _INDIAN_NUMBERING.search(text) is not None
        for match in _CHUNK.finditer(text):
            found = self._chunk(text, match, lakh_is_house_style)
            if found is not None:
                yield found
        # a space between thousands is a house style (SI, some wire services) when a text uses it
        # throughout; it is the translation's doing when the same text also groups with commas
        mixed = _COMMA_GROUPED.search(text) is not None
        for match in _SPACED.finditer(text) if mixed else ():
            groups = re.split(r"[ \u00a0\u202f\u2009]", match.group())
            # "18 000", "2 500": round thousands. "400 737 Max" is two numbers side by side
            if not groups[-1].endswith("00"):
                continue
            yield self._finding(
                match.start(),
                match.end(),
                "thousands separated by a space (French, Slavic and Nordic typography) in a text that "
                "elsewhere groups them with commas",
                0.6,
                MQM_FORMAT,
                "space_grouping",
            )
        for match in _REPEATED.finditer(text):
            value = match.group(1)
            if len(value) == 1 and text[match.end() : match.end() + 1] == "/":
                continue
            yield self._finding(
                match.start(),
                match.end(),
                "number written twice: a translation that repeated it, or two numbers whose separator was lost",
                0.6,
                "Accuracy/Addition",
                "repeated",
            )

    def _chunk(self, text: str, match: re.Match[str], lakh_is_house_style: bool = False) -> Finding | None:
        chunk = match.group()
        after = text[match.end() : match.end() + 12]
        if _LOCANT_AFTER.match(after):
            return None  # "2,5-dimethyl", "1,2′-", a range "3,5-4,5" is left to its other shapes
        if re.fullmatch(r"\d+(?:,\d+)+", chunk):
            groups = chunk.split(",")
            tail = groups[1:]
            if all(len(g) == 3 for g in tail) and len(groups[0]) <= 3:
                return None  # 1,500,000
            if len(groups) > 2 and all(len(g) <= 2 for g in groups):
                return None  # a list written without spaces: 1,2,3 / 10,12,14
            if len(groups) > 2 and _LAKH.fullmatch(chunk):
                if lakh_is_house_style:
                    return None
                return self._finding(
                    match.start(),
                    match.end(),
                    "South Asian digit grouping (lakh and crore: a comma after every two digits above the "
                    "thousands, as Hindi, Nepali and Sinhala write numbers): English groups digits in threes",
                    0.7,
                    MQM_FORMAT,
                    "lakh_grouping",
                )
            if len(groups) > 2 and len(groups[0]) <= 3:
                return self._finding(
                    match.start(),
                    match.end(),
                    "broken digit grouping: a group after a thousands comma does not have three digits",
                    0.7,
                    MQM_FORMAT,
                    "grouping",
                )
            if len(groups) == 2 and _LIST_CONTINUES.match(after):
                return None  # "chapters 1,2 and 3", "numbers 10,11 and 23": a list written without spaces
            if len(groups) == 2 and len(groups[0]) <= 3 and len(tail[0]) in (1, 2):
                if _MAGNITUDE.match(after):
                    message = (
                        "decimal comma (Romance, Slavic and German convention: '3,5' is 3.5): English writes a "
                        "decimal point"
                    )
                    return self._finding(match.start(), match.end(), message, 0.8, MQM_FORMAT, "decimal_comma")
                return self._finding(
                    match.start(),
                    match.end(),
                    "a comma followed by one or two digits: a decimal comma (European convention) or a broken "
                    "thousands group",
                    0.6,
                    MQM_FORMAT,
                    "grouping",
                )
            if len(groups) == 2 and len(groups[0]) <= 3 and len(tail[0]) >= 4:
                return self._finding(
                    match.start(),
                    match.end(),
                    "broken digit grouping: more than three digits after a thousands comma",
                    0.6,
                    MQM_FORMAT,
                    "grouping",
                )
            return None
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", chunk):
            groups = chunk.split(".")
            if len(groups) == 4 and groups[-1] != "000":
                return None  # an IPv4 address shape
            if len(groups) == 2 and (groups[1] != "000" or re.match(r"\s?%", after)):
                if not _counts_things(text, match):
                    return None  # 1.786% and 2.275 are decimals; 4.000 people and 1.850 homes are not
            return self._finding(
                match.start(),
                match.end(),
                "full stop between thousands (continental European convention: '1.500' is 1,500): English "
                "groups thousands with commas",
                0.7,
                MQM_FORMAT,
                "dot_grouping",
            )
        return None

    def _finding(self, start: int, end: int, message: str, confidence: float, mqm: str, kind: str) -> Finding:
        return Finding(
            category="mt_artefact",
            start=start,
            end=end,
            message=message,
            detector=self.id,
            confidence=confidence,
            details={"mqm": mqm, "kind": kind, "rewrite": False},
        )
