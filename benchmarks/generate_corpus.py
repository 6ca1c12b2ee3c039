"""Generate a varied, news-like corpus for benchmarks: ``python -m benchmarks.generate_corpus OUT``.

Every document is assembled from a seeded RNG: sentence templates filled with names, places,
organisations, numbers and dates; paragraphs of varying length; scraped boilerplate lines (menus,
cookie notices, share prompts, bylines) at random places; and the damage the pipeline exists to
repair (mojibake, glued words, broken sentences, MT calques, doubled words, stray spaces). No two
documents are copies, so caches and deduplication cannot make a benchmark look faster than it is.
The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PEOPLE = [
    "Maria Lopez",
    "Olena Kovalenko",
    "Ahmed Haddad",
    "Li Wei",
    "Jean Dupont",
    "Sofia Rossi",
    "Kwame Mensah",
    "Anna Schmidt",
    "Carlos Mendes",
    "Yuki Tanaka",
    "Fatima Zahra",
    "Piotr Nowak",
    "Ingrid Larsen",
    "Ravi Patel",
]
ROLES = [
    "the finance minister",
    "a spokesperson for the ministry",
    "the mayor",
    "the union leader",
    "an analyst at a Kyiv bank",
    "the council's finance chair",
    "the foreign minister",
    "a senior diplomat",
    "the company's chief executive",
]
PLACES = [
    "Kyiv",
    "Geneva",
    "Lisbon",
    "Warsaw",
    "Nairobi",
    "Madrid",
    "Osaka",
    "Marseille",
    "Accra",
    "Krakow",
    "Porto",
    "Lviv",
]
ORGS = [
    "the International Red Cross",
    "the European Commission",
    "the central bank",
    "the city council",
    "the World Bank",
    "the national railway company",
    "the health ministry",
    "the United Nations",
    "the port authority",
]
TOPICS = [
    "budget talks",
    "the energy agreement",
    "grain exports",
    "the new rail line",
    "wage negotiations",
    "the reconstruction plan",
    "water prices",
    "the housing programme",
    "fishing quotas",
    "the vaccine rollout",
]
VERBS = ["said", "told reporters", "announced", "confirmed", "warned", "stressed", "added"]
DAYS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "over the weekend",
    "last week",
    "earlier this month",
]
TEMPLATES = [
    "{person}, {role}, {verb} {day} that {topic} would resume in {place}.",
    "Officials in {place} and {place2} met for {n} hours to discuss {topic}.",
    "{org} {verb} that {topic} had cost about {money} million euros so far.",
    "Prices in {place} rose by {pct} percent in the {ordinal} quarter, {org} {verb}.",
    "“We will not give up on {topic},” {person} {verb} {day}.",
    "According to {org}, {n} people were affected in {place} alone.",
    "The agreement, signed in {place} {day}, covers {topic} until {year}.",
    "{person} {verb} that the talks with {org} were “difficult but useful”.",
    "Critics in {place} {verb} the plan was {adj} and came too late.",
    "A vote on {topic} is expected {day}, {role} {verb}.",
    "More than {n} residents of {place} signed a petition against {topic}.",
    "{org} has {n} staff in {place} and plans to hire {n2} more by {year}.",
]
ADJECTIVES = ["too modest", "unrealistic", "overdue", "badly explained", "expensive", "a step forward"]
BOILERPLATE = [
    "Share this article",
    "Read more: {topic} in {place}",
    "Home | World | Business | Sport | Culture",
    "We use cookies to improve your experience. Accept all",
    "Subscribe to our newsletter",
    "Advertisement",
    "Photo: {person} / Reuters",
    "Follow us on Facebook and Twitter",
    "Related articles",
    "© {year} All rights reserved",
    "By {person} | {day_title}, {n}:{minute:02d}",
    "Sign up for breaking news alerts",
]
CALQUES = [
    ("the International Red Cross", "the Cross Red International"),
    ("could lose", "could loose"),
    ("over the hills. They had", "over the hills They had"),
    ("the press conference", "the conference of press"),
]
MOJIBAKE_WORDS = ["café", "déjà", "naïve", "Zürich", "São Paulo", "résumé", "Kraków"]


def make_sentence(rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    return rng.choice(TEMPLATES).format(
        person=rng.choice(PEOPLE),
        role=rng.choice(ROLES),
        verb=rng.choice(VERBS),
        day=rng.choice(DAYS),
        topic=rng.choice(TOPICS),
        place=place,
        place2=place2,
        org=rng.choice(ORGS),
        n=rng.randint(2, 950),
        n2=rng.randint(2, 300),
        money=rng.randint(3, 900),
        pct=round(rng.uniform(0.2, 14.9), 1),
        ordinal=rng.choice(["first", "second", "third", "fourth"]),
        year=rng.randint(2025, 2031),
        adj=rng.choice(ADJECTIVES),
    )


def damage(sentence: str, rng: random.Random) -> str:
    """Inject one kind of damage the pipeline is meant to find."""
    kind = rng.choice(["mojibake", "glued", "calque", "double", "space", "lowercase_start", "mojibake_quote"])
    if kind == "mojibake":
        word = rng.choice(MOJIBAKE_WORDS)
        return sentence.rstrip(".") + f" near the {word.encode('utf-8').decode('cp1252', errors='replace')}."
    if kind == "mojibake_quote":
        return (
            sentence.replace("“", "â€œ").replace("”", "â€\x9d")
            if "“" in sentence
            else sentence.replace(" that ", " that â€œ", 1)
        )
    if kind == "glued":
        words = sentence.split(" ")
        if len(words) > 4:
            at = rng.randrange(1, len(words) - 1)
            words[at] = words[at] + words.pop(at + 1)
        return " ".join(words)
    if kind == "calque":
        right, wrong = rng.choice(CALQUES)
        return sentence.rstrip(".") + f", and {wrong} was mentioned."
    if kind == "double":
        words = sentence.split(" ")
        at = rng.randrange(len(words))
        words.insert(at, words[at])
        return " ".join(words)
    if kind == "space":
        return sentence.replace(",", " ,", 1).replace(".", " .", 1) if "," in sentence else sentence[:-1] + " ."
    return sentence[0].lower() + sentence[1:]


def make_document(rng: random.Random, target_words: int, damage_rate: float) -> str:
    lines: list[str] = []
    if rng.random() < 0.6:
        lines.append(_boilerplate(rng))
    words = 0
    while words < target_words:
        paragraph = []
        for _ in range(rng.randint(1, 5)):
            sentence = make_sentence(rng)
            if rng.random() < damage_rate:
                sentence = damage(sentence, rng)
            paragraph.append(sentence)
            words += len(sentence.split())
        text = " ".join(paragraph)
        if rng.random() < 0.08:  # a sentence broken across lines by the scraper
            cut = text.find(" ", len(text) // 2)
            text = text[:cut] + "\n" + text[cut + 1 :] if cut > 0 else text
        lines.append(text)
        if rng.random() < 0.15:
            lines.append(_boilerplate(rng))
    if rng.random() < 0.7:
        lines.append(_boilerplate(rng))
    return "\n\n".join(lines) + "\n"


def _boilerplate(rng: random.Random) -> str:
    return rng.choice(BOILERPLATE).format(
        topic=rng.choice(TOPICS),
        place=rng.choice(PLACES),
        person=rng.choice(PEOPLE),
        year=rng.randint(2020, 2026),
        day_title=rng.choice(["Monday", "Tuesday", "Friday"]),
        n=rng.randint(0, 23),
        minute=rng.randint(0, 59),
    )


def generate(
    out: Path, documents: int, words: int, seed: int = 1, damage_rate: float = 0.2, jsonl: bool = False
) -> Path:
    """Write ``documents`` files of about ``words`` words each (or one JSONL file) under ``out``."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    if jsonl:
        path = out / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for index in range(documents):
                text = make_document(rng, int(words * rng.uniform(0.6, 1.4)), damage_rate)
                handle.write(json.dumps({"id": f"doc{index:05d}", "text": text}, ensure_ascii=False) + "\n")
        return path
    for index in range(documents):
        text = make_document(rng, int(words * rng.uniform(0.6, 1.4)), damage_rate)
        (out / f"doc{index:05d}.txt").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--words", type=int, default=300, help="average words per document")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--damage-rate", type=float, default=0.2, help="share of sentences with injected damage")
    parser.add_argument("--jsonl", action="store_true", help="one corpus.jsonl instead of one file per document")
    args = parser.parse_args()
    path = generate(args.out, args.documents, args.words, args.seed, args.damage_rate, args.jsonl)
    print(f"wrote {args.documents} documents to {path}")


if __name__ == "__main__":
    main()
