"""Bytes to text: BOM, then strict UTF-8, then a detected legacy encoding.

Order matters: UTF-8 that decodes strictly is almost never anything else, and a detector guessing
on valid UTF-8 is the classic source of invented mojibake. Only when UTF-8 fails do we ask
charset-normalizer, and whatever it picks is recorded in the report so an editor can challenge it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text files; a share of them marks a binary file.
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, empty, or no plausible encoding)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    confidence: float
    method: str  # "bom", "utf-8", "detected" or "mixed" (UTF-8 and legacy lines, read as cp1252)

    def as_report(self) -> dict[str, object]:
        return {"detected": self.encoding, "confidence": round(self.confidence, 3), "method": self.method}


def looks_binary(data: bytes, sample_size: int = 8192) -> bool:
    """NUL bytes or many control bytes in the first block: what `file` and git also look at."""
    sample = data[:sample_size]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _BINARY_BYTES)
    return controls / len(sample) > 0.05


# Legacy encodings English news actually arrives in, in order of preference. charset-normalizer
# often scores cp1250 and cp1252 the same on English text; the tie goes to these.
PREFERRED_LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "mac_roman")

# A well-formed multi-byte UTF-8 sequence (lead byte and its continuation bytes)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_bytes(data: bytes, preferred: tuple[str, ...] = PREFERRED_LEGACY_ENCODINGS) -> DecodedText:
    """Decode one document's bytes, or raise :class:`DecodeError` saying why not."""
    if not data.strip():
        raise DecodeError("empty", "the document is empty" if not data else "the document holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    "encoding", f"byte-order mark says {encoding} but the bytes do not decode: {exc}"
                ) from exc
            return DecodedText(text.lstrip("\ufeff"), encoding.replace("-sig", ""), 1.0, "bom")
    if looks_binary(data):
        raise DecodeError("binary", "the document looks like binary data (NUL or control bytes), not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", 1.0, "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data, preferred)


def _detect_legacy(data: bytes, preferred: tuple[str, ...]) -> DecodedText:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("encoding", "not UTF-8 and no legacy encoding fits the bytes")
    best = matches[0]
    # charset-normalizer reports "chaos" (0 = clean); turn it into a confidence
    confidence = max(0.0, 1.0 - float(best.chaos))
    near_best = [m for m in matches if m.chaos <= best.chaos + 0.01]
    for encoding in preferred:
        if any(encoding in m.could_be_from_charset for m in near_best):
            try:
                return DecodedText(data.decode(encoding), encoding, confidence, "detected")
            except UnicodeDecodeError:
                continue
    if _UTF8_SEQUENCE.search(data):
        # UTF-8 lines mixed with legacy ones (text pasted together from two sources): charset-normalizer
        # then picks an exotic code page that turns both into the wrong letters ("Zürich" read as
        # iso8859_10 gives "ZÞrich"). Read as cp1252, the UTF-8 parts are ordinary mojibake that the
        # normalize stage (ftfy) repairs as explained edits, and the legacy parts are right.
        try:
            return DecodedText(data.decode("cp1252"), "cp1252", confidence, "mixed")
        except UnicodeDecodeError:
            pass
    return DecodedText(str(best), best.encoding, confidence, "detected")
