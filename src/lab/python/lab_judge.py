"""The step's assert checks, judged in an interpreter of their own.

The learner's program never runs here. What it did arrives as data: its run's record
(lab_evidence.py, written where it ran, so it may have been tampered with) and the
project's files after the run (the tracking store among them). Before any check reads
the record, the judge recomputes what it claims — each fit is trained again on its
recorded rows and must give the recorded weights and losses, each seeded split is
shuffled again, each psi measured again — and takes the runs, versions and aliases from
the tracking store's file, before and after the run, rather than from the record.

What the checks ask of the program itself — run it again (`rerun`), send its app a
request (`request`), call one of its functions — goes back to the lab where the program
runs, one call at a time: `judge` stops at the first call it has no answer for and names
it; the page gets the answer from the lab and calls `judge` again with it. A check is
rerun from its start each time, with the answers it already has.
"""

import builtins
import json
import os
import random
import sys
import traceback

import lab
import lab_evidence

_NOT_FINISHED = "The program did not finish, so this could not be judged: fix its error first."
_TAMPERED = (
    "The lab's record of this run does not match what the judge recomputes ({why}), so no check could be judged. "
    "If your program changed the lab's modules (lab, mlflow, lab_runner), remove that and reload the page to start a fresh lab."
)


class _Need(BaseException):
    """A call the judge has no answer for yet (BaseException: a check's own `except Exception` does not swallow it)."""

    def __init__(self, key, kind, args):
        super().__init__(key)
        # `ask` travels to the lab as it is: the page never parses what the program's side reads or writes.
        self.need = {"key": key, "ask": json.dumps({"kind": kind, "args": args})}


# --- the tracking store, before and after the run -------------------------------------------------
_before = None


def store_before():
    """Read the tracking store as the run found it (the page lays out the project as it was first)."""
    global _before
    _before = _read_store()


def _read_store():
    # A file per run, parsed again only when it changed: a run that logs one run costs one file's
    # parse, however many runs the store holds.
    from mlflow import _store

    return _store.load(cached=True)


def _aliases(store):
    return {name: dict(m.get("aliases", {})) for name, m in store["registered_models"].items()}


def _from_store(before, after):
    new_runs = [after["runs"][r] for r in after["runs"] if r not in before["runs"]]
    old_versions = {(n, v) for n, m in before["registered_models"].items() for v in m["versions"]}
    versions = [{"name": n, "version": v} for n, m in after["registered_models"].items() for v in m["versions"] if (n, v) not in old_versions]
    # The models the new runs logged, as the lab's models: a check can tell which fit a run logged
    # (and so whether the run's params, curve and accuracy are that model's) by its weights.
    logged = {}
    for run in new_runs:
        for model_id in run.get("models", []):
            entry = after["logged_models"].get(model_id)
            try:
                model = lab.LogisticRegression.from_dict(entry["model"])
            except (KeyError, TypeError, ValueError):  # no such model, or one the store's file no longer describes
                continue
            logged[model_id] = {"name": entry["name"], "run_id": run["run_id"], "model": model}
    return {
        "runs": new_runs,
        "versions": versions,
        "registry": after["registered_models"],
        "logged_models": logged,
        "aliases_before": _aliases(before),
        "aliases_after": _aliases(after),
    }


# --- the record, rebuilt and checked ------------------------------------------------------------
def _rows(X):
    return {tuple(map(float, r)) for r in X}


# What the judge's own training gave for the last fits it checked, by their inputs: the same fit
# again (a rerun with the same seed, the learner's next Run) is not trained a third time.
_TRAINED = {}
_TRAINED_KEPT = 16


def _trained(X, y, learning_rate, epochs):
    key = json.dumps([X, y, learning_rate, epochs])
    found = _TRAINED.pop(key, None)
    if found is None:
        again = lab.LogisticRegression(learning_rate, epochs)
        again.fit(X, y)
        found = (again.to_dict(), [e.loss for e in again.history])
        while len(_TRAINED) >= _TRAINED_KEPT:
            del _TRAINED[next(iter(_TRAINED))]
    _TRAINED[key] = found
    return found


def _verify_fits(record, models):
    fits = []
    last_state = {}
    for i, f in enumerate(record["fits"]):
        state = f["state"]
        weights, losses = _trained(f["X"], f["y"], state["learning_rate"], state["epochs"])
        if not lab_evidence.same(weights, state) or not lab_evidence.same(losses, f["losses"]):
            raise ValueError(f"fit {i + 1}: training on its recorded rows gives other weights")
        last_state[f["model"]] = state
        fits.append({"model": models[f["model"]], "rows": _rows(f["X"]), "n_rows": len(f["X"]), "losses": list(f["losses"])})
    for number, state in last_state.items():
        if not lab_evidence.same(record["models"].get(number), state):
            raise ValueError(f"model {int(number) + 1}: its weights changed after fit()")
    return fits


def _verify_splits(record, decode):
    splits = []
    for i, s in enumerate(record["splits"]):
        data, order, cut, test_size = s["data"], s["order"], s["cut"], s["test_size"]
        if sorted(order) != list(range(len(data))) or cut != int(round(len(order) * (1 - test_size))):
            raise ValueError(f"split {i + 1}: its parts are not a split of its data")
        seed = decode.value(s["seed"])
        if isinstance(seed, (int, float, str, bytes, type(None))) and seed is not None:
            again = list(range(len(data)))
            random.Random(seed).shuffle(again)
            if again != order:
                raise ValueError(f"split {i + 1}: its seed gives another shuffle")
        whole = lab.Dataset(s["columns"], data, s["source"], s["target"])
        part = lambda idx: _rows(lab.Dataset(whole.columns, [whole.rows[k] for k in idx], target=whole.target).X)  # noqa: E731
        splits.append({"seed": seed, "test_size": test_size, "source": s["source"], "rows": len(data), "train": part(order[:cut]), "test": part(order[cut:])})
    return splits


def _verify_drift(record):
    drift = []
    for i, d in enumerate(record["drift"]):
        reference, current = d["values"]
        again = lab.psi(reference, current, d["bins"])
        if not lab_evidence.same(again, d["psi"]):
            raise ValueError(f"psi {i + 1}: its values give another PSI")
        drift.append({k: v for k, v in d.items() if k != "values"})
    return drift


def _rebuild(record, call):
    """The record as the checks read it: (namespace, evidence), each claim recomputed first."""
    for log in (lab._fits, lab._splits, lab._predictions, lab._scores, lab._drift_log, lab._training_log, lab._shown):
        log.clear()
    if "unrecorded" in record:
        raise _Tampered(f"the lab could not record the run: {record['unrecorded']}")
    decode = lab_evidence.Decoder(record["models"], call)
    try:
        evidence = {
            "fits": _verify_fits(record, decode.models),
            "splits": _verify_splits(record, decode),
            "drift": _verify_drift(record),
            "predictions": [{"model": decode.models[p["model"]], "rows": [tuple(r) for r in p["rows"]]} for p in record["predictions"]],
            "scores": [{**s, "model": decode.models[s["model"]]} for s in record["scores"]],
            "shown": record["shown"],
            "loads": list(record["loads"]),
            "served": bool(record["served"]),
        }
        if "runs" in record:
            evidence["runs"] = record["runs"]
        ns = {name: decode.value(v) for name, v in record["ns"].items()}
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise _Tampered(str(exc) if isinstance(exc, ValueError) else f"a malformed record: {type(exc).__name__}") from None
    finally:
        for log in (lab._fits, lab._splits, lab._predictions, lab._scores, lab._drift_log, lab._training_log, lab._shown):
            log.clear()
    return ns, evidence


class _Tampered(Exception):
    pass


# --- what the checks recompute with: a row is known by its feature values -----------------------
def _labels_of(*paths):
    """{row: label} for the datasets at `paths` (a row as a tuple of floats, as evidence has it)."""
    label = {}
    for path in paths:
        rows = lab.load_dataset(path)
        label.update({tuple(map(float, x)): y for x, y in zip(rows.X, rows.y)})
    return label


def _accuracy_of(model, rows, label):
    """The model's accuracy on `rows`, by the labels in `label`."""
    rows = list(rows)
    return sum(p == label[r] for p, r in zip(model.predict([list(r) for r in rows]), rows)) / len(rows)


def _flipped_labels(path, rows):
    """The CSV text of the dataset at `path` with the label (its last column, 0 or 1) of each of `rows`
    (rows as evidence has them) flipped: data for `rerun`, on which a value the program computes from
    those rows moves and a value typed into it stays."""
    rows = set(rows)
    with open(path, newline="") as f:
        lines = f.read().splitlines()
    out = lines[:1]
    for line in lines[1:]:
        cells = line.split(",")
        try:
            row = tuple(float(c) for c in cells[:-1])
        except ValueError:
            row = None
        if row in rows and cells[-1].strip() in ("0", "1"):
            cells[-1] = "0" if cells[-1].strip() == "1" else "1"
        out.append(",".join(cells))
    return "\n".join(out) + "\n"


def _tested_accuracies(evidence):
    """`tested_accuracies(label, fit=None)`: a fit's model's accuracy (the last fit's, unless another of
    `evidence["fits"]` is given) on each set of rows it could honestly be tested on — all the labelled rows
    it never trained on, and every set of such rows the program asked it about — and its accuracy on its
    own training rows, as `(held_out, on_training)`."""

    def tested_accuracies(label, fit=None):
        fit = fit or evidence["fits"][-1]
        model, trained = fit["model"], fit["rows"]
        unseen = [r for r in label if r not in trained]
        sets = ([unseen] if unseen else []) + [
            p["rows"] for p in evidence["predictions"] if p["model"] is model and p["rows"] and all(r in label and r not in trained for r in p["rows"])
        ]
        return [_accuracy_of(model, rows, label) for rows in sets], _accuracy_of(model, sorted(trained), label)

    return tested_accuracies


def _reported_fit(evidence):
    """`reported_fit(value, label)`: the fit whose model's accuracy on rows it never trained on is `value`
    (a fraction, or a percentage of it) — the model a program that trains several reports on — or the
    last fit when none is (then a check says what is wrong with `value`)."""
    tested = _tested_accuracies(evidence)

    def reported_fit(value, label):
        fits = evidence["fits"]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            for fit in reversed(fits):
                if any(abs(value - a) < 1e-9 or abs(value / 100 - a) < 1e-9 for a in tested(label, fit)[0]):
                    return fit
        return fits[-1]

    return reported_fit


def _registered_model(name, alias):
    """`registered_model(name, alias)`: the model the registry's alias points at, read from the project's tracking store."""
    import mlflow.pyfunc

    return mlflow.pyfunc.load_model(f"models:/{name}@{alias}")


# --- the lesson's helpers (content/<lesson>/checks.py) ------------------------------------------
# Loaded once, in the judge only: its functions and values are in every assert check's scope, and
# the check's own names (evidence, ns, rerun, request, …) are in theirs while the check runs.
_helpers = {}
_helpers_failed = None


def helpers(source):
    """Load the lesson's checks.py; a failure is every assert check's verdict, saying where."""
    global _helpers, _helpers_failed
    namespace = {"__name__": "checks", "__file__": "checks.py"}
    try:
        exec(compile(source, "checks.py", "exec"), namespace)
    except SyntaxError as exc:
        _helpers_failed = f"line {exc.lineno}: {exc.msg}"
        return
    except Exception as exc:  # noqa: BLE001 - an author's helper that cannot load fails the checks, saying why
        line = next((f.lineno for f in reversed(traceback.extract_tb(exc.__traceback__)) if f.filename == "checks.py"), None)
        _helpers_failed = f"{'line ' + str(line) + ': ' if line else ''}{type(exc).__name__}: {exc}"
        return
    _helpers, _helpers_failed = namespace, None


# --- one judgement ------------------------------------------------------------------------------
_job = None


class _Job:
    def __init__(self, record_json, error):
        self.error = error
        self.answers = {}
        self.problem = None
        self.calls = 0
        self.done = {}  # a check that reached its verdict keeps it: the calls it made were answered
        if error:
            return
        from mlflow import _store

        _store._data = None  # read again from the project's file
        global _before
        after = _read_store()
        before, _before = (_before if _before is not None else after), None
        try:
            self.ns, self.evidence = _rebuild(json.loads(record_json), self._call)
        except _Tampered as exc:
            self.problem = _TAMPERED.format(why=exc)
            return
        except ValueError:
            self.problem = _TAMPERED.format(why="a record that is not JSON")
            return
        self.evidence.update(_from_store(before, after))

    def ask(self, kind, args):
        """The answer to this call of the check now running, or stop the check and name the call."""
        key = f"{self.check}:{self.calls}:{kind}:{json.dumps(args, sort_keys=True)}"
        self.calls += 1
        if key not in self.answers:
            raise _Need(key, kind, args)
        return json.loads(self.answers[key])

    def _call(self, name, args, kwargs):
        enc = lab_evidence.Encoder()
        packed = {"name": name, "args": enc.value(list(args)), "kwargs": enc.value(dict(kwargs))}
        packed["models"] = enc.models()
        answer = self.ask("call", packed)
        if "raised" in answer:
            kind = getattr(builtins, answer["raised"]["type"], None)
            if isinstance(kind, type) and issubclass(kind, Exception):
                raise kind(answer["raised"]["message"])
            raise RuntimeError(f"{answer['raised']['type']}: {answer['raised']['message']}")
        return lab_evidence.Decoder(answer["models"], self._call).value(answer["value"])

    def _rerun(self, files=None, promote=None, requests=None):
        """`rerun(files=None, promote=None, requests=None)`: the program run once more where it ran, quietly, and the lab put back after.
        `files` replaces some project files (`{path: text}`); `promote` (`{name: {alias: model}}`) registers each model as a new version
        with the alias on it, then one more version no alias names; `requests` (`[(method, path, body)]`) are sent to the app the rerun
        serves. Returns `(ns, evidence)` of that run (its `runs` are the runs it logged, its `versions` and `aliases_after` what it did to
        the registry, its `answers` its app's answers and `loads` its model loads), or raises AssertionError saying why it failed."""
        args = {"files": files}
        if promote:
            enc = lab_evidence.Encoder()
            args["promote"] = enc.value(promote)
            args["models"] = enc.models()
        if requests:
            args["requests"] = [{"method": method, "path": path, "body": body} for method, path, body in requests]
        answer = self.ask("rerun", args)
        if answer.get("failure"):
            world = " on other data" if files else " with the registry's alias moved" if promote else ""
            failed = AssertionError(f"Run again{world}, the program failed ({answer['failure']}).")
            failed.failure = answer["failure"]  # the program's own error, for a check that words the failure itself
            raise failed
        try:
            ns, evidence = _rebuild(json.loads(answer["record"]), self._call)
        except _Tampered as exc:
            raise AssertionError(_TAMPERED.format(why=f"run again: {exc}")) from None
        # The registry as the rerun left it: the versions it registered, and the aliases before and after it.
        registry = answer["registry"]
        evidence.update(
            versions=answer["versions"],
            registry=registry,
            aliases_before=self.evidence.get("aliases_after", {}),
            aliases_after={name: dict(m.get("aliases", {})) for name, m in registry.items()},
            answers=answer["answers"],
            loads=answer["loads"],
        )
        return ns, evidence

    def _request(self, method, path, body=None):
        """`request(method, path, body=None)`: a request to the app the program serves, answered where it runs: `{"status", "json", ...}`; `evidence["loads"]` then holds the app's model loads so far."""
        answer = self.ask("request", {"method": method, "path": path, "body": body})
        self.evidence["loads"][:] = answer["loads"]  # the app's loads so far, as the console's requests add to them
        return answer["answer"]

    def verdict(self, number, code):
        if self.error:
            return _NOT_FINISHED
        if self.problem:
            return self.problem
        if _helpers_failed:
            return f"This could not be judged: the lesson's checks.py does not load ({_helpers_failed})."
        self.check, self.calls = number, 0
        scope = {
            "ns": dict(self.ns),
            "evidence": self.evidence,
            "request": self._request,
            "registered_model": _registered_model,
            "lab": lab,
            "rerun": self._rerun,
            "labels_of": _labels_of,
            "accuracy_of": _accuracy_of,
            "flipped_labels": _flipped_labels,
            "tested_accuracies": _tested_accuracies(self.evidence),
            "reported_fit": _reported_fit(self.evidence),
        }
        _helpers.update(scope)  # the helpers' functions see this check's names as their globals
        scope = {**{k: v for k, v in _helpers.items() if not k.startswith("__")}, **scope}
        with open(os.devnull, "w") as quiet:  # a check's prints are not the learner's output
            saved = sys.stdout, sys.stderr
            sys.stdout = sys.stderr = quiet
            try:
                exec(compile(code, "<check>", "exec"), scope)
                return None
            except AssertionError as exc:
                return str(exc) or "This check failed."
            except _Need:
                raise
            except Exception as exc:  # noqa: BLE001 - a check that cannot run fails, saying why
                return f"This could not be judged ({type(exc).__name__}: {exc})."
            finally:
                sys.stdout, sys.stderr = saved


def begin(record_json, error):
    """A new judgement of the run whose record this is (`error`: the program did not finish)."""
    global _job
    _job = _Job(record_json, bool(error))


def judge(asserts_json, answers_json):
    """Every check's verdict (None: it held), or the first call a check needs answered first."""
    _job.answers.update(json.loads(answers_json))
    verdicts = {}
    for number, code in enumerate(json.loads(asserts_json)):
        try:
            if number not in _job.done:
                _job.done[number] = _job.verdict(number, code)
            verdicts[code] = _job.done[number]
        except _Need as need:
            return json.dumps({"need": need.need})
    return json.dumps({"verdicts": verdicts})
