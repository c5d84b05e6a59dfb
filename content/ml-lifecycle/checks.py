"""What this lesson's assert checks share.

Loaded by the lab's judge only, never by the learner's lab: a check calls these by name, and
while it runs they see its `evidence`, `ns`, `rerun` and `registered_model` as their globals.
"""

import math
import os.path

import lab

REFERENCE = "data/raw_data.csv"
LIVE = "data/live/batch_03.csv"
FEATURES = ["temperature", "vibration", "pressure", "rpm"]
# Readings the serving checks send to the app: failing pumps and healthy ones.
PROBES = [
    [74.3, 0.501, 105.5, 1332.0], [57.8, 0.624, 99.0, 1557.0], [66.9, 0.143, 101.7, 1699.0],
    [78.9, 0.575, 103.1, 1389.0], [80.9, 0.332, 100.1, 1534.0], [88.0, 0.9, 110.0, 1300.0],
]


def on_flipped_test(fit):
    """The program run again with the labels of the rows `fit` never trained on flipped (its test rows,
    whatever the program calls them), as (ns, evidence): an accuracy the program measures on those
    rows becomes 1 − what it was, and a number typed into the program stays."""
    unseen = [r for r in labels_of(REFERENCE) if r not in fit["rows"]]
    try:
        return rerun({REFERENCE: flipped_labels(REFERENCE, unseen)})
    except AssertionError as failed:
        raise AssertionError(f"With only the test rows' labels flipped, your program fails ({getattr(failed, 'failure', failed)}).") from None


def follows_flip(before, after):
    """Whether an accuracy measured on the test rows (`before`) became what the same rows give once
    their labels are flipped (`after`): 1 − before."""
    return isinstance(after, (int, float)) and not isinstance(after, bool) and abs(after - (1 - before)) < 1e-9


def assert_reproducible():
    """Fail unless the program, run again, trains its last model on the same rows: a split with a fixed seed."""
    assert evidence["fits"], "No model was trained: call model.fit(train.X, train.y)."
    _, again = rerun()
    assert again["fits"] and again["fits"][-1]["rows"] == evidence["fits"][-1]["rows"], (
        "Run twice, the model trained on different rows, so the test rows and the accuracy change from run "
        "to run: split with a fixed seed, lab.split(data, test_size=0.2, seed=42) — a seed drawn at random "
        "changes on every run too."
    )


def live_drift():
    """The PSIs the program measured between the reference and this week's live batch (it may
    measure older batches too, for the trend)."""
    pair = (os.path.normpath(REFERENCE), os.path.normpath(LIVE))
    return [d for d in evidence["drift"] if tuple(os.path.normpath(d[k] or "") for k in ("reference_source", "current_source")) == pair]


def retrained_fit():
    """The fit of the model the program retrained: of the fits that learned from the live rows (a
    program may train others, a baseline to compare with), the one made champion, else the last;
    with none that saw the live rows, the champion's fit or the last one. So a champion that is
    some other model (a baseline, the old one) is not taken for the retrained one."""
    if not evidence["fits"]:
        found = ns.get("drifted")
        raise AssertionError(
            "Your program found no drift in this week's batch (`drifted` is empty), so it retrained nothing, but "
            "data/live/batch_03.csv does drift: measure it against data/raw_data.csv, feature by feature."
            if isinstance(found, list) and not found
            else "Drift was found but no model was retrained: train a new model when a feature drifts."
        )
    live = {tuple(r[:-1]) for r in lab.load_dataset(LIVE).rows}
    candidates = [f for f in evidence["fits"] if f["rows"] & live] or evidence["fits"]
    try:
        served = registered_model("failure-classifier", "champion").unwrap_python_model()
    except Exception:  # noqa: BLE001 - no champion yet: the promotion checks say so
        served = None
    for fit in reversed(candidates):
        model = fit["model"]
        if served is not None and model.weights == served.weights and model.bias == served.bias:
            return fit
    return candidates[-1]


def shifted_batch(shift):
    """A live batch to run the program on instead: the calm week's rows with some features moved
    by `shift` ({feature: amount}), as CSV text."""
    lines = open("data/live/batch_01.csv").read().splitlines()
    header = lines[0].split(",")
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        for column, amount in shift.items():
            i = header.index(column)
            cells[i] = repr(round(float(cells[i]) + amount, 4))
        out.append(",".join(cells))
    return "\n".join(out) + "\n"


def psis_of(text, binning="deciles"):
    """Each feature's PSI between the reference and a batch given as CSV text. binning: "deciles"
    (lab.psi's bins, each holding a tenth of the reference) or "equal-width" (ten bins of equal width
    over the reference's range, the end bins open), the two ways a learner builds the histogram."""
    reference = lab.load_dataset(REFERENCE)
    with open("/tmp/lab-check-batch.csv", "w") as f:
        f.write(text)
    batch = lab.load_dataset("/tmp/lab-check-batch.csv")
    if binning == "deciles":
        return {c: lab.psi(reference.column(c), batch.column(c)) for c in reference.feature_names}
    return {c: _equal_width_psi(reference.column(c), batch.column(c)) for c in reference.feature_names}


def _equal_width_psi(reference, current, bins=10):
    low, high = min(reference), max(reference)
    width = (high - low) / bins or 1.0

    def shares(values):
        counts = [0] * bins
        for v in values:
            counts[min(bins - 1, max(0, int((v - low) / width)))] += 1
        return [max(c / len(values), 0.0001) for c in counts]

    return sum((a - b) * math.log(a / b) for a, b in zip(shares(reference), shares(current)))


def majors_of(text):
    """The features whose PSI is above 0.25 on a batch (CSV text), as each binning finds them: a
    program that measured with lab.psi is held to its bins, one with a PSI of its own to either."""
    return {binning: sorted(c for c, v in psis_of(text, binning).items() if v > 0.25) for binning in ("deciles", "equal-width")}


def opposite_of(model):
    """A model that answers the opposite of `model` on every reading (its weights and bias negated):
    promoted in its place, it shows whether an app follows the registry or keeps what it had."""
    state = model.to_dict()
    state.update(weights=[-w for w in state["weights"]], bias=-state["bias"])
    return lab.LogisticRegression.from_dict(state)


def curve_of(history, losses):
    """Whether a logged metric history (points of value, timestamp, step) is this training's loss
    curve: a point per epoch, the epochs' losses in step order (steps may start at 0 or 1)."""
    logged = [point[0] for point in sorted(history, key=lambda p: p[2])][-len(losses):]
    return len({point[2] for point in history}) >= len(losses) and all(abs(a - b) < 1e-9 for a, b in zip(logged, losses))


def champion_run(name="failure-classifier"):
    """(version, run, fit) of the version this program made champion: the run that logged its model,
    and the fit that trained it (known by its weights; None when no fit of this program did).
    (None, None, None) when champion points at no version this program registered."""
    version = evidence["aliases_after"].get(name, {}).get("champion")
    if version not in [v["version"] for v in evidence["versions"] if v["name"] == name]:
        return None, None, None
    entry = evidence["registry"][name]["versions"][version]
    logged = evidence["logged_models"].get(entry["model_id"])
    run = next((r for r in evidence["runs"] if logged and r["run_id"] == logged["run_id"]), None)
    fit = None
    if logged:
        model = logged["model"]
        fit = next((f for f in reversed(evidence["fits"]) if f["model"].weights == model.weights and f["model"].bias == model.bias), None)
    return version, run, fit
