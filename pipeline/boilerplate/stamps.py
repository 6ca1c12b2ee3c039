"""Shapes of page metadata: dates, times, "x minutes ago", reading times, bylines, weather lines.

A scraped page carries its publication date, an update time, a reading time, the author's byline
and, in a site header, the local weather. These are shapes (numbers, month names, labels), so they
are written as patterns of a kind, never as any page's wording.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?i:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s*)"
ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
# A calendar date: ISO, numeric, "March 3[, 2021]", "3rd March[ 2021]", "March 2021".
DATE = (
    rf"(?:{ISO_DATE}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{_WEEKDAY}?(?i:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|{_WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH}),?(?:\s+\d{{4}})?|(?i:{_MONTH})\s+\d{{4}})"
)
# A date with its year (what a glued metadata prefix carries).
_DATED = (
    rf"(?:{ISO_DATE}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{_WEEKDAY}?(?i:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH}),?\s+\d{{4}})"
)
TIME = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[apAP]\.?[mM]\.?)?|\d{1,2}\s*[apAP]\.?[mM]\.?)"
    r"(?:\s*\(?(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|MSK|HKT|SGT|AEST|AEDT|JST)\)?(?:[+-]\d{1,2})?)?"
)
_AGO = r"(?:\d+\s*(?:s|m|h|d|w|mo|y|sec|secs|min|mins|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|just\s+now|yesterday|today)"
_STAMP_LABEL = (
    r"(?:(?:first|originally|last)\s+)?(?:published|posted|updated|modified|created|released|uploaded|date|dated|pubdate)"
    r"(?:\s+(?:on|at))?"
)

# A line that is only a date/time stamp (possibly labelled, possibly with its source or a reading
# time), a reading time alone, a labelled date, or a place followed by a date.
STAMP = re.compile(
    rf"^[\s\-–—|•·]*(?:(?i:{_STAMP_LABEL})\s*[:=]?\s*)?(?:{_WEEKDAY}?(?:{DATE}|{TIME}|(?i:{_AGO})))"
    rf"(?:\s*(?:,|\||/|•|·|-|–|—|at|@)?\s*(?:{TIME}|{DATE}|(?i:{_AGO})|(?i:{_STAMP_LABEL})\s*:?))*"
    rf"(?:\s*[|•·/]\s*(?:\d+\s*min(?:ute)?s?\s*read|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}))?\s*$"
    rf"|^\d+\s*min(?:ute)?s?\s*(?:read|listen|watch)$|^(?i:{_STAMP_LABEL})\s*:.{{0,20}}\d.{{0,40}}$"
    rf"|^(?i:{_STAMP_LABEL})\b.{{0,20}}\d.{{0,40}}(?<![.!?])$"
    rf"|^(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:{DATE})(?:\s*,?\s*(?:at\s+)?{TIME})?$"
)

# A labelled or ISO date glued before the first words of a paragraph (a scraper's metadata field
# left in front of the text), or a URL field.
METADATA_PREFIX = re.compile(
    rf"^\s*(?:(?i:url|link|source)\s*[:=]?\s*https?://\S+\s+"
    rf"|(?:(?i:{_STAMP_LABEL})\s*[:=]?\s*{_DATED}|{ISO_DATE})(?:\s*,?\s*(?:at\s+)?{TIME})?\s*(?:[|•·]\s*)?)(?=\S)"
)

# "By Jane Doe", "By Jane Doe | Agency", "Written by ...": a byline on a line of its own.
_NAME = r"[A-Z][\w'’.\-]*"
BYLINE = re.compile(
    rf"^(?:(?i:by|written\s+by|reported\s+by|words\s+by|story\s+by|compiled\s+by|edited\s+by|author|posted\s+by|photos?\s+by)\s*:?\s+)"
    rf"{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&|\||-|–|—)\s*[\w.’'\-:/ ]{{1,40}})*$"
)

# A weather widget: a temperature, alone or with a condition or a place ("18°C Cloudy").
WEATHER = re.compile(
    r"^(?:[\w .,'-]{0,40}\s)?-?\d{1,3}\s*°\s*[CF]?(?:\s+[\w .,'/-]{0,40})?$|^-?\d{1,3}\s*°[CF]?$", re.IGNORECASE
)
