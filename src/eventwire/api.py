"""The REST API and the dashboard: one FastAPI app over one event store.

`create_app(db_path, token)` builds the app; `eventwire serve` runs it. Reading
endpoints are open; writing (storing coded stories) needs the bearer token the
server was started with. Every request is bounded before it reaches a handler
(body size, query-string length, known parameters), every value reaches SQL as
a parameter (see `eventwire.store.queries`), and a rejected request changes
nothing: checks run before any coding or writing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from eventwire import __version__
from eventwire.events.cameo import load_cameo_codebook
from eventwire.ingest.clean import clean_body
from eventwire.ingest.decode import MAX_STORY_CHARS
from eventwire.ingest.html import extract_html
from eventwire.model import Article, CodedArticle, Quote
from eventwire.store import queries
from eventwire.store.articles import article_view
from eventwire.store.duckdb import EventStore
from eventwire.store.queries import EventQuery, QueryError

if TYPE_CHECKING:
    from eventwire.pipeline import Coder

__all__ = ["MAX_BODY_BYTES", "MAX_QUERY_STRING_BYTES", "TOKEN_ENV", "create_app", "web_directory"]

TOKEN_ENV = "EVENTWIRE_API_TOKEN"
# A story is at most MAX_STORY_CHARS characters; its JSON body, with escapes and
# the other fields, fits in this many bytes.
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_QUERY_STRING_BYTES = 4096
_ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"
_WEB_PACKAGE = ("eventwire", "web")

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


# -- request bounds ------------------------------------------------------------------


class _RequestBounds:
    """ASGI middleware: refuse oversized bodies (413) and query strings (414) up front.

    The body is counted as it arrives too, so a client that lies about (or omits)
    Content-Length is cut off at the limit rather than buffered whole.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING_BYTES:
            message = f"query string is over {MAX_QUERY_STRING_BYTES} bytes"
            await _send_error(send, 414, message)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _send_error(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.max_body_bytes:
                await _send_error(send, 413, self._too_large(int(declared)))
                return
        received = 0
        limit = self.max_body_bytes

        async def bounded_receive() -> Any:
            nonlocal received
            message = await receive()
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(received, limit)
            return message

        try:
            await self.app(scope, bounded_receive, send)
        except _BodyTooLarge as exc:
            await _send_error(send, 413, str(exc.detail))

    def _too_large(self, size: int) -> str:
        return f"request body is {size:,}+ bytes, over the {self.max_body_bytes:,}-byte limit"


class _BodyTooLarge(HTTPException):
    # An HTTPException, so that FastAPI's body reader passes it on as a 413
    # instead of turning it into a generic "error parsing the body".
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(413, f"request body is {size:,}+ bytes, over the {limit:,}-byte limit")
        self.size = size


async def _send_error(send: Callable[[Any], Awaitable[None]], status: int, message: str) -> None:
    response = JSONResponse({"error": message, "status": status}, status_code=status)
    await response({"type": "http"}, _no_body, send)


async def _no_body() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


_DASHBOARD_POLICY = (
    b"default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
)


class _SecurityHeaders:
    """ASGI middleware: the dashboard may load nothing from anywhere but this server
    (no CDN, no tracking); /docs is left out, FastAPI's docs page loads its own scripts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        guarded = not str(scope.get("path", "")).startswith(("/docs", "/redoc"))

        async def send_with_headers(message: Any) -> None:
            if message.get("type") == "http.response.start":
                headers = list(message.get("headers") or [])
                headers.append((b"x-content-type-options", b"nosniff"))
                if guarded:
                    headers.append((b"content-security-policy", _DASHBOARD_POLICY))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- state ---------------------------------------------------------------------------


@dataclass
class _AppState:
    """What one app holds: the store, the token, and the coder loaded on first use."""

    store: EventStore
    token: str | None
    coder_loader: Callable[[], Coder]
    coder: Coder | None = None
    # One story is coded at a time (spaCy pipelines are not shared across threads),
    # and one article is written at a time (the store's connection is shared).
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def loaded_coder(self) -> Coder:
        if self.coder is None:
            self.coder = self.coder_loader()
        return self.coder

    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # One cursor per request: DuckDB connections are not shared between threads.
        cursor = queries.connection_of(self.store).cursor()
        try:
            yield cursor
        finally:
            cursor.close()


def _state(request: Request) -> _AppState:
    state: _AppState = request.app.state.eventwire
    return state


def _reader(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    yield from _state(request).reader()


Reader = Annotated[duckdb.DuckDBPyConnection, Depends(_reader)]


def _check_token(state: _AppState, authorization: str | None) -> None:
    if state.token is None:
        raise HTTPException(
            403,
            "this server accepts no writes: start it with --token or "
            f"{TOKEN_ENV} to enable storing",
        )
    if not authorization:
        raise HTTPException(
            401,
            "missing bearer token: send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), state.token.encode("utf-8")
    ):
        raise HTTPException(
            401,
            "invalid bearer token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )


# -- parameters ----------------------------------------------------------------------


def _date_param(value: str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} {value[:40]!r} is not a date in the form YYYY-MM-DD") from None


def _optional(max_length: int, description: str) -> Any:
    return Query(max_length=max_length, description=description)


OptionalText = str | None


def event_filters(
    actor: Annotated[
        OptionalText, _optional(40, "Actor or country code, either side (VENGOV)")
    ] = None,
    source: Annotated[OptionalText, _optional(40, "Source actor or country code")] = None,
    target: Annotated[OptionalText, _optional(40, "Target actor or country code")] = None,
    cameo: Annotated[OptionalText, _optional(4, "CAMEO code or two-digit root (04, 0312)")] = None,
    plover: Annotated[OptionalText, _optional(20, "PLOVER event type (AGREE, ...)")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4")] = None,
    since: Annotated[OptionalText, _optional(10, "First day, YYYY-MM-DD")] = None,
    until: Annotated[OptionalText, _optional(10, "Last day, YYYY-MM-DD")] = None,
    place: Annotated[OptionalText, _optional(100, "Location name (case-insensitive)")] = None,
    bbox: Annotated[OptionalText, _optional(100, "min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[
        OptionalText, _optional(queries.MAX_TEXT_QUERY_CHARS, "Words in the sentence")
    ] = None,
    background: Annotated[bool, Query(description="Include background events")] = True,
) -> EventQuery:
    """The event filters shared by the search and the aggregate endpoints."""
    codebook = load_cameo_codebook()
    return EventQuery(
        actor=queries.check_actor_code(actor, "actor") if actor else None,
        source=queries.check_actor_code(source, "source") if source else None,
        target=queries.check_actor_code(target, "target") if target else None,
        cameo=queries.check_cameo_code(cameo, codebook) if cameo else None,
        plover=queries.check_plover_type(plover, codebook) if plover else None,
        quad_class=quad_class,
        since=_date_param(since, "since"),
        until=_date_param(until, "until"),
        place=place.strip() or None if place else None,
        bbox=queries.parse_bbox(bbox) if bbox else None,
        text=q.strip() or None if q else None,
        include_background=background,
    )


Filters = Annotated[EventQuery, Depends(event_filters)]
IntervalParam = Annotated[
    Literal["day", "week", "month", "year"], Query(description="Bucket size of the series")
]


def _query_names(dependant: Any) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _reject_unknown_parameters(request: Request) -> None:
    """A misspelt filter would silently widen the search; say so instead."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    unknown = sorted(set(request.query_params) - _query_names(dependant))
    if unknown:
        known = ", ".join(sorted(_query_names(dependant))) or "none"
        raise QueryError(f"unknown query parameter(s) {', '.join(unknown)}; known: {known}")


# -- coding --------------------------------------------------------------------------


class CodeRequest(BaseModel):
    """A story to code: `text` or `html`, with what is known about it."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, pattern=_ARTICLE_ID_PATTERN, description="Default: a hash")
    text: str | None = Field(None, max_length=MAX_STORY_CHARS, description="Plain text")
    html: str | None = Field(None, max_length=MAX_STORY_CHARS * 2, description="An HTML page")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    store: bool = Field(False, description="Store the coded article (needs the bearer token)")


def _article_from_request(body: CodeRequest) -> Article:
    if (body.text is None) == (body.html is None):
        raise QueryError('give exactly one of "text" or "html"')
    raw = body.text if body.text is not None else str(body.html)
    title, date, url, source = body.title, body.date, body.url, body.source
    text = raw
    if body.html is not None:
        text, html_title, html_date, html_url, site = extract_html(raw)
        title, date = title or html_title, date or html_date
        url, source = url or html_url, source or site
    if len(text) > MAX_STORY_CHARS:
        raise QueryError(f"story is {len(text):,} characters, over the {MAX_STORY_CHARS:,} limit")
    cleaned = clean_body(text, title=title, year=date.year if date else None)
    if not cleaned.text.strip():
        raise QueryError("empty story: no text left after cleaning")
    if date is None and cleaned.dateline is not None:
        date = cleaned.dateline.date
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
    return Article(
        id=body.id or f"api-{digest}",
        text=cleaned.text,
        title=cleaned.title,
        date=date,
        url=url,
        source=source,
        dateline=cleaned.dateline,
        input_name="POST /v1/code",
    )


def _quote_record(quote: Quote) -> dict[str, Any]:
    record = asdict(quote)
    record["speaker"] = quote.speaker.to_record() if quote.speaker else None
    return record


def _coded_response(coded: CodedArticle, stored: str | None) -> dict[str, Any]:
    return {
        "article_id": coded.article.id,
        "date": coded.article.date.isoformat() if coded.article.date else None,
        "events": [event.to_record() for event in coded.events],
        "quotes": [_quote_record(quote) for quote in coded.quotes],
        "stored": stored,
    }


# -- the app -------------------------------------------------------------------------


def web_directory() -> Path:
    """The dashboard's static files, shipped inside the package."""
    return Path(str(resources.files(_WEB_PACKAGE[0]).joinpath(_WEB_PACKAGE[1])))


def _load_default_coder() -> Coder:
    # Imported here: the pipeline pulls in spaCy, which a read-only server never needs.
    from eventwire.pipeline import Coder

    return Coder.load()


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    coder: Coder | None = None,
    coder_loader: Callable[[], Coder] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The API and dashboard over the store at `db_path` (created when missing).

    `token` enables the writing endpoints (an empty string counts as none).
    `coder` is used as given; otherwise `coder_loader` runs once, on the first
    story to code.
    """
    store = EventStore(db_path)
    state = _AppState(
        store=store,
        token=token or None,
        coder_loader=coder_loader or _load_default_coder,
        coder=coder,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political event data coded from news stories (CAMEO, PLOVER), "
        "with the sentence that proves each event.",
        lifespan=lifespan,
        dependencies=[Depends(_reject_unknown_parameters)],
    )
    app.state.eventwire = state
    _error_handlers(app)
    _routes(app)
    app.mount("/", StaticFiles(directory=web_directory(), html=True), name="dashboard")
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(_RequestBounds, max_body_bytes=max_body_bytes)
    return app


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"error": str(exc), "status": 400}, status_code=400)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail), "status": exc.status_code},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
            problems.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
        return JSONResponse(
            {"error": "; ".join(problems) or "invalid request", "status": 422}, status_code=422
        )


def _json(content: Any) -> JSONResponse:
    # Returning a response skips FastAPI's generic encoder, which costs more than
    # the query for a page of nested event records; the content is plain JSON already.
    return JSONResponse(content)


def _routes(app: FastAPI) -> None:
    @app.get("/v1/health", tags=["meta"])
    def health(con: Reader) -> JSONResponse:
        """Liveness, version and what the store holds."""
        return _json({"status": "ok", "version": __version__, **queries.store_summary(con)})

    @app.get("/v1/codes", tags=["meta"])
    def codes() -> JSONResponse:
        """The CAMEO roots, PLOVER types and quad classes the filters accept."""
        codebook = load_cameo_codebook()
        return _json(
            {
                "cameo_roots": [
                    {"code": code.code, "label": code.label, "quad_class": code.quad_class}
                    for code in codebook
                    if len(code.code) == 2
                ],
                "plover_types": sorted({code.plover.type for code in codebook}),
                "quad_classes": {
                    1: "Verbal cooperation",
                    2: "Material cooperation",
                    3: "Verbal conflict",
                    4: "Material conflict",
                },
            }
        )

    @app.get("/v1/events", tags=["events"])
    def events(
        con: Reader,
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = queries.DEFAULT_PAGE_SIZE,
        cursor: Annotated[OptionalText, _optional(1024, "next_cursor of the page before")] = None,
    ) -> JSONResponse:
        """Event records matching the filters, newest first, one page at a time."""
        return _json(queries.search_events(con, filters, limit, cursor).to_dict())

    @app.get("/v1/dyads", tags=["events"])
    def dyads(
        con: Reader,
        filters: Filters,
        a: Annotated[str, Query(max_length=40, description="One actor or country code")],
        b: Annotated[str, Query(max_length=40, description="The other actor or country code")],
        interval: IntervalParam = "week",
    ) -> JSONResponse:
        """Events between a and b (both directions) per period: counts and Goldstein sums."""
        return _json(queries.dyad_series(con, a, b, interval, filters).to_dict())

    @app.get("/v1/articles/{article_id:path}", tags=["articles"])
    def article(con: Reader, article_id: str) -> JSONResponse:
        """A stored article: text, sentences, events, quotes, and spans to highlight."""
        if len(article_id) > 200:
            raise QueryError("article id is over 200 characters")
        view = article_view(con, article_id)
        if view is None:
            raise HTTPException(404, f"no article with id {article_id!r} in the store")
        return _json(view.to_dict())

    @app.get("/v1/stats/timeline", tags=["aggregates"])
    def timeline(con: Reader, filters: Filters, interval: IntervalParam = "month") -> JSONResponse:
        """Matching events per period, by quad class."""
        buckets = queries.timeline(con, filters, interval)
        return _json({"interval": interval, "buckets": [asdict(bucket) for bucket in buckets]})

    @app.get("/v1/stats/network", tags=["aggregates"])
    def network(
        con: Reader,
        filters: Filters,
        max_edges: Annotated[int, Query(ge=1, le=queries.MAX_NETWORK_EDGES)] = 60,
        level: Literal["code", "country"] = "code",
    ) -> JSONResponse:
        """The most frequent directed actor pairs among matching events."""
        edges = queries.actor_network(con, filters, max_edges, level)
        return _json({"edges": [asdict(edge) for edge in edges]})

    @app.get("/v1/stats/places", tags=["aggregates"])
    def places(
        con: Reader,
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PLACES)] = 300,
    ) -> JSONResponse:
        """Matching events grouped by place (only located events)."""
        return _json({"places": [asdict(p) for p in queries.place_counts(con, filters, limit)]})

    @app.get("/v1/stats/actors", tags=["aggregates"])
    def actors(
        con: Reader,
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_ACTORS)] = 100,
    ) -> JSONResponse:
        """Actor and country codes by how many matching events they take part in."""
        return _json({"actors": [asdict(a) for a in queries.top_actors(con, filters, limit)]})

    @app.post("/v1/code", tags=["coding"])
    def code(
        request: Request,
        body: CodeRequest,
        authorization: Annotated[str | None, Header(max_length=500)] = None,
    ) -> JSONResponse:
        """Code one story (text or HTML) into events and quotes; store it when asked.

        Storing needs `Authorization: Bearer <token>`; the token is checked and the
        story validated before anything is coded or written.
        """
        state = _state(request)
        if body.store:
            _check_token(state, authorization)
        article = _article_from_request(body)
        with state.coder_lock:
            coded = state.loaded_coder().code_one(article)
        stored = None
        if body.store:
            with state.write_lock:
                stored = state.store.store(coded)
        return _json(_coded_response(coded, stored))
