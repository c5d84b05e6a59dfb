"""What this lesson's assert checks share.

Loaded by the lab's judge only, never by the learner's lab: a check calls these by name, and
while it runs they see its `evidence`, `ns` and `labels_of` as their globals.
"""

import lab

DATA = "data/payments.csv"


def trained_model(how="model.fit(fit.X, fit.y)"):
    """The run's last fit (its `evidence["fits"]` entry), or fail saying how to train one."""
    assert evidence["fits"], f"No model was trained: call {how}."
    return evidence["fits"][-1]


def labels():
    """{row: label} for every payment, a row as evidence has it (a tuple of floats)."""
    return labels_of(DATA)


def test_rows():
    """The rows the split of the whole data held back — the test set, whatever the program calls it."""
    rows = len(lab.load_dataset(DATA))
    outer = [s for s in evidence["splits"] if s["rows"] == rows]
    assert outer, "Hold back the test rows first: train, test = lab.split(data, test_size=0.25, seed=7)."
    return outer[0]["test"]


def on_flipped_test(why=""):
    """The program run again with only the test rows' labels flipped: (its ns, its evidence, {row: label}
    of that data). What the program computes from the test rows follows the flip; a number typed into it stays."""
    held_back = test_rows()
    try:
        other, again = rerun({DATA: flipped_labels(DATA, held_back)})
    except AssertionError as failed:
        raise AssertionError(f"With only the test rows' labels changed, your program fails ({getattr(failed, 'failure', failed)}){why}") from None
    return other, again, {r: (1 - y if r in held_back else y) for r, y in labels().items()}


def typed_in(name, other, want):
    """Fail when `name` did not follow the flipped labels: `want` is what the program computes there (a list of
    the values that count as computed)."""
    got = other.get(name)
    if isinstance(got, (int, float)) and not isinstance(got, bool) and not any(abs(got - w) < 1e-9 for w in want):
        raise AssertionError(
            f"With the test rows' labels flipped, `{name}` is still {got!r}, where the model's value there is "
            f"{want[0] if isinstance(want[0], int) else format(want[0], '.4f')}: "
            f"compute `{name}` from the model and the test rows in the program, not as a number typed in from an earlier run."
        )


def test_set():
    """The held-out rows in a fixed order and their labels: (X, y), whatever the program named them."""
    rows = sorted(test_rows())
    label = labels()
    return [list(r) for r in rows], [label[r] for r in rows]


def model_counts(how="model.fit(train.X, train.y)"):
    """(tp, fp, fn, tn) of the run's trained model on the held-out rows: what its confusion matrix holds."""
    test_X, test_y = test_set()
    pairs = list(zip(trained_model(how)["model"].predict(test_X), test_y))
    return pairs.count((1, 1)), pairs.count((1, 0)), pairs.count((0, 1)), pairs.count((0, 0))


def asked_besides_test(model):
    """Each set of rows the program asked `model` about (a predict or predict_proba call), the test rows taken out."""
    test = test_rows()
    return [set(p["rows"]) - test for p in evidence["predictions"] if p["model"] is model and set(p["rows"]) - test]


def validation_rows(model, trained):
    """The rows the program asked `model` about that are neither test rows nor rows it trained on (`trained`):
    where it can have chosen its threshold honestly, in order. A report on the training rows (a training
    accuracy beside the test one) is left out, not counted as validation."""
    return sorted({r for rows in asked_besides_test(model) if not rows & trained for r in rows})


def rates(model, rows, t, label=None):
    """(precision, recall) of `model` flagging the payments among `rows` whose probability of fraud is at least `t`
    (by the labels in `label`, the data's own unless given); precision is None where nothing is flagged."""
    label = label or labels()
    rows = list(rows)
    pairs = [(p >= t, label[r]) for p, r in zip(model.predict_proba([list(r) for r in rows]), rows)]
    tp, fp, fn = pairs.count((True, 1)), pairs.count((True, 0)), pairs.count((False, 1))
    return (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else 0.0)


def _number(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def curve_series(metric):
    """Each charted series of `metric` ("precision" or "recall") as (chart, series, [(x, value)]), in the order
    drawn, whatever the program named it ("Precision", "validation precision") or however many charts it drew."""
    found = []
    for chart in (s for s in evidence["shown"] if s["type"] == "chart"):
        xs = [_number(x) for x in chart["x"]]
        for series in chart["series"]:
            name = series["name"].lower()
            if metric in name and not ("precision" in name and "recall" in name):
                found.append((chart, series, [(x, v) for x, v in zip(xs, series["values"]) if x is not None and v is not None]))
    return found


def sweep():
    """The thresholds the program tried, whatever it named them: `thresholds`, else the x values of its charted
    curve, else a list of numbers in `ns` that holds the chosen `threshold`."""
    if isinstance(ns.get("thresholds"), (list, tuple, range)):
        return list(ns["thresholds"])
    for _, _, points in curve_series("recall") + curve_series("precision"):
        if points:
            return [x for x, _ in points]
    chosen = ns.get("threshold")
    for value in ns.values():
        if isinstance(value, (list, tuple)) and len(value) > 1 and chosen in value and all(_number(v) is not None for v in value):
            return [float(v) for v in value]
    return None


def labelled_cells(table):
    """Each number a shown table holds, with the headings that name it: (words, value) pairs, the words
    being its column's heading and its row's (index=, or a row's own text cells) in lower case."""
    columns, index = list(table.get("columns") or []), list(table.get("index") or [])
    found = []
    for i, row in enumerate(table["rows"]):
        words = [str(c) for c in row if isinstance(c, str)] + ([str(index[i])] if i < len(index) else [])
        for j, cell in enumerate(row):
            if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                heading = str(columns[j]) if j < len(columns) else ""
                found.append((" ".join([heading] + words).lower(), cell))
    return found


# Words a confusion matrix's labels use for each class, and for "what the model said".
_POSITIVE = ("fraud", "positive", "1", "flagged", "flag", "alarm", "alert", "blocked", "caught", "suspicious")
_NEGATIVE = ("honest", "negative", "legit", "genuine", "normal", "clean", "0", "let through", "not flagged", "passed", "allowed", "approved")
_PREDICTED = ("pred", "flag", "alarm", "alert", "let through", "passed", "allowed", "approved", "blocked", "model says", "said", "called")


def _side(label):
    """Which class a row or column label names (1, 0 or None), and whether it speaks of the model's answer."""
    text = str(label).lower()
    # The longer phrase wins: "not flagged" is the honest side, though it holds "flagged".
    found = [(len(w), cls) for cls, words in ((1, _POSITIVE), (0, _NEGATIVE)) for w in words if w in text]
    cls = max(found)[1] if found else None
    return cls, any(w in text for w in _PREDICTED)


def confusion_table_problem(table, tp, fp, fn, tn):
    """Why a shown table is not the confusion matrix with actual classes as rows and predicted ones
    as columns (None when it is). Rows and columns may come in either order when labels say which
    is which; labels the lesson cannot read are taken at the cells' word, and never contradict it."""
    rows, columns, index = table["rows"], list(table.get("columns") or []), list(table.get("index") or [])
    cells = [[c for c in row if isinstance(c, (int, float))] for row in rows]
    if not (len(cells) == 2 and all(len(r) == 2 for r in cells)):
        return f"The table shows {rows}: show a 2 × 2 matrix of counts."
    want = {(0, 0): tn, (0, 1): fp, (1, 0): fn, (1, 1): tp}
    # Row headings given as index=, or written into each row's own first cells (["actual fraud", fn, tp]).
    in_cells = [[c for c in row if not isinstance(c, (int, float)) and str(c).strip()] for row in rows]
    if not index and all(len(words) == 1 for words in in_cells):
        index = [words[0] for words in in_cells]
    col_labels, row_labels = columns[-2:], index[-2:]
    if len(col_labels) != 2 or len(row_labels) != 2:
        if cells == [[tn, fp], [fn, tp]]:
            return None
        return (
            f"The table shows {rows}. Put actual classes in rows and predicted ones in columns, honest first, "
            "[[tn, fp], [fn, tp]] — or label them (index=[...], columns=[...]) and order them as you like."
        )
    row_sides, col_sides = [_side(l) for l in row_labels], [_side(l) for l in col_labels]
    if any(pred for _, pred in row_sides) and not any(pred for _, pred in col_sides):
        return "The rows are labelled as predictions: put the actual classes in the rows (index=...) and the predicted ones in the columns."
    # Each order of rows and columns the labels allow (a label that names no class allows both).
    orders = [(r, c) for r in ((0, 1), (1, 0)) for c in ((0, 1), (1, 0))]
    fits = lambda sides, order: all(cls is None or cls == o for (cls, _), o in zip(sides, order))
    readable = [(r, c) for r, c in orders if fits(row_sides, r) and fits(col_sides, c)]
    for r, c in readable:
        if all(cells[i][j] == want[(r[i], c[j])] for i in range(2) for j in range(2)):
            return None
    r, c = readable[0] if readable else ((0, 1), (0, 1))
    i, j = next((i, j) for i in range(2) for j in range(2) if cells[i][j] != want[(r[i], c[j])])
    return (
        f"The cell “{row_labels[i]}” / “{col_labels[j]}” shows {cells[i][j]}, but the model has "
        f"{want[(r[i], c[j])]} payment{'' if want[(r[i], c[j])] == 1 else 's'} there: rows are actual classes, columns predicted ones."
    )
