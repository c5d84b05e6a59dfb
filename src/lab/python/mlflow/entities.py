"""Read-only views of the tracking store, shaped like MLflow 3's entities.

They print as MLflow's do (mlflow/entities/_mlflow_object.py): `<Name: key=value, ...>` with
the class's own properties in sorted order, each value through pprint (a dict's keys sorted,
lines wrapped at 80 columns) and nested entities printed the same way. `dict(entity)` gives
the same pairs. Properties are defined on each class, as MLflow's are, so a subclass that
adds none (ActiveRun) prints `<ActiveRun: >`, as MLflow's does."""

import pprint


class _MlflowObject:
    # The entity's properties, in MLflow's declaration order; each becomes a read-only property.
    _FIELDS = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("_FIELDS", ()):
            setattr(cls, name, property(lambda self, _name=name: self._values[_name]))

    def __init__(self, **values):
        self._values = {name: values.get(name) for name in self._all_fields()}

    @classmethod
    def _all_fields(cls):
        return [name for klass in reversed(cls.__mro__) for name in klass.__dict__.get("_FIELDS", ())]

    @classmethod
    def _properties(cls):
        # _MlflowObject._get_properties_helper: the properties in the class's own __dict__, sorted.
        return sorted(p for p in cls.__dict__ if isinstance(getattr(cls, p), property))

    def __iter__(self):
        for prop in self._properties():
            yield prop, getattr(self, prop)

    def __repr__(self):
        return _to_string(self)


def _to_string(value):
    """_MlflowObjectPrinter.to_string."""
    if isinstance(value, _MlflowObject):
        return f"<{type(value).__name__}: {', '.join(f'{k}={_to_string(v)}' for k, v in value)}>"
    return pprint.PrettyPrinter().pformat(value)


class Experiment(_MlflowObject):
    _FIELDS = ("experiment_id", "name", "artifact_location", "lifecycle_stage", "tags", "creation_time", "last_update_time")


class RunInfo(_MlflowObject):
    _FIELDS = ("run_id", "experiment_id", "run_name", "user_id", "status", "start_time", "end_time", "artifact_uri", "lifecycle_stage")


class RunData(_MlflowObject):
    _FIELDS = ("metrics", "params", "tags")


class RunInputs(_MlflowObject):
    _FIELDS = ("dataset_inputs", "model_inputs")


class RunOutputs(_MlflowObject):
    _FIELDS = ("model_outputs",)


class LoggedModelOutput(_MlflowObject):
    _FIELDS = ("model_id", "step")


class Run(_MlflowObject):
    _FIELDS = ("info", "data", "inputs", "outputs")


class ActiveRun(Run):
    """What `mlflow.start_run()` returns: the run (mlflow.tracking.fluent.ActiveRun is a Run made
    from its info and data only), and a context manager that ends it."""

    def __init__(self, run):
        super().__init__(info=run.info, data=run.data)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        from . import _active_runs, end_run  # late import: the fluent API owns the active-run stack

        # fluent.ActiveRun.__exit__: only a run still on the stack is ended.
        if self.info.run_id in _active_runs:
            end_run("FINISHED" if exc_type is None else "FAILED")
        return exc_type is None


class Metric(_MlflowObject):
    _FIELDS = ("key", "value", "timestamp", "step", "model_id", "dataset_name", "dataset_digest", "run_id")


class ModelVersion(_MlflowObject):
    _FIELDS = (
        "name", "version", "creation_timestamp", "last_updated_timestamp", "description", "user_id", "current_stage",
        "source", "run_id", "run_link", "status", "status_message", "tags", "aliases", "model_id", "params", "metrics",
        "deployment_job_state",
    )


class RegisteredModel(_MlflowObject):
    _FIELDS = (
        "name", "creation_timestamp", "last_updated_timestamp", "description", "latest_versions", "tags", "aliases",
        "deployment_job_id", "deployment_job_state",
    )


class FileInfo(_MlflowObject):
    _FIELDS = ("path", "is_dir", "file_size")


class ModelInfo:
    """mlflow.models.model.ModelInfo: plain metadata, with no repr of its own."""

    __module__ = "mlflow.models.model"

    def __init__(self, **fields):
        self.__dict__.update(fields)
