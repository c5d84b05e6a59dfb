"""The lab's tracking store: experiments, runs, logged models and the model
registry, kept as one JSON document so the rest of the lab (the tracking UI,
the model server, the checks) can read exactly what the learner's code logged.
"""

import json
import os
import random
import re
import time
import uuid

from .exceptions import INVALID_PARAMETER_VALUE, RESOURCE_DOES_NOT_EXIST, MlflowException

STORE_PATH = os.environ.get("LAB_TRACKING_STORE", "/home/lab/.lab/tracking.json")

# The file being run, recorded on each run as its source (set by the lab's runner).
SOURCE_NAME = "<stdin>"

_KEY_RE = re.compile(r"^[/\w.\- :]*$")
MAX_KEY_LENGTH = 250
MAX_PARAM_VALUE_LENGTH = 6000

_ADJECTIVES = (
    "amazing bold brave bright calm capable clean clever crisp curious daring eager "
    "fearless gentle glamorous graceful honest humble illustrious intrepid jolly keen kindly "
    "lucid merciful nimble placid polite powerful rare righteous sedate shivering silent "
    "skillful smiling spiffy stately suave thoughtful traveling unequaled upbeat welcoming wise"
).split()
_NOUNS = (
    "ant ape bass bat bear boar calf carp cat colt crab crane cub deer dog dove duck eel "
    "finch fish fly foal fox frog gnat goat grub gull hare hawk hen hog horse jay koi lamb "
    "lark lynx mole moth mouse mule newt owl ox perch pig pug ram robin seal shark shrew "
    "skink slug snail snake squid stork swan toad trout whale wolf worm wren yak"
).split()


def now_ms():
    return int(time.time() * 1000)


def random_run_name():
    return f"{random.choice(_ADJECTIVES)}-{random.choice(_NOUNS)}-{random.randint(0, 999)}"


def _empty():
    return {
        "experiments": {
            "0": {
                "experiment_id": "0",
                "name": "Default",
                "artifact_location": "mlruns/0",
                "lifecycle_stage": "active",
                "creation_time": now_ms(),
                "tags": {},
            }
        },
        "runs": {},
        "logged_models": {},
        "registered_models": {},
        "next_experiment_id": 1,
    }


_data = None


def data():
    global _data
    if _data is None:
        _data = load()
    return _data


def load():
    try:
        with open(STORE_PATH) as f:
            loaded = json.load(f)
        if isinstance(loaded, dict) and "experiments" in loaded:
            return loaded
    except (OSError, ValueError):
        pass
    return _empty()


def save():
    if _data is None:
        return
    os.makedirs(os.path.dirname(STORE_PATH), exist_ok=True)
    with open(STORE_PATH, "w") as f:
        json.dump(_data, f)


def reset():
    global _data
    _data = _empty()


def validate_key(key, kind="key"):
    if not isinstance(key, str) or not _KEY_RE.match(key):
        raise MlflowException(
            f"Invalid value {json.dumps(key) if isinstance(key, str) else repr(key)} for parameter '{kind}' supplied: "
            "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).",
            INVALID_PARAMETER_VALUE,
        )
    if len(key) > MAX_KEY_LENGTH:
        raise MlflowException(
            f"'{key[:20]}...' exceeds the maximum length of {MAX_KEY_LENGTH} characters",
            INVALID_PARAMETER_VALUE,
        )


# --- experiments --------------------------------------------------------------


def experiment_by_name(name):
    for exp in data()["experiments"].values():
        if exp["name"] == name and exp["lifecycle_stage"] == "active":
            return exp
    return None


def experiment_by_id(experiment_id):
    exp = data()["experiments"].get(str(experiment_id))
    if exp is None:
        raise MlflowException(f"No Experiment with id={experiment_id} exists", RESOURCE_DOES_NOT_EXIST)
    return exp


def create_experiment(name, tags=None):
    if not name:
        raise MlflowException("Invalid experiment name: ''", INVALID_PARAMETER_VALUE)
    if experiment_by_name(name):
        raise MlflowException(f"Experiment(name={name}) already exists.", "RESOURCE_ALREADY_EXISTS")
    d = data()
    experiment_id = str(d["next_experiment_id"])
    d["next_experiment_id"] += 1
    d["experiments"][experiment_id] = {
        "experiment_id": experiment_id,
        "name": name,
        "artifact_location": f"mlruns/{experiment_id}",
        "lifecycle_stage": "active",
        "creation_time": now_ms(),
        "tags": dict(tags or {}),
    }
    return experiment_id


# --- runs ---------------------------------------------------------------------


def create_run(experiment_id, run_name=None, tags=None, description=None):
    experiment_by_id(experiment_id)
    run_id = uuid.uuid4().hex
    name = run_name or random_run_name()
    all_tags = {"mlflow.runName": name, "mlflow.source.name": SOURCE_NAME, "mlflow.source.type": "LOCAL", "mlflow.user": "learner"}
    all_tags.update({str(k): str(v) for k, v in (tags or {}).items()})
    if description is not None:
        all_tags["mlflow.note.content"] = str(description)
    data()["runs"][run_id] = {
        "run_id": run_id,
        "run_name": name,
        "experiment_id": str(experiment_id),
        "status": "RUNNING",
        "start_time": now_ms(),
        "end_time": None,
        "lifecycle_stage": "active",
        "artifact_uri": f"mlruns/{experiment_id}/{run_id}/artifacts",
        "params": {},
        "metrics": {},
        "tags": all_tags,
        "models": [],
    }
    return run_id


def get_run(run_id):
    run = data()["runs"].get(run_id)
    if run is None:
        raise MlflowException(f"Run with id={run_id} not found", RESOURCE_DOES_NOT_EXIST)
    return run


def end_run(run_id, status="FINISHED"):
    if status not in ("FINISHED", "FAILED", "KILLED"):
        raise MlflowException(f"Invalid run status: {status}", INVALID_PARAMETER_VALUE)
    run = get_run(run_id)
    run["status"] = status
    run["end_time"] = now_ms()


def log_param(run_id, key, value):
    validate_key(key)
    value = str(value)
    if len(value) > MAX_PARAM_VALUE_LENGTH:
        raise MlflowException(
            f"Param value '{value[:20]}...' had length {len(value)}, which exceeded length limit of {MAX_PARAM_VALUE_LENGTH}",
            INVALID_PARAMETER_VALUE,
        )
    run = get_run(run_id)
    old = run["params"].get(key)
    if old is not None and old != value:
        raise MlflowException(
            f"Changing param values is not allowed. Param with key='{key}' was already logged with "
            f"value='{old}' for run ID='{run_id}'. Attempted logging new value '{value}'.",
            INVALID_PARAMETER_VALUE,
        )
    run["params"][key] = value


def log_metric(run_id, key, value, step=None, timestamp=None):
    validate_key(key)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise MlflowException(
            f"Got invalid value {value!r} for metric '{key}' (timestamp={timestamp}). "
            "Please specify value as a valid double (64-bit floating point)",
            INVALID_PARAMETER_VALUE,
        ) from None
    step = 0 if step is None else int(step)
    timestamp = now_ms() if timestamp is None else int(timestamp)
    run = get_run(run_id)
    run["metrics"].setdefault(key, []).append([number, timestamp, step])


def set_tag(run_id, key, value):
    validate_key(key)
    get_run(run_id)["tags"][key] = str(value)


def latest_metric(history):
    """The value MLflow shows for a metric: the latest at the largest step."""
    best = None
    for value, timestamp, step in history:
        if best is None or (step, timestamp) >= (best[2], best[1]):
            best = (value, timestamp, step)
    return best[0] if best else None


# --- models and the registry --------------------------------------------------


def log_model(run_id, model_dict, name, flavor):
    run = get_run(run_id)
    model_id = f"m-{uuid.uuid4().hex}"
    data()["logged_models"][model_id] = {
        "model_id": model_id,
        "name": name,
        "experiment_id": run["experiment_id"],
        "source_run_id": run_id,
        "creation_timestamp": now_ms(),
        "flavor": flavor,
        "model": model_dict,
    }
    run["models"].append(model_id)
    return model_id


def register_model_version(name, model_id, run_id):
    registry = data()["registered_models"]
    created = name not in registry
    if created:
        registry[name] = {
            "name": name,
            "creation_timestamp": now_ms(),
            "last_updated_timestamp": now_ms(),
            "aliases": {},
            "versions": {},
        }
    model = registry[name]
    version = str(len(model["versions"]) + 1)
    model["versions"][version] = {
        "name": name,
        "version": version,
        "source": f"models:/{model_id}",
        "model_id": model_id,
        "run_id": run_id,
        "creation_timestamp": now_ms(),
        "status": "READY",
    }
    model["last_updated_timestamp"] = now_ms()
    return created, version


def registered_model(name):
    model = data()["registered_models"].get(name)
    if model is None:
        raise MlflowException(f"Registered Model with name={name} not found", RESOURCE_DOES_NOT_EXIST)
    return model


def model_version(name, version):
    model = registered_model(name)
    found = model["versions"].get(str(version))
    if found is None:
        raise MlflowException(f"Model Version (name={name}, version={version}) not found", RESOURCE_DOES_NOT_EXIST)
    return found


def set_alias(name, alias, version):
    validate_key(alias, "alias")
    model_version(name, version)
    model = registered_model(name)
    model["aliases"][alias] = str(version)
    model["last_updated_timestamp"] = now_ms()


def version_by_alias(name, alias):
    model = registered_model(name)
    version = model["aliases"].get(alias)
    if version is None:
        raise MlflowException(f"Registered model alias {alias} not found.", INVALID_PARAMETER_VALUE)
    return model["versions"][version]


def resolve_model_uri(uri):
    """models:/<model_id>, models:/<name>/<version>, models:/<name>@<alias>, runs:/<run_id>/<path>."""
    if not isinstance(uri, str):
        raise MlflowException(f"Invalid model URI: {uri!r}", INVALID_PARAMETER_VALUE)
    if uri.startswith("models:/"):
        rest = uri[len("models:/"):]
        if rest.startswith("m-") and rest in data()["logged_models"]:
            return data()["logged_models"][rest]
        if "@" in rest:
            name, alias = rest.split("@", 1)
            version = version_by_alias(name, alias)
        elif "/" in rest:
            name, version_number = rest.rsplit("/", 1)
            version = model_version(name, version_number)
        else:
            raise MlflowException(
                f"Not a proper models:/ URI: {uri}. Models URIs must be of the form 'models:/model_name/suffix' "
                "or 'models:/model_name@alias' where suffix is a model version, stage, or the string 'latest' and "
                "where alias is a registered model alias. Only one of suffix or alias can be defined at a time.",
                INVALID_PARAMETER_VALUE,
            )
        return data()["logged_models"][version["model_id"]]
    if uri.startswith("runs:/"):
        parts = uri[len("runs:/"):].split("/", 1)
        run = get_run(parts[0])
        wanted = parts[1] if len(parts) > 1 else ""
        for model_id in run["models"]:
            model = data()["logged_models"][model_id]
            if model["name"] == wanted:
                return model
        raise MlflowException(f"No model named '{wanted}' was logged in run {parts[0]}", RESOURCE_DOES_NOT_EXIST)
    raise MlflowException(f"Unsupported model URI: {uri}", INVALID_PARAMETER_VALUE)
