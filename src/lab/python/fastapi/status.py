"""fastapi.status (starlette/status.py): the HTTP status codes by name."""

import http as _http

for _s in _http.HTTPStatus:
    globals()[f"HTTP_{_s.value}_{_s.name}"] = _s.value
# Starlette keeps the older names too (RFC 7231's wording).
HTTP_413_REQUEST_ENTITY_TOO_LARGE = 413
HTTP_414_REQUEST_URI_TOO_LONG = 414
HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE = 416
HTTP_422_UNPROCESSABLE_ENTITY = 422
HTTP_422_UNPROCESSABLE_CONTENT = 422
