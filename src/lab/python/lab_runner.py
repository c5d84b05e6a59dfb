"""Runs the learner's code inside the lab and reports what happened.

The learner's file is compiled under its own name, so tracebacks and line
numbers are theirs; the runner's own frames are cut from the traceback.
"""

import builtins
import functools
import importlib
import json
import linecache
import math
import os
import pkgutil
import signal
import sys
import traceback
import types

import lab
import mlflow
import uvicorn
from mlflow import _store

_SIMPLE = (int, float, str, bool, type(None))


def _describe(value):
    if isinstance(value, _SIMPLE):
        # NaN and ±inf have no JSON form: they travel as their repr ('nan', 'inf'), which no number check passes.
        return value if not isinstance(value, float) or math.isfinite(value) else repr(value)
    return repr(value)[:200]


# Where the runner lives, and the project folder every program starts in (setupLab
# changes into it before importing the runner).
_RUNNER_FILE = __file__
_HOME = os.getcwd()

# The lab's stand-ins for real packages, and what the lab offers instead of the
# packages learners most often reach for.
_STAND_INS = ("lab", "mlflow", "fastapi", "pydantic", "uvicorn")
# The stand-ins this lesson does not offer (its lab: modules): the learner's imports
# of them fail as in a Python without the package; the runner and the stand-ins
# themselves still use them.
_HIDDEN = frozenset()


def offer(modules_json):
    """Which stand-ins the lesson offers (setupLab calls this once)."""
    global _HIDDEN
    offered = set(json.loads(modules_json))
    _HIDDEN = frozenset(m for m in _STAND_INS if m not in offered)


def _offers():
    named = [m for m in ("lab", "mlflow", "fastapi", "pydantic") if m not in _HIDDEN]
    modules = f", the lab's modules ({', '.join(named)})" if named else ""
    return (
        f"The lab's Python has CPython's standard library{modules} "
        "and your project's .py files; it cannot install packages (there is no pip) and has no network."
    )


_real_import = builtins.__import__
_LAB_SIDE = frozenset((*_STAND_INS, "lab_runner"))


def _lab_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and _HIDDEN and name.partition(".")[0] in _HIDDEN:
        caller = globals.get("__name__", "") if isinstance(globals, dict) else ""
        if not isinstance(caller, str) or caller.partition(".")[0] not in _LAB_SIDE:
            top = name.partition(".")[0]
            raise ModuleNotFoundError(f"No module named '{top}'", name=top)
    return _real_import(name, globals, locals, fromlist, level)


builtins.__import__ = _lab_import
_INSTEAD = {
    "pandas": "The lab has no pandas: lab.load_dataset(path) reads a CSV into a dataset (len, .head(), .column(name), .X, .y), and Python's csv module reads any CSV.",
    "numpy": "The lab has no numpy: use lists and the math and statistics modules; lab.LogisticRegression does the model's arithmetic.",
    "sklearn": "The lab has no scikit-learn: lab.split(data, test_size=0.2, seed=42) splits a dataset, and lab.LogisticRegression(learning_rate, epochs) has fit, predict, predict_proba and score.",
    "scipy": "The lab has no scipy: lab.psi(reference, current) measures drift, and the statistics module has means, deviations and quantiles.",
    "requests": "The lab has no requests and no network: run your FastAPI app and send it requests from the console at localhost:8000.",
    "httpx": "The lab has no httpx and no network: run your FastAPI app and send it requests from the console at localhost:8000.",
}
_NO_KEYBOARD = "The lab's programs cannot read from the keyboard (input() finds no input): set the value in your code instead."


def _stand_in_contents(top):
    module = sys.modules.get(top)
    names = sorted(m.name for m in pkgutil.iter_modules(getattr(module, "__path__", []) or []) if not m.name.startswith("_"))
    return f" (it has {', '.join(f'{top}.{n}' for n in names)})" if names else ""


def _hint(exc):
    """A line saying what the lab lacks or offers instead, for errors the lab itself causes."""
    if isinstance(exc, EOFError) and str(exc) == "EOF when reading a line":
        return _NO_KEYBOARD
    if isinstance(exc, AttributeError) and isinstance(getattr(exc, "obj", None), types.ModuleType):
        module = exc.obj.__name__
        if str(exc).startswith("the lab's"):
            return None  # the stand-in's own message already says what it lacks
        if module.partition(".")[0] in _STAND_INS and module != "lab":
            return f"The lab's {module} is a small stand-in with part of the real API: check the name; the lab may not support it."
        return None
    if not isinstance(exc, ImportError) or not exc.name:
        return None
    top = exc.name.partition(".")[0]
    if isinstance(exc, ModuleNotFoundError):
        if top in _HIDDEN:
            return f"This lesson's lab does not include {top}. {_offers()}"
        if top in _STAND_INS:
            return f"The lab's {top} is a small stand-in for the real package: it has no {exc.name}{_stand_in_contents(top)}."
        if top in _INSTEAD:
            return _INSTEAD[top]
        if top in sys.stdlib_module_names:
            return f"The lab's Python (CPython built for the browser by Pyodide) does not include the standard library's {top} module."
        return _offers()
    if exc.name == "lab" and getattr(exc, "name_from", None):
        names = sorted(n for n in vars(lab) if not n.startswith("_") and callable(getattr(lab, n)) and getattr(getattr(lab, n), "__module__", "") == "lab")
        return f"The lab module has {', '.join(names)}."
    if top in _STAND_INS and getattr(exc, "name_from", None):
        return f"The lab's {exc.name} is a small stand-in with part of the real API: check the name; the lab may not support it."
    return None


def _format_error(exc, filename):
    """A traceback like Python's, without the runner's own frames (a real `python main.py` has none of them)."""
    te = traceback.TracebackException.from_exception(exc)
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename != _RUNNER_FILE])
    hint = _hint(exc)
    if hint:
        # Shown as Python shows an exception's notes (PEP 678): after the error line.
        te.__notes__ = [*(te.__notes__ or []), hint]
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
    if hint:
        message = f"{message}\n{hint}"
    return {"type": type(exc).__name__, "message": message, "traceback": text, "line": line}


def _flush_output():
    """Flush what the program wrote, a last unfinished line too (an input() prompt, a
    print(end="")), as a real process's exit does; Pyodide passes a line on only at its
    newline or at an fsync."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass  # a stream the program closed or replaced
    for fd in (1, 2):
        try:
            os.fsync(fd)
        except OSError:
            pass


def _new_program(filename):
    """A fresh start, as each `python main.py` is a new process: in the project folder, the
    learner's own modules imported afresh, its own output streams, and its namespace the real __main__."""
    os.chdir(_HOME)
    for name, fd in (("stdout", 1), ("stderr", 2)):
        stream = getattr(sys, f"__{name}__")
        if stream is None or stream.closed:  # a program closed it; a new process has it open
            stream = open(fd, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)  # noqa: SIM115
            setattr(sys, f"__{name}__", stream)
        setattr(sys, name, stream)
    home = _HOME.rstrip("/") + "/"
    for name, module in list(sys.modules.items()):
        places = [getattr(module, "__file__", None) or "", *(getattr(module, "__path__", None) or [])]
        if any(str(place).startswith(home) for place in places):
            del sys.modules[name]
    importlib.invalidate_caches()
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    return main.__dict__


# --- evidence for the steps' assert checks ------------------------------------------------------
# Every model the program or its served app loads from the registry is recorded with when it
# was loaded (uvicorn._phase), so a check can tell "once at startup" from "on every request".
_loads = []
_UNRECORDED = {}


def _recording(module, attr):
    original = getattr(module, attr)
    _UNRECORDED[f"{module.__name__}.{attr}"] = original

    @functools.wraps(original)
    def load_model(model_uri, *args, **kwargs):
        model = original(model_uri, *args, **kwargs)
        _loads.append({"uri": model_uri, "phase": uvicorn._phase, "via": f"{module.__name__}.{attr}"})
        return model

    setattr(module, attr, load_model)


def _record_loads():
    import mlflow.pyfunc
    import mlflow.sklearn

    if not _UNRECORDED:
        _recording(mlflow.pyfunc, "load_model")
        _recording(mlflow.sklearn, "load_model")


_record_loads()


def _aliases():
    return {name: dict(m.get("aliases", {})) for name, m in _store.data()["registered_models"].items()}


def _champion_model(name="failure-classifier"):
    """The model the registry's champion alias points at, loaded for the check (not recorded)."""
    return _UNRECORDED["mlflow.pyfunc.load_model"](f"models:/{name}@champion")


def _judge_asserts(asserts, namespace, evidence, error):
    """Run each assert check against the program's namespace and the run's evidence: None
    when it passed, else the message to show (its AssertionError's text)."""
    verdicts = {}
    for code in asserts:
        if error is not None:
            verdicts[code] = "The program did not finish, so this could not be judged: fix its error first."
            continue
        scope = {
            "ns": dict(namespace),
            "evidence": evidence,
            "request": lambda method, path, body=None: uvicorn._request(method, path, body),
            "champion_model": _champion_model,
            "lab": lab,
        }
        try:
            with open(os.devnull, "w") as quiet:  # the check's own requests do not log to the console
                saved = sys.stdout, sys.stderr
                sys.stdout = sys.stderr = quiet
                try:
                    exec(compile(code, "<check>", "exec"), scope)
                finally:
                    sys.stdout, sys.stderr = saved
            verdicts[code] = None
        except AssertionError as exc:
            verdicts[code] = str(exc) or "This check failed."
        except Exception as exc:  # noqa: BLE001 - a check that cannot run fails, saying why
            verdicts[code] = f"This could not be judged ({type(exc).__name__}: {exc})."
    return verdicts


def request(method, path, body_json):
    """A request from the preview's console, to the app the lab's uvicorn serves."""
    body = json.loads(body_json) if body_json else None
    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        _learner(True)
        answer = uvicorn._request(method, path, body)
    finally:
        _learner(False)
    return json.dumps(answer)


def _start_server(namespace, filename):
    """Serve the app the learner's module defined, as `uvicorn main:app` would (unless uvicorn.run did)."""
    exc = uvicorn._serve_module(namespace)
    return None if exc is None else _format_error(exc, filename)


# Stop and the time limit (SIGINT, through Pyodide's interrupt buffer) stop the learner's code
# only: an interrupt that lands in the lab's own work, before or after the program (the runner's
# frame, or with no learner code running), is dropped, so a finished run's result is never lost.
_learner_running = False


def _on_interrupt(signum, frame):
    if _learner_running and (frame is None or frame.f_code not in (run.__code__, request.__code__, _learner.__code__)):
        raise KeyboardInterrupt


def _learner(running, clock=None):
    global _learner_running
    _learner_running = running
    if clock is not None:
        clock("running" if running else "ended")


def run(code, filename, variables_json, requests_json="[]", asserts_json="[]", clock=None):
    """`clock(phase)`, if given, is told when the learner's program starts and ends: the page's
    time limit counts only that."""
    signal.signal(signal.SIGINT, _on_interrupt)  # a program may have replaced it
    variables = json.loads(variables_json)
    requests = json.loads(requests_json)
    asserts = json.loads(asserts_json)
    mlflow._reset_session()
    _store.SOURCE_NAME = filename
    lab._training_log.clear()
    lab._drift_log.clear()
    for log in (lab._fits, lab._scores, lab._splits, lab._shown, _loads):
        log.clear()
    aliases_before = _aliases()
    uvicorn._new_run()
    before_runs = set(_store.data()["runs"])
    before_versions = {
        (name, v) for name, m in _store.data()["registered_models"].items() for v in m["versions"]
    }

    lines = code.splitlines(True)
    linecache.cache[filename] = (len(code), None, lines, filename)
    namespace = _new_program(filename)
    error = None
    stopped = False
    try:
        _learner(True, clock)
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
        _learner(False, clock)
        # A run left open ends as the process would end it.
        while mlflow._active_runs:
            mlflow.end_run("FINISHED" if error is None else "FAILED")
        _flush_output()

    responses = []
    if error is None:
        error = _start_server(namespace, filename)
        if error is None and uvicorn._served is not None:
            responses = [uvicorn._request(r["method"], r["path"], r.get("body")) for r in requests]
    else:
        # The program failed, so its server is not restarted; the old one stops.
        uvicorn._stop()

    data = _store.data()
    new_versions = [
        {"name": name, "version": v}
        for name, m in data["registered_models"].items()
        for v in m["versions"]
        if (name, v) not in before_versions
    ]
    evidence = {
        "fits": list(lab._fits),
        "scores": list(lab._scores),
        "splits": list(lab._splits),
        "drift": list(lab._drift_log),
        "loads": _loads,  # the checks' own requests add to it, as the console's would
        "aliases_before": aliases_before,
        "aliases_after": _aliases(),
        "runs": [data["runs"][r] for r in data["runs"] if r not in before_runs],
        "versions": new_versions,
        "registry": data["registered_models"],
        "served": uvicorn._served is not None,
        "shown": list(lab._shown),
    }
    verdicts = _judge_asserts(asserts, namespace, evidence, error) if asserts else {}
    tracking = _store.for_json(data) if _store.changed() else None  # unchanged: the page keeps the one it has
    _store.save()
    return json.dumps(
        {
            "error": error,
            "stopped": stopped,
            "variables": {name: _describe(namespace[name]) for name in variables if name in namespace},
            "training": lab._training_log,
            "drift": lab._drift_log,
            "newRuns": [r for r in data["runs"] if r not in before_runs],
            "newVersions": new_versions,
            "tracking": tracking,  # NaN/±inf as strings: JSON.parse has no NaN
            "server": uvicorn._openapi(),
            "responses": responses,
            "asserts": verdicts,
            "shown": lab._shown,
        }
    )
