"""Runs the learner's code inside the lab and reports what happened.

The learner's file is compiled under its own name, so tracebacks and line
numbers are theirs; the runner's own frames are cut from the traceback.
"""

import builtins
import copy
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
import lab_evidence
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


# The lab's own sys.path (the standard library, then the lab's modules): no project folder on
# it, so nothing the lab imports for itself can come from the project (setupLab sets it).
_LAB_PATH = ()


def offer(modules_json):
    """Which stand-ins the lesson offers (setupLab calls this once, with the lab's sys.path set)."""
    global _HIDDEN, _LAB_PATH
    offered = set(json.loads(modules_json))
    _HIDDEN = frozenset(m for m in _STAND_INS if m not in offered)
    _LAB_PATH = tuple(sys.path)
    if not _PRISTINE:
        _capture()


# --- every program starts with the lab as it was: a new process does -----------------------------
# The functions and classes of the lab's modules (and of builtins) as the lab set them up. A
# program that replaces one (`lab.split = ...`, `lab.LogisticRegression.score = ...`,
# `builtins.print = ...`) changes it for itself only: the next program gets them back, as each
# `python main.py` is a new process. (The judge never reads them: it has its own, lab_judge.py.)
_PRISTINE = []
_OWN = (*_STAND_INS, "lab_runner", "lab_evidence", "builtins")
# Modules whose every name is the lab's setting (their state lives in lists kept by identity);
# the others keep their state (the tracking store's data, the served app) and get back their code.
_WHOLE = ("lab", "lab_runner", "lab_evidence")
# The runner's own bookkeeping, which it sets itself after each program (a program cannot leave a
# value there: run() writes `_last` once the program has ended): a rerun's fresh start keeps it,
# so a judge's second call of the last program finds it.
_RUNNER_STATE = ("_last", "_program_folder", "_kept_loads")


def _is_code(value):
    return isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type, functools.partial))


def _capture():
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] not in _OWN:
            continue
        saved = {k: v for k, v in vars(module).items() if name in _WHOLE or _is_code(v)}
        # The lab's own classes (builtins' types cannot be patched from Python).
        classes = {} if name == "builtins" else {k: dict(vars(v)) for k, v in saved.items() if isinstance(v, type) and getattr(v, "__module__", None) == name}
        _PRISTINE.append((module, saved, classes))


def _restore_lab():
    for module, saved, classes in _PRISTINE:
        namespace = vars(module)
        whole = module.__name__ in _WHOLE
        for key in [k for k, v in namespace.items() if k not in saved and (whole or _is_code(v)) and not (module.__name__ == "lab_runner" and k in _RUNNER_STATE)]:
            del namespace[key]  # what the program added
        for key, value in saved.items():
            if module.__name__ == "lab_runner" and key in _RUNNER_STATE:
                continue
            if namespace.get(key) is not value:
                namespace[key] = value
        for key, attrs in classes.items():
            cls = saved[key]
            for attr in [a for a in vars(cls) if a not in attrs]:
                try:
                    delattr(cls, attr)
                except (AttributeError, TypeError):
                    pass
            for attr, value in attrs.items():
                if attr not in ("__dict__", "__weakref__") and vars(cls).get(attr) is not value:
                    try:
                        setattr(cls, attr, value)
                    except (AttributeError, TypeError):
                        pass


# The last program's folder (`python <file>` puts it first on sys.path).
_program_folder = _HOME


class _as_program:
    """sys.path as the last program had it (its folder first) while the learner's code runs — the
    program, its served app's handlers, a check's requests — and the lab's own path after."""

    def __enter__(self):
        sys.path[:] = [_program_folder, *_LAB_PATH]

    def __exit__(self, *exc):
        sys.path[:] = _LAB_PATH


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
    learner's own modules imported afresh, its own output streams, the lab's modules as the lab set
    them up, and its namespace the real __main__."""
    _restore_lab()
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


_LOGS = ("_fits", "_scores", "_splits", "_predictions", "_drift_log", "_shown", "_training_log")


# The last program, for the judge's calls (lab_judge.py asks through the page: run it again,
# call one of its functions, send its app a request).
_last = None


def _promote(promote, models):
    """Before a rerun, the registry of another day: each model given (`{name: {alias: model}}`)
    is a new version of that registered model with the alias on it, as if another run had
    registered and promoted it. Then one more version that no alias names, a copy of the model's
    newest before, as a candidate registered since: an app that loads the newest version is not
    taken for one that follows the alias."""
    decoded = lab_evidence.Decoder(models, None).value(promote)
    for name, aliases in decoded.items():
        registered = _store.data()["registered_models"].get(name)
        newest = max(registered["versions"], key=int) if registered and registered["versions"] else None
        candidate = _store.resolve_model_uri(f"models:/{name}/{newest}")["model"] if newest else None
        for alias, model in aliases.items():
            _, version = _store.register_model_version(name, _store.log_model(None, model.to_dict(), "model", "sklearn"), None)
            _store.set_alias(name, alias, version)
        if candidate is not None:
            _store.register_model_version(name, _store.log_model(None, candidate, "model", "sklearn"), None)


def _rerun(files, journal, promote=None, models=None, requests=None):
    """The last program run once more, as a learner would run it again, optionally with some
    project files replaced (`{path: text}`: the same program on other data, so a decision is
    judged on inputs on both sides of it) or the registry's aliases moved (`promote`, see
    `_promote`), and its app sent `requests` (`[{method, path, body}]`) once it starts as uvicorn
    would start it. Its output is not shown, and the project, the tracking store, the served app
    and the first run's record are put back after it. Returns its record (with the runs it
    logged) and its app's answers and model loads, or why it failed. `journal`
    (rerunJournal.ts) keeps each file the rerun is about to change and puts them back after it:
    a copy of every file beforehand cost the project's size (issue 22)."""
    code, filename, _ = _last
    original = _store.data()
    store = copy.deepcopy(original)
    dirty = set(_store._dirty)
    logs = {name: list(getattr(lab, name)) for name in _LOGS}
    loads = list(_loads)
    served = {name: getattr(uvicorn, name) for name in ("_served", "_address", "_run_called", "_phase")}
    main = sys.modules.get("__main__")
    session = mlflow._save_session()  # a new process: no active run, no experiment set
    mlflow._reset_session()
    failure = None
    saved_streams = sys.stdout, sys.stderr
    answers = []
    journal.begin()
    # The first run's app keeps serving, untouched: the rerun's own server (its uvicorn.run(), or
    # the lab's start for `requests`) replaces it only until the rerun ends.
    uvicorn._set_aside()
    try:
        for path, text in (files or {}).items():
            with open(os.path.join(_HOME, path), "w", encoding="utf-8") as f:
                f.write(text)
        if promote:
            _promote(promote, models or {})
        for name in _LOGS:
            getattr(lab, name).clear()
        _loads.clear()
        uvicorn._new_run()
        before_runs = set(_store.data()["runs"])
        before_versions = {(n, v) for n, m in _store.data()["registered_models"].items() for v in m["versions"]}
        namespace = _new_program(filename)
        with open(os.devnull, "w") as quiet:
            sys.stdout = sys.stderr = quiet
            try:
                _learner(True)  # Stop and the time limit can end it, as they end the program
                with _as_program():
                    exec(compile(code, filename, "exec"), namespace)
            except SystemExit as exc:
                if exc.code not in (None, 0):
                    failure = f"exit status {exc.code}"
            except KeyboardInterrupt:
                failure = "it did not finish: stopped at the time limit"
            except Exception as exc:  # noqa: BLE001 - the learner's program, run again
                failure = f"{type(exc).__name__}: {exc}"
            finally:
                _learner(False)
                mlflow._safe_end_run()  # the rerun's exit, as at the end of any program
            if requests and failure is None:
                started = _start_server(namespace, filename)
                if started is not None:
                    failure = f"its app did not start: {started['type']}: {started['message']}"
                elif uvicorn._served is None:
                    failure = "it serves no app"
                else:
                    try:
                        _learner(True)
                        answers = [_request(r["method"], r["path"], r.get("body")) for r in requests]
                    except KeyboardInterrupt:
                        failure = "its app did not answer: stopped at the time limit"
                    finally:
                        _learner(False)
            sys.stdout, sys.stderr = saved_streams
        data = _store.data()
        runs = [copy.deepcopy(data["runs"][r]) for r in data["runs"] if r not in before_runs]
        record = None if failure else _record(namespace, runs)
        # What the rerun did to the registry (the judge's evidence has it of the first run, from the store's files).
        registry = {
            "versions": [{"name": n, "version": v} for n, m in data["registered_models"].items() for v in m["versions"] if (n, v) not in before_versions],
            "registry": copy.deepcopy(data["registered_models"]),
            "answers": answers,
            "loads": list(_loads),
        }
    finally:
        # As the first run left it, whatever the second did (or however it ended).
        _bring_back_quietly()
        journal.restore()
        # In place: the first run's report already holds this very store object.
        original.clear()
        original.update(store)
        _store._data = original
        _store._dirty.clear()
        _store._dirty.update(dirty)
        for name, values in logs.items():
            log = getattr(lab, name)
            log.clear()
            log.extend(values)
        _loads[:] = loads
        for name, value in served.items():
            setattr(uvicorn, name, value)
        mlflow._restore_session(session)
        if main is not None:
            sys.modules["__main__"] = main
    return {"failure": failure, "record": record, **({} if failure else registry)}


def _bring_back_quietly():
    """The program's own server back after a check's (`uvicorn._bring_back`). The check's app
    shuts down first, and its lifespan's shutdown is the learner's code: it runs as the learner's,
    silent, with Stop and the time limit able to end it."""
    saved_streams = sys.stdout, sys.stderr
    with open(os.devnull, "w") as quiet:
        sys.stdout = sys.stderr = quiet
        try:
            _learner(True)
            with _as_program():
                uvicorn._bring_back()
        except KeyboardInterrupt:
            pass  # its shutdown did not finish; the server is gone and the program's is back regardless
        finally:
            _learner(False)
            sys.stdout, sys.stderr = saved_streams


def _record(namespace, runs):
    """The run's record for the judge; a program that broke the lab's recording gets a record saying so."""
    try:
        return lab_evidence.record(namespace, _loads, uvicorn._served is not None, runs)
    except Exception as exc:  # noqa: BLE001 - the program changed the lab's modules
        return json.dumps({"unrecorded": f"{type(exc).__name__}: {exc}"})


def _call(name, args, kwargs, models):
    """One of the last program's top-level functions, called with the judge's arguments (quietly)."""
    namespace = _last[2]
    decode = lab_evidence.Decoder(models, None)
    function = namespace.get(name)
    saved_streams = sys.stdout, sys.stderr
    with open(os.devnull, "w") as quiet:
        sys.stdout = sys.stderr = quiet
        try:
            _learner(True)
            with _as_program():
                value = function(*decode.value(args), **decode.value(kwargs))
        except KeyboardInterrupt:
            return {"raised": {"type": "RuntimeError", "message": "it did not finish: stopped at the time limit"}}
        except Exception as exc:  # noqa: BLE001 - the learner's function raised: the check sees it raise
            return {"raised": {"type": type(exc).__name__, "message": str(exc)}}
        finally:
            _learner(False)
            sys.stdout, sys.stderr = saved_streams
    enc = lab_evidence.Encoder()
    encoded = enc.value(value)
    return {"value": encoded, "models": enc.models()}


def probe(need_json, journal):
    """What the judge asked of the last program (lab_judge's needs): its answer, as JSON. `journal`
    puts the project back after a rerun (rerunJournal.ts)."""
    need = json.loads(need_json)
    kind, args = need["kind"], need["args"]
    signal.signal(signal.SIGINT, _on_interrupt)
    if _last is None:
        raise RuntimeError("no program has run in this lab yet")
    if kind == "rerun":
        return json.dumps(_rerun(args["files"], journal, args.get("promote"), args.get("models"), args.get("requests")))
    if kind == "call":
        return json.dumps(_call(args["name"], args["args"], args["kwargs"], args["models"]))
    if kind == "request":
        answer = _quiet_request(args["method"], args["path"], args["body"])
        return json.dumps({"answer": answer, "loads": _loads})
    raise ValueError(f"the judge asked for {kind!r}, which the lab does not do")


def _request(method, path, body=None):
    with _as_program():
        return uvicorn._request(method, path, body)


def _quiet_request(method, path, body):
    """A check's own request: it does not log to the console."""
    with open(os.devnull, "w") as quiet:
        saved_streams = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = quiet
        try:
            _learner(True)
            return _request(method, path, body)
        finally:
            _learner(False)
            sys.stdout, sys.stderr = saved_streams


_kept_loads = []


def container_check(begin):
    """A check's own container (docker.ts tryContainer) is served between begin and end: the
    program's server, its folder and the model loads its run recorded are kept, and are back after it."""
    global _kept_loads, _program_folder
    if begin:
        _kept_loads = [list(_loads), _program_folder]
        uvicorn._set_aside()
    else:
        _bring_back_quietly()
        _loads[:], _program_folder = _kept_loads


def container_program(argv_json, folder, env_json, missing_json, root, container_id):
    """`docker run` of an image whose command is a Python program (`python app.py`, `-m`, `-c`):
    the program runs as the image's Python would run it, in its WORKDIR (`folder`), importing the
    image's files and only the lab modules pip installed there. What it serves is what its
    uvicorn.run() started. Returns JSON: the container's log (paths as the image has them, without
    the lab's `root`), its exit status, and the address served (None when it serves nothing)."""
    argv = json.loads(argv_json)
    uvicorn._new_run()
    with uvicorn._in_image(folder, json.loads(missing_json)):
        answer = json.loads(run_argv(json.dumps(argv[1:]), os.path.basename(argv[0]), folder, env_json, None))
    served = uvicorn._run_called and uvicorn._served is not None
    if served:
        uvicorn._image = (folder, tuple(json.loads(missing_json)), container_id)
    log = (answer["stdout"] + answer["stderr"]).replace(root, "")
    return json.dumps({"log": log, "code": answer["code"], "address": list(uvicorn._address) if served else None})


def container_request(method, path, body_json):
    """A check's request to the container it runs, on the host's port: the answer as JSON."""
    signal.signal(signal.SIGINT, _on_interrupt)
    return json.dumps(_quiet_request(method, path, json.loads(body_json)))


def request(method, path, body_json):
    """A request from the preview's console, to the app the lab's uvicorn serves."""
    body = json.loads(body_json) if body_json else None
    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        _learner(True)
        answer = _request(method, path, body)
    finally:
        _learner(False)
    return json.dumps(answer)


def _start_server(namespace, filename):
    """Serve the app the learner's module defined, as `uvicorn main:app` would (unless uvicorn.run did)."""
    with _as_program():
        exc = uvicorn._serve_module(namespace)
    return None if exc is None else _format_error(exc, filename)


# Stop and the time limit (SIGINT, through Pyodide's interrupt buffer) stop the learner's code
# only: an interrupt that lands in the lab's own work, before or after the program (the runner's
# frame, or with no learner code running), is dropped, so a finished run's result is never lost.
_learner_running = False


def _on_interrupt(signum, frame):
    if _learner_running and (frame is None or frame.f_code not in (run.__code__, request.__code__, _learner.__code__, probe.__code__, _rerun.__code__, _call.__code__)):
        raise KeyboardInterrupt


def _learner(running, clock=None):
    global _learner_running
    _learner_running = running
    if clock is not None:
        clock("running" if running else "ended")


def run(code, filename, variables_json, requests_json="[]", record=False, clock=None):
    """`clock(phase)`, if given, is told when the learner's program starts and ends: the page's
    time limit counts only that. `record`: the step has assert checks, so the answer carries the
    run's record for the judge (lab_evidence.py; judged in an interpreter of its own, lab_judge.py)."""
    global _program_folder, _last
    _restore_lab()  # before the runner's own work: the last program may have replaced what it uses
    signal.signal(signal.SIGINT, _on_interrupt)  # a program may have replaced it
    variables = json.loads(variables_json)
    requests = json.loads(requests_json)
    mlflow._reset_session()
    _store.SOURCE_NAME = filename
    lab._training_log.clear()
    lab._drift_log.clear()
    for log in (lab._fits, lab._scores, lab._splits, lab._predictions, lab._shown, _loads):
        log.clear()
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
    _program_folder = os.path.dirname(os.path.join(_HOME, filename))
    try:
        _learner(True, clock)
        with _as_program():
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
        # The process's exit, however the program ended: MLflow's atexit hook ends the run left open.
        mlflow._safe_end_run()
        _flush_output()

    responses = []
    if error is None:
        error = _start_server(namespace, filename)
        if error is None and uvicorn._served is not None:
            responses = [_request(r["method"], r["path"], r.get("body")) for r in requests]
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
    _last = (code, filename, namespace)
    evidence = _record(namespace, None) if record and error is None else None
    _store.save()
    return json.dumps(
        {
            "error": error,
            "stopped": stopped,
            "variables": {name: _describe(namespace[name]) for name in variables if name in namespace},
            "training": lab._training_log,
            "drift": [{k: v for k, v in d.items() if k != "values"} for d in lab._drift_log],
            "newRuns": [r for r in data["runs"] if r not in before_runs],
            "newVersions": new_versions,
            "server": uvicorn._openapi(),
            "responses": responses,
            "record": evidence,
            "shown": lab._shown,
        }
    )


def _argv_program(argv, name):
    """What `python ARGS` runs, as CPython reads its command line: (code, filename, sys.argv, module) or an error."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-V", "--version"):
            return ("version", None, None, None)
        if a in ("-c", "-m") or (a.startswith("-") and len(a) > 2 and a[1] in "cm"):
            value = a[2:] if len(a) > 2 else (argv[i + 1] if i + 1 < len(argv) else None)
            if value is None:
                return ("error", f"Argument expected for the {a[:2]} option\nusage: {name} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n", 2, None)
            rest = argv[i + (1 if len(a) > 2 else 2):]
            if a[1] == "c":
                return (value, "<string>", ["-c", *rest], None)
            return (None, None, [value, *rest], value)
        if a in ("-u", "-B", "-E", "-s", "-I", "-q"):
            i += 1  # no effect in the lab: unbuffered output, no .pyc, no user site or environment
            continue
        if a == "-" or not a.startswith("-"):
            return (a, a, argv[i:], None)
        return ("error", f"{name}: the lab's Python does not support the option {a}\n", 2, None)
    return ("-", "<stdin>", [""], None)


def run_argv(argv_json, name, cwd, env_json, stdin):
    """`python ARGS…` typed in the lab's shell: one program, as a new process would run it, in the
    shell's folder with its exported variables; its output and exit status go back to the shell."""
    import io
    import runpy

    _restore_lab()
    argv = json.loads(argv_json)
    env = json.loads(env_json)
    code, filename, args, module = _argv_program(argv, name)
    if code == "version":
        return json.dumps({"stdout": f"Python {sys.version.split()[0]}\n", "stderr": "", "code": 0})
    if code == "error":
        return json.dumps({"stdout": "", "stderr": filename, "code": args})
    if code == "-":
        code = stdin or ""
    elif filename not in ("<string>", "<stdin>") and module is None:
        path = os.path.join(cwd, filename)
        try:
            with open(path, encoding="utf-8") as f:
                code = f.read()
        except OSError as exc:
            # Linux's errno numbers, as a real `python` prints them (Emscripten's differ: ENOENT is 44 there).
            import errno as _errno

            linux = {_errno.ENOENT: 2, _errno.EISDIR: 21, _errno.EACCES: 13}.get(exc.errno, exc.errno)
            why = f"[Errno {linux}] {exc.strerror}"
            return json.dumps({"stdout": "", "stderr": f"{name}: can't open file {os.path.abspath(path)!r}: {why}\n", "code": 2})
    mlflow._reset_session()
    _store.SOURCE_NAME = filename or module
    if filename not in (None, "-", "<string>", "<stdin>") and module is None:
        # Python 3.9+: the script's __file__ and its traceback frames are its absolute path.
        filename = os.path.abspath(os.path.join(cwd, filename))
    namespace = _new_program(filename or "<run_path>")
    os.chdir(cwd)
    saved_env = dict(os.environ)
    os.environ.update(env)
    out, err = io.StringIO(), io.StringIO()
    saved = (sys.stdout, sys.stderr, sys.stdin, sys.argv)
    sys.stdout, sys.stderr, sys.argv = out, err, args
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    status = 0
    global _program_folder
    # sys.path[0] as python gives it: the script's folder, or the current one for -m, -c and stdin.
    script = filename not in (None, "<string>", "<stdin>") and module is None
    _program_folder = os.path.dirname(os.path.join(cwd, filename)) if script else cwd
    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        _learner(True)
        with _as_program():
            if module is not None:
                runpy.run_module(module, run_name="__main__", alter_sys=True)
            else:
                if script:
                    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
                exec(compile(code, filename, "exec"), namespace)
    except SystemExit as exc:
        if exc.code is None:
            status = 0
        elif isinstance(exc.code, int):
            status = exc.code & 0xFF
        else:
            print(exc.code, file=err)
            status = 1
    except KeyboardInterrupt as exc:
        err.write(_format_error(exc, filename)["traceback"])
        status = 130
    except ImportError as exc:
        if module is not None and getattr(exc, "name", None) in (None, module) and str(exc).startswith("No module named "):
            err.write(f"{name}: {exc}\n")
        else:
            err.write(_format_error(exc, filename)["traceback"])
        status = 1
    except BaseException as exc:  # noqa: BLE001 - every learner error is reported, none escapes
        err.write(_format_error(exc, filename)["traceback"])
        status = 1
    finally:
        _learner(False)
        mlflow._safe_end_run()  # the process's exit (MLflow's atexit hook)
        sys.stdout, sys.stderr, sys.stdin, sys.argv = saved
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(_HOME)
        _store.save()
    return json.dumps({"stdout": out.getvalue(), "stderr": err.getvalue(), "code": status})
