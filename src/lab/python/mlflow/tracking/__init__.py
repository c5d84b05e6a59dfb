"""MlflowClient: the lower-level API, here for the model registry."""

import sys

from .. import _store
from ..entities import ModelVersion, RegisteredModel


def _register(name, model_id, run_id):
    created, version = _store.register_model_version(name, model_id, run_id)
    # MLflow prints these two lines to stderr when registering.
    if created:
        print(f"Successfully registered model '{name}'.", file=sys.stderr)
    else:
        print(f"Registered model '{name}' already exists. Creating a new version of this model...", file=sys.stderr)
    print(f"Created version '{version}' of model '{name}'.", file=sys.stderr)
    return version


def _version_view(v, aliases):
    return ModelVersion(
        name=v["name"],
        version=v["version"],
        source=v["source"],
        run_id=v["run_id"],
        model_id=v["model_id"],
        status=v["status"],
        creation_timestamp=v["creation_timestamp"],
        aliases=[a for a, ver in aliases.items() if ver == v["version"]],
    )


class MlflowClient:
    def __init__(self, tracking_uri=None, registry_uri=None):
        self.tracking_uri = tracking_uri

    def get_run(self, run_id):
        from .. import get_run

        return get_run(run_id)

    def get_experiment_by_name(self, name):
        from .. import get_experiment_by_name

        return get_experiment_by_name(name)

    def get_metric_history(self, run_id, key):
        from ..entities import Metric

        history = _store.get_run(run_id)["metrics"].get(key, [])
        return [Metric(key=key, value=v, timestamp=t, step=s) for v, t, s in history]

    def get_registered_model(self, name):
        m = _store.registered_model(name)
        return RegisteredModel(
            name=m["name"],
            creation_timestamp=m["creation_timestamp"],
            last_updated_timestamp=m["last_updated_timestamp"],
            aliases=dict(m["aliases"]),
            latest_versions=[_version_view(v, m["aliases"]) for v in list(m["versions"].values())[-1:]],
        )

    def search_registered_models(self, filter_string=None, max_results=100):
        return [self.get_registered_model(name) for name in _store.data()["registered_models"]]

    def get_model_version(self, name, version):
        m = _store.registered_model(name)
        return _version_view(_store.model_version(name, version), m["aliases"])

    def search_model_versions(self, filter_string=None):
        out = []
        for m in _store.data()["registered_models"].values():
            out += [_version_view(v, m["aliases"]) for v in m["versions"].values()]
        return out

    def set_registered_model_alias(self, name, alias, version):
        _store.set_alias(name, alias, version)

    def delete_registered_model_alias(self, name, alias):
        m = _store.registered_model(name)
        _store.version_by_alias(name, alias)
        del m["aliases"][alias]

    def get_model_version_by_alias(self, name, alias):
        m = _store.registered_model(name)
        return _version_view(_store.version_by_alias(name, alias), m["aliases"])

    def set_tag(self, run_id, key, value):
        _store.set_tag(run_id, key, value)

    def log_param(self, run_id, key, value):
        _store.log_param(run_id, key, value)

    def log_metric(self, run_id, key, value, timestamp=None, step=None):
        _store.log_metric(run_id, key, value, step, timestamp)
