"""The lab's MLflow: the fluent tracking API of MLflow 3 for what the lesson
uses — experiments, runs, params, metrics, tags, models and the registry —
with MLflow's behaviour and messages, backed by the lab's tracking store."""

import sys
import time as _time

from . import _store
from .entities import ActiveRun, Experiment, Run, RunData, RunInfo
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
        artifact_location=exp["artifact_location"],
        lifecycle_stage=exp["lifecycle_stage"],
        tags=dict(exp["tags"]),
        creation_time=exp["creation_time"],
    )


def _run_view(run):
    info = RunInfo(
        run_id=run["run_id"],
        run_name=run["run_name"],
        experiment_id=run["experiment_id"],
        status=run["status"],
        start_time=run["start_time"],
        end_time=run["end_time"],
        lifecycle_stage=run["lifecycle_stage"],
        artifact_uri=run["artifact_uri"],
    )
    data = RunData(
        params=dict(run["params"]),
        metrics={k: _store.latest_metric(v) for k, v in run["metrics"].items()},
        tags=dict(run["tags"]),
    )
    return Run(info=info, data=data)


_current_experiment_id = None


def set_experiment(experiment_name=None, experiment_id=None):
    global _current_experiment_id
    if (experiment_name is None) == (experiment_id is None):
        raise MlflowException.invalid_parameter_value("Must specify exactly one of: `experiment_id` or `experiment_name`.")
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
    return _store.create_experiment(name, tags)


def start_run(run_id=None, experiment_id=None, run_name=None, nested=False, parent_run_id=None, tags=None, description=None, log_system_metrics=None):
    global _last_active_run_id
    if _active_runs and not nested:
        raise Exception(
            f"Run with UUID {_active_runs[-1]} is already active. To start a new run, first end the current run "
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
    if _active_runs:
        _store.end_run(_active_runs.pop(), status)


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
    run_id = run_id or _run_id_for_logging()
    for key, value in params.items():
        _store.log_param(run_id, key, value)


def log_metric(key, value, step=None, synchronous=None, timestamp=None, run_id=None, model_id=None, dataset=None):
    _store.log_metric(run_id or _run_id_for_logging(), key, value, step, timestamp)


def log_metrics(metrics, step=None, synchronous=None, run_id=None, timestamp=None, model_id=None, dataset=None):
    run_id = run_id or _run_id_for_logging()
    for key, value in metrics.items():
        _store.log_metric(run_id, key, value, step, timestamp)


def set_tag(key, value, synchronous=None):
    _store.set_tag(_run_id_for_logging(), key, value)


def set_tags(tags, synchronous=None):
    run_id = _run_id_for_logging()
    for key, value in tags.items():
        _store.set_tag(run_id, key, value)


def get_run(run_id):
    return _run_view(_store.get_run(run_id))


def search_runs(experiment_ids=None, experiment_names=None, **_ignored):
    """A list of Run objects, newest first (the real one returns a pandas DataFrame)."""
    ids = set(str(i) for i in (experiment_ids or []))
    for name in experiment_names or []:
        exp = _store.experiment_by_name(name)
        if exp:
            ids.add(exp["experiment_id"])
    if not ids:
        ids = {_current_experiment_id or "0"}
    runs = [r for r in _store.data()["runs"].values() if r["experiment_id"] in ids]
    return [_run_view(r) for r in sorted(runs, key=lambda r: r["start_time"], reverse=True)]


def register_model(model_uri, name, tags=None):
    from .tracking import MlflowClient, _register

    model = _store.resolve_model_uri(model_uri)
    return MlflowClient().get_model_version(name, _register(name, model["model_id"], model["source_run_id"]))


def _reset_session():
    """Called by the lab between runs: forget active runs, keep the store."""
    global _current_experiment_id, _last_active_run_id
    _active_runs.clear()
    _current_experiment_id = None
    _last_active_run_id = None


from . import pyfunc, sklearn  # noqa: E402  (submodules use the API above)
from .tracking import MlflowClient  # noqa: E402

__all__ = [
    "MlflowClient",
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
