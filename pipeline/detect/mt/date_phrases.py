"""Date and time phrases calqued from the source language: "on 5 of June", "at beginning of the year",
"in 2019 year".

Three shapes, each a construction English never uses and a source language dictates:

- **a day "of" a month** with no article: Slavic writes the month in the genitive ("5 июня", "5 czerwca")
  and Romance languages with "de" ("el 5 de junio", "5 de junho"); a word-by-word translation gives
  "on 5 of June". English writes "5 June", "June 5" or "the 5th of June". The suggestion drops "of"
  ("5 June"), the form that keeps the words in their order. Only a bare day number after a
  preposition or after "the past/last/next/coming" (Romance "el pasado 14 de febrero" -> "the past
  14 of February") is a candidate: an ordinal ("the 4th of July", Indian English "on 15th of
  August"), a count or a label ("Game 7 of March Madness", "3 of June's 10 games") is left alone.
- **a part of a period with no article**: Slavic languages have no articles ("в начале года", "na
  początku roku", "в конце месяца") and the translation says "at beginning of the year". English
  needs "the" before beginning, end, start, middle, half, quarter and rest in these phrases.
  Headlines, which drop articles on purpose, titles ("in End of Watch") and shorthand before a period
  word ("by end of day", "until end of season", "at end of life", "by end of next year") are left
  alone. The suggestion inserts "the".
- **a date wrapped in source-language words**: "on the date of 21 September" (Romanian "la data de",
  Italian "in data"), "until the day 14 of May" (Spanish "el día 14 de mayo", also "on the 15 of May"), "on 1 July of
  the current year" or "1 March current year" (Russian "текущего года", Romanian "a anului curent"); English gives the date
  alone and says "this year". The words the suggestion drops are listed as redundant for the
  rewriter's deletion guard.
- **a part of the day "in the night of" a date**: Romance "en la noche del 14", Romanian "în noaptea de
  14 spre 15", Slavic "в ночь на 15"; English says "on the night (morning, evening) of 14 August".
  The suggestion replaces "in" with "on".
- **a decade or a date in the source's notation**: "the years 90" (Spanish "los años 90", Italian
  "gli anni '90", French "les années 90") is "the 1990s" (no suggestion for "the years 00-20", whose
  century the text must say); "on 12.3. the farmers" (German "am 12.3.", Czech and Polish day.month.)
  is "on 12 March". A four-digit year after "the years" is English ("the years 1990 to 1995"), and a
  dotted number at a sentence's end may be a version ("on 12.3."): both are left alone.
- **a year followed by "year"**: Slavic says "в 2019 году" / "w 2019 roku" (in 2019 year); English
  says "in 2019". The suggestion drops "year"; "2023 year on year" and "Year 12" are left alone.

MQM (Lommel et al., core typology): the missing article is "Fluency/Grammar"; the day-of-month and
the year word are "Locale convention/Date format".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.mt.structure import cased_like
from pipeline.text.shape import ends_like_sentence

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(?:(?P<preposition>(?i:on|by|until|till|since|from|before|after|between|to))|"
    rf"(?P<relative>(?i:the )?(?i:past|last|next|coming|previous|following))) )?"
    rf"(?P<dayword>(?i:the )(?:(?i:day) )?|(?i:day) )?(?P<day>[0-3]?\d) (?P<of>of) (?P<month>{_MONTHS})\b(?![’']s)"
)
# Spanish "el pasado mes de junio", Italian "il prossimo mese di giugno": English says "last June"
_MONTH_OF = re.compile(
    rf"\b(?P<phrase>(?:(?i:in|during) )?(?:(?i:the) )?(?P<relative>(?i:past|last|previous|next|coming|following)) "
    rf"month of (?P<month>{_MONTHS}))\b"
)
_A_DATE = rf"(?:[0-3]?\d (?:{_MONTHS})|(?:{_MONTHS}) [0-3]?\d)\b"
# Romanian "la data de 21 septembrie", Italian "in data 21 settembre": English gives the date alone
_THE_DATE_OF = re.compile(
    rf"\b(?P<phrase>(?P<preposition>(?i:on|from|until|till|by|since|before|after)) the date of) (?={_A_DATE})"
)
# Russian "1 июля текущего года", Romanian "a anului curent", Spanish "del año en curso": "this year"
_CURRENT_PERIOD = re.compile(
    rf"(?:\b[0-3]?\d (?:{_MONTHS})|\b(?:{_MONTHS})(?: [0-3]?\d)?) (?P<phrase>(?:of (?:the )?)?current (?P<period>year|month))\b"
)
# Romance "en la noche del 14", Romanian "în noaptea de 14 spre 15", Slavic "в ночь на 15": English
# says "on the night of" a date
_PART_OF_DAY = re.compile(
    rf"\b(?P<phrase>(?P<preposition>[Ii]n) the (?P<part>night|morning|evening|afternoon)) of "
    rf"(?=(?:[0-3]?\d\b|(?:{_MONTHS}) [0-3]?\d\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))"
)
_PREPOSITIONS = r"at|in|by|from|until|till|before|after|since|towards?|during|throughout"
_PARTS = r"beginning|end|start|middle|first half|second half|(?:first|second|third|fourth|last) quarter|rest"
# shorthand that drops the article on purpose: "by end of day", "until end of season", "at end of life"
_SHORTHAND = r"day|business|play|session|shift|year|month|quarter|week|season|term|life|next|this|last"
_PERIOD_WITHOUT_ARTICLE = re.compile(
    rf"\b(?P<preposition>(?i:{_PREPOSITIONS})) (?P<part>{_PARTS}) of\b(?! (?:{_SHORTHAND})\b)"
)
# Romance "los años 90", "gli anni '90", "les années 90", Romanian "anii '90": English says "the 1990s"
_DECADE = re.compile(r"\b(?P<phrase>(?P<the>[Tt]he) years ['’]?(?P<decade>[0-9]0))(?![\w'’.,:-]*\d)(?!['’]?s\b)")
# Central European numeric dates "am 12.3.", "od 12.3.": day, month and a closing dot, the sentence going on
_DOTTED_DATE = re.compile(
    r"\b(?P<preposition>(?i:on|from|until|till|since|by|before|after)) (?P<date>(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.)"
    r"(?= [a-z,]|,)(?! to \d)"
)
_MONTH_NAMES = _MONTHS.split("|")
_YEAR_WORD = re.compile(
    r"\b(?i:in|of|since|until|by|from|for|during|before|after) (?P<year>1[5-9]\d\d|20\d\d)(?P<word> year)(?![\w-])"
    r"(?! (?:on|over|after|to|earlier|ago|before)\b)"
)

MQM_DATE = "Locale convention/Date format"
_BEFORE_A_DATE = re.compile(r"(?:on|for|by|until|till|since|from|before|after|to|between|and|of)\s+$", re.IGNORECASE)


def _day_of_month(text: str, match: re.Match[str]) -> str:
    """ "5 June"; after "the past/next" or "the" with no preposition before it, "on 5 June" ("The past
    14 of February, ..." -> "On 14 February, ...", "published the 14 of March" -> "published on 14 March")."""
    date = f"{match['day']} {match['month']}"
    lead = match["relative"] or ("" if match["preposition"] else match["dayword"])
    if not lead or _BEFORE_A_DATE.search(text[max(0, match.start() - 12) : match.start()]):
        return date
    return ("On " if lead[0].isupper() else "on ") + date


def _prose_matches(context: DetectContext, pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
    """Matches of ``pattern`` in the paragraphs that end like a sentence (not headlines or captions)."""
    for paragraph in context.paragraphs:
        if ends_like_sentence(paragraph.text.rstrip()):
            yield from pattern.finditer(context.text, paragraph.start, paragraph.start + len(paragraph.text))


class DatePhraseDetector(Detector):
    id = "mt.date_phrase"
    version = "7"  # 7: "the years 90", "on 12.3."; 3: "the past/last/next"; 4: "in the night of"; 5: "the date of", "the day 14 of", "current year"; 6: "the 14 of March" alone, "the past month of June"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        text = context.text
        for match in _DAY_OF_MONTH.finditer(text):
            # "the past 14 of February" (Spanish "el pasado 14 de febrero"): the tense says past or next
            relative = match["relative"]
            if not (match["preposition"] or relative or match["dayword"]):
                continue  # "5 of June" alone may be a count ("5 of June's 30 days"); after "the" it is a date
            first = "relative" if relative else "dayword" if match["dayword"] else "day"
            yield self._finding(
                (match.start(first), match.end()),
                "day “of” a month (Slavic genitive '5 июня', Romance 'el 5 de junio'): English writes "
                f"“{match['day']} {match['month']}”, “{match['month']} {match['day']}” or “the … of {match['month']}”",
                _day_of_month(text, match),
                "day_of_month",
                confidence=0.75,
                redundant=f"{relative or ''} {match['dayword'] or ''}".split(),
            )
        for match in _MONTH_OF.finditer(text):
            relative = match["relative"].lower()
            word = "last" if relative in ("past", "last", "previous") else "next"
            phrase = match["phrase"]
            yield self._finding(
                match.span("phrase"),
                f"“{relative} month of {match['month']}” (Spanish 'el pasado mes de junio', Italian 'il prossimo "
                f"mese di giugno'): English says “{word} {match['month']}”",
                cased_like(f"{word} {match['month']}", phrase),
                "month_of",
                redundant=[w for w in ("in", "during", "the", "month", "of") if w in phrase.lower().split()],
            )
        for match in _THE_DATE_OF.finditer(text):
            yield self._finding(
                match.span("phrase"),
                "“the date of” before a date (Romanian 'la data de 21 septembrie', Italian 'in data 21 "
                f"settembre'): English says “{match['preposition'].lower()} 21 September”",
                match["preposition"],
                "the_date_of",
                redundant=["the", "date", "of"],
            )
        for match in _CURRENT_PERIOD.finditer(text):
            period = match["period"]
            yield self._finding(
                match.span("phrase"),
                f"“of the current {period}” after a date (Russian 'текущего года', Romanian 'a anului curent', "
                f"Spanish 'del año en curso'): English says “this {period}”",
                f"this {period}",
                "current_period",
                redundant=["current"],
            )
        for match in _prose_matches(context, _PART_OF_DAY):
            part = match["part"]
            yield self._finding(
                match.span("phrase"),
                f"“in the {part} of” a date (Romance 'en la noche del', Romanian 'în noaptea de', Slavic "
                f"'в ночь на'): English says “on the {part} of”",
                f"{'On' if match['preposition'] == 'In' else 'on'} the {part}",
                "part_of_day",
                mqm="Fluency/Grammar",
            )
        for match in _prose_matches(context, _PERIOD_WITHOUT_ARTICLE):
            part = match["part"]
            yield self._finding(
                match.span(),
                f"“{part.lower()} of” without its article (Slavic 'в начале года', 'na początku roku' have no "
                f"article): English says “{match['preposition'].lower()} the {part.lower()} of”",
                f"{match['preposition']} the {part} of",
                "period_without_article",
                mqm="Fluency/Grammar",
            )
        for match in _DECADE.finditer(text):
            decade = int(match["decade"])
            english = f"{match['the']} 19{decade}s" if decade >= 30 else None  # "the years 20": 1920s or 2020s
            yield self._finding(
                match.span("phrase"),
                "a decade as “the years 90” (Spanish 'los años 90', Italian 'gli anni '90', French 'les années 90', "
                "Romanian 'anii '90'): English says “the 1990s” or “the '90s”",
                english,
                "decade",
                redundant=["years"],
            )
        for match in _DOTTED_DATE.finditer(text):
            day, month = int(match["day"]), int(match["month"])
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            yield self._finding(
                match.span("date"),
                f"a date written “{match['date']}” (German 'am 12.3.', Czech and Polish day.month.): English "
                f"writes the month's name, “{day} {_MONTH_NAMES[month - 1]}”",
                f"{day} {_MONTH_NAMES[month - 1]}",
                "dotted_date",
            )
        for match in _YEAR_WORD.finditer(text):
            yield self._finding(
                (match.start("year"), match.end("word")),
                "a year followed by “year” (Slavic 'в 2019 году', 'w 2019 roku'): English says “in 2019”",
                match["year"],
                "year_word",
                confidence=0.8,
                redundant=["year"],
            )

    def _finding(
        self,
        span: tuple[int, int],
        message: str,
        suggestion: str | None,
        kind: str,
        *,
        confidence: float = 0.7,
        mqm: str = MQM_DATE,
        redundant: list[str] | None = None,
    ) -> Finding:
        """One flag of this family; ``redundant``: the words the suggestion drops that only repeat
        what the date says (the rewrite's deletions guard lets them go)."""
        details: dict[str, object] = {"mqm": mqm, "kind": kind}
        if redundant:
            details["redundant_words"] = redundant
        return Finding(
            category="mt_artefact",
            start=span[0],
            end=span[1],
            message=message,
            detector=self.id,
            confidence=confidence,
            suggestion=suggestion,
            details=details,
        )
