"""Starlette's responses, as FastAPI re-exports them (starlette/responses.py):
a status code, headers and a rendered body."""

import json


class Response:
    media_type = None
    charset = "utf-8"

    def __init__(self, content=None, status_code=200, headers=None, media_type=None):
        self.status_code = status_code
        if media_type is not None:
            self.media_type = media_type
        self.body = self.render(content)
        self.headers = {}
        if self.body or status_code not in (204, 304) and not 100 <= status_code < 200:
            self.headers["content-length"] = str(len(self.body))
        if self.media_type is not None:
            kind = self.media_type
            if kind.startswith("text/") and "charset=" not in kind.lower():
                kind += f"; charset={self.charset}"
            self.headers["content-type"] = kind
        self.headers.update({k.lower(): str(v) for k, v in (headers or {}).items()})

    def render(self, content):
        if content is None:
            return b""
        if isinstance(content, bytes):
            return content
        return content.encode(self.charset)


class HTMLResponse(Response):
    media_type = "text/html"


class PlainTextResponse(Response):
    media_type = "text/plain"


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content):
        # starlette JSONResponse.render: compact, UTF-8, NaN/inf refused.
        return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


class RedirectResponse(Response):
    def __init__(self, url, status_code=307, headers=None):
        super().__init__(content=b"", status_code=status_code, headers=headers)
        self.headers["location"] = str(url)
