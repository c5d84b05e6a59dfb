"""The lab's tracking store: experiments, runs, logged models and the model
registry, so the rest of the lab (the tracking UI, the model server, the checks)
can read exactly what the learner's code logged.

In the project it is a folder, `.lab/tracking/`, with a file per run
(`runs/<run_id>.json`) and per logged model (`models/<model_id>.json`), as
MLflow's file store keeps a folder per run, and `store.json` for the
experiments and the registry: a Run that logs one run writes (and the page
reads) that run's file, however many runs the project holds (issue 22). A
project saved by an older lab has one `.lab/tracking.json`; it is read, and
written out in the new layout on the next save.
"""

import json
import numbers
import os
import posixpath
import random
import re
import sys
import time
import uuid

from .exceptions import INTERNAL_ERROR, INVALID_PARAMETER_VALUE, RESOURCE_DOES_NOT_EXIST, MlflowException

STORE_DIR = os.environ.get("LAB_TRACKING_STORE", "/home/lab/.lab/tracking")
# The single file an older lab kept the store in.
_OLD_FILE = os.path.join(os.path.dirname(STORE_DIR), "tracking.json")
# The sections kept a file per entry, by their folder.
_ENTRY_FOLDERS = {"runs": "runs", "logged_models": "models"}

# The file being run, recorded on each run as its source (set by the lab's runner).
SOURCE_NAME = "<stdin>"

_KEY_RE = re.compile(r"^[/\w.\- :]*$")
_RUN_ID_RE = re.compile(r"^[a-zA-Z0-9][\w\-]{0,255}$")  # mlflow/utils/validation.py _RUN_ID_REGEX
MAX_KEY_LENGTH = 250
MAX_PARAM_VALUE_LENGTH = 6000
MAX_EXPERIMENT_NAME_LENGTH = 500
# Artifacts are kept in the store; text up to this size is shown on the run page.
MAX_ARTIFACT_TEXT = 100_000

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


# The project folder, where MLflow's default file store keeps ./mlruns.
_PROJECT_DIR = os.path.dirname(os.path.dirname(STORE_DIR))


def artifact_uri(path):
    """The file store's artifact URIs are absolute file: URIs (file:///home/lab/mlruns/0/<run>/artifacts);
    the store keeps them relative to the project."""
    return path if ":" in path or path.startswith("/") else f"file://{_PROJECT_DIR}/{path}"


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
    }


_data = None
# What changed since the store was last saved, so a save writes only that: ("runs", id),
# ("logged_models", id), ("meta", None) for the experiments and the registry, or ("all", None).
# A Run that logs nothing writes nothing (issue 22). Every change goes through a function below
# that marks it.
_dirty = set()


def data():
    global _data
    if _data is None:
        _data = load()
        if not os.path.isdir(STORE_DIR) and os.path.exists(_OLD_FILE):
            _dirty.add(("all", None))  # an older lab's single file: written out in the new layout
    return _data


def _changed(section="meta", key=None):
    _dirty.add((section, key))


def changed():
    """Whether the store changed since it was last saved."""
    return bool(_dirty)


# Each file of the store as last read, by path: (size, mtime) and what it held, for load(cached=True).
_read_cache = {}


def _read_json(path, cached, fix=None):
    try:
        st = os.stat(path)
    except OSError:
        return None
    stamp = (st.st_size, st.st_mtime_ns)
    hit = _read_cache.get(path) if cached else None
    if hit is not None and hit[0] == stamp:
        return hit[1]
    try:
        with open(path) as f:
            value = json.load(f)
    except (OSError, ValueError):
        value = None
    if fix is not None and isinstance(value, dict):
        value = fix(value)
    if cached:
        _read_cache[path] = (stamp, value)
    return value


def load(cached=False):
    """The store as the project's files hold it. `cached`: for a reader that reads it again and
    again and changes nothing (the judge, after every run): only the files that changed since are
    parsed, and what it returns shares their entries."""
    if os.path.isdir(STORE_DIR):
        meta = _read_json(os.path.join(STORE_DIR, "store.json"), cached)
        loaded = dict(meta) if isinstance(meta, dict) else {}
        for section, folder in _ENTRY_FOLDERS.items():
            entries = {}
            where = os.path.join(STORE_DIR, folder)
            for name in sorted(os.listdir(where)) if os.path.isdir(where) else []:
                fix = _fixed_run if section == "runs" else None
                entry = _read_json(os.path.join(where, name), cached, fix) if name.endswith(".json") else None
                if isinstance(entry, dict):
                    entries[name[:-5]] = entry
            loaded[section] = entries
        return _sanitised(loaded, runs_fixed=True)
    try:
        with open(_OLD_FILE) as f:
            loaded = json.load(f)
        if isinstance(loaded, dict) and "experiments" in loaded:
            return _sanitised(loaded)
    except (OSError, ValueError):
        pass
    return _empty()


def _fixed_run(run):
    """A run as the lab keeps it in memory: its artifacts and models lists, its metric values decoded."""
    run.setdefault("artifacts", {})
    run.setdefault("models", [])
    if isinstance(run.get("metrics"), dict):
        run["metrics"] = {k: [[_decode_value(v), t, st] for v, t, st in h] for k, h in run["metrics"].items()}
    return run


def _sanitised(loaded, runs_fixed=False):
    """Drop entries an older lab let through (names that are not strings), so one bad
    run can never break the store for every later run."""
    fresh = _empty()
    for section in ("experiments", "runs", "logged_models", "registered_models"):
        if not isinstance(loaded.get(section), dict):
            loaded[section] = fresh[section]
    checks = {
        "experiments": lambda e: isinstance(e.get("name"), str) and isinstance(e.get("experiment_id"), str),
        "runs": lambda r: isinstance(r.get("run_name"), str) and isinstance(r.get("run_id"), str)
        and isinstance(r.get("params"), dict) and isinstance(r.get("metrics"), dict) and isinstance(r.get("tags"), dict),
        "logged_models": lambda m: isinstance(m.get("name"), str) and isinstance(m.get("model_id"), str),
        "registered_models": lambda m: isinstance(m.get("name"), str) and isinstance(m.get("versions"), dict),
    }
    for section, ok in checks.items():
        for key in [k for k, v in loaded[section].items() if not (isinstance(v, dict) and ok(v))]:
            del loaded[section][key]
    if not runs_fixed:
        for run in loaded["runs"].values():
            _fixed_run(run)
    return loaded


def _write(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # json.dumps, not json.dump: dump streams through the pure-Python encoder (6x slower).
    text = json.dumps(value)
    with open(path, "w") as f:
        f.write(text)


def save():
    """Write what changed since the last save: a run's file, a model's, the experiments and registry."""
    if _data is None or not _dirty:
        return
    everything = ("all", None) in _dirty
    if everything or ("meta", None) in _dirty:
        _write(os.path.join(STORE_DIR, "store.json"), {"experiments": _data["experiments"], "registered_models": _data["registered_models"]})
    for section, folder in _ENTRY_FOLDERS.items():
        where = os.path.join(STORE_DIR, folder)
        keys = _data[section].keys() if everything else [k for s, k in _dirty if s == section]
        for key in keys:
            if key in _data[section]:
                entry = _data[section][key]
                _write(os.path.join(where, f"{key}.json"), _run_for_json(entry) if section == "runs" else entry)
        if everything and os.path.isdir(where):
            for name in os.listdir(where):
                if name[:-5] not in _data[section]:
                    os.remove(os.path.join(where, name))
    if os.path.exists(_OLD_FILE):
        os.remove(_OLD_FILE)
    _dirty.clear()


# JSON has no NaN or infinities; MLflow stores them, so the lab writes them as these strings.
NON_FINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def _encode_value(value):
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def for_json(store):
    """The store with each metric value JSON can carry: NaN and ±inf become "NaN",
    "Infinity", "-Infinity" (as protobuf's JSON mapping writes doubles, and as MLflow's REST
    API sends them: mlflow/mlflow PR #1613), for the file and for the page (JSON.parse
    rejects Python's bare NaN)."""
    return {**store, "runs": {run_id: _run_for_json(run) for run_id, run in store["runs"].items()}}


def _run_for_json(run):
    metrics = {k: [[_encode_value(v), t, s] for v, t, s in h] for k, h in run["metrics"].items()}
    return {**run, "metrics": metrics}


def _decode_value(value):
    return NON_FINITE.get(value, value) if isinstance(value, str) else value


def reset():
    global _data
    _data = _empty()
    _changed("all")


# mlflow/utils/validation.py, as MLflow 3's file store calls it.
_BAD_CHARACTERS = (
    "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/)."
)
_MISSING_KEY_NAME = "A key name must be provided."


def invalid_value(path, value, message=None):
    """validation.invalid_value: the value as compact, key-sorted JSON."""
    shown = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return f"Invalid value {shown} for parameter '{path}' supplied" + (f": {message}" if message else ".")


def _json_path(path, name):
    """validation.append_to_json_path."""
    if not path:
        return name
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


def _check_name(name, path):
    """The character and path checks of _validate_metric_name, _validate_param_name and _validate_tag_name
    (a name that is not a string fails in re.match with a TypeError, as in MLflow)."""
    if not _KEY_RE.match(name):
        raise MlflowException(invalid_value(path, name, _BAD_CHARACTERS), INVALID_PARAMETER_VALUE)
    norm = posixpath.normpath(name)
    if norm != name or norm == "." or norm.startswith("..") or norm.startswith("/"):
        message = (
            "Names may be treated as files in certain cases, and must not resolve to other names"
            f" when treated as such. This name would resolve to {norm!r}"
        )
        raise MlflowException(invalid_value(path, name, message), INVALID_PARAMETER_VALUE)


def _check_length(entity, limit, value):
    if len(value) > limit:
        raise MlflowException(f"'{entity}' exceeds the maximum length of {limit} characters", INVALID_PARAMETER_VALUE)


def _log_warning(logger, message):
    """MLflow's logging format, on stderr."""
    print(f"{time.strftime('%Y/%m/%d %H:%M:%S')} WARNING {logger}: {message}", file=sys.stderr)


def validate_param(key, value, path=""):
    """validation._validate_param: the key, then a value over 6000 characters is cut to 6000 with a
    warning (MLFLOW_TRUNCATE_LONG_VALUES defaults to True). Returns the value to store."""
    key_path = _json_path(path, "key")
    if key is None:
        raise MlflowException(invalid_value(key_path, "", _MISSING_KEY_NAME), INVALID_PARAMETER_VALUE)
    _check_name(key, key_path)
    _check_length("Param key", MAX_KEY_LENGTH, key)
    if len(value) > MAX_PARAM_VALUE_LENGTH:
        _log_warning(
            "mlflow.utils.validation",
            f"Param value '{value[:100]}...' ({len(value)} characters) is truncated to "
            f"{MAX_PARAM_VALUE_LENGTH} characters to meet the length limit.",
        )
        value = value[:MAX_PARAM_VALUE_LENGTH]
    return value


def validate_metric(key, value, timestamp, step, path=""):
    """validation._validate_metric, on the value the client has already tried to make a float."""
    name_path = _json_path(path, "name")
    if key is None:
        raise MlflowException(
            invalid_value(name_path, None, f"Metric name cannot be None. {_MISSING_KEY_NAME}"), INVALID_PARAMETER_VALUE
        )
    _check_name(key, name_path)
    if value is None:
        raise MlflowException(f"Missing value for required parameter '{_json_path(path, 'value')}'.", INVALID_PARAMETER_VALUE)
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise MlflowException(
            invalid_value(
                _json_path(path, "value"),
                value,
                f"(timestamp={timestamp}). Please specify value as a valid double (64-bit floating point)",
            ),
            INVALID_PARAMETER_VALUE,
        )
    if not isinstance(timestamp, numbers.Number) or timestamp < 0:
        raise MlflowException(
            invalid_value(
                _json_path(path, "timestamp"),
                timestamp,
                f"metric '{key}' (value={value}). Timestamp must be a nonnegative long (64-bit integer) ",
            ),
            INVALID_PARAMETER_VALUE,
        )
    if not isinstance(step, numbers.Number):
        raise MlflowException(
            invalid_value(
                _json_path(path, "step"), step, f"metric '{key}' (value={value}). Step must be a valid long (64-bit integer)."
            ),
            INVALID_PARAMETER_VALUE,
        )
    _check_length("Metric name", MAX_KEY_LENGTH, key)


def metric_value(value):
    """mlflow/tracking/metric_value_conversion_utils.py, convert_metric_value_to_float_if_possible: float(x),
    or x itself when float() refuses it with a ValueError (the store then says why); a TypeError escapes."""
    if value is None or type(value) is float:
        return value
    try:
        return float(value)
    except ValueError:
        return value


def validate_tag_name(key, path="key"):
    if key is None:
        raise MlflowException(f"Missing value for required parameter '{path}'.", INVALID_PARAMETER_VALUE)
    _check_name(key, path)


def validate_experiment_name(name):
    """mlflow/utils/validation.py: _validate_experiment_name."""
    if name == "" or name is None:
        raise MlflowException(f"Invalid experiment name: '{name}'", INVALID_PARAMETER_VALUE)
    if not isinstance(name, str):
        raise MlflowException(f"Invalid experiment name: {name}. Expects a string.", INVALID_PARAMETER_VALUE)
    if len(name) > MAX_EXPERIMENT_NAME_LENGTH:
        raise MlflowException(
            f"Experiment name exceeds the maximum length of {MAX_EXPERIMENT_NAME_LENGTH} characters", INVALID_PARAMETER_VALUE
        )


def validate_name(value, what):
    """Run and model names must be strings. MLflow has no one message for this (its stores fail
    in different ways), so the lab says plainly what it checks."""
    if not isinstance(value, str):
        raise MlflowException(
            f"Invalid {what}: {value!r} ({type(value).__name__}). The lab's mlflow expects a string.",
            INVALID_PARAMETER_VALUE,
        )


# mlflow/utils/validation.py: _REGISTERED_MODEL_ALIAS_REGEX, _REGISTERED_MODEL_ALIAS_VERSION_REGEX.
_ALIAS_RE = re.compile(r"^[\w\-]*$")
_ALIAS_VERSION_RE = re.compile(r"^[vV]\d+$")
MAX_ALIAS_LENGTH = 255


def validate_alias_name(alias):
    """mlflow/utils/validation.py: _validate_model_alias_name."""
    if alias is None or alias == "":
        raise MlflowException("Registered model alias name cannot be empty.", INVALID_PARAMETER_VALUE)
    if not isinstance(alias, str):
        validate_name(alias, "alias name")
    if not _ALIAS_RE.match(alias):
        raise MlflowException(
            f"Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).",
            INVALID_PARAMETER_VALUE,
        )
    if len(alias) > MAX_ALIAS_LENGTH:
        raise MlflowException(
            f"Registered model alias name '{alias[:250]}' had length {len(alias)}, which exceeded length limit of {MAX_ALIAS_LENGTH}",
            INVALID_PARAMETER_VALUE,
        )
    if alias.lower() == "latest":
        raise MlflowException("'latest' alias name (case insensitive) is reserved.", INVALID_PARAMETER_VALUE)
    if _ALIAS_VERSION_RE.match(alias):
        raise MlflowException(f"Version alias name '{alias}' is reserved.", INVALID_PARAMETER_VALUE)


# --- experiments --------------------------------------------------------------


def experiment_by_name(name):
    for exp in data()["experiments"].values():
        if exp["name"] == name and exp["lifecycle_stage"] == "active":
            return exp
    return None


def experiment_by_id(experiment_id):
    exp = data()["experiments"].get(str(experiment_id))
    if exp is None:
        raise MlflowException(f"Could not find experiment with ID {experiment_id}", RESOURCE_DOES_NOT_EXIST)  # FileStore._get_experiment
    return exp


def _unique_integer_id():
    """FileStore.create_experiment's id (mlflow/utils/name_utils.py, _generate_unique_integer_id): the
    last 18 digits of a uuid4's integer, each leading zero made up for by a random digit at the end."""
    digits = str(uuid.uuid4().int)[-18:]
    for digit in digits:
        if digit != "0":
            break
        digits += str(random.randint(0, 9))
    return int(digits)


def create_experiment(name, tags=None):
    if not name:
        raise MlflowException("Invalid experiment name: ''", INVALID_PARAMETER_VALUE)
    if experiment_by_name(name):
        raise MlflowException(f"Experiment '{name}' already exists.", "RESOURCE_ALREADY_EXISTS")  # FileStore._validate_experiment_does_not_exist
    d = data()
    _changed()
    experiment_id = str(_unique_integer_id())
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
    _changed("runs", run_id)
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
        "artifacts": {},
    }
    return run_id


def get_run(run_id):
    run = data()["runs"].get(run_id)
    if run is None:
        # FileStore.get_run: _validate_run_id first (every stored id passes it), then _get_run_info.
        if not _RUN_ID_RE.match(run_id):
            raise MlflowException(invalid_value("run_id", run_id), INVALID_PARAMETER_VALUE)
        raise MlflowException(f"Run '{run_id}' not found", RESOURCE_DOES_NOT_EXIST)
    _changed("runs", run_id)  # its callers change it (log_*, end_run, set_tag) or may
    return run


# mlflow/entities/run_status.py: the names of the RunStatus proto enum, in its order.
RUN_STATUSES = ["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"]


def end_run(run_id, status="FINISHED"):
    """TrackingServiceClient.set_terminated: RunStatus.from_string(status), then the update."""
    if status not in RUN_STATUSES:
        raise Exception(  # noqa: TRY002 - RunStatus.from_string raises a plain Exception
            f"Could not get run status corresponding to string {status}. Valid run status strings: {RUN_STATUSES}"
        )
    run = get_run(run_id)
    run["status"] = status
    run["end_time"] = now_ms()


def _put_param(run, key, value):
    old = run["params"].get(key)
    if old is not None and old != value:
        raise MlflowException(
            f"Changing param values is not allowed. Param with key='{key}' was already logged with "
            f"value='{old}' for run ID='{run['run_id']}'. Attempted logging new value '{value}'.",
            INVALID_PARAMETER_VALUE,
        )
    run["params"][key] = value


# mlflow/utils/validation.py PARAM_VALIDATION_MSG: TrackingServiceClient.log_param adds it to every
# INVALID_PARAMETER_VALUE error of the store's log_param.
PARAM_VALIDATION_MSG = """

The cause of this error is typically due to repeated calls
to an individual run_id event logging.

Incorrect Example:
---------------------------------------
with mlflow.start_run():
    mlflow.log_param("depth", 3)
    mlflow.log_param("depth", 5)
---------------------------------------

Which will throw an MlflowException for overwriting a
logged parameter.

Correct Example:
---------------------------------------
with mlflow.start_run():
    with mlflow.start_run(nested=True):
        mlflow.log_param("depth", 3)
    with mlflow.start_run(nested=True):
        mlflow.log_param("depth", 5)
---------------------------------------

Which will create a new nested run for each individual
model and prevent parameter key collisions within the
tracking store."""


def log_param(run_id, key, value):
    """TrackingServiceClient.log_param (the value as str) over FileStore.log_param."""
    try:
        value = validate_param(key, str(value))
        _put_param(get_run(run_id), key, value)
    except MlflowException as e:
        if e.error_code != INVALID_PARAMETER_VALUE:
            raise
        raise MlflowException(f"{e.message}{PARAM_VALIDATION_MSG}", INVALID_PARAMETER_VALUE)  # noqa: B904 - chained as MLflow's is


def log_metric(run_id, key, value, step=None, timestamp=None):
    """TrackingServiceClient.log_metric (defaults, the float conversion), then FileStore.log_metric."""
    timestamp = now_ms() if timestamp is None else timestamp
    step = 0 if step is None else step
    value = metric_value(value)
    validate_metric(key, value, timestamp, step)
    get_run(run_id)["metrics"].setdefault(key, []).append([float(value), int(timestamp), int(step)])


def log_batch(run_id, metrics=(), params=()):
    """What mlflow.log_metrics / log_params do: one log_batch, `metrics` as (key, value, timestamp, step) and
    `params` as (key, value). FileStore.log_batch validates all first (paths metrics[i], params[i]), then
    logs; a failure while logging (a changed param) is raised again as an INTERNAL_ERROR."""
    metrics = [(k, metric_value(v), t, s) for k, v, t, s in metrics]
    for i, (key, value, timestamp, step) in enumerate(metrics):
        validate_metric(key, value, timestamp, step, f"metrics[{i}]")
    params = [(key, validate_param(key, str(value), f"params[{i}]")) for i, (key, value) in enumerate(params)]
    run = get_run(run_id)
    try:
        for key, value in params:
            _put_param(run, key, value)
        for key, value, timestamp, step in metrics:
            run["metrics"].setdefault(key, []).append([float(value), int(timestamp), int(step)])
    except MlflowException as e:
        raise MlflowException(e.message, INTERNAL_ERROR)  # noqa: B904 - chained as MLflow's is


def set_tag(run_id, key, value):
    validate_tag_name(key)
    get_run(run_id)["tags"][key] = str(value)


def search_runs(experiment_ids, filter_string, run_view_type, max_results, order_by):
    """Store records of the matching runs, in MLflow's order, at most max_results."""
    from . import _search

    # ViewType: ACTIVE_ONLY=1, DELETED_ONLY=2, ALL=3; the lab never deletes runs.
    stages = {1: ("active",), 2: ("deleted",), 3: ("active", "deleted")}.get(run_view_type, ("active",))
    wanted = {str(i) for i in experiment_ids}
    runs = [r for r in data()["runs"].values() if r["experiment_id"] in wanted and r["lifecycle_stage"] in stages]
    runs = _search.filter_runs(runs, filter_string, latest_metric)
    runs = _search.sort_runs(runs, order_by, latest_metric)
    if max_results is not None:
        runs = runs[: int(max_results)]
    return runs


# --- artifacts ----------------------------------------------------------------


def _artifact_path(artifact_path, name):
    path = f"{artifact_path.strip('/')}/{name}" if artifact_path else name
    if path.startswith("/") or ".." in path.split("/"):
        raise MlflowException(f"Invalid artifact path: '{path}'", INVALID_PARAMETER_VALUE)
    return path


def _put_artifact(run_id, path, raw):
    try:
        text = raw.decode("utf-8") if len(raw) <= MAX_ARTIFACT_TEXT else None
    except UnicodeDecodeError:
        text = None
    get_run(run_id).setdefault("artifacts", {})[path] = {"size": len(raw), "text": text}


def log_artifact_file(run_id, local_path, artifact_path=None):
    local_path = os.fspath(local_path)
    if os.path.isdir(local_path):
        raise IsADirectoryError(f"[Errno 21] Is a directory: '{local_path}' (use mlflow.log_artifacts for a folder)")
    with open(local_path, "rb") as f:  # a missing file raises FileNotFoundError, as MLflow's copy does
        raw = f.read()
    _put_artifact(run_id, _artifact_path(artifact_path, os.path.basename(local_path)), raw)


def log_artifact_text(run_id, artifact_file, text):
    _put_artifact(run_id, _artifact_path(None, artifact_file), str(text).encode("utf-8"))


def latest_metric(history):
    """The value MLflow shows for a metric: the latest at the largest step."""
    best = None
    for value, timestamp, step in history:
        if best is None or (step, timestamp) >= (best[2], best[1]):
            best = (value, timestamp, step)
    return best[0] if best else None


# --- models and the registry --------------------------------------------------


def log_model(run_id, model_dict, name, flavor):
    """A logged model (`run_id` None: one of the judge's stand-ins, from no run, in the default experiment)."""
    run = get_run(run_id) if run_id is not None else None
    model_id = f"m-{uuid.uuid4().hex}"
    _changed("logged_models", model_id)
    data()["logged_models"][model_id] = {
        "model_id": model_id,
        "name": name,
        "experiment_id": run["experiment_id"] if run else "0",
        "source_run_id": run_id,
        "creation_timestamp": now_ms(),
        "flavor": flavor,
        "model": model_dict,
    }
    if run:
        run["models"].append(model_id)
    return model_id


def register_model_version(name, model_id, run_id):
    _changed()
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
    _changed()  # set_alias and the client's updates change it
    return model


def model_version(name, version):
    model = registered_model(name)
    found = model["versions"].get(str(version))
    if found is None:
        raise MlflowException(f"Model Version (name={name}, version={version}) not found", RESOURCE_DOES_NOT_EXIST)
    return found


def set_alias(name, alias, version):
    validate_alias_name(alias)
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
            name, suffix = rest.rsplit("/", 1)
            if suffix.isdigit():
                version = model_version(name, suffix)
            else:
                # mlflow/store/artifact/utils/models.py: a suffix that is not a number is
                # 'latest' or a stage; the lab registers no stages (deprecated since 2.9).
                model = registered_model(name)
                if suffix.lower() != "latest" or not model["versions"]:
                    stage = "" if suffix.lower() == "latest" else f" and stage '{suffix}'"
                    raise MlflowException(f"No versions of model with name '{name}'{stage} found", RESOURCE_DOES_NOT_EXIST)
                version = model["versions"][max(model["versions"], key=int)]
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
