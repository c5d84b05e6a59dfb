"""mlflow.sklearn: log and load scikit-learn-style models (the lab's models)."""

import warnings

from . import _store
from .entities import ModelInfo
from .exceptions import MlflowException


def _to_dict(sk_model):
    if hasattr(sk_model, "to_dict"):
        return sk_model.to_dict()
    raise MlflowException.invalid_parameter_value(
        f"Cannot log a model of type {type(sk_model).__name__}: the lab can store models from the `lab` module."
    )


def log_model(sk_model, artifact_path=None, name=None, registered_model_name=None, **kwargs):
    from . import _run_id_for_logging
    from .tracking import _register

    if artifact_path is not None:
        warnings.warn("`artifact_path` is deprecated. Please use `name` instead.", FutureWarning, stacklevel=2)
    if name is not None:
        _store.validate_name(name, "model name")
    name = name or artifact_path or "model"
    if registered_model_name is not None:
        _store.validate_name(registered_model_name, "registered model name")
    run_id = _run_id_for_logging()
    model_id = _store.log_model(run_id, _to_dict(sk_model), name, "sklearn")
    version = _register(registered_model_name, model_id, run_id) if registered_model_name else None
    return ModelInfo(
        model_id=model_id,
        model_uri=f"models:/{model_id}",
        run_id=run_id,
        artifact_path=name,
        name=name,
        flavors={"python_function": {}, "sklearn": {}},
        registered_model_version=int(version) if version else None,
    )


def autolog(*args, **kwargs):
    from . import autolog as _autolog

    _autolog()


def load_model(model_uri, dst_path=None):
    from lab import LogisticRegression

    return LogisticRegression.from_dict(_store.resolve_model_uri(model_uri)["model"])
