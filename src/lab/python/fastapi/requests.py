"""The lab's `fastapi.Request` (Starlette's): what an endpoint that declares a `Request`
parameter is handed. It carries the app (`request.app.state` is where a lifespan keeps a loaded
model), the method, URL, path and query parameters, per-request `state`, and the body
(`await request.json()` / `body()`). The lab's server sends no headers or cookies, so those are
empty; a client address, streaming and forms are not simulated and say so."""

import json as _json
import types
from urllib.parse import urlsplit


class URL(str):
    """Starlette's URL: the full address as a string, with its parts."""

    def __new__(cls, url):
        self = super().__new__(cls, url)
        parts = urlsplit(url)
        self.scheme, self.netloc, self.path, self.query, self.fragment = parts.scheme, parts.netloc, parts.path or "/", parts.query, parts.fragment
        self.hostname, self.port = parts.hostname, parts.port
        return self


class Request:
    def __init__(self, app, method, url, path_params, query, body):
        self.app = app
        self.method = method
        self.url = URL(url)
        self.base_url = URL(f"{self.url.scheme}://{self.url.netloc}/")
        self.path_params = dict(path_params)
        self.query_params = dict(query)
        self.headers = {}
        self.cookies = {}
        self.state = types.SimpleNamespace()
        self.scope = {"type": "http", "app": app, "method": method, "path": self.url.path, "query_string": self.url.query.encode(), "headers": []}
        self._body = body

    async def body(self):
        body = self._body
        if body is None:
            return b""
        text = getattr(body, "text", None)
        if text is None:
            text = _json.dumps(body, separators=(",", ":"))
        return text.encode() if isinstance(text, str) else bytes(text)

    async def json(self):
        return _json.loads(await self.body())

    @property
    def client(self):
        raise NotImplementedError("the lab's Request has no client address: its server is not on a network")

    async def form(self):
        raise NotImplementedError("the lab's fastapi does not support forms (request.form())")

    def stream(self):
        raise NotImplementedError("the lab's fastapi does not support streaming a request body (request.stream())")
