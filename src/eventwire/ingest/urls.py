"""Canonical URLs and source domains, so one story has one URL whoever linked it."""

from __future__ import annotations

from functools import cache
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Hosts that are the same site as the name without them ("www.reuters.com", "m.bbc.co.uk").
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.")


@cache
def tracking_parameters() -> tuple[frozenset[str], tuple[str, ...]]:
    """(exact names, prefixes) of the query parameters in data/ingest_tracking_params.txt."""
    source = resources.files("eventwire.data").joinpath("ingest_tracking_params.txt")
    exact: set[str] = set()
    prefixes: list[str] = []
    for line in source.read_text("utf-8").splitlines():
        name = line.strip().lower()
        if not name or name.startswith("#"):
            continue
        if name.endswith("*"):
            prefixes.append(name[:-1])
        else:
            exact.add(name)
    return frozenset(exact), tuple(prefixes)


def _is_tracking(name: str) -> bool:
    exact, prefixes = tracking_parameters()
    lowered = name.lower()
    return lowered in exact or lowered.startswith(prefixes)


def canonical_url(url: str | None) -> str | None:
    """The URL with scheme and host lower-cased, default port, fragment and tracking removed.

    None for what is not an http(s) URL. Paths are kept as written: servers
    treat case in paths as meaningful.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, query, ""))


def same_story_url(url: str | None) -> str | None:
    """A key under which http/https, www./m. and a trailing slash name the same page."""
    canonical = canonical_url(url)
    if canonical is None:
        return None
    parts = urlsplit(canonical)
    return f"{source_domain(canonical)}{parts.path.rstrip('/')}?{parts.query}"


def source_domain(url: str | None) -> str | None:
    """The site a story came from: the URL's host without `www.`, `m.` or `amp.`."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix) :]
    return host
