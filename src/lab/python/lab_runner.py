"""Runs the learner's code inside the lab and reports what happened.

The learner's file is compiled under its own name, so tracebacks and line
numbers are theirs; the runner's own frames are cut from the traceback.
"""

import json
import linecache
import sys
import traceback

import lab
import mlflow
import uvicorn
from mlflow import _store

_SIMPLE = (int, float, str, bool, type(None))


def _describe(value):
    if isinstance(value, _SIMPLE):
        return value if not isinstance(value, float) or value == value else None
    return repr(value)[:200]


def _format_error(exc, filename):
    """A traceback like Python's, keeping only frames from the learner's file and the lab's modules."""
    te = traceback.TracebackException.from_exception(exc)
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename == filename or f.filename.startswith("/lab/lib/") and "lab_runner" not in f.filename]
    )
    text = "".join(te.format())
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    else:
        for frame in te.stack:
            if frame.filename == filename:
                line = frame.lineno
    message = str(exc)
    if isinstance(exc, RecursionError):
        message = "maximum recursion depth exceeded — is a function calling itself without a base case?"
    if isinstance(exc, MemoryError):
        message = "the lab ran out of memory — is a list or string growing without end?"
    return {"type": type(exc).__name__, "message": message, "traceback": text, "line": line}


def request(method, path, body_json):
    """A request from the preview's console, to the app the lab's uvicorn serves."""
    body = json.loads(body_json) if body_json else None
    return json.dumps(uvicorn._request(method, path, body))


def _start_server(namespace, filename):
    """Serve the app the learner's module defined, as `uvicorn main:app` would (unless uvicorn.run did)."""
    exc = uvicorn._serve_module(namespace)
    return None if exc is None else _format_error(exc, filename)


def run(code, filename, variables_json, requests_json="[]"):
    variables = json.loads(variables_json)
    requests = json.loads(requests_json)
    mlflow._reset_session()
    _store.SOURCE_NAME = filename
    lab._training_log.clear()
    lab._drift_log.clear()
    uvicorn._new_run()
    before_runs = set(_store.data()["runs"])
    before_versions = {
        (name, v) for name, m in _store.data()["registered_models"].items() for v in m["versions"]
    }

    lines = code.splitlines(True)
    linecache.cache[filename] = (len(code), None, lines, filename)
    namespace = {"__name__": "__main__", "__file__": filename}
    error = None
    stopped = False
    try:
        exec(compile(code, filename, "exec"), namespace)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            error = {"type": "SystemExit", "message": f"exit status {exc.code}", "traceback": f"SystemExit: {exc.code}\n", "line": None}
    except KeyboardInterrupt as exc:
        stopped = True
        error = _format_error(exc, filename)
    except BaseException as exc:  # noqa: BLE001 - every learner error is reported, none escapes
        error = _format_error(exc, filename)
    finally:
        # A run left open ends as the process would end it.
        while mlflow._active_runs:
            mlflow.end_run("FINISHED" if error is None else "FAILED")
        sys.stdout.flush()
        sys.stderr.flush()

    responses = []
    if error is None:
        error = _start_server(namespace, filename)
        if error is None and uvicorn._served is not None:
            responses = [uvicorn._request(r["method"], r["path"], r.get("body")) for r in requests]
    else:
        # The program failed, so its server is not restarted; the old one stops.
        uvicorn._stop()

    _store.save()
    data = _store.data()
    new_versions = [
        {"name": name, "version": v}
        for name, m in data["registered_models"].items()
        for v in m["versions"]
        if (name, v) not in before_versions
    ]
    return json.dumps(
        {
            "error": error,
            "stopped": stopped,
            "variables": {name: _describe(namespace[name]) for name in variables if name in namespace},
            "training": lab._training_log,
            "drift": lab._drift_log,
            "newRuns": [r for r in data["runs"] if r not in before_runs],
            "newVersions": new_versions,
            "tracking": _store.for_json(data),  # NaN/±inf as strings: JSON.parse has no NaN
            "server": uvicorn._openapi(),
            "responses": responses,
        }
    )
