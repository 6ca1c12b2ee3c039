"""Decoding: BOM, UTF-8, detected legacy encodings, and clear errors for what is not text."""

from __future__ import annotations

import pytest

from pipeline.io.decode import DecodeError, decode_bytes

SENTENCE = "The minister’s café — “naïve” plans, he said, cost €5 million."


def test_utf8_is_taken_as_is():
    decoded = decode_bytes(SENTENCE.encode("utf-8"))
    assert decoded.text == SENTENCE
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_decides_the_encoding(encoding):
    decoded = decode_bytes(SENTENCE.encode(encoding))
    assert decoded.text == SENTENCE
    assert decoded.method == "bom"


def test_cp1252_text_is_detected_and_recorded():
    decoded = decode_bytes((SENTENCE + " " + SENTENCE).encode("cp1252"))
    assert decoded.text == SENTENCE + " " + SENTENCE
    assert decoded.encoding == "cp1252"
    assert decoded.method == "detected"


def test_latin1_accents_survive():
    text = "Le président a visité Genève et Zürich en décembre."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_binary_file_becomes_a_decode_error():
    with pytest.raises(DecodeError) as caught:
        decode_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    assert caught.value.kind == "binary"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_document_becomes_a_decode_error(data):
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data)
    assert caught.value.kind == "empty"


def test_utf8_lines_mixed_with_latin1_lines_are_read_as_cp1252_and_repaired_by_normalize():
    from pipeline.config import PipelineConfig
    from pipeline.document import Document
    from pipeline.normalize.stage import NormalizeStage

    utf8_line = "The bakery in Málaga reopened after the strike.\n"
    legacy_line = "Un crème brûlée coûte trois euros à Nîmes.\n"
    decoded = decode_bytes(utf8_line.encode("utf-8") + legacy_line.encode("latin-1"))
    assert (decoded.encoding, decoded.method) == ("cp1252", "mixed")
    assert decoded.text.endswith(legacy_line)  # the legacy half is right as read
    doc = Document("mixed", decoded.text)
    NormalizeStage(PipelineConfig()).process(doc)
    assert doc.cleaned_text == utf8_line + legacy_line  # the UTF-8 half was mojibake that ftfy repairs
