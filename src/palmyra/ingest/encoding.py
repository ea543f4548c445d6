"""Turn file bytes into text, or say clearly why they are not text.

Syrian-war corpora mix UTF-8 web dumps, Windows-1252 exports, Latin-1 CSVs
(FA-KES ``fakes.csv``), UTF-16 files saved by office tools and Arabic pages in
Windows-1256, so decoding tries the unambiguous signals first (BOM, valid
UTF-8) and only then guesses.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from palmyra.errors import InputError

# How much of a file the binary and UTF-16 sniffers look at.
SNIFF_BYTES = 8192
# How much of a non-UTF-8 file charset-normalizer reads to guess its code page.
DETECT_BYTES = 64 * 1024
# Share of control bytes above which a BOM-less, NUL-free file is not text.
MAX_CONTROL_RATIO = 0.10
# Share of NUL bytes at one parity that marks BOM-less UTF-16.
UTF16_NUL_RATIO = 0.30
# Share of letters outside the Latin blocks above which a detected code page
# for another script (Arabic cp1256, Cyrillic cp1251 ...) is trusted.
MIN_OTHER_SCRIPT_SHARE = 0.5
_LAST_LATIN = 0x24F

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes/characters that do not occur in text (tab, newlines, form feed and ESC do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode a whole file (or record payload) to text with ``\\n`` line ends.

    Args:
        data (bytes): the raw bytes.
        path (str): named in the error when the bytes are not text.
        declared (str | None): a charset the container declared (HTTP header,
            HTML meta); tried after BOMs and before guessing.

    Returns:
        str: the text, with ``\\r\\n`` and ``\\r`` turned into ``\\n`` as Python's
        text mode does, so every reader yields the same offsets for the same article.

    Raises:
        InputError: "empty file" or "binary file, not text".
    """
    if not data.strip():
        raise InputError(path, "empty file")
    text = _decode(data, path, declared)
    if not text.strip():
        raise InputError(path, "empty file")
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL_CHARS.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        # e.g. binary data that happened to pass as BOM-less UTF-16
        raise InputError(path, "binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: str, declared: str | None) -> str:
    marked = _marked_codec(data[:SNIFF_BYTES], path)
    if marked:
        return _strict(data, marked, path)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess_single_byte(data)


def file_codec(path: str) -> str:
    """The codec ``decode_bytes`` would choose for a whole file, without holding the file.

    Streamed readers (a multi-gigabyte CSV) must decode the same characters, hence
    the same offsets and document ids, as a file read whole: so the choice is the
    same, made by reading the file once per candidate codec in chunks instead of
    decoding it in memory. Raises ``InputError`` as ``decode_bytes`` does.
    """
    with open(path, "rb") as stream:
        head = stream.read(DETECT_BYTES)
    if not head.strip() and _blank(path):
        raise InputError(path, "empty file")
    codec = _marked_codec(head[:SNIFF_BYTES], path)
    if codec:
        if not _decodes(path, codec):
            raise InputError(path, f"binary file, not text (invalid {codec})")
    elif _decodes(path, "utf-8"):
        codec = "utf-8"
    else:
        codec = _single_byte_codec(head, path)
    text = head.decode(codec, errors="ignore")  # the head may end inside a character
    if not text.strip() and _blank(path, codec):
        raise InputError(path, "empty file")
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL_CHARS.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        raise InputError(path, "binary file, not text")
    return codec


def _marked_codec(sample: bytes, path: str) -> str | None:
    """The codec a BOM or UTF-16's NUL pattern names; raises on binary data; else None."""
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec
    utf16 = _bomless_utf16(sample)
    if utf16:
        return utf16
    if looks_binary(sample):
        raise InputError(path, "binary file, not text")
    return None


def _single_byte_codec(head: bytes, path: str) -> str:
    """``_guess_single_byte``'s choice for a file, checked over the whole file."""
    best = charset_normalizer.from_bytes(head).best()
    if best is not None and _other_script(str(best)) and _decodes(path, best.encoding):
        return best.encoding
    return "cp1252" if _decodes(path, "cp1252") else "latin-1"


def _decodes(path: str, codec: str, chunk: int = 1 << 20) -> bool:
    """Whether the whole file decodes under ``codec``, read in chunks."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        with open(path, "rb") as stream:
            while block := stream.read(chunk):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _blank(path: str, codec: str | None = None, chunk: int = 1 << 20) -> bool:
    """Whether the file holds only white space (its bytes, or its text under ``codec``)."""
    decoder = codecs.getincrementaldecoder(codec)(errors="ignore") if codec else None
    with open(path, "rb") as stream:
        while block := stream.read(chunk):
            if (decoder.decode(block) if decoder else block).strip():
                return False
    return True


def _other_script(text: str) -> bool:
    """Whether most letters of a text lie outside the Latin blocks (Arabic, Cyrillic ...)."""
    letters = [c for c in text if c.isalpha()]
    other = sum(ord(c) > _LAST_LATIN for c in letters)
    return bool(letters) and other / len(letters) >= MIN_OTHER_SCRIPT_SHARE


def looks_binary(sample: bytes) -> bool:
    """True when a sample has NUL bytes or too many control bytes to be text."""
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > MAX_CONTROL_RATIO * max(len(sample), 1)


def _bomless_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit at one byte parity, as in ASCII-range UTF-16."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > UTF16_NUL_RATIO and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > UTF16_NUL_RATIO and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(path, f"binary file, not text (invalid {codec}: {err.reason})") from err


def _guess_single_byte(data: bytes) -> str:
    """Decode non-UTF-8 bytes: a non-Latin script codec if detected, else cp1252/latin-1.

    charset-normalizer is reliable at telling Arabic or Cyrillic code pages
    apart, but on short Western text it picks look-alikes (cp1250, mac_latin2)
    that garble accents; for Latin script, Windows-1252 is what such files
    are in practice, and Latin-1 decodes the bytes cp1252 leaves undefined.
    """
    best = charset_normalizer.from_bytes(data[:DETECT_BYTES]).best()
    if best is not None and _other_script(str(best)):
        try:
            return data.decode(best.encoding)
        except UnicodeDecodeError:
            pass  # the sample misled the detector; fall back to the Western code pages
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def human_size(n: int) -> str:
    """A byte count as users read it in messages: "52.4 MB", "12 KB", "100 bytes"."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
