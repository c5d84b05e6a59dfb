"""The lab's uvicorn: the server behind localhost:8000.

`uvicorn.run(app, host=..., port=...)` starts it as uvicorn does (its log
lines, the app's lifespan), but cannot block the way the real one does (the
lab's Python must finish the program before the page can send requests), so
it returns at once, says so, and keeps serving the app after the program
ends. Without `uvicorn.run`, the lab serves the program's `app` as
`uvicorn main:app` would (lab_runner calls `_serve_module`). The preview's
console sends its requests through `_request`."""

import http
import importlib
import os
import sys
import traceback

__version__ = "0.32.0"

_PID = 42  # "Started server process [N]": the lab has no process ids to show
_CLIENT = "127.0.0.1:52814"  # the console's address as uvicorn's access log shows it
# A container sees the host's requests come from Docker's default bridge gateway.
_CLIENT_OF_CONTAINER = "172.17.0.1:52814"

_served = None  # the app being served
_address = ("127.0.0.1", 8000)
_run_called = False  # uvicorn.run() was called during the current program run
# Why the host's requests get no answer: a container's server bound to an address inside it.
_refused = None
# A container's app being served: (its WORKDIR, the lab modules its image lacks, its id). Its
# requests run in the image's Python as its start did, so a module imported inside an endpoint is
# guarded too, and what it logs answering them is kept for `docker logs`.
_image = None
# Container id -> what its app logged while answering requests (the last few containers).
_request_logs = {}
# What the server is doing, for the checks' evidence of when the app loads its model:
# "program" (the module itself), "startup" (the lifespan) or "request" (an endpoint).
_phase = "program"


def _log(line):
    print(line, file=sys.stderr)


def _phrase(status):
    # uvicorn's access log: http.HTTPStatus phrases (uvicorn/protocols/utils.py, STATUS_PHRASES)
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _stop():
    """The old server goes away (a new run replaces it); a failing shutdown cannot keep it."""
    global _served, _refused, _image
    app, _served, _refused, _image = _served, None, None, None
    if app is not None:
        try:
            app._shutdown()
        except Exception:  # noqa: BLE001 - the old server is going away regardless
            pass


def _start(app, host="127.0.0.1", port=8000):
    """Start serving `app` with uvicorn's startup log; returns the exception if the lifespan failed."""
    global _served, _address, _phase
    _stop()
    _log(f"INFO:     Started server process [{_PID}]")
    _log("INFO:     Waiting for application startup.")
    try:
        _phase = "startup"
        app._startup()
    except BaseException as exc:  # noqa: BLE001 - uvicorn reports any lifespan failure
        # Starlette sends lifespan.startup.failed with the traceback; uvicorn/lifespan/on.py logs
        # it, then "Application startup failed. Exiting."
        _log("ERROR:    " + "".join(traceback.format_exception(exc)).rstrip())
        _log("ERROR:    Application startup failed. Exiting.")
        return exc
    finally:
        _phase = "program"
    _log("INFO:     Application startup complete.")
    _log(f"INFO:     Uvicorn running on http://{host}:{port} (Press CTRL+C to quit)")
    _served = app
    _address = (host, port)
    return None


def _import_from_string(target):
    """uvicorn.importer.import_from_string, with its messages."""
    module_name, _, attrs = target.partition(":")
    if not module_name or not attrs:
        _log(f'ERROR:    Error loading ASGI app. Import string "{target}" must be in format "<module>:<attribute>".')
        sys.exit(1)
    sys.modules.pop(module_name, None)  # the file may have changed since an earlier run
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        _log(f'ERROR:    Error loading ASGI app. Could not import module "{module_name}".')
        sys.exit(1)
    app = module
    for attr in attrs.split("."):
        if not hasattr(app, attr):
            _log(f'ERROR:    Error loading ASGI app. Attribute "{attrs}" not found in module "{module_name}".')
            sys.exit(1)
        app = getattr(app, attr)
    return app


def run(app, *, host="127.0.0.1", port=8000, reload=False, workers=None, **_options):
    global _run_called
    if (reload or (workers or 1) > 1) and not isinstance(app, str):
        _log("WARNING:  You must pass the application as an import string to enable 'reload' or 'workers'.")
        sys.exit(1)
    if reload or (workers or 1) > 1:
        _log("lab: the lab's uvicorn does not support reload or workers; it serves the app once, without them.")
    if isinstance(app, str):
        app = _import_from_string(app)
    if not hasattr(app, "_startup"):
        raise NotImplementedError(f"the lab's uvicorn serves FastAPI apps only, not {type(app).__name__}")
    _run_called = True
    if _start(app, host, port) is not None:
        sys.exit(3)  # uvicorn's STARTUP_FAILURE
    _log(f"lab: uvicorn.run() returns here in the lab, and the app stays served at {host}:{port} after your program ends (a real uvicorn.run() blocks until CTRL+C).")


# --- used by lab_runner and the lab's docker ------------------------------------------------------


class _NotInImage:
    """The image's Python has only the packages pip installed in it: a lab module it lacks is not
    found, as in a python:3.x-slim image without it."""

    def __init__(self, missing):
        self.missing = missing

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.missing:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None


# Where the worker lays out each container's files (pythonRuntime.ts containerHost).
_CONTAINERS = "/lab/containers/"


class _in_image:
    """The image's Python while a container's program starts: it imports from the image's files
    (laid out under `folder`, its WORKDIR, where it starts) and not from the project folder, and of
    the lab's modules only those pip installed in it (`missing` are not found)."""

    def __init__(self, folder, missing, starting=True):
        self.folder = folder
        self.guard = _NotInImage(set(missing))
        # A container that starts imports its own files afresh; its requests keep the modules it has.
        self.starting = starting

    def __enter__(self):
        self.home = os.getcwd()
        self.saved_path = sys.path[:]
        sys.path[:] = [self.folder, *(p for p in sys.path if p not in ("", ".") and not os.path.abspath(p).startswith(self.home))]
        # Modules the lab imported already are cached: the image's app must not see those it lacks;
        # nor modules an earlier container imported from its own files.
        self.cached = {}
        for name, module in list(sys.modules.items()):
            place = str(getattr(module, "__file__", None) or "")
            if name.partition(".")[0] in self.guard.missing:
                self.cached[name] = sys.modules.pop(name)
            elif self.starting and place.startswith(_CONTAINERS):
                del sys.modules[name]
        sys.meta_path.insert(0, self.guard)
        os.chdir(self.folder)
        return self

    def __exit__(self, *exc):
        os.chdir(self.home)
        sys.path[:] = self.saved_path
        sys.meta_path.remove(self.guard)
        sys.modules.update(self.cached)


def _serve_container(folder, target, host, port, refused, missing=(), container_id=None):
    """`docker run` of an image whose command is uvicorn: import `target` from the image's files
    and serve it as uvicorn would. `refused` says why the host cannot reach it (a server bound
    inside the container), or is None. Returns the container's log and its exit status (None while
    it serves)."""
    import contextlib
    import io

    global _refused, _image
    log = io.StringIO()
    with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log), _in_image(folder, missing):
        try:
            app = _import_from_string(target)
        except SystemExit as exc:
            return log.getvalue(), exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # noqa: BLE001 - the app's own import error ends the container, as in uvicorn
            traceback.print_exception(exc)
            return log.getvalue(), 1
        if not hasattr(app, "_startup"):
            _log(f"lab: the lab's uvicorn serves FastAPI apps only, not {type(app).__name__}")
            return log.getvalue(), 1
        if _start(app, host, port) is not None:
            return log.getvalue(), 3  # uvicorn's STARTUP_FAILURE
    _refused = refused
    _image = (folder, tuple(missing), container_id)
    return log.getvalue(), None


def _refuse(reason):
    """A container program's server (its uvicorn.run) is bound or published so that the host's requests get no answer: why."""
    global _refused
    _refused = reason


_aside = None  # the program's server, kept while a check's container is served


def _set_aside():
    """A check is about to run a container of its own: the program's server is kept, not shut down."""
    global _aside, _served, _refused, _image
    _aside = (_served, _address, _refused, _image)
    _served = _refused = _image = None


def _bring_back():
    """The check's container stops, and the program's server is back as it was."""
    global _aside, _served, _address, _refused, _image
    try:
        _stop()
    finally:  # even when Stop or the time limit ends the stopped app's shutdown code
        if _aside is not None:
            _served, _address, _refused, _image = _aside
            _aside = None


# --- used by lab_runner ------------------------------------------------------------------------


def _new_run():
    global _run_called
    _run_called = False


def _serve_module(namespace):
    """After a program without uvicorn.run(): serve its `app` (or its one FastAPI app).
    Returns the lifespan's exception, or None."""
    if _run_called:
        return None
    _stop()
    # A program that never imported fastapi made no app; importing it here for nothing
    # made such a program's first run in a lab ~140 ms slower.
    FastAPI = getattr(sys.modules.get("fastapi"), "FastAPI", None)
    if not isinstance(FastAPI, type):
        return None
    app = namespace.get("app")
    if not isinstance(app, FastAPI):
        app = next((v for v in namespace.values() if isinstance(v, FastAPI)), None)
    if app is None:
        return None
    return _start(app)


def _openapi():
    """The served app's OpenAPI document for the preview, or a stand-in saying why there is none
    (e.g. FastAPI(title={}) fails at /openapi.json as in FastAPI; the preview must still draw)."""
    import json

    if _served is None:
        return None
    import fastapi

    try:
        doc = _served.openapi()
        # A custom app.openapi() may return anything: the preview reads only a document that passes
        # the checks FastAPI's own document passes.
        fastapi._OpenAPI.model_validate(doc)
        doc = {**doc, "paths": doc.get("paths") or {}}
        json.dumps(doc, allow_nan=False)
        return doc
    except Exception as exc:  # noqa: BLE001 - whatever breaks the document, the preview shows it
        return {"openapi": "3.1.0", "info": {"title": "", "version": ""}, "paths": {}, "failed": f"{type(exc).__name__}: {exc}"}


class _Tee:
    def __init__(self, *streams):
        self.streams = streams

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self):
        for stream in self.streams:
            stream.flush()


def _request(method, url, body):
    """One request from the console, with uvicorn's access log line. The exchange as a dict. A
    container's app answers in the image's Python, and its log lines are kept for `docker logs`."""
    import contextlib
    import io

    if _served is None or _image is None:
        return _answer(method, url, body)
    folder, missing, container_id = _image
    if container_id not in _request_logs:
        while len(_request_logs) >= 8:
            del _request_logs[next(iter(_request_logs))]
        _request_logs[container_id] = io.StringIO()
    saved = sys.stderr
    sys.stderr = _Tee(saved, _request_logs[container_id])
    try:
        with _in_image(folder, missing, starting=False) if _refused is None else contextlib.nullcontext():
            return _answer(method, url, body)
    finally:
        sys.stderr = saved


def _container_log(container_id):
    """What a container's app logged answering requests, for `docker logs` after its start."""
    kept = _request_logs.get(container_id)
    return kept.getvalue() if kept is not None else ""


def _answer(method, url, body):
    import json

    if _served is None:
        return {"method": method, "path": url, "body": body, "status": 0, "json": "No server is running: run your app first."}
    if _refused is not None:
        return {"method": method, "path": url, "body": body, "status": 0, "json": _refused}
    global _phase
    host, port = _address
    try:
        _phase = "request"
        response = _served._handle(method, url, body, f"http://{host}:{port}")
    except Exception as exc:  # noqa: BLE001 - a bug in an endpoint is a 500, as on a real server
        _log("ERROR:    Exception in ASGI application")
        traceback.print_exception(exc, file=sys.stderr)
        from fastapi.responses import PlainTextResponse

        response = PlainTextResponse("Internal Server Error", status_code=500)
    finally:
        _phase = "program"
    _log(f'INFO:     {_CLIENT if _image is None else _CLIENT_OF_CONTAINER} - "{method} {url} HTTP/1.1" {response.status_code} {_phrase(response.status_code)}')
    text = response.body.decode("utf-8", "replace")
    content = json.loads(text) if response.headers.get("content-type") == "application/json" else text
    return {"method": method, "path": url, "body": body, "status": response.status_code, "json": content, "headers": dict(response.headers)}
