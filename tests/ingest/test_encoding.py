"""Decoding file bytes: BOMs, UTF-16, legacy code pages, binary and empty files."""

from __future__ import annotations

import codecs

import pytest

from palmyra.errors import InputError
from palmyra.ingest.encoding import decode_bytes, human_size

SAMPLE = "The army’s “victory” in Deir ez-Zor – café owners returned…"
ARABIC = "قالت وكالة الأنباء السورية إن الجيش استعاد السيطرة على المدينة بعد معارك عنيفة"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), SAMPLE),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
        (SAMPLE.encode("utf-16"), SAMPLE),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
        (
            "Plain UTF-16 without a byte order mark".encode("utf-16-le"),
            "Plain UTF-16 without a byte order mark",
        ),
        (
            "Plain UTF-16 big endian, no mark".encode("utf-16-be"),
            "Plain UTF-16 big endian, no mark",
        ),
        (SAMPLE.encode("cp1252"), SAMPLE),
        ("Le général a visité Alep.".encode("latin-1") + b"\x81", "Le général a visité Alep.\x81"),
        ("Déjà vu à Damas, ça va.".encode("latin-1"), "Déjà vu à Damas, ça va."),
        (ARABIC.encode("cp1256"), ARABIC),
        (b"line one\r\nline two\rline three\n", "line one\nline two\nline three\n"),
    ],
)
def test_encoding_decodes(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "a.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (bytes(range(0, 32)) * 20, "binary file, not text"),
    ],
)
def test_encoding_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(data, "bad.txt")
    assert err.value.reason == reason
    assert str(err.value) == f"bad.txt: {reason}"


def test_encoding_declared_charset_wins_over_guessing() -> None:
    text = "Ça s’est passé à Alep"
    assert decode_bytes(text.encode("cp1252"), "p.html", declared="windows-1252") == text


def test_encoding_wrong_declaration_is_ignored() -> None:
    assert decode_bytes("naïve".encode(), "p.html", declared="no-such-codec") == "naïve"


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (100, "100 bytes"),
        (2048, "2 KB"),
        (50 * 1024 * 1024, "50 MB"),
        (int(52.4 * 1024 * 1024), "52.4 MB"),
    ],
)
def test_encoding_human_size(size: int, expected: str) -> None:
    assert human_size(size) == expected
