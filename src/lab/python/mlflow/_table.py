"""What the lab's `mlflow.search_runs()` returns: a small table with the
columns and the everyday pandas moves a learner uses on MLflow's DataFrame.

The lab has no pandas, so this is not a DataFrame; it says so in its repr and
in the error for anything it lacks, rather than behaving differently in
silence. The columns and their order are those of mlflow.tracking.fluent
.search_runs: run_id, experiment_id, status, artifact_uri, start_time,
end_time, then metrics.*, params.*, tags.*; a missing metric is NaN, a
missing param or tag is None.
"""

import datetime
import math

_TABLE_SUPPORTS = (
    "len(df), `for column in df` (column names, as pandas), `name in df`, df[column], df[[columns]], "
    "df[mask] (e.g. df[df['metrics.accuracy'] > 0.8]), df.columns, df.index, df.empty, df.shape, "
    "df.iloc[i] / df.iloc[i:j], df.loc[i], df.head(n), df.tail(n), df.iterrows(), df.sort_values(by, ascending=...), "
    "df.to_dict(orient='dict'|'list'|'records')"
)
_COLUMN_SUPPORTS = (
    "len(s), iteration over values, s[i], s.iloc[i], s.max(), s.min(), s.mean(), s.sum(), s.count(), "
    "s.idxmax(), s.idxmin(), s.tolist(), s.to_list(), s.isna(), s.notna(), comparisons (s > 0.8) for df[mask]"
)


def _is_nan(value):
    return isinstance(value, float) and math.isnan(value)


def _timestamp(ms):
    if ms is None:
        return None
    return datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)


def _cell(value):
    if value is None:
        return "None"
    if _is_nan(value):
        return "NaN"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + "+00:00"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _render(columns, rows, index):
    """A plain-text grid like pandas' (long values cut, as pandas does)."""
    def cut(text):
        return text if len(text) <= 24 else text[:21] + "..."

    cells = [[cut(_cell(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    index_width = max([0] + [len(str(i)) for i in index])
    lines = [" " * index_width + "  " + "  ".join(c.rjust(w) for c, w in zip(columns, widths))]
    for i, row in zip(index, cells):
        lines.append(str(i).ljust(index_width) + "  " + "  ".join(v.rjust(w) for v, w in zip(row, widths)))
    return "\n".join(lines)


class _Indexer:
    """`df.iloc` / `df.loc` (positions and labels coincide: the index is 0..n-1)."""

    def __init__(self, owner, by_label):
        self._owner = owner
        self._by_label = by_label

    def __getitem__(self, key):
        return self._owner._take(key, by_label=self._by_label)


class SearchRunsColumn:
    """One column of the table (what pandas calls a Series)."""

    def __init__(self, name, values, index):
        self.name = name
        self._values = list(values)
        self.index = list(index)

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, key):
        return self._take(key, by_label=True)

    def _take(self, key, by_label):
        if isinstance(key, slice):
            values = self._values[key]
            return SearchRunsColumn(self.name, values, self.index[key])
        if by_label:
            if key not in self.index:
                raise KeyError(key)
            return self._values[self.index.index(key)]
        return self._values[key]

    @property
    def iloc(self):
        return _Indexer(self, by_label=False)

    @property
    def loc(self):
        return _Indexer(self, by_label=True)

    @property
    def values(self):
        return list(self._values)

    @property
    def empty(self):
        return not self._values

    def _present(self):
        return [(i, v) for i, v in zip(self.index, self._values) if v is not None and not _is_nan(v)]

    def tolist(self):
        return list(self._values)

    to_list = tolist

    def max(self):
        present = self._present()
        return max(v for _, v in present) if present else float("nan")

    def min(self):
        present = self._present()
        return min(v for _, v in present) if present else float("nan")

    def sum(self):
        return sum(v for _, v in self._present())

    def count(self):
        return len(self._present())

    def mean(self):
        present = self._present()
        return sum(v for _, v in present) / len(present) if present else float("nan")

    def idxmax(self):
        present = self._present()
        if not present:
            raise ValueError("attempt to get argmax of an empty sequence")
        best = max(v for _, v in present)
        return next(i for i, v in present if v == best)

    def idxmin(self):
        present = self._present()
        if not present:
            raise ValueError("attempt to get argmin of an empty sequence")
        best = min(v for _, v in present)
        return next(i for i, v in present if v == best)

    def isna(self):
        return SearchRunsColumn(self.name, [v is None or _is_nan(v) for v in self._values], self.index)

    def notna(self):
        return SearchRunsColumn(self.name, [not (v is None or _is_nan(v)) for v in self._values], self.index)

    def _compare(self, other, op):
        def safe(v):
            if v is None or _is_nan(v):
                return False
            try:
                return bool(op(v, other))
            except TypeError:
                return False

        return SearchRunsColumn(self.name, [safe(v) for v in self._values], self.index)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __and__(self, other):
        return SearchRunsColumn(self.name, [bool(a) and bool(b) for a, b in zip(self._values, other)], self.index)

    def __or__(self, other):
        return SearchRunsColumn(self.name, [bool(a) or bool(b) for a, b in zip(self._values, other)], self.index)

    def __invert__(self):
        return SearchRunsColumn(self.name, [not bool(a) for a in self._values], self.index)

    __hash__ = None

    def __bool__(self):
        # pandas refuses too: a column has no single truth value.
        raise ValueError(
            "The truth value of a column is ambiguous (as in pandas). Combine conditions with & and |, "
            "each in parentheses, e.g. df[(df['metrics.a'] > 1) & (df['params.b'] == '2')]."
        )

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise AttributeError(
            f"the lab's search_runs column is not a pandas Series: it has no attribute '{name}'. "
            f"A column supports: {_COLUMN_SUPPORTS}."
        )

    def __repr__(self):
        body = "\n".join(f"{i}    {_cell(v)}" for i, v in zip(self.index, self._values))
        return f"{body}\nName: {self.name}, Length: {len(self._values)} (the lab's search_runs column, not a pandas Series)"


class SearchRunsRow:
    """One row of the table (`df.iloc[0]`), keyed by column name."""

    def __init__(self, columns, values, name):
        self._data = dict(zip(columns, values))
        self.name = name

    def __getitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        return self._data[key]

    def get(self, key, default=None):
        return self._data.get(key, default)

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        # A pandas Series iterates its values.
        return iter(self._data.values())

    def __len__(self):
        return len(self._data)

    def keys(self):
        return list(self._data)

    @property
    def index(self):
        return list(self._data)

    def items(self):
        return list(self._data.items())

    def to_dict(self):
        return dict(self._data)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        data = self.__dict__.get("_data", {})
        if name in data:
            return data[name]
        raise AttributeError(
            f"the lab's search_runs row is not a pandas Series: it has no attribute '{name}'. "
            "A row supports: row[column], row.get(column), row.<column> for names without dots, "
            "`column in row`, iteration over values, row.keys(), row.items(), row.to_dict()."
        )

    def __repr__(self):
        width = max([0] + [len(k) for k in self._data])
        body = "\n".join(f"{k.ljust(width)}    {_cell(v)}" for k, v in self._data.items())
        return f"{body}\nName: {self.name} (a row of the lab's search_runs table, not a pandas Series)"


class SearchRunsTable:
    """The lab's stand-in for the pandas DataFrame MLflow's search_runs returns."""

    def __init__(self, columns, rows, index=None):
        self._columns = list(columns)
        self._rows = [list(r) for r in rows]
        self._index = list(index) if index is not None else list(range(len(self._rows)))

    @classmethod
    def from_runs(cls, runs, latest_metric):
        from ._store import artifact_uri

        info = ["run_id", "experiment_id", "status", "artifact_uri", "start_time", "end_time"]
        metrics, params, tags = [], [], []
        for run in runs:
            for bucket, keys in ((metrics, run["metrics"]), (params, run["params"]), (tags, run["tags"])):
                bucket.extend(k for k in keys if k not in bucket)
        columns = info + [f"metrics.{k}" for k in metrics] + [f"params.{k}" for k in params] + [f"tags.{k}" for k in tags]
        rows = []
        for run in runs:
            uri = artifact_uri(run["artifact_uri"])
            row = [run["run_id"], run["experiment_id"], run["status"], uri, _timestamp(run["start_time"]), _timestamp(run["end_time"])]
            row += [latest_metric(run["metrics"][k]) if k in run["metrics"] else float("nan") for k in metrics]
            row += [run["params"].get(k) for k in params]
            row += [run["tags"].get(k) for k in tags]
            rows.append(row)
        return cls(columns, rows)

    # --- the pandas moves learners use ------------------------------------------

    def __len__(self):
        return len(self._rows)

    def __iter__(self):
        # pandas iterates a DataFrame's column names, not its rows.
        return iter(self._columns)

    def __contains__(self, name):
        return name in self._columns

    @property
    def columns(self):
        return list(self._columns)

    @property
    def index(self):
        return list(self._index)

    @property
    def empty(self):
        return not self._rows or not self._columns

    @property
    def shape(self):
        return (len(self._rows), len(self._columns))

    def _column(self, name):
        if name not in self._columns:
            raise KeyError(name)
        at = self._columns.index(name)
        return SearchRunsColumn(name, [r[at] for r in self._rows], self._index)

    def __getitem__(self, key):
        if isinstance(key, str):
            return self._column(key)
        if isinstance(key, SearchRunsColumn) or (isinstance(key, list) and key and all(isinstance(k, bool) for k in key)):
            mask = list(key)
            if len(mask) != len(self._rows):
                raise ValueError(f"Item wrong length {len(mask)} instead of {len(self._rows)}.")
            keep = [i for i, m in enumerate(mask) if m]
            return SearchRunsTable(self._columns, [self._rows[i] for i in keep], [self._index[i] for i in keep])
        if isinstance(key, list):
            missing = [k for k in key if k not in self._columns]
            if missing:
                raise KeyError(f"{missing} not in index")
            ats = [self._columns.index(k) for k in key]
            return SearchRunsTable(key, [[r[a] for a in ats] for r in self._rows], self._index)
        if isinstance(key, slice):
            return SearchRunsTable(self._columns, self._rows[key], self._index[key])
        raise KeyError(key)

    def _take(self, key, by_label):
        if isinstance(key, slice):
            return SearchRunsTable(self._columns, self._rows[key], self._index[key])
        if isinstance(key, tuple) and len(key) == 2:
            row, column = key
            taken = self._take(row, by_label)
            if isinstance(column, str):
                return taken[column]
            return taken[self._columns[column]] if isinstance(taken, SearchRunsRow) else taken[[self._columns[column]]]
        if by_label:
            if key not in self._index:
                raise KeyError(key)
            position = self._index.index(key)
        else:
            if not isinstance(key, int):
                raise TypeError(f"Cannot index by location index with a non-integer key: {key!r}")
            if not -len(self._rows) <= key < len(self._rows):
                raise IndexError("single positional indexer is out-of-bounds")
            position = key
        return SearchRunsRow(self._columns, self._rows[position], self._index[position])

    @property
    def iloc(self):
        return _Indexer(self, by_label=False)

    @property
    def loc(self):
        return _Indexer(self, by_label=True)

    def head(self, n=5):
        return SearchRunsTable(self._columns, self._rows[:n], self._index[:n])

    def tail(self, n=5):
        start = max(0, len(self._rows) - n)
        return SearchRunsTable(self._columns, self._rows[start:], self._index[start:])

    def iterrows(self):
        for i, row in zip(self._index, self._rows):
            yield i, SearchRunsRow(self._columns, row, i)

    def sort_values(self, by, ascending=True):
        keys = [by] if isinstance(by, str) else list(by)
        for k in keys:
            if k not in self._columns:
                raise KeyError(k)
        order = list(range(len(self._rows)))
        directions = ascending if isinstance(ascending, (list, tuple)) else [ascending] * len(keys)
        for k, up in reversed(list(zip(keys, directions))):
            at = self._columns.index(k)

            def missing(i, at=at):
                v = self._rows[i][at]
                return v is None or _is_nan(v)

            present = [i for i in order if not missing(i)]
            absent = [i for i in order if missing(i)]
            present.sort(key=lambda i, at=at: self._rows[i][at], reverse=not up)
            order = present + absent  # pandas puts NaN/None last either way
        return SearchRunsTable(self._columns, [self._rows[i] for i in order], [self._index[i] for i in order])

    def to_dict(self, orient="dict"):
        if orient == "records":
            return [dict(zip(self._columns, r)) for r in self._rows]
        if orient == "list":
            return {c: [r[a] for r in self._rows] for a, c in enumerate(self._columns)}
        if orient == "dict":
            return {c: {i: r[a] for i, r in zip(self._index, self._rows)} for a, c in enumerate(self._columns)}
        raise ValueError(f"the lab's search_runs table supports to_dict orient 'dict', 'list' or 'records', not {orient!r}")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise AttributeError(
            f"the lab's search_runs table is not a pandas DataFrame: it has no attribute '{name}'. "
            f"It supports: {_TABLE_SUPPORTS}; and on a column: {_COLUMN_SUPPORTS}. "
            "Or call mlflow.search_runs(..., output_format='list') for Run objects."
        )

    def __repr__(self):
        head = f"[the lab's search_runs table, not a pandas DataFrame: {len(self._rows)} rows x {len(self._columns)} columns]"
        if not self._rows:
            return f"{head}\nEmpty table\nColumns: {self._columns}"
        return f"{head}\n{_render(self._columns, self._rows, self._index)}"

    __str__ = __repr__
