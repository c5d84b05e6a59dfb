"""fastapi.testclient.TestClient (Starlette's, on httpx): calls the app
directly, without a server. As the real one: the lifespan runs only inside
`with TestClient(app) as client:`, redirects are followed, and an exception
in an endpoint is raised in the test (raise_server_exceptions=True)."""

import json as _json
from urllib.parse import urlencode, urlsplit

from . import _RawBody
from .responses import PlainTextResponse

_REDIRECTS = (301, 302, 303, 307, 308)


class Headers(dict):
    """Response headers; looked up without regard to case, as httpx.Headers."""

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def get(self, key, default=None):
        return super().get(key.lower(), default)

    def __contains__(self, key):
        return super().__contains__(key.lower())


class Response:
    """The parts of httpx.Response tests use."""

    def __init__(self, method, url, response, history):
        self.status_code = response.status_code
        self.headers = Headers(response.headers)
        self.content = response.body
        self.url = url
        self.history = history
        self.request = type("Request", (), {"method": method, "url": url})()

    @property
    def text(self):
        return self.content.decode("utf-8", "replace")

    def json(self, **kwargs):
        return _json.loads(self.text, **kwargs)

    @property
    def reason_phrase(self):
        import http

        try:
            return http.HTTPStatus(self.status_code).phrase
        except ValueError:
            return ""

    @property
    def is_success(self):
        return 200 <= self.status_code < 300

    @property
    def is_redirect(self):
        return self.status_code in _REDIRECTS and "location" in self.headers

    def raise_for_status(self):
        if 400 <= self.status_code < 600:
            kind = "Client error" if self.status_code < 500 else "Server error"
            raise HTTPStatusError(f"{kind} '{self.status_code} {self.reason_phrase}' for url '{self.url}'")
        return self

    def __repr__(self):
        return f"<Response [{self.status_code} {self.reason_phrase}]>"


class HTTPStatusError(Exception):
    pass


class TestClient:
    __test__ = False  # not a pytest test class

    def __init__(self, app, base_url="http://testserver", raise_server_exceptions=True, root_path="", backend="asyncio", follow_redirects=True, **options):
        for option in options:
            raise NotImplementedError(f"the lab's TestClient does not support {option}=")
        self.app = app
        self.base_url = base_url.rstrip("/")
        self.raise_server_exceptions = raise_server_exceptions
        self.follow_redirects = follow_redirects

    def __enter__(self):
        self.app._startup()
        return self

    def __exit__(self, *exc_info):
        self.app._shutdown()
        return False

    def request(self, method, url, *, params=None, json=None, content=None, data=None, files=None, headers=None, cookies=None, follow_redirects=None, timeout=None):
        if data is not None or files is not None:
            raise NotImplementedError("the lab's fastapi reads JSON bodies only; send the body with json=")
        if cookies is not None:
            raise NotImplementedError("the lab's TestClient does not support cookies")
        body = json
        if content is not None:
            text = content.decode() if isinstance(content, bytes) else content
            body = _RawBody(text) if text else None
        follow = self.follow_redirects if follow_redirects is None else follow_redirects
        target = self._relative(url)
        if params:
            target += ("&" if "?" in target else "?") + urlencode(params, doseq=True)
        history = []
        while True:
            response = self._send(method, target, body)
            result = Response(method.upper(), self.base_url + target, response, list(history))
            if not (follow and response.status_code in _REDIRECTS and "location" in response.headers) or len(history) >= 20:
                return result
            history.append(result)
            if response.status_code == 303:
                method, body = "GET", None
            target = self._relative(response.headers["location"])

    def _relative(self, url):
        parts = urlsplit(url)
        if parts.scheme:
            return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return url if url.startswith("/") else "/" + url

    def _send(self, method, target, body):
        try:
            return self.app._handle(method, target, body, self.base_url)
        except Exception:
            if self.raise_server_exceptions:
                raise
            return PlainTextResponse("Internal Server Error", status_code=500)

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("POST", url, **kwargs)

    def put(self, url, **kwargs):
        return self.request("PUT", url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request("PATCH", url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)

    def options(self, url, **kwargs):
        return self.request("OPTIONS", url, **kwargs)
