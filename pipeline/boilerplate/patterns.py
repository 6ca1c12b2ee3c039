"""Vocabularies and patterns of web-page furniture, by kind (widgets, interface, credits, dates).

These describe *categories* of scraped text that appear on news sites in general: share and follow
widgets, "read more" teasers, copyright footers, interface labels, photo-agency credits, date and
time stamps. They are deliberately about page furniture, never about any article's wording.
"""

from __future__ import annotations

import re

# A whole line that is nothing but a widget, teaser label or footer.
WIDGET_LINE = re.compile(
    r"""^(?:
        source\ link | original\ (?:article|source) | read\ (?:more|also|next|the\ full\ story)(?:\ stories)?
      | read\ the\ (?:original|full)\ (?:article|story|report) | (?:https?://|www\.)\S+
      | (?:also|continue)\ reading | continue\ reading\ (?:below|the\ main\ story)
      | share(?:\ (?:this|the))?(?:\ (?:article|story|page|post))?(?:\ (?:on|via)\ [\w ,]+)?
      | (?:tweet|email|e-mail|print|save|copy\ link|whatsapp|facebook|twitter|linkedin|telegram|pinterest)(?:\s*[|/·•,]\s*(?:tweet|email|e-mail|print|save|copy\ link|whatsapp|facebook|twitter|linkedin|telegram|pinterest))*
      | \d+\ comments? | comments? | view\ comments | show\ comments | leave\ a\ comment | add\ comment
      | advertisement | advertising | sponsored(?:\ content)? | ad | paid\ content
      | story\ continues\ below(?:\ advertisement)? | scroll\ (?:down\ )?to\ continue(?:\ reading)?
      | skip\ to\ (?:main\ )?content | back\ to\ top | load\ more | see\ more | show\ more
      | follow(?:\ us)?(?:\ on\ [\w ,&]+)? | like\ us\ on\ facebook
      | subscribe(?:\ now|\ today|\ here)? | sign\ up(?:\ now|\ here)? | log\ ?in | sign\ in | register
      | click\ here.* | tap\ here.*
      | related(?:\ (?:articles?|stories|news|topics|content|coverage))? | more\ (?:from|on|about)\ [\w ]{1,30}
      | recommended(?:\ for\ you)? | trending(?:\ now)? | most\ (?:read|popular|viewed|shared)
      | top\ stories | latest\ (?:news|stories|updates) | editor'?s\ picks?
      | listen\ to\ (?:this\ )?(?:article|story) | play\ video | watch(?:\ (?:video|live|now))? | photo\ gallery
      | open\ in\ app | download\ (?:the|our)\ app | get\ the\ app
      | (?:image|photo|video)\ (?:source|caption|credit)s?
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in) | related\ posts? | like\ this | loading(?:\.\.\.|…)?
      | print\ friendly.* | leave\ a\ (?:reply|comment).* | (?:next|previous)\ (?:article|post|story)
      | (?:tags|topics|categories|category|keywords)\s*[:|]\s*.{1,80} | (?:filed\ under|posted\ in)\s*:?\s+[\w&\ ]{1,40}
      | our\ standards\s*:.{0,80}
      | (?:terms\ of\ (?:use|service)|privacy\ policy|cookie\ policy|contact\ us|about\ us)(?:\s*[|•·]\s*[\w\ &]{1,30})*
    )\s*[:.!»>\-–—|\\/]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# "Read more: <headline>", "RELATED: <headline>": a teaser label followed by a linked headline.
TEASER_PREFIX = re.compile(
    r"^(?:read\ (?:more|also|next)|also\ read|see\ also|related(?:\ (?:article|story|news))?|recommended"
    r"|watch|listen|more|video|photos?|gallery|in\ pictures|live(?:\ updates|\ blog)?|further\ reading"
    r"|more\ on\ this(?:\ story|\ topic)?|don'?t\ miss|must\ read|trending|top\ story|editor'?s\ pick)\s*[:|»>\-–—]\s*\S",
    re.IGNORECASE | re.VERBOSE,
)

# Calls to action and page notices, which may be full sentences ("We use cookies to ...").
INTERFACE_PHRASE = re.compile(
    r"\b(?:cookies?\b.{0,40}\b(?:experience|consent|accept|browsing|site|website)|enable\s+javascript|javascript\s+(?:is\s+)?(?:disabled|required)"
    r"|your\s+browser|opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)|your\s+email\s+address\s+will\s+not\s+be\s+published"
    r"|(?:join|follow)\s+(?:us|our)\b.{0,40}\b(?:channel|group|page|telegram|whatsapp|facebook|twitter|instagram|google\s+news)"
    r"|(?:sign\s+up|subscribe)\b.{0,40}\b(?:newsletter|updates|inbox|alerts)|delivered\s+(?:straight\s+)?to\s+your\s+inbox"
    r"|download\s+(?:the|our)\b.{0,30}\bapp|click\s+(?:here|to\s+(?:share|read|view|subscribe))"
    r"|not\s+been\s+edited\s+by\b.{0,60}\bstaff|auto-generated\s+from\s+a\s+syndicated\s+feed"
    r"|^disclaimer\s*:|views\s+expressed\b.{0,60}\b(?:author|writer)'?s?\s+own)",
    re.IGNORECASE,
)

COPYRIGHT = re.compile(r"(?:©|\(c\)\s*\d{4}|\bcopyright\b\s*(?:©\s*)?\d{4}|\ball rights reserved\b)", re.IGNORECASE)

# Words that make up page-interface text ("Change location while loading article actions").
STRONG_INTERFACE_WORDS = frozenset(
    """loading loaded actions article articles click tap cookie cookies newsletter newsletters subscribe
    subscription subscribers login logout signup sign-in toggle menu navigation scroll popup widget
    bookmark bookmarks notifications settings preferences paywall javascript browser enable download
    comments comment share shares sharing advertisement sponsored autoplay playlist fullscreen clipboard
    caption captions accessibility enlarge collapse expand gift reuse font""".split()
)
WEAK_INTERFACE_WORDS = frozenset(
    """change location page site website app account log sign register email print save copy link links
    follow like video play watch gallery image images photo photos view show hide more less next previous
    back top home search close open continue read listen audio section sections topics tags latest
    trending popular related stories story manage update edit options select choose accept reject
    free trial premium unlock access member members login here now skip size text help error report all
    add hide min mins minutes content""".split()
)

# Photo credits: "Name Surname / Agency via Getty Images", "Photo: Name/AFP", "(AP Photo/Name)".
_NAME = r"[A-Z][\w'’\-]*\.?"  # a full stop only at the end (initials): "Kato.Maria" is two words
PHOTO_AGENCY_WORDS = frozenset(
    """getty images reuters afp ap epa efe epa-efe anadolu agency press photo photos pool shutterstock
    sipa bloomberg tass sputnik xinhua zuma alamy nurphoto associated imago dpa ansa ria novosti
    kyodo yonhap picture-alliance bildbyran abaca wire""".split()
)
CREDIT_AT_END = re.compile(
    rf"(?P<credit>(?:\(?(?:Photo|Image|Picture|Photograph|Credit|Pictured)s?\s*(?:by|:|credit:?)\s*)?"
    rf"(?:{_NAME}\s+){{0,3}}{_NAME}\s*/\s*(?:{_NAME}\s*){{1,4}}(?:(?:via|for)\s+(?:{_NAME}\s*){{1,3}})?\)?)\s*$"
)
VIA_AGENCY_AT_END = re.compile(
    rf"(?P<credit>(?:{_NAME}\s+){{0,4}}(?:{_NAME}\s+)?via\s+(?:Getty\s+Images|Reuters|AP|AFP|EPA|Shutterstock|Bloomberg)\)?)\s*$"
)
# "... near Kharkiv. Photo: Reuters": a labelled credit after the caption's last sentence.
LABELLED_CREDIT_AT_END = re.compile(
    r"(?<=[.!?”])\s*(?P<credit>\(?(?:Photo|Image|Picture|Photograph|Credit|File\s+photo)s?\s*(?:by|:)\s*[^.!?]{2,60}?\)?)\s*$",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(
    r"^\(?(?:Photo|Image|Picture|Photograph|Credit|Pictured|Foto)s?\s*(?:by|:|credit:?)\s*\S.{0,80}$", re.IGNORECASE
)

# Source trailers: attribution that may be kept, but is not body text.
SOURCE_TRAILER = re.compile(
    r"^(?:(?:source|sources|via|courtesy(?:\s+of)?)\s*:\s*\S.{0,60}|\(?with\s+inputs?\s+from\s+[\w ,&]{2,40}\)?\.?)$",
    re.IGNORECASE,
)
# Wire-copy credits that belong to the story: reporter and editor credits, a bare agency tag.
STORY_CREDIT = re.compile(
    r"^\(?(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)\s+by\b[^()]{2,160}"
    r"|(?-i:[A-Z]{2,6}(?:\s*[/,]\s*[A-Z]{2,6})*)|reuters|bloomberg|xinhua|interfax|ukrinform)\)?\.?$"
    r"|\bcontributed(?:\s+to\s+this\s+(?:report|story))?\.?$",
    re.IGNORECASE,
)

# Dates and times in the shapes scraped page metadata uses.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s*)"
ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
DATE = (
    rf"(?:{ISO_DATE}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{_WEEKDAY}?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
)
TIME = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[apAP]\.?[mM]\.?)?|\d{1,2}\s*[apAP]\.?[mM]\.?)"
    r"(?:\s*(?:ET|EST|EDT|CT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|MSK|JST)(?:[+-]\d{1,2})?)?"
)
META_LABEL = r"(?:date|dated|published|posted|updated|last\s+updated|modified|time|pubdate|first\s+published)"
# " date 2022-04-26 " glued before the first sentence: a labelled date, or an ISO date, then text.
METADATA_PREFIX = re.compile(
    rf"^\s*(?:(?i:url|link|source)\s*[:=]?\s*https?://\S+\s+"
    rf"|(?:(?i:{META_LABEL})(?:\s+on)?\s*[:=]?\s*{DATE}|{ISO_DATE})(?:\s*,?\s*(?:at\s+)?{TIME})?\s*(?:[|•·]\s*)?)(?=\S)"
)
# A line that is only a date stamp, a reading time, or a labelled date.
METADATA_LINE = re.compile(
    rf"^(?:(?i:{META_LABEL})(?:\s+(?i:on))?\s*[:=]?\s*)?{_WEEKDAY}?(?:{DATE}|{TIME})(?:\s*(?:,|\||•|·|-|–|at)?\s*(?:{TIME}|{DATE}))*"
    rf"(?:\s*[|•·]\s*\d+\s*min(?:ute)?s?\s*read)?$"
    rf"|^\d+\s*min(?:ute)?s?\s*(?:read|listen)$"
    rf"|^(?i:{META_LABEL})\s*:\s*.{{0,40}}\d.{{0,20}}$",
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline on a line of its own.
BYLINE = re.compile(
    rf"^(?:By|(?:Written|Reported|Story|Words|Compiled|Edited)\s+by|Author:)\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*(?:\s*[|,]\s*[\w .]+)?$"
)

# Breadcrumb navigation: "Home > World > Europe", "Home / News", or glued "HomeBreaking News".
BREADCRUMB_LINE = re.compile(r"^(?:Home|Homepage|Start|Main)\s*(?:[>»›|/]\s*[\w&' \-]{1,30}){1,6}\s*[>»›|/]?\s*$")
GLUED_HOME = re.compile(r"^(?:Home|Homepage)(?=[A-Z])")
