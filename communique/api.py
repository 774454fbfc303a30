"""The HTTP API and the web page: ``communique serve`` runs ``create_app`` under uvicorn.

Read endpoints answer from a DuckDB cursor of their own (one per request, so requests run
side by side); ``POST /api/documents`` ingests and needs ``Authorization: Bearer $COMMUNIQUE_TOKEN``.
Every parameter is validated (bad ones are 422 with a message) and every query is
parameterised. The page at ``/`` and its scripts come from the installed packages: no CDN.
"""

import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, field_validator

from . import __version__, analysis
from .ingest import ingest_items
from .lock import StoreLocked, WriterLock
from .model import PLOVER_TYPES, Article
from .read import MAX_DOC_CHARS
from .store import Store, db_path

WEB = Path(__file__).parent / "web"
MAX_LIMIT = 1000
MAX_OFFSET = 10**9
MAX_POST_DOCUMENTS = 100
MAX_POST_BYTES = 64 * 1024 * 1024
# Free text in a query: no control characters (a NUL has no business in a name).
TEXT = r"^[^\x00-\x1f\x7f]*$"

PloverType = StrEnum("PloverType", {t: t for t in PLOVER_TYPES})


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Level(StrEnum):
    country = "country"
    actor = "actor"


def _text(description: str, max_length: int = 100) -> Any:
    return Query(description=description, min_length=1, max_length=max_length, pattern=TEXT)


class EventFilters:
    """The filters of ``communique events`` as query parameters, for the counting endpoints
    (negated and hypothetical events left out unless asked)."""

    def __init__(
        self,
        actor: Annotated[str | None, _text("Actor code (AZE, UN), name (Aliyev) or key.")] = None,
        recipient: Annotated[str | None, _text("Recipient code, name or key.")] = None,
        type: Annotated[PloverType | None, Query(description="PLOVER event type.")] = None,
        since: Annotated[date | None, Query(description="Events on or after this day (YYYY-MM-DD).")] = None,
        until: Annotated[date | None, Query(description="Events on or before this day (YYYY-MM-DD).")] = None,
        include_negated: Annotated[bool, Query(description="Count events the text says did not happen.")] = False,
        include_hypothetical: Annotated[bool, Query(description="Count hypothetical events.")] = False,
    ):
        if since and until and since > until:
            raise HTTPException(422, f"since ({since}) is after until ({until})")
        self.values = {"actor": actor, "recipient": recipient, "type": type.value if type else None,
                       "since": since, "until": until, "include_negated": include_negated,
                       "include_hypothetical": include_hypothetical}


class Page:
    def __init__(self, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
                 offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0):
        self.limit, self.offset = limit, offset

    def wrap(self, total: int, items: list) -> dict:
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}


class ResponseCache:
    """ASGI middleware answering repeated ``GET /api/...`` requests from memory.

    Sound because the cache is emptied whenever the store's files change (an ingest by another
    process: ``signature`` is their size and modification time) and around every write through
    this server (a POST). A GET that overlaps a write is not kept (its snapshot may be older).
    """

    MAX_BODY = 256 * 1024

    def __init__(self, app, size: int = 512, signature=lambda: None):
        self.app, self.size, self.signature = app, size, signature
        self.entries: OrderedDict[str, tuple[list, bytes]] = OrderedDict()
        self.generation = 0
        self.seen = signature()
        self.lock = threading.Lock()

    def clear(self) -> None:
        with self.lock:
            self.generation += 1
            self.entries.clear()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.size <= 0 or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        if scope["method"] != "GET":
            self.clear()
            try:
                return await self.app(scope, receive, send)
            finally:
                self.clear()
        key = scope["path"] + "?" + scope["query_string"].decode("latin-1")
        now = self.signature()
        if now != self.seen:  # another process wrote to the store
            self.clear()
            self.seen = now
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
            generation = self.generation
        if hit is not None:
            await send({"type": "http.response.start", "status": 200, "headers": [*hit[0], (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": hit[1]})
            return
        start, chunks = {}, []

        async def keep(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    body = b"".join(chunks)
                    with self.lock:
                        if generation == self.generation and len(body) <= self.MAX_BODY:
                            self.entries[key] = (list(start.get("headers", [])), body)
                            while len(self.entries) > self.size:
                                self.entries.popitem(last=False)
            await send(message)

        await self.app(scope, receive, keep)


class DocumentIn(BaseModel):
    """One article to ingest, as a line of a ``.jsonl`` corpus file."""

    id: str = Field(min_length=1, max_length=200, pattern=TEXT)
    date: str = Field(description="Publication date, YYYY-MM-DD.", pattern=r"^\d{4}-\d{2}-\d{2}$")
    text: str = Field(min_length=1, max_length=MAX_DOC_CHARS)
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)

    @field_validator("date")
    @classmethod
    def _real_day(cls, value: str) -> str:
        date.fromisoformat(value)  # ValueError -> 422 "not a valid date"
        return value

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    def article(self) -> Article:
        return Article(self.id, date.fromisoformat(self.date), self.text, self.title, self.url, self.source,
                       origin=f"POST /api/documents ({self.id})")


class DocumentsIn(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_POST_DOCUMENTS)


def _file_signature(path: Path) -> tuple:
    """Size and modification time of the store and its write-ahead log: they change with every write."""
    out = []
    for f in (path, Path(f"{path}.wal")):
        try:
            st = f.stat()
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def create_app(db: str | os.PathLike | None = None, token: str | None = None, cache_size: int = 512) -> FastAPI:
    """The API over one store. With a ``token`` (default ``$COMMUNIQUE_TOKEN``) the store is opened for
    writing (created if missing) and ``POST /api/documents`` accepts that bearer token; without one the
    store is opened read-only and every POST is refused (403). ``cache_size`` GET answers are kept in
    memory (0: none)."""
    token = (token if token is not None else os.environ.get("COMMUNIQUE_TOKEN")) or None  # "" is no token
    path = db_path(db)
    # With a token the server is the store's writer and keeps it open. Without one it opens the store
    # per request, so a `communique ingest` can write between requests (readers keep working).
    store = Store(path) if token is not None else None
    if store is None:
        Store(path, read_only=True).close()  # a missing store is an error now, not on the first request
    write_lock = threading.Lock()
    templates = Jinja2Templates(directory=WEB / "templates")
    bearer = HTTPBearer(auto_error=False, description="COMMUNIQUE_TOKEN of the server")

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if store is not None:
            store.close()  # the file is free for other processes (an ingest, `communique check`) once we stop

    app = FastAPI(title="communique", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Events (PLOVER), quotes and actors from dated news articles, each tied to "
                              "the sentence it came from.")
    app.add_middleware(ResponseCache, size=cache_size, signature=lambda: _file_signature(path))
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    def reader() -> Iterator[Store]:
        cur = store.cursor() if store is not None else Store(path, read_only=True)
        try:
            yield cur
        finally:
            cur.close()

    Reader = Annotated[Store, Depends(reader)]
    Filters = Annotated[EventFilters, Depends()]
    Paging = Annotated[Page, Depends()]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, s: Reader) -> HTMLResponse:
        return templates.TemplateResponse(request, "index.html", {
            "stats": s.stats(), "types": PLOVER_TYPES, "periods": [p.value for p in Period], "version": __version__})

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        # plotly.js as the plotly package ships it: the page works offline.
        path = resources.files("plotly") / "package_data" / "plotly.min.js"
        return FileResponse(str(path), media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    @app.get("/api/stats", tags=["store"])
    def stats(s: Reader) -> dict:
        """Counts of documents, events, quotes and actors."""
        return s.stats()

    @app.get("/api/events", tags=["events"])
    def events(
        s: Reader, page: Paging,
        actor: Annotated[str | None, _text("Actor code (AZE, UN), name (Aliyev) or key.")] = None,
        recipient: Annotated[str | None, _text("Recipient code, name or key.")] = None,
        type: Annotated[PloverType | None, Query(description="PLOVER event type.")] = None,
        since: Annotated[date | None, Query(description="Events on or after this day.")] = None,
        until: Annotated[date | None, Query(description="Events on or before this day.")] = None,
        include_negated: Annotated[bool, Query(description="List events the text says did not happen "
                                                           "(each is marked negated).")] = True,
        include_hypothetical: Annotated[bool, Query(description="List hypothetical events.")] = True,
        dyad: Annotated[str | None, Query(description="Two sides, 'AZE,USA': events between them.",
                                          max_length=201, pattern=r"^[^,\x00-\x1f\x7f]+,[^,\x00-\x1f\x7f]+$")] = None,
        directed: Annotated[bool, Query(description="With dyad: only the first acting on the second.")] = False,
    ) -> dict:
        """Events as ``communique events --format json`` prints them, a page at a time.

        A listing marks each event ``negated`` and its ``aux`` modes, so negated and hypothetical
        events are listed unless ``include_negated=false`` / ``include_hypothetical=false``.
        """
        if since and until and since > until:
            raise HTTPException(422, f"since ({since}) is after until ({until})")
        pair = tuple(x.strip() for x in dyad.split(",")) if dyad else None
        if pair and not all(pair):
            raise HTTPException(422, "dyad needs two non-empty sides: 'AZE,USA'")
        f = {"actor": actor, "recipient": recipient, "type": type.value if type else None, "since": since,
             "until": until, "include_negated": include_negated, "include_hypothetical": include_hypothetical,
             "dyad": pair, "directed": directed}
        return page.wrap(s.count_events(**f), s.events(**f, limit=page.limit, offset=page.offset))

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(s: Reader, event_id: Annotated[str, _path_id()]) -> dict:
        """One event with all its mentions."""
        found = s.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return found

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(s: Reader, page: Paging,
               speaker: Annotated[str | None, _text("Speaker name, country code, description or key.")] = None
               ) -> dict:
        """Quotes with their speakers, in document order."""
        return page.wrap(s.count_quotes(speaker), s.quotes(speaker, page.limit, page.offset))

    @app.get("/api/speakers", tags=["quotes"])
    def speakers(s: Reader, limit: Annotated[int, Query(ge=1, le=100)] = 10,
                 per_speaker: Annotated[int, Query(ge=0, le=50)] = 3) -> list[dict]:
        """The most quoted speakers, each with their top quotes (direct ones first)."""
        return analysis.top_quotes(s, limit, per_speaker)

    @app.get("/api/actors", tags=["actors"])
    def actors(s: Reader, page: Paging,
               country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,4}$", description="Country code.")] = None
               ) -> dict:
        """Actors, most events first."""
        return page.wrap(s.count_actors(country), s.actors(country, page.limit, page.offset))

    @app.get("/api/actors/top", tags=["actors"])
    def top_actors(s: Reader, filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10) -> list[dict]:
        """The actors in most events with these filters."""
        return analysis.top_actors(s, limit, **filters.values)

    @app.get("/api/documents", tags=["documents"])
    def documents(s: Reader, page: Paging) -> dict:
        """Stored documents without their text, newest first."""
        return page.wrap(s.count_documents(), s.documents(page.limit, page.offset))

    @app.get("/api/documents/{ident}", tags=["documents"])
    def document(s: Reader, ident: Annotated[str, _path_id()]) -> dict:
        """One document (by hash or id) with its text and the character spans of its events' evidence,
        quotes and time expressions."""
        found = s.document(ident)
        if found is None:
            raise HTTPException(404, f"no document {ident!r}")
        return found

    def writer(request: Request,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        # A dependency, so a request without the token is refused before its body is even read.
        if credentials is None:
            raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        if token is None:
            raise HTTPException(403, "ingest is disabled: the server was started without COMMUNIQUE_TOKEN")
        if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(403, "wrong token")
        size = request.headers.get("content-length", "")
        if size.isdigit() and int(size) > MAX_POST_BYTES:
            raise HTTPException(413, f"request body over {MAX_POST_BYTES} bytes: send fewer documents at a time")

    @app.post("/api/documents", tags=["documents"], status_code=201, dependencies=[Depends(writer)])
    def add_documents(body: DocumentIn | DocumentsIn) -> dict:
        """Ingest one article or ``{"documents": [...]}`` (at most 100); needs the bearer token."""
        docs = body.documents if isinstance(body, DocumentsIn) else [body]
        try:
            with write_lock, WriterLock(store.path):  # one writer; readers go on from their own cursors
                w = store.cursor()
                try:
                    summary = ingest_items(w, [d.article() for d in docs])
                finally:
                    w.close()
        except StoreLocked as exc:
            raise HTTPException(409, str(exc)) from exc
        return summary.as_dict()

    @app.get("/api/dyads", tags=["analysis"])
    def dyads(s: Reader, filters: Filters,
              a: Annotated[str, Query(min_length=1, max_length=100, pattern=TEXT, description="One side: AZE.")],
              b: Annotated[str, Query(min_length=1, max_length=100, pattern=TEXT, description="Other side: USA.")],
              by: Annotated[Period, Query(description="Period of each point.")] = Period.month,
              directed: Annotated[bool, Query(description="Only A acting on B.")] = False) -> dict:
        """Events between A and B per period: counts per quad class and PLOVER type, summed PLOVER score."""
        series = analysis.dyad_series(s, a, b, by.value, directed, **filters.values)
        return {"a": a, "b": b, "by": by.value, "directed": directed, "series": series}

    @app.get("/api/network", tags=["analysis"])
    def network(s: Reader, filters: Filters, level: Level = Level.country,
                min_weight: Annotated[int, Query(ge=1, le=10**6)] = 1) -> dict:
        """Who engages whom: nodes and weighted edges (actor to recipient; joint actors to each other)."""
        return analysis.network(s, level.value, min_weight, **filters.values)

    return app


def _path_id() -> Any:
    return PathParam(min_length=1, max_length=200, pattern=TEXT)
