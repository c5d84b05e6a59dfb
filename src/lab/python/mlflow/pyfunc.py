"""mlflow.pyfunc: load any logged model behind one `predict` interface."""

from . import _store


class PyFuncModel:
    def __init__(self, model, logged):
        self._model = model
        self.metadata = type("ModelMetadata", (), {"model_id": logged["model_id"], "run_id": logged["source_run_id"]})()

    def predict(self, data):
        rows = data
        if isinstance(data, dict):
            rows = [list(data.values())]
        return self._model.predict(rows)

    def unwrap_python_model(self):
        return self._model

    def __repr__(self):
        return f"mlflow.pyfunc.loaded_model:\n  flavor: mlflow.sklearn\n  model_id: {self.metadata.model_id}"


def load_model(model_uri, suppress_warnings=False, dst_path=None):
    from lab import LogisticRegression

    logged = _store.resolve_model_uri(model_uri)
    return PyFuncModel(LogisticRegression.from_dict(logged["model"]), logged)
