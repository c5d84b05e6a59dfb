"""The lab's helper module: load the versioned dataset, split it, train a small
logistic-regression classifier by gradient descent, and measure drift.

Pure Python and the standard library only, so it runs unchanged in the
browser's Python (Pyodide) and can be read line by line by learners.
"""

import csv
import json
import math
import operator
import random

__all__ = [
    "Column",
    "Dataset",
    "Epoch",
    "LogisticRegression",
    "load_dataset",
    "load_model",
    "psi",
    "show_chart",
    "show_table",
    "split",
]

# Every fit() and psi() is recorded here; the lab reads these to draw its
# previews and to judge the step's checks.
_training_log = []
_drift_log = []
# The record of the run the step's checks read: the rows each fit learned from
# (in order, with their labels, so the judge can train again and compare), which
# rows each score and prediction was made on, each split's data, seed and
# shuffle, each psi's values. A row is known by its feature values, so it is the
# same row however the program copied it. The checks run in an interpreter of
# their own (lab_judge.py), which recomputes what this record claims.
_fits = []
_scores = []
_splits = []
_predictions = []
# Tables and charts the program showed (show_table / show_chart): the results preview
# draws them and assert checks read them as evidence["shown"].
_shown = []


class Column(list):
    """A dataset column: a list of floats that remembers its name."""

    def __init__(self, values, name, source=None):
        super().__init__(values)
        self.name = name
        self.source = source


class Dataset:
    """Rows of numeric features and a 0/1 target column (the last column,
    unless `target` names another)."""

    def __init__(self, columns, rows, source=None, target=None):
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]
        self.source = source
        if target is not None and target not in self.columns:
            raise KeyError(f"no column named {target!r}; columns are {self.columns}")
        self.target = target if target is not None else (self.columns[-1] if self.columns else None)

    @property
    def feature_names(self):
        return [c for c in self.columns if c != self.target]

    @property
    def target_name(self):
        return self.target

    @property
    def X(self):
        idx = [self.columns.index(c) for c in self.feature_names]
        return [[row[i] for i in idx] for row in self.rows]

    @property
    def y(self):
        if self.target not in self.columns:
            raise KeyError(f"dataset has no {self.target!r} column")
        i = self.columns.index(self.target)
        return [int(row[i]) for row in self.rows]

    def column(self, name):
        if name not in self.columns:
            raise KeyError(f"no column named {name!r}; columns are {self.columns}")
        i = self.columns.index(name)
        return Column((row[i] for row in self.rows), name, self.source)

    def concat(self, other):
        if other.columns != self.columns:
            raise ValueError(f"columns differ: {self.columns} vs {other.columns}")
        return Dataset(self.columns, self.rows + other.rows, target=self.target)

    def head(self, n=5):
        return Dataset(self.columns, self.rows[:n], self.source, self.target)

    def __len__(self):
        return len(self.rows)

    def __repr__(self):
        where = f" from {self.source}" if self.source else ""
        return f"<Dataset {len(self.rows)} rows × {len(self.columns)} columns{where}>"


def load_dataset(path, target=None):
    """Read a CSV with a header row; every value becomes a float. The target is
    the last column unless `target` names another."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        try:
            columns = next(reader)
        except StopIteration:
            raise ValueError(f"{path} is empty") from None
        rows = []
        for line_no, raw in enumerate(reader, start=2):
            if not raw:
                continue
            if len(raw) != len(columns):
                raise ValueError(f"{path}, line {line_no}: expected {len(columns)} values, got {len(raw)}")
            try:
                rows.append([float(v) for v in raw])
            except ValueError:
                raise ValueError(f"{path}, line {line_no}: not a number in {raw}") from None
    return Dataset(columns, rows, source=path, target=target)


def split(data, test_size=0.2, seed=None):
    """Shuffle and hold back `test_size` of the rows. Without a `seed` the shuffle
    differs on every run (as scikit-learn's train_test_split without random_state),
    so pass one to make the split, and the scores, reproducible."""
    if not 0 < test_size < 1:
        raise ValueError("test_size must be between 0 and 1")
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    cut = int(round(len(order) * (1 - test_size)))
    pick = lambda idx: Dataset(data.columns, [data.rows[i] for i in idx], data.source, data.target)  # noqa: E731
    train, test = pick(order[:cut]), pick(order[cut:])
    _splits.append({"seed": seed, "test_size": test_size, "source": data.source, "columns": list(data.columns), "target": data.target, "data": data.rows, "order": order, "cut": cut})
    return train, test


def _row_set(X):
    return {tuple(map(float, r)) for r in X}


class Epoch:
    __slots__ = ("epoch", "loss", "accuracy")

    def __init__(self, epoch, loss, accuracy):
        self.epoch = epoch
        self.loss = loss
        self.accuracy = accuracy

    def __repr__(self):
        return f"Epoch(epoch={self.epoch}, loss={self.loss:.4f}, accuracy={self.accuracy:.3f})"


class History(list):
    """What `fit` returns: its epochs, in order, to loop over (`for epoch in model.fit(X, y)`).
    As scikit-learn's `fit` returns the fitted model, it also answers for the model, so
    `model = LogisticRegression().fit(X, y)` followed by `model.predict(rows)` works as a learner
    used to scikit-learn expects."""

    __slots__ = ("_model",)

    def __init__(self, epochs, model):
        super().__init__(epochs)
        self._model = model

    def __getattr__(self, name):
        if name.startswith("_"):  # copy, pickle and the slot itself: a list's own protocol, not the model's
            raise AttributeError(f"'History' object has no attribute '{name}'")
        return getattr(self._model, name)


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class LogisticRegression:
    """Binary logistic regression, trained by full-batch gradient descent on
    standardised features. `fit` returns one Epoch per pass over the data (a History, which
    also answers for the fitted model, as scikit-learn's `fit` returns the model itself)."""

    def __init__(self, learning_rate=0.1, epochs=30):
        if not 0 < learning_rate < float("inf"):  # also refuses NaN, as scikit-learn's parameter checks do
            raise ValueError("learning_rate must be a positive, finite number")
        if int(epochs) != epochs or epochs < 1:
            raise ValueError("epochs must be a positive whole number")
        self.learning_rate = float(learning_rate)
        self.epochs = int(epochs)
        self.weights = None
        self.bias = 0.0
        self.mean = None
        self.std = None
        self.history = []

    def get_params(self, deep=True):
        return {"learning_rate": self.learning_rate, "epochs": self.epochs}

    def _scale(self, X):
        return [[(v - m) / s for v, m, s in zip(row, self.mean, self.std)] for row in X]

    def fit(self, X, y):
        X = [list(map(float, row)) for row in X]
        y = [int(v) for v in y]
        if not X or len(X) != len(y):
            raise ValueError(f"X has {len(X)} rows but y has {len(y)}")
        n, d = len(X), len(X[0])
        self.mean = [sum(row[j] for row in X) / n for j in range(d)]
        self.std = [
            math.sqrt(sum((row[j] - self.mean[j]) ** 2 for row in X) / n) or 1.0 for j in range(d)
        ]
        Xs = self._scale(X)
        self.weights = [0.0] * d
        self.bias = 0.0
        self.history = []
        eps = 1e-12
        columns = list(zip(*Xs))  # feature-major copy, for the gradient sums
        mul = operator.mul
        for epoch in range(1, self.epochs + 1):
            # One pass: predict every row, add up the loss and the hits, then the gradient.
            w, b = self.weights, self.bias
            errors = []
            loss = 0.0
            hits = 0
            for row, target in zip(Xs, y):
                p = _sigmoid(sum(map(mul, w, row)) + b)
                loss -= math.log(p + eps) if target else math.log(1 - p + eps)
                hits += (p >= 0.5) == (target == 1)
                errors.append(p - target)
            # The loss and accuracy of this epoch are those of the weights it started with.
            self.history.append(Epoch(epoch, loss / n, hits / n))
            self.weights = [wj - self.learning_rate * sum(map(mul, errors, col)) / n for wj, col in zip(w, columns)]
            self.bias = b - self.learning_rate * sum(errors) / n
        _fits.append({"model": self, "X": X, "y": y, "state": self.to_dict(), "n_rows": n, "losses": [e.loss for e in self.history]})
        _training_log.append(
            {
                "learning_rate": self.learning_rate,
                "epochs": self.epochs,
                "history": [[e.epoch, e.loss, e.accuracy] for e in self.history],
            }
        )
        return History(self.history, self)

    def _require_fit(self):
        if self.weights is None:
            raise RuntimeError("This LogisticRegression is not fitted yet: call fit(X, y) first.")

    def predict_proba(self, X):
        """Probability of the positive class (target 1) for each row."""
        self._require_fit()
        _predictions.append({"model": self, "rows": [tuple(map(float, r)) for r in X]})
        return [_sigmoid(sum(w * v for w, v in zip(self.weights, row)) + self.bias) for row in self._scale(X)]

    def predict(self, X):
        return [1 if p >= 0.5 else 0 for p in self.predict_proba(X)]

    def score(self, X, y):
        """Accuracy: the fraction of rows predicted correctly."""
        predictions = self.predict(X)
        y = [int(v) for v in y]
        value = sum(p == t for p, t in zip(predictions, y)) / len(y)
        fit = next((f for f in reversed(_fits) if f["model"] is self), None)
        trained = fit.setdefault("_rows", _row_set(fit["X"])) if fit else set()
        seen = sum(tuple(map(float, r)) in trained for r in X)
        _scores.append({"model": self, "n_rows": len(y), "seen_in_training": seen, "accuracy": value})
        return value

    def to_dict(self):
        self._require_fit()
        return {
            "type": "lab.LogisticRegression",
            "learning_rate": self.learning_rate,
            "epochs": self.epochs,
            "weights": self.weights,
            "bias": self.bias,
            "mean": self.mean,
            "std": self.std,
        }

    @classmethod
    def from_dict(cls, data):
        model = cls(data["learning_rate"], data["epochs"])
        model.weights = list(data["weights"])
        model.bias = data["bias"]
        model.mean = list(data["mean"])
        model.std = list(data["std"])
        return model

    def save(self, path):
        with open(path, "w") as f:
            json.dump(self.to_dict(), f)

    def __repr__(self):
        return f"LogisticRegression(learning_rate={self.learning_rate}, epochs={self.epochs})"


def load_model(path):
    with open(path) as f:
        return LogisticRegression.from_dict(json.load(f))


def psi(reference, current, bins=10):
    """Population stability index of `current` against `reference`.

    Bin edges are the reference's quantiles, so each bin holds about the same
    share of reference rows; empty bins get a floor of 0.0001.
    """
    ref = sorted(float(v) for v in reference)
    cur = [float(v) for v in current]
    if not ref or not cur:
        raise ValueError("psi needs two non-empty samples")
    edges = [ref[min(len(ref) - 1, int(len(ref) * k / bins))] for k in range(1, bins)]

    def shares(values):
        counts = [0] * bins
        for v in values:
            i = 0
            while i < len(edges) and v >= edges[i]:
                i += 1
            counts[i] += 1
        return [max(c / len(values), 0.0001) for c in counts]

    r, c = shares(ref), shares(cur)
    value = sum((a - b) * math.log(a / b) for a, b in zip(r, c))
    _drift_log.append({
        "reference_source": getattr(reference, "source", None),
        "current_source": getattr(current, "source", None),
        "same_values": sorted(cur) == ref,
        "column": getattr(current, "name", None) or getattr(reference, "name", None),
        "psi": value,
        "bins": bins,
        "reference": r,
        "current": c,
        "values": [ref, cur],
    })
    return value


# --- tables and charts for the results preview ------------------------------------------------
# Caps keep one run's evidence small enough to send to the page and draw: a table keeps
# its first rows (and says so), anything else too big is refused with the limit.
MAX_SHOWN = 20
MAX_TABLE_ROWS = 200
MAX_TABLE_COLUMNS = 20
MAX_CHART_POINTS = 1000
MAX_CHART_SERIES = 8
MAX_TEXT = 200


def _cell(value):
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    text = str(value)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _label(value, what):
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise TypeError(f"{what} must be a string, not {type(value).__name__}")
    return _cell(str(value))


def _begin(what, title):
    """Room for one more table or chart in this run, and its title as a label."""
    if len(_shown) >= MAX_SHOWN:
        raise ValueError(f"{what}: a run can show at most {MAX_SHOWN} tables and charts")
    return _label(title, f"{what}'s title")


def _at_most(count, most, message):
    """Refuse a table or chart bigger than the preview draws; message names {most} and {got}."""
    if count > most:
        raise ValueError(message.format(most=most, got=count))


def _same_lengths(items, want, message):
    """Each (name, values) must have `want` values; message names {name}, {got} and {want}."""
    for name, values in items:
        if len(values) != want:
            raise ValueError(message.format(name=name, got=len(values), want=want))


def show_table(title, rows, columns=None, index=None):
    """Show a table in the results preview.

    rows: a list of rows (lists or tuples, one value per column), a list of dicts
    (their keys are the columns), or a lab Dataset. columns: the column headings.
    index: optional row headings (a confusion matrix's "actual" classes).
    Only the first MAX_TABLE_ROWS rows are kept; the preview says how many there were.
    """
    title = _begin("show_table", title)
    if isinstance(rows, Dataset):
        columns = rows.columns if columns is None else columns
        rows = rows.rows
    rows = list(rows)
    if rows and isinstance(rows[0], dict):
        if columns is None:
            columns = list(rows[0])
        rows = [[r.get(c) for c in columns] if isinstance(r, dict) else r for r in rows]
    rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in rows]
    width = max([len(r) for r in rows] + [len(columns or [])])
    if columns is None:
        columns = [str(i + 1) for i in range(width)]
    columns = [_label(c, "a column heading") for c in columns]
    _at_most(len(columns), MAX_TABLE_COLUMNS, "show_table shows at most {most} columns; got {got}")
    _same_lengths(enumerate(rows), len(columns), "show_table: row {name} has {got} values for {want} columns")
    if index is not None:
        index = [_label(i, "a row heading") for i in index]
        _same_lengths([("index", index)], len(rows), "show_table: {got} row headings for {want} rows")
    table = {
        "type": "table",
        "title": title,
        "columns": columns,
        "index": None if index is None else index[:MAX_TABLE_ROWS],
        "rows": [[_cell(v) for v in r] for r in rows[:MAX_TABLE_ROWS]],
        "totalRows": len(rows),
    }
    _shown.append(table)
    return None


def _numbers(values, what):
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and not math.isfinite(v)):
            out.append(None)  # a gap in the line
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out.append(v)
        else:
            raise TypeError(f"{what} must be numbers, not {type(v).__name__} ({v!r})")
    return out


def show_chart(title, x, ys, kind="line", x_label=None, y_label=None):
    """Show a chart in the results preview.

    x: the x values (numbers, or labels for a bar chart). ys: one list of numbers,
    or a dict {series name: list of numbers}, each as long as x. kind: "line" or "bar".
    """
    title = _begin("show_chart", title)
    if kind not in ("line", "bar"):
        raise ValueError(f"show_chart's kind is 'line' or 'bar', not {kind!r}")
    x = list(x)
    _at_most(len(x), MAX_CHART_POINTS, "show_chart draws at most {most} points per series; got {got} (show every n-th point)")
    x = [v if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else _label(v, "an x value") for v in x]
    series = ys.items() if isinstance(ys, dict) else [("y", ys)]
    series = [(_label(name, "a series name"), list(values)) for name, values in series]
    if not series:
        raise ValueError(f"show_chart draws 1 to {MAX_CHART_SERIES} series; got 0")
    _at_most(len(series), MAX_CHART_SERIES, "show_chart draws 1 to {most} series; got {got}")
    _same_lengths(series, len(x), "show_chart: series {name!r} has {got} values for {want} x values")
    chart = {
        "type": "chart",
        "title": title,
        "kind": kind,
        "x": x,
        "series": [{"name": name, "values": _numbers(values, f"series {name!r}")} for name, values in series],
        "xLabel": None if x_label is None else _label(x_label, "x_label"),
        "yLabel": None if y_label is None else _label(y_label, "y_label"),
    }
    _shown.append(chart)
    return None
