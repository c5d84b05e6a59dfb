"""The lab's FastAPI (0.115): routes with path, query and body parameters
validated by the lab's pydantic (422 `detail` as FastAPI sends it), status
codes, HTTPException, response models, routers, a lifespan, Starlette's
404/405 and trailing-slash redirects, and the OpenAPI document at
/openapi.json. uvicorn (the lab's `uvicorn` module) serves it at
localhost:8000; `fastapi.testclient.TestClient` calls it directly.

What it lacks it says plainly (NotImplementedError or ImportError naming the
feature) instead of behaving differently."""

import copy
import enum
import http
import inspect
import json as _json
import re
import types
import typing
from urllib.parse import parse_qsl, unquote, urlsplit

import pydantic
from pydantic import BaseModel, FieldInfo, ValidationError

from . import status
from .exceptions import HTTPException, RequestValidationError, ResponseValidationError
from .requests import Request
from .responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response

__version__ = "0.115.0"
__all__ = ["APIRouter", "Body", "FastAPI", "HTTPException", "Path", "Query", "Request", "status"]

_MISSING = pydantic._MISSING
_NOT_IN_LAB = {
    "Depends", "Security", "WebSocket", "WebSocketDisconnect", "BackgroundTasks", "UploadFile", "File",
    "Form", "Header", "Cookie",
}


def __getattr__(name):
    if name in _NOT_IN_LAB:
        raise ImportError(f"the lab's fastapi does not support `{name}`")
    raise AttributeError(f"module 'fastapi' has no attribute '{name}'")


# --- parameters --------------------------------------------------------------------------


class _Param(FieldInfo):
    where = ""

    def __init__(self, default=_MISSING, *, alias=None, embed=None, include_in_schema=True, media_type=None, **options):
        if alias is not None:
            raise NotImplementedError(f"the lab's fastapi does not support {type(self).__name__}(alias=...)")
        if media_type is not None:
            raise NotImplementedError(f"the lab's fastapi does not support {type(self).__name__}(media_type=...)")
        super().__init__(default, **options)
        self.embed = embed
        self.include_in_schema = include_in_schema


class _QueryInfo(_Param):
    where = "query"


class _PathInfo(_Param):
    where = "path"


class _BodyInfo(_Param):
    where = "body"


def Query(default=_MISSING, **options):  # noqa: N802 - FastAPI's name
    return _QueryInfo(default, **options)


def Path(default=_MISSING, **options):  # noqa: N802 - FastAPI's name
    return _PathInfo(default, **options)


def Body(default=_MISSING, **options):  # noqa: N802 - FastAPI's name
    return _BodyInfo(default, **options)


def _is_scalar(tp):
    """fastapi.dependencies.utils: scalar annotations become query parameters, the rest the body."""
    tp, _ = pydantic._split_annotated(tp)
    if tp in (inspect.Parameter.empty, typing.Any, int, float, str, bool, type(None)):
        return True
    if typing.get_origin(tp) is typing.Literal:
        return True
    args = pydantic._union_args(tp)
    return args is not None and all(_is_scalar(a) for a in args)


def _is_sequence(tp):
    tp, _ = pydantic._split_annotated(tp)
    args = pydantic._union_args(tp)
    if args is not None:
        return any(_is_sequence(a) for a in args if a is not type(None))
    return tp in (list, typing.List) or typing.get_origin(tp) is list


class _Arg:
    """One parameter of an endpoint: its name, where it comes from, its type and FieldInfo."""

    def __init__(self, name, where, annotation, info):
        self.name = name
        self.where = where
        self.annotation = annotation
        self.info = info

    def schema(self, defs):
        return pydantic._field_schema(self.name, self._field(), defs, "#/components/schemas/{model}")

    def _field(self):
        info = copy.copy(self.info)
        info.annotation = self.annotation
        return info


def _endpoint_args(func, path_names):
    try:
        hints = typing.get_type_hints(func, include_extras=True)
    except NameError as exc:
        raise NotImplementedError(f"the lab's fastapi cannot resolve an annotation of {func.__name__}() ({exc}); define the type before it is used") from None
    args = []
    for name, param in inspect.signature(func).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        annotation = hints.get(name, typing.Any)
        inner, annotated = pydantic._split_annotated(annotation)
        if inspect.isclass(inner) and issubclass(inner, Request):
            args.append(_Arg(name, "request", inner, None))  # handed the request itself, as FastAPI does
            continue
        default = param.default
        info = default if isinstance(default, FieldInfo) else pydantic.FieldInfo(_MISSING if default is param.empty else default)
        if annotated is not None:
            info = annotated if not isinstance(default, FieldInfo) and default is param.empty else _merge_param(annotated, info)
        where = info.where if isinstance(info, _Param) else None
        if name in path_names:
            where = "path"
        elif where is None:
            where = "query" if _is_scalar(inner) else "body"
        if inspect.isclass(inner) and issubclass(inner, Response):
            raise NotImplementedError(f"the lab's fastapi does not support a {inner.__name__} parameter ({func.__name__}({name}))")
        pydantic._check_supported(inner, f"parameter {name} of {func.__name__}()")
        args.append(_Arg(name, where, inner, info))
    return args


def _merge_param(annotated, assigned):
    """`Annotated[int, Query(gt=0)] = 5`: the marker's kind and constraints, the assigned default."""
    merged = copy.copy(annotated)
    merged.constraints = {**annotated.constraints, **assigned.constraints}
    if assigned.default is not _MISSING or assigned.default_factory is not None:
        merged.default, merged.default_factory = assigned.default, assigned.default_factory
    return merged


# --- routes ------------------------------------------------------------------------------

_CONVERTORS = {"str": "[^/]+", "path": ".*", "int": "[0-9]+", "float": r"[0-9]+(?:\.[0-9]+)?"}


class APIRoute:
    def __init__(self, path, endpoint, *, methods, status_code=None, response_model=_MISSING, tags=None, summary=None,
                 description=None, response_description="Successful Response", responses=None, deprecated=None,
                 name=None, include_in_schema=True, operation_id=None, **options):
        for option in options:
            raise NotImplementedError(f"the lab's fastapi does not support the route option {option}=")
        if not path.startswith("/"):
            raise AssertionError("Routed paths must start with '/'")
        self.path = path
        self.endpoint = endpoint
        self.methods = {m.upper() for m in methods}
        self.name = name or endpoint.__name__
        self.status_code = status_code
        self.tags = list(tags or [])
        self.summary = summary
        # fastapi/routing.py APIRoute: the docstring by default, cut at "\f" (so a description that is not a string fails here, as there)
        self.description = (description or inspect.cleandoc(endpoint.__doc__ or "")).split("\f")[0].strip()
        self.response_description = response_description
        self.responses = dict(responses or {})
        self.deprecated = deprecated
        self.include_in_schema = include_in_schema
        self.operation_id = operation_id
        regex, self.path_format, self.convertors = "^", "", {}
        pos = 0
        for m in re.finditer(r"{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z_][a-zA-Z0-9_]*))?}", path):
            kind = m.group(2) or "str"
            if kind not in _CONVERTORS:
                raise NotImplementedError(f"the lab's fastapi does not support the path convertor '{kind}'")
            regex += re.escape(path[pos:m.start()]) + f"(?P<{m.group(1)}>{_CONVERTORS[kind]})"
            self.path_format += path[pos:m.start()] + "{" + m.group(1) + "}"
            self.convertors[m.group(1)] = kind
            pos = m.end()
        regex += re.escape(path[pos:]) + "$"
        self.path_format += path[pos:]
        self.pattern = re.compile(regex)
        self.args = _endpoint_args(endpoint, set(self.convertors))
        if response_model is _MISSING:  # FastAPI takes the return annotation as the response model
            response_model = typing.get_type_hints(endpoint).get("return", None)
            if inspect.isclass(response_model) and issubclass(response_model, Response):
                response_model = None
        if response_model is not None:
            pydantic._check_supported(response_model, f"the response model of {endpoint.__name__}()")
        self.response_model = response_model
        bodies = [a for a in self.args if a.where == "body"]
        self.embed_body = len(bodies) > 1 or any(isinstance(a.info, _BodyInfo) and a.info.embed for a in bodies)

    def match(self, path):
        m = self.pattern.match(path)
        if m is None:
            return None
        params = m.groupdict()
        for key, kind in self.convertors.items():
            if kind == "int":
                params[key] = int(params[key])
            elif kind == "float":
                params[key] = float(params[key])
        return params

    def unique_id(self):
        # fastapi.utils.generate_unique_id
        operation_id = re.sub(r"\W", "_", f"{self.name}{self.path_format}")
        return f"{operation_id}_{sorted(self.methods)[0].lower()}"

    # --- one request --------------------------------------------------------------------

    def _arguments(self, path_params, query, body, request=None):
        """The endpoint's keyword arguments, or RequestValidationError with FastAPI's errors."""
        values, errors = {}, []
        for arg in (a for a in self.args if a.where == "request"):
            values[arg.name] = request
        if isinstance(body, _RawBody):
            body = body.decode() if any(a.where == "body" for a in self.args) else None
        for where in ("path", "query"):
            for arg in (a for a in self.args if a.where == where):
                loc = (where, arg.name)
                if where == "path":
                    raw = path_params[arg.name]
                elif _is_sequence(arg.annotation):
                    raw = [v for k, v in query if k == arg.name] or None
                else:
                    raw = next((v for k, v in reversed(query) if k == arg.name), None)
                self._one(arg, raw, loc, values, errors)
        bodies = [a for a in self.args if a.where == "body"]
        if bodies and not self.embed_body:
            self._one(bodies[0], body, ("body",), values, errors, from_attributes=True)
        else:
            for arg in bodies:
                raw = body.get(arg.name) if isinstance(body, dict) else None
                self._one(arg, raw, ("body", arg.name), values, errors, from_attributes=True)
        if errors:
            raise RequestValidationError(errors, body=body)
        return values

    @staticmethod
    def _one(arg, raw, loc, values, errors, from_attributes=False):
        if raw is None:
            if arg.info.is_required():
                errors.append({"type": "missing", "loc": loc, "msg": "Field required", "input": None})
            else:
                values[arg.name] = copy.deepcopy(arg.info.get_default(call_default_factory=True))
            return
        found = []
        value = pydantic._validate(arg.annotation, raw, loc, found, arg.info.constraints, from_attributes)
        errors += found
        if not found:
            values[arg.name] = value

    def _serialize(self, result):
        """fastapi.routing.serialize_response: validate against the response model, then encode."""
        if self.response_model is None:
            return jsonable_encoder(result)
        found = []
        value = pydantic._validate(self.response_model, _prepare(result), ("response",), found, None, True)
        if found:
            raise ResponseValidationError([{k: e[k] for k in ("type", "loc", "msg", "input", "ctx") if k in e} for e in found], body=result)
        return jsonable_encoder(pydantic._dump(value, "json"))


def _prepare(value):
    # fastapi.routing._prepare_response_content: models are dumped before validation.
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, list):
        return [_prepare(v) for v in value]
    if isinstance(value, dict):
        return {k: _prepare(v) for k, v in value.items()}
    return value


def jsonable_encoder(obj):
    """fastapi.encoders.jsonable_encoder, for the types the lab has."""
    if isinstance(obj, BaseModel):
        return jsonable_encoder(obj.model_dump(mode="json"))
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (str, int, float, type(None))):
        return obj
    if isinstance(obj, dict):
        return {jsonable_encoder(k): jsonable_encoder(v) for k, v in obj.items()}
    if isinstance(obj, (list, set, frozenset, tuple, types.GeneratorType)):
        return [jsonable_encoder(v) for v in obj]
    errors = []
    try:
        data = dict(obj)
    except Exception as e:  # noqa: BLE001 - as FastAPI: try dict(), then vars()
        errors.append(e)
        try:
            data = vars(obj)
        except Exception as e2:  # noqa: BLE001
            errors.append(e2)
            raise ValueError(errors) from e2
    return jsonable_encoder(data)


class _RawBody:
    """A request body as the client sent it (TestClient's content=), decoded as FastAPI decodes it:
    only for a route that reads a body, and a body that is not JSON is a 422 `json_invalid`
    (fastapi/routing.py get_request_handler: the JSONDecodeError's pos and msg)."""

    def __init__(self, text):
        self.text = text

    def decode(self):
        try:
            return _json.loads(self.text)
        except _json.JSONDecodeError as e:
            error = {"type": "json_invalid", "loc": ("body", e.pos), "msg": "JSON decode error", "input": {}, "ctx": {"error": e.msg}}
            raise RequestValidationError([error], body=e.doc) from e


def _error_json(e):
    # FastAPI's 422 detail items: type, loc, msg, input and ctx when present (no url).
    item = {"type": e["type"], "loc": list(e["loc"]), "msg": e["msg"], "input": e["input"]}
    if "ctx" in e:
        item["ctx"] = e["ctx"]
    return jsonable_encoder(item)


def _drive(awaitable):
    """Run a coroutine that never truly waits: the lab's server has no event loop to wait on."""
    coro = awaitable.__await__() if not inspect.iscoroutine(awaitable) else awaitable
    try:
        while True:
            if coro.send(None) is not None:
                break  # it waits on a future (asyncio.sleep with a delay, a task, I/O)
    except StopIteration as done:
        return done.value
    except RuntimeError as exc:
        if "no running event loop" not in str(exc):
            raise
        raise RuntimeError(_NO_LOOP) from exc
    coro.close()
    raise RuntimeError(_NO_LOOP)


_NO_LOOP = "the lab's server has no event loop: its async functions cannot wait on asyncio (such as asyncio.sleep with a delay, tasks or futures)"


def _call(func, kwargs):
    result = func(**kwargs)
    return _drive(result) if inspect.isawaitable(result) else result


# --- routers and the app ----------------------------------------------------------------


class APIRouter:
    def __init__(self, *, prefix="", tags=None, **options):
        for option in options:
            raise NotImplementedError(f"the lab's fastapi does not support APIRouter({option}=...)")
        if prefix:
            assert prefix.startswith("/"), "A path prefix must start with '/'"
            assert not prefix.endswith("/"), "A path prefix must not end with '/', as the routes will start with '/'"
        self.prefix = prefix
        self.tags = list(tags or [])
        self.routes = []

    def add_api_route(self, path, endpoint, *, methods=("GET",), tags=None, **options):
        route = APIRoute(self.prefix + path, endpoint, methods=methods, tags=self.tags + list(tags or []), **options)
        self.routes.append(route)
        return route

    def api_route(self, path, *, methods=("GET",), **options):
        def register(func):
            self.add_api_route(path, func, methods=methods, **options)
            return func

        return register

    def get(self, path, **options):
        return self.api_route(path, methods=["GET"], **options)

    def post(self, path, **options):
        return self.api_route(path, methods=["POST"], **options)

    def put(self, path, **options):
        return self.api_route(path, methods=["PUT"], **options)

    def patch(self, path, **options):
        return self.api_route(path, methods=["PATCH"], **options)

    def delete(self, path, **options):
        return self.api_route(path, methods=["DELETE"], **options)

    def include_router(self, router, *, prefix="", tags=None, **options):
        for option in options:
            raise NotImplementedError(f"the lab's fastapi does not support include_router({option}=...)")
        for r in router.routes:
            path = prefix + r.path
            self.routes.append(
                APIRoute(path, r.endpoint, methods=r.methods, status_code=r.status_code, response_model=r.response_model,
                         tags=list(tags or []) + r.tags, summary=r.summary, description=r.description,
                         response_description=r.response_description, responses=r.responses, deprecated=r.deprecated,
                         name=r.name, include_in_schema=r.include_in_schema, operation_id=r.operation_id)
            )

    def websocket(self, *_args, **_kwargs):
        raise NotImplementedError("the lab's fastapi does not support WebSockets")


_APP_OPTIONS_NOT_IN_LAB = {"middleware", "dependencies", "exception_handlers", "routes", "default_response_class", "root_path", "servers", "swagger_ui_parameters", "generate_unique_id_function", "separate_input_output_schemas", "webhooks", "callbacks"}


class FastAPI(APIRouter):
    def __init__(self, *, debug=False, title="FastAPI", summary=None, description="", version="0.1.0", openapi_url="/openapi.json",
                 openapi_tags=None, docs_url="/docs", redoc_url="/redoc", redirect_slashes=True, lifespan=None, on_startup=None,
                 on_shutdown=None, terms_of_service=None, contact=None, license_info=None, **extra):
        for option in extra:
            if option in _APP_OPTIONS_NOT_IN_LAB:
                raise NotImplementedError(f"the lab's fastapi does not support FastAPI({option}=...)")
        super().__init__()
        self.debug = debug
        self.title = title
        self.summary = summary
        self.description = description
        self.version = version
        self.openapi_url = openapi_url
        self.openapi_tags = openapi_tags
        self.docs_url = docs_url
        self.redoc_url = redoc_url
        self.redirect_slashes = redirect_slashes
        self.terms_of_service = terms_of_service
        self.contact = contact
        self.license_info = license_info
        self.extra = extra  # FastAPI keeps unknown keyword arguments too
        self.openapi_schema = None
        self.router = self
        self.state = types.SimpleNamespace()
        self._lifespan = lifespan
        self._on_startup = list(on_startup or [])
        self._on_shutdown = list(on_shutdown or [])
        self._lifespan_cm = None

    def on_event(self, event):
        def register(func):
            (self._on_startup if event == "startup" else self._on_shutdown).append(func)
            return func

        return register

    def exception_handler(self, *_args):
        raise NotImplementedError("the lab's fastapi does not support app.exception_handler")

    def middleware(self, *_args):
        raise NotImplementedError("the lab's fastapi does not support middleware")

    def add_middleware(self, *_args, **_kwargs):
        raise NotImplementedError("the lab's fastapi does not support middleware")

    def mount(self, *_args, **_kwargs):
        raise NotImplementedError("the lab's fastapi does not support app.mount")

    # --- lifespan ---------------------------------------------------------------------

    def _startup(self):
        """Starlette's lifespan startup: the lifespan's code up to `yield`, or the on_startup handlers."""
        if self._lifespan is not None:
            cm = self._lifespan(self)
            if inspect.isasyncgen(cm):
                gen = cm
                cm = types.SimpleNamespace(__aenter__=lambda: gen.__anext__(), __aexit__=lambda *_: _agen_close(gen))
                _drive(cm.__aenter__())
            elif hasattr(cm, "__aenter__"):
                _drive(cm.__aenter__())
            else:
                cm.__enter__()
            self._lifespan_cm = cm
        else:
            for handler in self._on_startup:
                _call(handler, {})

    def _shutdown(self):
        cm, self._lifespan_cm = self._lifespan_cm, None
        if cm is not None:
            if hasattr(cm, "__aexit__"):
                _drive(cm.__aexit__(None, None, None))
            else:
                cm.__exit__(None, None, None)
        elif self._lifespan is None:
            for handler in self._on_shutdown:
                _call(handler, {})

    # --- OpenAPI --------------------------------------------------------------------------

    def openapi(self):
        """fastapi.openapi.utils.get_openapi, cached as FastAPI caches it. Simplified: no
        security schemes, callbacks, webhooks or per-status response models."""
        if self.openapi_schema:
            return self.openapi_schema
        defs, paths, any_422 = {}, {}, False
        for route in self.routes:
            if not route.include_in_schema:
                continue
            for method in sorted(route.methods):
                op, has_422 = _operation(route, method, defs)
                any_422 = any_422 or has_422
                paths.setdefault(route.path_format, {})[method.lower()] = op
        info = {"title": self.title}
        if self.summary:
            info["summary"] = self.summary
        if self.description:
            info["description"] = self.description
        if self.terms_of_service:
            info["termsOfService"] = self.terms_of_service
        if self.contact:
            info["contact"] = self.contact
        if self.license_info:
            info["license"] = self.license_info
        info["version"] = self.version
        doc = {"openapi": "3.1.0", "info": info, "paths": paths}
        if any_422:
            defs.update(_VALIDATION_SCHEMAS)
        if defs:
            doc["components"] = {"schemas": {k: defs[k] for k in sorted(defs)}}
        if self.openapi_tags:
            doc["tags"] = self.openapi_tags
        # FastAPI validates its document with pydantic models (fastapi.openapi.models.OpenAPI);
        # a title or version that is not a string fails here, as it does there.
        _OpenAPI.model_validate(doc)
        self.openapi_schema = doc
        return doc

    # --- serving ---------------------------------------------------------------------------

    def _handle(self, method, url, body, base_url):
        """One HTTP request, as Starlette's router and FastAPI's routes answer it: a Response.
        Exceptions from the endpoint propagate (the server or TestClient deals with them)."""
        method = method.upper()
        parts = urlsplit(url)
        path = unquote(parts.path) or "/"
        query = parse_qsl(parts.query, keep_blank_values=True)
        found = self._route_for(method, path)
        if found is None:
            if self.redirect_slashes and path != "/":
                other = path.rstrip("/") if path.endswith("/") else path + "/"
                if self._route_for(method, other, any_method=True) is not None:
                    return RedirectResponse(base_url + other + (f"?{parts.query}" if parts.query else ""))
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        route, params = found
        if method not in route.methods:
            return JSONResponse({"detail": "Method Not Allowed"}, status_code=405, headers={"allow": ", ".join(sorted(route.methods))})
        if isinstance(route, _BuiltinRoute):
            return route()
        try:
            kwargs = route._arguments(params, query, body, Request(self, method, base_url + url if url.startswith("/") else url, params, query, body))
            result = _call(route.endpoint, kwargs)
        except HTTPException as exc:
            if exc.status_code in (204, 304) or exc.status_code < 200:
                return Response(status_code=exc.status_code, headers=exc.headers)
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        except RequestValidationError as exc:
            return JSONResponse({"detail": [_error_json(e) for e in exc.errors()]}, status_code=422)
        if isinstance(result, Response):
            return result
        status = route.status_code or 200
        if status in (204, 304) or status < 200:
            return Response(status_code=status)
        return JSONResponse(route._serialize(result), status_code=status)

    def _route_for(self, method, path, any_method=False):
        """Starlette's Router: the first full match (path and method), else the first path match."""
        partial = None
        for route in self._docs_routes() + self.routes:
            params = route.match(path)
            if params is None:
                continue
            if method in route.methods:
                return route, params
            if partial is None:
                partial = (route, params)
        return partial

    def _docs_routes(self):
        # FastAPI.setup() adds these before the app's own routes.
        routes = []
        if self.openapi_url:
            routes.append(_BuiltinRoute(self.openapi_url, lambda: JSONResponse(self.openapi())))
            if self.docs_url:
                routes.append(_BuiltinRoute(self.docs_url, lambda: HTMLResponse(_swagger_ui_html(self))))
            if self.redoc_url:
                routes.append(_BuiltinRoute(self.redoc_url, lambda: PlainTextResponse(_REDOC_NOTE)))
        return routes


def _agen_close(gen):
    async def close():
        try:
            await gen.__anext__()
        except StopAsyncIteration:
            pass

    return close()


class _BuiltinRoute:
    methods = frozenset({"GET", "HEAD"})

    def __init__(self, path, respond):
        self.path = path
        self._respond = respond

    def match(self, path):
        return {} if path == self.path else None

    def __call__(self):
        return self._respond()


_REDOC_NOTE = "The lab draws FastAPI's interactive docs at /docs only; ReDoc (/redoc) is not available in the lab."


def _swagger_ui_html(app):
    # fastapi.openapi.docs.get_swagger_ui_html, shortened: the body FastAPI answers, CDN links and all.
    # It is only shown as response text; the page never loads it (the preview draws /docs itself).
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<link type="text/css" rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">\n'
        f"<title>{app.title} - Swagger UI</title>\n</head>\n<body>\n<div id=\"swagger-ui\">\n</div>\n"
        '<script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>\n'
        f"<script>\nconst ui = SwaggerUIBundle({{\n    url: '{app.openapi_url}',\n    dom_id: '#swagger-ui',\n}})\n</script>\n</body>\n</html>\n"
    )


class _Info(BaseModel):
    title: str
    version: str
    summary: typing.Optional[str] = None
    description: typing.Optional[str] = None


class _Response(BaseModel):
    description: str


class _Parameter(BaseModel):
    name: str
    description: typing.Optional[str] = None


class _Operation(BaseModel):
    tags: typing.Optional[list[str]] = None
    summary: typing.Optional[str] = None
    description: typing.Optional[str] = None
    operationId: typing.Optional[str] = None  # noqa: N815 - OpenAPI's name
    parameters: typing.Optional[list[_Parameter]] = None
    responses: typing.Optional[dict[str, _Response]] = None


class _OpenAPI(BaseModel):
    """The parts of fastapi.openapi.models.OpenAPI the lab checks (the ones the preview shows)."""

    openapi: str
    info: _Info
    paths: typing.Optional[dict[str, dict[str, _Operation]]] = None


for _model, _name in ((_OpenAPI, "OpenAPI"), (_Info, "Info"), (_Operation, "Operation"), (_Response, "Response"), (_Parameter, "Parameter")):
    _model.__name__ = _name

# fastapi/openapi/utils.py validation_error_definition and validation_error_response_definition (0.115)
_VALIDATION_SCHEMAS = {
    "HTTPValidationError": {
        "properties": {"detail": {"items": {"$ref": "#/components/schemas/ValidationError"}, "type": "array", "title": "Detail"}},
        "type": "object",
        "title": "HTTPValidationError",
    },
    "ValidationError": {
        "properties": {
            "loc": {"items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}, "type": "array", "title": "Location"},
            "msg": {"type": "string", "title": "Message"},
            "type": {"type": "string", "title": "Error Type"},
        },
        "type": "object",
        "required": ["loc", "msg", "type"],
        "title": "ValidationError",
    },
}


def _operation(route, method, defs):
    ref = "#/components/schemas/{model}"
    op = {}
    if route.tags:
        op["tags"] = route.tags
    op["summary"] = route.summary or route.name.replace("_", " ").title()
    if route.description:
        op["description"] = route.description
    op["operationId"] = route.operation_id or route.unique_id()
    if route.deprecated:
        op["deprecated"] = True
    parameters = []
    for where in ("path", "query"):
        for arg in (a for a in route.args if a.where == where):
            if isinstance(arg.info, _Param) and not arg.info.include_in_schema:
                continue
            param = {"name": arg.name, "in": where, "required": where == "path" or arg.info.is_required(), "schema": arg.schema(defs)}
            if arg.info.description:
                param["description"] = arg.info.description
            if arg.info.deprecated:
                param["deprecated"] = True
            parameters.append(param)
    if parameters:
        op["parameters"] = parameters
    bodies = [a for a in route.args if a.where == "body"]
    if bodies:
        if route.embed_body:
            name = f"Body_{route.unique_id()}"
            body_model = {"properties": {a.name: a.schema(defs) for a in bodies}, "type": "object"}
            required = [a.name for a in bodies if a.info.is_required()]
            if required:
                body_model["required"] = required
            body_model["title"] = name
            defs[name] = body_model
            schema = {"$ref": ref.format(model=name)}
        else:
            schema = bodies[0].schema(defs)
            if "$ref" in schema:
                schema = {"$ref": schema["$ref"]}
        op["requestBody"] = {"content": {"application/json": {"schema": schema}}}
        if any(a.info.is_required() for a in bodies):
            op["requestBody"]["required"] = True
    status = str(route.status_code or 200)
    responses = {}
    if route.response_model is not None:
        success_schema = pydantic._type_schema(route.response_model, defs, ref)
    else:
        success_schema = {}
    responses[status] = {"description": route.response_description}
    if int(status) not in (204, 304) and int(status) >= 200:
        responses[status]["content"] = {"application/json": {"schema": success_schema}}
    for code, extra in route.responses.items():
        responses.setdefault(str(code), {"description": extra.get("description", http.HTTPStatus(int(code)).phrase if str(code).isdigit() else "Additional Response")})
    has_422 = bool(route.args) and not {"422", "4XX", "default"} & set(responses)
    if has_422:
        responses["422"] = {"description": "Validation Error", "content": {"application/json": {"schema": {"$ref": ref.format(model="HTTPValidationError")}}}}
    op["responses"] = responses
    return op, has_422


__all__ += ["Response", "JSONResponse", "HTMLResponse", "PlainTextResponse", "RedirectResponse", "ValidationError"]
