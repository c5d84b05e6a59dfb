"""The lab's FastAPI: routes, request-body validation with 422 `detail`
errors, a lifespan, HTTPException and an OpenAPI document — served by the
lab's model server at localhost:8000 (the lab's stand-in for uvicorn)."""

import inspect
import json
import re

from pydantic import BaseModel, ValidationError

__version__ = "0.115.0"


class HTTPException(Exception):
    def __init__(self, status_code, detail=None, headers=None):
        super().__init__(detail)
        self.status_code = status_code
        self.detail = detail


def _drive(coro):
    """Run a coroutine that never truly waits (the lab has no event loop to wait on)."""
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    coro.close()
    raise RuntimeError("The lab's server cannot wait on other tasks; remove the `await` from this function.")


class _Route:
    def __init__(self, method, path, func):
        self.method = method
        self.path = path
        self.func = func
        self.pattern = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$")


class FastAPI:
    def __init__(self, *, title="FastAPI", version="0.1.0", lifespan=None, **_ignored):
        self.title = title
        self.version = version
        self.routes = []
        self._lifespan = lifespan
        self._lifespan_cm = None

    def _add(self, method, path, **_options):
        def register(func):
            self.routes.append(_Route(method, path, func))
            return func

        return register

    def get(self, path, **options):
        return self._add("GET", path, **options)

    def post(self, path, **options):
        return self._add("POST", path, **options)

    def put(self, path, **options):
        return self._add("PUT", path, **options)

    def delete(self, path, **options):
        return self._add("DELETE", path, **options)

    # --- the server side -----------------------------------------------------

    def startup(self):
        if self._lifespan is not None:
            self._lifespan_cm = self._lifespan(self)
            _drive(self._lifespan_cm.__aenter__())

    def shutdown(self):
        if self._lifespan_cm is not None:
            _drive(self._lifespan_cm.__aexit__(None, None, None))
            self._lifespan_cm = None

    def openapi(self):
        paths = {}
        for route in self.routes:
            op = {"summary": route.func.__name__.replace("_", " ").title(), "responses": {"200": {"description": "Successful Response"}}}
            for name, param in inspect.signature(route.func).parameters.items():
                kind = param.annotation
                if inspect.isclass(kind) and issubclass(kind, BaseModel):
                    op["requestBody"] = {"content": {"application/json": {"schema": kind.model_json_schema()}}, "required": True}
                    op["responses"]["422"] = {"description": "Validation Error"}
            paths.setdefault(route.path, {})[route.method.lower()] = op
        return {"openapi": "3.1.0", "info": {"title": self.title, "version": self.version}, "paths": paths}

    def handle(self, method, path, body):
        """One request: (status code, JSON-able content)."""
        if path == "/openapi.json" and method == "GET":
            return 200, self.openapi()
        matches = [r for r in self.routes if r.pattern.match(path)]
        if not matches:
            return 404, {"detail": "Not Found"}
        route = next((r for r in matches if r.method == method), None)
        if route is None:
            return 405, {"detail": "Method Not Allowed"}
        path_params = route.pattern.match(path).groupdict()
        kwargs, errors = {}, []
        for name, param in inspect.signature(route.func).parameters.items():
            kind = param.annotation
            if name in path_params:
                raw = path_params[name]
                if kind is int:
                    try:
                        kwargs[name] = int(raw)
                    except ValueError:
                        errors.append({"type": "int_parsing", "loc": ["path", name], "msg": "Input should be a valid integer, unable to parse string as an integer", "input": raw})
                else:
                    kwargs[name] = raw
            elif inspect.isclass(kind) and issubclass(kind, BaseModel):
                if body is None:
                    errors.append({"type": "missing", "loc": ["body"], "msg": "Field required", "input": None})
                elif not isinstance(body, dict):
                    errors.append({"type": "model_attributes_type", "loc": ["body"], "msg": "Input should be a valid dictionary or object to extract fields from", "input": body})
                else:
                    values, problems = kind._validate(body, ("body",))
                    errors += [{**p, "loc": list(p["loc"])} for p in problems]
                    if not problems:
                        kwargs[name] = kind(**values)
            elif kind in (dict, list) or kind is inspect.Parameter.empty and method in ("POST", "PUT"):
                kwargs[name] = body
        if errors:
            return 422, {"detail": errors}
        try:
            result = route.func(**kwargs)
            if inspect.iscoroutine(result):
                result = _drive(result)
        except HTTPException as exc:
            return exc.status_code, {"detail": exc.detail}
        if isinstance(result, BaseModel):
            result = result.model_dump()
        json.dumps(result)  # as FastAPI would: the response must be JSON
        return 200, result
