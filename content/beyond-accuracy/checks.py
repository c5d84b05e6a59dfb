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


def test_set():
    """The held-out rows in a fixed order and their labels: (X, y), whatever the program named them."""
    rows = sorted(test_rows())
    label = labels()
    return [list(r) for r in rows], [label[r] for r in rows]


def validation_rows(model):
    """The rows the program asked `model` about besides the test rows (where it chose its threshold), in order."""
    return sorted({r for p in evidence["predictions"] if p["model"] is model for r in p["rows"]} - test_rows())
