"""The lab's MLflow: the fluent tracking API of MLflow 3 for what the lesson
uses — experiments, runs, params, metrics, tags, models and the registry —
with MLflow's behaviour and messages, backed by the lab's tracking store."""

import sys
import time as _time

from . import _store
from .entities import ActiveRun, Experiment, LoggedModelOutput, Run, RunData, RunInfo, RunInputs, RunOutputs
from .exceptions import MlflowException

__version__ = "3.1.0"

_active_runs = []
_last_active_run_id = None


def _log(message):
    """MLflow reports through Python logging, which lands on stderr."""
    stamp = _time.strftime("%Y/%m/%d %H:%M:%S")
    print(f"{stamp} INFO mlflow.tracking.fluent: {message}", file=sys.stderr)


def _experiment_view(exp):
    return Experiment(
        experiment_id=exp["experiment_id"],
        name=exp["name"],
        artifact_location=_store.artifact_uri(exp["artifact_location"]),
        lifecycle_stage=exp["lifecycle_stage"],
        tags=dict(exp["tags"]),
        creation_time=exp["creation_time"],
        last_update_time=exp.get("last_update_time", exp["creation_time"]),
    )


def _run_view(run):
    info = RunInfo(
        run_id=run["run_id"],
        run_name=run["run_name"],
        experiment_id=run["experiment_id"],
        user_id=run["tags"].get("mlflow.user"),
        status=run["status"],
        start_time=run["start_time"],
        end_time=run["end_time"],
        lifecycle_stage=run["lifecycle_stage"],
        artifact_uri=_store.artifact_uri(run["artifact_uri"]),
    )
    data = RunData(
        params=dict(run["params"]),
        metrics={k: _store.latest_metric(v) for k, v in run["metrics"].items()},
        tags=dict(run["tags"]),
    )
    # The file store's run: its inputs (the lab logs no datasets) and outputs (its logged models, at step 0).
    return Run(
        info=info,
        data=data,
        inputs=RunInputs(dataset_inputs=[], model_inputs=[]),
        outputs=RunOutputs(model_outputs=[LoggedModelOutput(model_id=m, step=0) for m in run["models"]]),
    )


_current_experiment_id = None


def set_experiment(experiment_name=None, experiment_id=None):
    global _current_experiment_id
    if (experiment_name is None) == (experiment_id is None):
        raise MlflowException.invalid_parameter_value("Must specify exactly one of: `experiment_id` or `experiment_name`.")
    if experiment_name is not None:
        _store.validate_experiment_name(experiment_name)
    if experiment_id is not None:
        exp = _store.experiment_by_id(experiment_id)
    else:
        exp = _store.experiment_by_name(experiment_name)
        if exp is None:
            _log(f"Experiment with name '{experiment_name}' does not exist. Creating a new experiment.")
            exp = _store.experiment_by_id(_store.create_experiment(experiment_name))
    _current_experiment_id = exp["experiment_id"]
    return _experiment_view(exp)


def get_experiment_by_name(name):
    exp = _store.experiment_by_name(name)
    return _experiment_view(exp) if exp else None


def get_experiment(experiment_id):
    return _experiment_view(_store.experiment_by_id(experiment_id))


def create_experiment(name, artifact_location=None, tags=None):
    _store.validate_experiment_name(name)
    return _store.create_experiment(name, tags)


def start_run(run_id=None, experiment_id=None, run_name=None, nested=False, parent_run_id=None, tags=None, description=None, log_system_metrics=None):
    global _last_active_run_id
    if run_name is not None:
        # A string; the file store sets it as the mlflow.runName tag, whose value it does not limit
        # (FileStore.set_tag checks the key only).
        _store.validate_name(run_name, "run name")
    if _active_runs and not nested:
        raise Exception(
            f"Run with UUID {_active_runs[0]} is already active. To start a new run, first end the current run "
            "with mlflow.end_run(). To start a nested run, call start_run with nested=True"
        )
    if run_id is not None:
        run = _store.get_run(run_id)
        run["status"] = "RUNNING"
        run["end_time"] = None
    else:
        exp_id = experiment_id if experiment_id is not None else (_current_experiment_id or "0")
        all_tags = dict(tags or {})
        if nested and _active_runs:
            all_tags["mlflow.parentRunId"] = _active_runs[-1]
        run_id = _store.create_run(exp_id, run_name, all_tags, description)
        run = _store.get_run(run_id)
    _active_runs.append(run_id)
    _last_active_run_id = run_id
    return ActiveRun(_run_view(run))


def end_run(status="FINISHED"):
    global _last_active_run_id
    if _active_runs:
        _last_active_run_id = _active_runs.pop()
        _store.end_run(_last_active_run_id, status)


def _safe_end_run():
    """What MLflow's fluent API registers with atexit: one end_run() with its default status, so the
    innermost run left open (no `with`, or the program raised) ends FINISHED; outer ones stay RUNNING."""
    try:
        end_run()
    except Exception:  # noqa: BLE001 - contextlib.suppress(Exception), as fluent._safe_end_run
        pass


def active_run():
    return ActiveRun(_run_view(_store.get_run(_active_runs[-1]))) if _active_runs else None


def last_active_run():
    if _active_runs:
        return _run_view(_store.get_run(_active_runs[-1]))
    return _run_view(_store.get_run(_last_active_run_id)) if _last_active_run_id else None


def _run_id_for_logging():
    """Any log_* call with no active run starts one, as MLflow does."""
    if not _active_runs:
        start_run()
    return _active_runs[-1]


def log_param(key, value, synchronous=None):
    _store.log_param(_run_id_for_logging(), key, value)
    return value


def log_params(params, synchronous=None, run_id=None):
    _store.log_batch(run_id or _run_id_for_logging(), params=list(params.items()))


def log_metric(key, value, step=None, synchronous=None, timestamp=None, run_id=None, model_id=None, dataset=None):
    _store.log_metric(run_id or _run_id_for_logging(), key, value, step, timestamp)


def log_metrics(metrics, step=None, synchronous=None, run_id=None, timestamp=None, model_id=None, dataset=None):
    run_id = run_id or _run_id_for_logging()
    # fluent.log_metrics: one timestamp for the batch, step `step or 0`.
    timestamp = timestamp or _store.now_ms()
    _store.log_batch(run_id, metrics=[(key, value, timestamp, step or 0) for key, value in metrics.items()])


def set_tag(key, value, synchronous=None):
    _store.set_tag(_run_id_for_logging(), key, value)


def set_tags(tags, synchronous=None):
    run_id = _run_id_for_logging()
    for key, value in tags.items():
        _store.set_tag(run_id, key, value)


def get_run(run_id):
    return _run_view(_store.get_run(run_id))


def search_runs(
    experiment_ids=None,
    filter_string="",
    run_view_type=1,
    max_results=100000,
    order_by=None,
    output_format="pandas",
    search_all_experiments=False,
    experiment_names=None,
):
    """Runs matching MLflow's filter grammar, ordered and limited as MLflow does
    (mlflow.tracking.fluent.search_runs). "pandas" gives the lab's table (the lab has
    no pandas; see _table.py), "list" gives Run objects."""
    no_ids = not experiment_ids
    no_names = not experiment_names
    if not no_ids and not no_names:
        raise MlflowException.invalid_parameter_value("Only experiment_ids or experiment_names can be used, but not both")
    if search_all_experiments and no_ids and no_names:
        ids = [e["experiment_id"] for e in _store.data()["experiments"].values() if e["lifecycle_stage"] == "active"]
    elif no_ids and no_names:
        ids = [_current_experiment_id or "0"]
    elif not no_names:
        ids = []
        for name in [experiment_names] if isinstance(experiment_names, str) else experiment_names:
            exp = _store.experiment_by_name(name) if name is not None else None
            if exp:
                ids.append(exp["experiment_id"])
            elif name is not None:
                print(f"{_time.strftime('%Y/%m/%d %H:%M:%S')} WARNING mlflow.tracking.fluent: Cannot retrieve experiment by name {name}", file=sys.stderr)
    else:
        ids = [str(i) for i in ([experiment_ids] if isinstance(experiment_ids, (str, int)) else experiment_ids)]
    runs = _store.search_runs(ids, filter_string, run_view_type, max_results, order_by)
    if output_format == "list":
        return [_run_view(r) for r in runs]
    if output_format == "pandas":
        from ._table import SearchRunsTable

        return SearchRunsTable.from_runs(runs, _store.latest_metric)
    raise ValueError(f"Unsupported output format: {output_format}. Supported string values are 'pandas' or 'list'")


# --- artifacts ----------------------------------------------------------------


def log_artifact(local_path, artifact_path=None, run_id=None):
    _store.log_artifact_file(run_id or _run_id_for_logging(), local_path, artifact_path)


def log_artifacts(local_dir, artifact_path=None, run_id=None):
    import os

    run_id = run_id or _run_id_for_logging()
    for root, _dirs, files in os.walk(local_dir):
        for name in sorted(files):
            rel = os.path.relpath(root, local_dir)
            sub = artifact_path if rel == "." else (f"{artifact_path}/{rel}" if artifact_path else rel)
            _store.log_artifact_file(run_id, os.path.join(root, name), sub)


def log_text(text, artifact_file, run_id=None):
    _store.log_artifact_text(run_id or _run_id_for_logging(), artifact_file, text)


def log_dict(dictionary, artifact_file, run_id=None):
    """JSON for .json and other names, as MLflow writes; YAML it cannot write (no PyYAML in the lab)."""
    import json
    import posixpath

    extension = posixpath.splitext(artifact_file)[1]
    if extension in (".yml", ".yaml"):
        raise MlflowException.invalid_parameter_value(
            f"the lab's mlflow.log_dict cannot write YAML ('{artifact_file}'): the lab has no PyYAML. "
            "Use a .json artifact_file instead."
        )
    # mlflow.tracking.client.log_dict: json.dump(dictionary, f, indent=2) for .json, plain json.dump otherwise.
    text = json.dumps(dictionary, indent=2) if extension == ".json" else json.dumps(dictionary)
    _store.log_artifact_text(run_id or _run_id_for_logging(), artifact_file, text)


# --- tracking URI and what the lab does not have ------------------------------

# MLflow 3.1 with no tracking URI set: a local file store under ./mlruns.
_DEFAULT_TRACKING_URI = "file:///home/lab/mlruns"
_tracking_uri = None
_LAB_SERVER = ("http://localhost:5000", "http://127.0.0.1:5000")


def set_tracking_uri(uri):
    """The lab keeps one local store, drawn at localhost:5000; it has no remote servers."""
    global _tracking_uri
    text = str(uri)
    if text.rstrip("/") in _LAB_SERVER:
        _tracking_uri = text
        return
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme in ("http", "https", "databricks", "databricks-uc", "uc"):
        raise MlflowException.invalid_parameter_value(
            f"the lab cannot reach the tracking server '{text}': it has no network and no remote tracking servers. "
            "It keeps a local store, shown at localhost:5000 — leave the tracking URI unset, "
            "or set it to http://localhost:5000."
        )
    _tracking_uri = text
    print(
        f"the lab keeps its runs in one local store whatever the tracking URI: '{text}' is noted, "
        "and runs still appear at localhost:5000.",
        file=sys.stderr,
    )


def get_tracking_uri():
    return _tracking_uri or _DEFAULT_TRACKING_URI


def set_registry_uri(uri):
    set_tracking_uri(uri)


def get_registry_uri():
    return get_tracking_uri()


def autolog(*args, **kwargs):
    """Nothing to hook in the lab: say so rather than pretend."""
    print(
        "the lab's mlflow.autolog() does nothing: autologging patches libraries such as scikit-learn, "
        "and the lab has none of them. Log with mlflow.log_param / log_metric / mlflow.sklearn.log_model.",
        file=sys.stderr,
    )


_COVERED = (
    "set_experiment, get_experiment, get_experiment_by_name, create_experiment, start_run, end_run, active_run, "
    "last_active_run, get_run, log_param(s), log_metric(s), set_tag(s), log_artifact(s), log_text, log_dict, "
    "search_runs, register_model, set_tracking_uri, get_tracking_uri, autolog, MlflowClient, sklearn, pyfunc"
)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(f"module 'mlflow' has no attribute '{name}'")
    raise AttributeError(f"the lab's mlflow does not have mlflow.{name}. It covers: {_COVERED}.")


def register_model(model_uri, name, tags=None):
    from .tracking import MlflowClient, _register

    _store.validate_name(name, "registered model name")
    model = _store.resolve_model_uri(model_uri)
    return MlflowClient().get_model_version(name, _register(name, model["model_id"], model["source_run_id"]))


def _save_session():
    return list(_active_runs), _tracking_uri, _current_experiment_id, _last_active_run_id


def _restore_session(saved):
    global _tracking_uri, _current_experiment_id, _last_active_run_id
    runs, _tracking_uri, _current_experiment_id, _last_active_run_id = saved
    _active_runs[:] = runs


def _reset_session():
    """Called by the lab between runs: forget active runs, keep the store."""
    global _current_experiment_id, _last_active_run_id, _tracking_uri
    _active_runs.clear()
    _tracking_uri = None
    _current_experiment_id = None
    _last_active_run_id = None


from . import pyfunc, sklearn  # noqa: E402  (submodules use the API above)
from .tracking import MlflowClient  # noqa: E402

__all__ = [
    "MlflowClient",
    "autolog",
    "get_tracking_uri",
    "log_artifact",
    "log_artifacts",
    "log_dict",
    "log_text",
    "set_tracking_uri",
    "MlflowException",
    "active_run",
    "create_experiment",
    "end_run",
    "get_experiment",
    "get_experiment_by_name",
    "get_run",
    "last_active_run",
    "log_metric",
    "log_metrics",
    "log_param",
    "log_params",
    "pyfunc",
    "register_model",
    "search_runs",
    "set_experiment",
    "set_tag",
    "set_tags",
    "sklearn",
    "start_run",
]
