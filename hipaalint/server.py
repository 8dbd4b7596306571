"""``hipaalint serve``: a local web page to check one draft at a time.

``create_app(linter)`` builds the Starlette app around a linter built once by the caller;
``run_server(linter)`` serves it with uvicorn on 127.0.0.1 only.

Privacy: post text is never logged, printed or stored. uvicorn runs without an access log,
errors answer ``{"error": ...}`` without details, every response says ``Cache-Control:
no-store``, and a strict Content-Security-Policy lets the page load only its own script and
style (no inline code, nothing from the network). The Host header must name this machine
(127.0.0.1 or localhost), which defeats DNS-rebinding pages, and the API only accepts
``application/json``, which a cross-site form cannot send without a CORS preflight.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable, Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hipaalint.config import REWRITE_STYLES
from hipaalint.errors import ConfigError
from hipaalint.output import render_options
from hipaalint.reporters.json import result_dict

if TYPE_CHECKING:
    import uvicorn

    from hipaalint.linter import Linter

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_TEXT_BYTES = 100_000  # one post, UTF-8
MAX_BODY_BYTES = 8 * MAX_TEXT_BYTES  # the JSON body may escape every character (\uXXXX)
ALLOWED_HOSTS = ("127.0.0.1", "localhost")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"cache-control", b"no-store"),
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
ASSETS = {  # URL name -> (file in hipaalint.web, media type)
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}


class RequestError(Exception):
    """A request the API refuses: answered with ``status`` and ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class SecurityHeaders:
    """Pure ASGI middleware: the privacy and security headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _web_file(name: str) -> bytes:
    return resources.files("hipaalint.web").joinpath(name).read_bytes()


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_body(request: Request) -> bytes:
    """The request body, refusing (413) more than MAX_BODY_BYTES without reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise RequestError(413, _too_long_message())
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise RequestError(413, _too_long_message())
        chunks.append(chunk)
    return b"".join(chunks)


def _too_long_message(size: int | None = None) -> str:
    got = f" (this one is {size:,} bytes)" if size is not None else ""
    return f"The post is too long to check here{got}: the limit is {MAX_TEXT_BYTES:,} bytes (100 KB). Check long files with 'hipaalint check'."


def parse_lint_request(body: bytes, content_type: str, default_style: str = "tag") -> tuple[str, str]:
    """``(text, style)`` from a ``/api/lint`` body, or RequestError with a clear message."""
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise RequestError(415, "Send the post as JSON (Content-Type: application/json).")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise RequestError(400, "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise RequestError(400, 'The request body must be a JSON object: {"text": "...", "style": "tag"}.')
    text = data.get("text")
    if not isinstance(text, str):
        raise RequestError(400, '"text" is required and must be a string.')
    style = data.get("style")
    if style is None:
        style = default_style
    if style not in REWRITE_STYLES:
        raise RequestError(400, f'Unknown "style"; choose one of: {", ".join(REWRITE_STYLES)}.')
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape
        raise RequestError(400, '"text" is not valid Unicode.') from None
    if size > MAX_TEXT_BYTES:
        raise RequestError(413, _too_long_message(size))
    return text, style


def create_app(linter: Linter, *, allowed_hosts: Iterable[str] = ALLOWED_HOSTS) -> Starlette:
    """The web app around ``linter`` (built once by the caller; guarded by a lock here)."""
    lock = threading.Lock()  # spaCy and Presidio are not thread-safe
    default_style = linter.config.rewrite_style if linter.config.rewrite_style in REWRITE_STYLES else "tag"
    options = render_options(linter.rules, mask=False, color=False)
    rules_by_id = {r.id: r for r in linter.rules}
    page = _web_file("index.html")
    assets = {name: (_web_file(name), media_type) for name, media_type in ASSETS.items()}

    def lint(text: str, style: str) -> dict[str, Any]:
        with lock:
            report = linter.lint_text(text, source="<serve>")
            fixed = linter.rewrite(text, report.findings, style)
        fired = dict.fromkeys(f.rule_id for f in report.findings)
        return {
            "result": result_dict(report, options),
            "rewrite": {
                "style": style,
                "text": fixed.text,
                "unfixed": list(dict.fromkeys(f.rule_id for f in fixed.unfixed)),
                "suggestions": list(fixed.suggestions),
            },
            "rules": {
                rule_id: {
                    "name": rules_by_id[rule_id].spec.name,
                    "severity": str(rules_by_id[rule_id].severity),
                    "hint": rules_by_id[rule_id].spec.fix.hint,
                }
                for rule_id in fired
                if rule_id in rules_by_id
            },
        }

    async def index(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return _error(404, "Not found.")
        return Response(found[0], media_type=found[1])

    async def api_lint(request: Request) -> Response:
        try:
            body = await _read_body(request)
            text, style = parse_lint_request(body, request.headers.get("content-type", ""), default_style)
            return JSONResponse(await run_in_threadpool(lint, text, style))
        except RequestError as exc:
            return _error(exc.status, exc.message)
        except Exception as exc:  # never a traceback, never the post text
            print(f"hipaalint serve: internal error ({type(exc).__name__})", file=sys.stderr)
            return _error(500, "internal error")

    async def api_rules(request: Request) -> Response:
        return JSONResponse(
            [
                {"id": i.id, "name": i.name, "severity": i.severity, "pack": i.pack, "rationale": i.rationale, "hint": i.hint}
                for i in options.rules.values()
            ]
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        return _error(status, "Not found." if status == 404 else "Request refused.")

    async def internal_error(request: Request, exc: Exception) -> Response:
        return _error(500, "internal error")

    return Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/static/{name}", asset, methods=["GET"]),
            Route("/api/lint", api_lint, methods=["POST"]),
            Route("/api/rules", api_rules, methods=["GET"]),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
        ],
        exception_handlers={404: not_found, 405: not_found, Exception: internal_error},
    )


# --- running ---------------------------------------------------------------------------


def check_host(host: str) -> None:
    if host != HOST:
        raise ConfigError(
            f"refusing to serve on {host!r}: 'hipaalint serve' only listens on {HOST} "
            "(this computer), so drafts never travel over a network"
        )


def bind_socket(host: str = HOST, port: int = DEFAULT_PORT) -> socket.socket:
    """A listening socket on ``host:port`` (port 0 picks a free port)."""
    check_host(host)
    if not 0 <= port <= 65535:
        raise ConfigError(f"invalid port {port}: use 1-65535, or 0 for any free port")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        hint = " (is another 'hipaalint serve' running? try --port 0)" if port else ""
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None
    sock.set_inheritable(True)
    return sock


def make_server(app: ASGIApp) -> uvicorn.Server:
    """A uvicorn server for ``app``: no access log (it would record nothing sensitive, but
    nothing at all is simpler to trust), no lifespan, no websockets, quiet."""
    import uvicorn

    config = uvicorn.Config(
        app,
        host=HOST,
        access_log=False,
        log_level="warning",
        log_config=None,
        lifespan="off",
        ws="none",
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=3,
    )
    return uvicorn.Server(config)


def _open_when_started(server: uvicorn.Server, url: str, opener: Callable[[str], Any]) -> None:
    def wait_and_open() -> None:
        for _ in range(200):  # up to 10 s
            if server.started:
                opener(url)
                return
            if server.should_exit:
                return
            threading.Event().wait(0.05)

    threading.Thread(target=wait_and_open, name="hipaalint-open-browser", daemon=True).start()


def run_server(
    linter: Linter,
    host: str = HOST,
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    *,
    opener: Callable[[str], Any] = webbrowser.open,
    out: Callable[[str], Any] = print,
) -> None:
    """Serve the page on 127.0.0.1 until Ctrl+C. Any other host is refused (ConfigError)."""
    check_host(host)
    sock = bind_socket(host, port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    server = make_server(create_app(linter))
    out(f"hipaalint: serving {url}  (Ctrl+C to stop)")
    out("Runs on this computer. Nothing is stored or sent anywhere.")
    if open_browser:
        _open_when_started(server, url, opener)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
