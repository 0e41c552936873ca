"""The collector's HTTP side (Starlette): `POST /events` takes one event from a help center's pages,
`GET /health` says whether it can store them. The store sits behind writer.py; nothing here knows SQL.

A request is refused, with a 4xx status and a one-line JSON reason, and nothing is stored, when it
comes from a page of another site (its Origin is not one of --origin), when its client has sent too
many (limits.py), when its body is larger than `max_body` bytes or is no event (events.py). The answer
to an event is 204 once it is committed. Browsers are told by CORS that only the configured origins
may send; the Origin check here is what enforces it, as a beacon needs no CORS permission to be sent.
Nothing about the client is kept: not its address, user agent, cookies or referrer.
"""
from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .events import EventRefused, parse_event
from .limits import RateLimiter
from .writer import BatchWriter

MAX_BODY = 4096  # bytes: the largest event the site sends is a few hundred
PER_MINUTE = 60  # events per client and minute: a visitor searching and voting sends a handful
CONTENT_TYPES = ("text/plain", "application/json")  # beacons and keepalive fetches send text/plain
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
log = logging.getLogger("helpgen.insights")


@dataclass(frozen=True)
class CollectorSettings:
    origins: tuple[str, ...]
    max_body: int = MAX_BODY
    per_minute: int = PER_MINUTE


def parse_origin(text: str) -> str:
    """A site origin as --origin takes it: scheme, host and port only; http:// only for this machine.
    Raises ValueError with what to write instead."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f'"{text}" is not an origin: write e.g. https://help.acme.example')
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f'"{text}" is not an origin (scheme, host and port only): write '
                         f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}")
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise ValueError(f'"{text}": a site on plain http:// is only allowed on this machine (localhost); '
                         "serve the help center over https://")
    default_port = {"https": 443, "http": 80}[parts.scheme]
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    port = f":{parts.port}" if parts.port and parts.port != default_port else ""
    return f"{parts.scheme}://{host}{port}"


def _refuse(status: int, reason: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": reason}, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})})


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it is larger than `limit` (whatever Content-Length claimed)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def create_app(writer: BatchWriter, settings: CollectorSettings) -> Starlette:
    origins = frozenset(settings.origins)
    limiter = RateLimiter(settings.per_minute)

    async def events(request: Request) -> Response:
        if request.headers.get("origin") not in origins:
            return _refuse(403, "events are taken from the help center's own pages only (Origin)")
        if not limiter.allow(request.client.host if request.client else None):
            return _refuse(429, "too many events from one client; try again later",
                           {"Retry-After": str(limiter.retry_after())})
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type not in CONTENT_TYPES:
            return _refuse(415, "send the event as JSON, with Content-Type text/plain or application/json")
        body = await _read_body(request, settings.max_body)
        if body is None:
            return _refuse(413, f"an event is at most {settings.max_body} bytes")
        try:
            event = parse_event(body)
        except EventRefused as refused:
            return _refuse(refused.status, str(refused))
        try:
            await writer.write(event)
        except Exception:  # logged by the writer; the site's script does not retry, so say it plainly
            return _refuse(503, "the event could not be stored; the collector's log says why")
        return Response(status_code=204, headers={"Cache-Control": "no-store"})

    async def health(request: Request) -> Response:
        healthy = writer.healthy or await writer.ping()
        return JSONResponse({"status": "ok" if healthy else "failing"}, status_code=200 if healthy else 503,
                            headers={"Cache-Control": "no-store"})

    async def not_found(request: Request, exc: Exception) -> Response:
        return _refuse(getattr(exc, "status_code", 404), "POST events to /events; GET /health")

    @contextlib.asynccontextmanager
    async def lifespan(app):
        # uvicorn runs this after the last request on SIGINT/SIGTERM, before it exits: commit the queue.
        yield
        writer.stop()

    return Starlette(
        lifespan=lifespan,
        routes=[Route("/events", events, methods=["POST"]), Route("/health", health, methods=["GET", "HEAD"])],
        middleware=[Middleware(CORSMiddleware, allow_origins=sorted(origins), allow_methods=["POST"],
                               allow_headers=["Content-Type"], allow_credentials=False, max_age=86400)],
        exception_handlers={404: not_found, 405: not_found},
    )

