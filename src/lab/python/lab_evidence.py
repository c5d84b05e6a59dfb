"""The record of a run, as data: written where the learner's program ran (lab_runner),
read where the checks run (lab_judge), in an interpreter the program never touched.

Nothing crosses as a live object. Values become JSON with a few tagged shapes (a tuple,
a set, a dict with any keys, a lab Dataset or Column, a model by its number in the
record, a function by its name, anything else by its type and repr); a model is its
weights. The judge rebuilds each value with its own lab module, so a check that asks a
model for its predictions asks the judge's copy of that model, and it recomputes what
the record claims (lab_judge.verify) before any check reads it.
"""

import json

import lab

# Past these, a value crosses as its type and repr only: a record stays small enough to send.
MAX_NODES = 500_000
MAX_DEPTH = 40
_SIMPLE = (bool, int, str, type(None))


class _Budget:
    def __init__(self):
        self.left = MAX_NODES


class Encoder:
    """Values of the learner's run as JSON-ready data; every model met gets a number."""

    def __init__(self):
        self._models = {}  # id(model) -> (number, model)
        self._budget = _Budget()

    def model(self, model):
        entry = self._models.get(id(model))
        if entry is None:
            entry = (str(len(self._models)), model)
            self._models[id(model)] = entry
        return entry[0]

    def models(self):
        """Each model's state now: its weights once fitted, else its settings."""
        out = {}
        for number, model in self._models.values():
            try:
                out[number] = model.to_dict() if model.weights is not None else {"unfitted": True, "learning_rate": model.learning_rate, "epochs": model.epochs}
            except Exception:  # noqa: BLE001 - a model the program broke crosses as broken
                out[number] = {"broken": True}
        return out

    def value(self, value, top_name=None, depth=0, path=()):
        budget = self._budget
        budget.left -= 1
        if isinstance(value, _SIMPLE):
            return value
        if isinstance(value, float):
            return value
        if budget.left <= 0 or depth > MAX_DEPTH or id(value) in path:
            return self._opaque(value)
        inner = (*path, id(value))
        try:
            if isinstance(value, lab.LogisticRegression):
                return {"$": "model", "id": self.model(value)}
            if isinstance(value, lab.Dataset):
                return {"$": "dataset", "columns": list(value.columns), "rows": [list(r) for r in value.rows], "source": _plain(value.source), "target": _plain(value.target)}
            if isinstance(value, lab.Column):
                return {"$": "column", "values": list(value), "name": _plain(value.name), "source": _plain(value.source)}
            if isinstance(value, lab.Epoch):
                return {"$": "epoch", "epoch": value.epoch, "loss": value.loss, "accuracy": value.accuracy}
            if type(value) is list:
                return [self.value(v, None, depth + 1, inner) for v in value]
            if type(value) is tuple:
                return {"$": "tuple", "items": [self.value(v, None, depth + 1, inner) for v in value]}
            if type(value) in (set, frozenset):
                return {"$": "set", "items": [self.value(v, None, depth + 1, inner) for v in value]}
            if type(value) is dict:
                return {"$": "dict", "items": [[self.value(k, None, depth + 1, inner), self.value(v, None, depth + 1, inner)] for k, v in value.items()]}
        except Exception:  # noqa: BLE001 - a value the program broke crosses as its repr
            return self._opaque(value)
        if top_name is not None and callable(value) and not isinstance(value, type(lab)):
            return {"$": "call", "name": top_name, "repr": _repr(value)}
        return self._opaque(value)

    def _opaque(self, value):
        return {"$": "opaque", "type": type(value).__name__, "repr": _repr(value), "callable": callable(value)}


def _plain(value):
    return value if isinstance(value, (*_SIMPLE, float)) else _repr(value)


def _repr(value):
    try:
        return repr(value)[:200]
    except Exception:  # noqa: BLE001
        return f"<{type(value).__name__}>"


def namespace(enc, ns):
    """The program's global names a check may read (not its modules or dunders)."""
    out = {}
    for name, value in list(ns.items()):
        if name.startswith("__") or isinstance(value, type(lab)):
            continue
        out[name] = enc.value(value, top_name=name)
    return out


def record(ns, loads, served, runs=None):
    """What lab's modules recorded of the run, its namespace, and what the served app loaded."""
    enc = Encoder()
    out = {
        "ns": namespace(enc, ns),
        "fits": [
            {"model": enc.model(f["model"]), "X": f["X"], "y": f["y"], "state": f["state"], "losses": f["losses"]}
            for f in lab._fits
        ],
        "splits": [
            {k: (enc.value(v) if k == "seed" else v) for k, v in s.items()}
            for s in lab._splits
        ],
        "predictions": [{"model": enc.model(p["model"]), "rows": p["rows"]} for p in lab._predictions],
        "scores": [{**{k: v for k, v in s.items() if k != "model"}, "model": enc.model(s["model"])} for s in lab._scores],
        "drift": list(lab._drift_log),
        "shown": list(lab._shown),
        "loads": list(loads),
        "served": served,
    }
    if runs is not None:
        out["runs"] = runs
    out["models"] = enc.models()
    return json.dumps(out)


# --- the judge's side ----------------------------------------------------------------------------
class Opaque:
    """A value that crossed by its type and repr only (a module, an open file, an object of the program's own class)."""

    def __init__(self, type_name, text, can_call):
        self.type_name = type_name
        self.text = text
        self.can_call = can_call

    def __repr__(self):
        return self.text

    def __call__(self, *args, **kwargs):
        raise TypeError(f"the judge cannot call {self.text}: only the program's own top-level functions can be called")


class Decoder:
    """Rebuilds values with the judge's own lab module; `call(name, args, kwargs)` calls the program's function `name`."""

    def __init__(self, models, call):
        self.models = {}
        for number, state in models.items():
            if state.get("broken"):
                self.models[number] = Opaque("LogisticRegression", "<a LogisticRegression the program broke>", False)
            elif state.get("unfitted"):
                self.models[number] = lab.LogisticRegression(state["learning_rate"], state["epochs"])
            else:
                self.models[number] = lab.LogisticRegression.from_dict(state)
        self.call = call

    def value(self, data):
        if isinstance(data, list):
            return [self.value(v) for v in data]
        if not isinstance(data, dict):
            return data
        tag = data["$"]
        if tag == "model":
            return self.models[data["id"]]
        if tag == "dataset":
            return lab.Dataset(data["columns"], data["rows"], data["source"], data["target"])
        if tag == "column":
            return lab.Column(data["values"], data["name"], data["source"])
        if tag == "epoch":
            return lab.Epoch(data["epoch"], data["loss"], data["accuracy"])
        if tag == "tuple":
            return tuple(self.value(v) for v in data["items"])
        if tag == "set":
            return {self.value(v) for v in data["items"]}
        if tag == "dict":
            return {self.value(k): self.value(v) for k, v in data["items"]}
        if tag == "call":
            return _Function(data["name"], data["repr"], self.call)
        return Opaque(data["type"], data["repr"], data.get("callable", False))


class _Function:
    """The program's top-level function: calling it asks the lab to call the real one, where the program ran."""

    def __init__(self, name, text, call):
        self.__name__ = name
        self._text = text
        self._call = call

    def __call__(self, *args, **kwargs):
        return self._call(self.__name__, args, kwargs)

    def __repr__(self):
        return self._text


def same(a, b):
    """The same data, NaN included: what a recomputation must give back."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
