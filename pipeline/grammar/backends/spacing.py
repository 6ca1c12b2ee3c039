"""Our own spacing rule: a space before ``, . : ; ! ?`` that ends a clause ("August 31 :").

Machine translation from French and scraped captions leave these; neither lingotweaker nor Harper
flags a space before a colon, and LanguageTool only sometimes does. The rule is a regular
expression over plain text, so it is merged into every plan at no measurable cost.
"""

from __future__ import annotations

import re

from pipeline.grammar.backends.base import GrammarBackend
from pipeline.grammar.match import GrammarMatch

# a word (or closing quote/bracket, digit, %) then spaces then a mark that ends a clause
_SPACE_BEFORE = re.compile(r"(?<=[\w”’\")\]%])[ \t\u00a0]+([,.:;!?])(?=\s|$|[”’\"])")


class SpacingBackend(GrammarBackend):
    name = "postedit"

    def version(self) -> str:
        return "1"

    def settings(self) -> dict[str, str]:
        return {"backend": self.name, "version": self.version()}

    def check(self, text: str) -> list[GrammarMatch]:
        matches = []
        for m in _SPACE_BEFORE.finditer(text):
            mark = m.group(1)
            if mark == "." and text[m.end() : m.end() + 2].startswith((".", " .")):
                continue  # a spaced ellipsis " . . ."
            matches.append(
                GrammarMatch(
                    m.start(),
                    m.end(),
                    "POSTEDIT_SPACE_BEFORE_PUNCTUATION",
                    f"Remove the space before “{mark}”.",
                    (mark,),
                    "TYPOGRAPHY",
                    "whitespace",
                    self.name,
                )
            )
        return matches
