"""Bytes to text, refusing what is not text with a reason a person can act on."""

from __future__ import annotations

import codecs

# A story larger than this is a dump or an accident, not a story; spaCy's own
# limit is 1,000,000 characters per document.
MAX_STORY_CHARS = 1_000_000


class InputError(ValueError):
    """An input that cannot be read; the message says why (the caller names the input)."""


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and control / len(sample) > 0.05


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse binary data."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}") from exc
    if _looks_binary(data):
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
