"""Finding the article body in a page's lines: the densest run of prose, extended while not furniture.

The core is the contiguous run of lines with the largest total weight, where a prose line weighs
its number of words and every other line costs ``penalty`` (Finn et al.'s Body Text Extraction, on
lines instead of tags). Context decides what counts as prose, as in jusText's revision step: a
prose line with no prose neighbour that reads as a teaser (a single sentence, an excerpt cut with an
ellipsis, a summary next to a date stamp, or inside a "Related"/"Comments" section) counts for
nothing; ad labels, captions and embeds between paragraphs are transparent; a repeated paragraph
counts once. From both ends of the core, lines are added while they are not furniture (a list, a
closing line, a lead-in that belongs to the article).
"""

from __future__ import annotations

from pipeline.boilerplate.features import Line


def transparent(line: Line) -> bool:
    """Lines that interrupt an article without ending it: ad labels and widgets, captions, embeds."""
    short = line.strong and line.words <= 6
    return bool(line.embed) or (short and (line.unmistakable or line.furniture in ("interface", "metadata")))


def _supported(lines: list[Line], k: int) -> bool:
    """Has prose line ``k`` a prose neighbour (looking past interruptions)?

    Two excerpts cut with an ellipsis do not support each other (a list of teasers).
    """
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(lines) and transparent(lines[j]):
            j += step
        if 0 <= j < len(lines) and lines[j].prose and not (lines[k].truncated and lines[j].truncated):
            return True
    return False


def weigh(lines: list[Line], penalty: float) -> None:
    """Weights for the core: words for prose, ``-penalty`` for other lines, nothing for interruptions.

    A prose line with no prose neighbour that reads as a teaser counts for nothing: a single sentence,
    an excerpt cut with an ellipsis, a summary within two lines of a date stamp or byline (a teaser
    list: headline, stamp, summary), or a line inside a section opened by a "Related"/"Comments"
    header. Supported prose closes such a section, except a comments section that opens after the
    article has begun. A repeated line counts for nothing; a line seen on many documents of the run
    is not prose (see :func:`pipeline.boilerplate.decide.classify`).
    """
    section: str | None = None
    sticky = False
    counted = 0  # prose lines counted so far
    for k, line in enumerate(lines):
        if line.section:
            section = line.section
            # comments come after the article: once an article has been read, a comments section
            # holds until another section header (a "Comments" link in the share bar at the top does not)
            sticky = section == "comments" and counted >= 3
        if line.prose:
            supported = _supported(lines, k)
            if supported and not (section and sticky):
                section = None
            stamped = any(
                lines[j].furniture == "header" for j in range(max(0, k - 2), min(len(lines), k + 3)) if j != k
            )
            if not supported and (line.sentences == 1 or stamped or section or line.truncated):
                line.teaser = True
                line.weight = 0.0
            elif section and sticky:
                line.weight = 0.0
            else:
                line.weight = 0.0 if line.repeat else float(line.words)
                counted += 1
        elif transparent(line) or line.repeat:
            line.weight = 0.0
        else:
            line.weight = -penalty


def _core(lines: list[Line]) -> tuple[int, int] | None:
    """The maximum-weight contiguous run of lines (indices into ``lines``), or None without prose."""
    best, span = 0.0, None
    run, start = 0.0, 0
    for k, line in enumerate(lines):
        if run <= 0:
            run, start = 0.0, k
        run += line.weight
        if run > best:
            best, span = run, (start, k)
    if span is None:
        return None
    s, e = span
    while lines[s].weight <= 0:
        s += 1
    return s, e


def stops(line: Line) -> bool:
    """Does this line end the walk outwards from the core?"""
    return bool(line.furniture or line.nav or line.section or line.run_repeat)


def find_body(lines: list[Line], min_stop: float) -> tuple[int, int] | None:
    """First and last line (indices into ``lines``) of the article body, or None without prose.

    ``min_stop``: the stop-word density of prose (what reads as a sentence beyond an interruption).
    """
    span = _core(lines)
    if span is None:
        return None
    s, e = span
    return _extend(lines, s, -1, min_stop), _extend(lines, e, 1, min_stop)


def _extend(lines: list[Line], k: int, step: int, min_stop: float) -> int:
    """Walk from line ``k`` in direction ``step`` while lines are not furniture. An interruption (an
    ad label, a caption, an embed) is stepped over only when a sentence, or the page's first line
    (its headline), lies beyond it."""
    while 0 <= k + step < len(lines):
        j = k + step
        if stops(lines[j]):
            while 0 <= j < len(lines) and transparent(lines[j]):
                j += step
            beyond = 0 <= j < len(lines) and j != k + step and not stops(lines[j])
            sentence = beyond and lines[j].terminal and lines[j].stop_density >= min_stop
            if not (sentence or (beyond and j == 0)):
                break
        k = j
    return k


def teaser_blocks(lines: list[Line], body: tuple[int, int]) -> set[int]:
    """Inside the body: a related-section header (or a widget label ending in a colon, "More:") with at
    least two headline-like lines under it, up to the next prose line."""
    out: set[int] = set()
    s, e = body
    for k in range(s, e + 1):
        opener = lines[k].section == "related" or (lines[k].furniture == "interface" and lines[k].text.endswith(":"))
        if not opener:
            continue
        j = k + 1
        block = [k]
        while j <= e and not lines[j].prose and not lines[j].terminal and 3 <= lines[j].words <= 20:
            block.append(j)
            j += 1
        if len(block) >= 3 and (j > e or lines[j].prose):
            out.update(block)
    return out
