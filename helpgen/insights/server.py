"""`helpgen insights serve`: the collector on uvicorn, until SIGINT or SIGTERM.

The database is opened (and its schema made or migrated) before the port is, so a wrong --db is said
at once and not on the first event. The socket is bound here, not by uvicorn, so that --port 0 (any
free port, for tests and side-by-side runs) can be announced with the port it got. uvicorn's access log
stays off: it would write every client's address. Behind a reverse proxy on this machine, the client's
address for the rate limit comes from X-Forwarded-For (uvicorn trusts it from --forwarded-allow-ips).
On shutdown uvicorn finishes the requests in flight, then the app's lifespan has the writer commit
what is queued.
"""
from __future__ import annotations

import logging
import socket
from typing import Callable

from ..errors import HelpgenError, Location
from .collector import CollectorSettings, create_app
from .store import open_store
from .writer import BatchWriter

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8787


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or an error saying why the address cannot be used."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                              flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as exc:
        raise HelpgenError.at(Location(f"--host {host}"), f"not an address to listen on ({exc})",
                              "use e.g. 127.0.0.1 (behind a reverse proxy) or 0.0.0.0 (in a container)") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise HelpgenError.at(Location(f"{host}:{port}"), f"cannot listen here ({exc.strerror})",
                              "choose another --port, or stop what is using this one") from None
    sock.set_inheritable(True)
    return sock


def serve(db_url: str, settings: CollectorSettings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          forwarded_allow_ips: str = "127.0.0.1", announce: Callable[[str], None] = print) -> None:
    import uvicorn

    store = open_store(db_url, create=True)
    writer = BatchWriter(lambda: open_store(db_url))
    try:
        sock = bind(host, port)
    except BaseException:
        store.close()
        raise
    writer.start(store)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    config = uvicorn.Config(create_app(writer, settings), log_level="warning", access_log=False,
                            server_header=False, proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips,
                            lifespan="on", timeout_graceful_shutdown=10)
    server = uvicorn.Server(config)
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    announce(f"Collecting events from {', '.join(settings.origins)} at http://{shown_host}:{bound_port}/events "
             f"into {store.shown} (Ctrl+C to stop)")
    try:
        server.run(sockets=[sock])
    finally:
        writer.stop()  # already stopped by the app's lifespan, unless uvicorn failed before it ran
        sock.close()
