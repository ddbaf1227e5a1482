"""Bytes to text: gzip with a cap, binary refused, encodings detected.

Everything here refuses bad bytes with an `InputError` whose message says why
in words a person can act on; the caller adds the input's name.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from dataclasses import dataclass

import charset_normalizer

# A story larger than this is a dump or an accident, not a story; spaCy's own
# limit is 1,000,000 characters per document.
MAX_STORY_CHARS = 1_000_000
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


class InputError(ValueError):
    """An input that cannot be read; the message says why (the caller names the input)."""


@dataclass(frozen=True, slots=True)
class IngestLimits:
    """How much a reader accepts before it quarantines an input instead of reading it.

    `max_file_bytes` bounds a file on disk, `max_expanded_bytes` what a .gz may
    expand to (a gzip bomb stops there), `max_page_bytes` an HTML page handed to
    the extractor once scripts and styles are out (a 50 MB page is a dump).
    """

    max_file_bytes: int = 512 * 1024 * 1024
    max_expanded_bytes: int = 256 * 1024 * 1024
    max_page_bytes: int = 8 * 1024 * 1024
    max_story_chars: int = MAX_STORY_CHARS


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Expand gzip data (all members, as .warc.gz and concatenated .gz have) up to `limit` bytes.

    Refuses with a reason when the data would expand past the cap, so that a
    gzip bomb costs at most `limit` bytes of memory, or when it is corrupt.
    """
    out = bytearray()
    rest = data
    try:
        while rest:
            inflater = zlib.decompressobj(wbits=31)
            chunk = inflater.decompress(rest, limit + 1 - len(out))
            out += chunk
            while not inflater.eof and len(out) <= limit:
                if inflater.unconsumed_tail:
                    chunk = inflater.decompress(inflater.unconsumed_tail, limit + 1 - len(out))
                else:
                    chunk = inflater.flush()
                    out += chunk
                    if not inflater.eof:
                        raise InputError("truncated gzip data (the stream ends mid-member)")
                    break
                out += chunk
            if len(out) > limit:
                raise InputError(
                    f"gzip data expands past the {_megabytes(limit)} cap "
                    "(a gzip bomb or a dump; the rest was not expanded)"
                )
            rest = inflater.unused_data
            # Padding after the last member is common (tar-like tools write it).
            if rest and not rest.startswith(GZIP_MAGIC):
                break
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data ({exc})") from exc
    return bytes(out)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: NULs or many control bytes."""
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return bool(sample) and control / len(sample) > 0.05


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,40})""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag within its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to NFC text: BOM, then UTF-8, then the declared charset, then detection.

    `declared` is what the container says (an HTTP Content-Type, a meta tag).
    Bytes that are (nearly all) valid UTF-8 are UTF-8 whatever a page declares:
    multi-byte sequences do not happen by chance in other encodings, and pages
    that declare one charset and are written in another are common. A
    declaration that does not decode is ignored rather than trusted; binary data
    and bytes that no encoding explains are refused. Text is NFC-normalised so
    that "ü" is one character whichever way the page wrote it.
    """
    return unicodedata.normalize("NFC", _decode(data, declared))


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 127) - broken
    return text if multibyte >= 4 * broken else None


def _decode(data: bytes, declared: str | None) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}") from exc
    if looks_binary(data):
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    codec = _known_codec(declared)
    if codec is not None and codec != "utf-8":
        try:
            # Pages that declare latin-1 are nearly always cp1252 (the HTML standard says so).
            return data.decode("cp1252" if codec == "iso8859-1" else codec)
        except UnicodeDecodeError:
            pass
    nearly = _mostly_utf8(data)
    if nearly is not None:
        return nearly
    encoding = _detected_encoding(data[:262144])
    if encoding is None:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}) and no other encoding explains it"
        )
    return data.decode(encoding, "replace")


def _detected_encoding(data: bytes) -> str | None:
    """charset-normalizer's pick, with ties and guesses without evidence going to cp1252.

    cp1252 is what undeclared non-UTF-8 Western pages nearly always are (the
    WHATWG default); a short text gives the detector no language evidence, and
    among equally clean candidates it would otherwise pick an arbitrary one.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    clean = [match for match in matches if match.chaos == least_chaos]
    best_coherence = max(match.coherence for match in clean)
    best = [match.encoding for match in clean if match.coherence == best_coherence]
    if "cp1252" in best or best_coherence == 0.0:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best[0]
