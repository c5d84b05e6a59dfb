"""MlflowClient: the lower-level API, here for the model registry."""

import sys
import warnings

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
    # The file registry store's version: no stage ("None"), description, user, link or deployment job.
    return ModelVersion(
        name=v["name"],
        version=v["version"],
        creation_timestamp=v["creation_timestamp"],
        last_updated_timestamp=v.get("last_updated_timestamp", v["creation_timestamp"]),
        current_stage="None",
        source=v["source"],
        run_id=v["run_id"],
        status=v["status"],
        tags={},
        aliases=[a for a, ver in aliases.items() if ver == v["version"]],
        model_id=v["model_id"],
    )


class PagedList(list):
    """mlflow.store.entities.PagedList: a list with the token of the next page."""

    def __init__(self, items, token):
        super().__init__(items)
        self.token = token


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
        return [Metric(key=key, value=v, timestamp=t, step=s, run_id=run_id) for v, t, s in history]

    def get_registered_model(self, name):
        m = _store.registered_model(name)
        return RegisteredModel(
            name=m["name"],
            creation_timestamp=m["creation_timestamp"],
            last_updated_timestamp=m["last_updated_timestamp"],
            tags={},
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

    def get_latest_versions(self, name, stages=None):
        """Deprecated in MLflow (stages); the lab has no stages, so every version is in 'None'."""
        # mlflow/tracking/client.py: @deprecated(since="2.9.0", impact=_STAGES_DEPRECATION_WARNING)
        warnings.warn(
            "``mlflow.tracking.client.MlflowClient.get_latest_versions`` is deprecated since 2.9.0. "
            "Model registry stages will be removed in a future major release. To learn more about the "
            "deprecation of model registry stages, see our migration guide here: "
            "https://mlflow.org/docs/latest/model-registry.html#migrating-from-stages",
            FutureWarning,
            stacklevel=2,
        )
        m = _store.registered_model(name)
        if stages is not None and not any(str(s).lower() == "none" for s in stages):
            return []
        versions = list(m["versions"].values())
        return [_version_view(versions[-1], m["aliases"])] if versions else []

    def search_runs(self, experiment_ids, filter_string="", run_view_type=1, max_results=1000, order_by=None, page_token=None):
        """A list of Run objects (MLflow's PagedList; the lab returns every match in one page)."""
        from .. import _run_view

        if isinstance(experiment_ids, (str, int)):
            experiment_ids = [experiment_ids]
        runs = _store.search_runs(experiment_ids, filter_string, run_view_type, max_results, order_by)
        return PagedList([_run_view(r) for r in runs], None)

    def list_artifacts(self, run_id, path=None):
        from ..entities import FileInfo

        prefix = f"{path.strip('/')}/" if path else ""
        seen = {}
        for full, meta in _store.get_run(run_id).get("artifacts", {}).items():
            if not full.startswith(prefix):
                continue
            head = full[len(prefix):].split("/", 1)
            is_dir = len(head) > 1
            entry = prefix + head[0]
            seen[entry] = FileInfo(path=entry, is_dir=is_dir, file_size=None if is_dir else meta["size"])
        return [seen[k] for k in sorted(seen)]

    def log_artifact(self, run_id, local_path, artifact_path=None):
        _store.log_artifact_file(run_id, local_path, artifact_path)

    def log_text(self, run_id, text, artifact_file):
        _store.log_artifact_text(run_id, artifact_file, text)

    def log_dict(self, run_id, dictionary, artifact_file):
        from .. import log_dict

        log_dict(dictionary, artifact_file, run_id=run_id)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'MlflowClient' object has no attribute '{name}'")
        raise AttributeError(
            f"the lab's MlflowClient does not have {name}(). It has: get_run, get_experiment_by_name, "
            "get_metric_history, search_runs, log_param, log_metric, set_tag, log_artifact, log_text, log_dict, "
            "list_artifacts, get_registered_model, search_registered_models, get_model_version, "
            "search_model_versions, get_latest_versions, set_registered_model_alias, "
            "delete_registered_model_alias, get_model_version_by_alias."
        )

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
