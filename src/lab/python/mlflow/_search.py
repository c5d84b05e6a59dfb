"""MLflow's search grammar for runs: filter strings and order_by clauses.

Follows mlflow/utils/search_utils.py (SearchUtils): AND-ed comparisons of
`metrics.<key>`, `params.<key>`, `tags.<key>` and attributes (`run_name`,
`status`, `start_time`, …), keys with dots in backticks or double quotes,
LIKE/ILIKE for strings, IN / NOT IN for `run_id`, and MLflow's error
messages. MLflow tokenises with sqlparse; the lab has its own small tokeniser
that accepts the same filters.
"""

import math
import re
import shlex

from .exceptions import INVALID_PARAMETER_VALUE, MlflowException

# SearchUtils' comparator sets; printed in a fixed order (MLflow prints a Python set).
METRIC_COMPARATORS = (">", ">=", "!=", "=", "<", "<=")
PARAM_COMPARATORS = ("!=", "=", "LIKE", "ILIKE")
TAG_COMPARATORS = PARAM_COMPARATORS
STRING_ATTRIBUTE_COMPARATORS = ("!=", "=", "LIKE", "ILIKE", "IN", "NOT IN")
NUMERIC_ATTRIBUTES = ("start_time", "end_time", "created", "Created")
# RunInfo.get_searchable_attributes() plus SearchUtils' alternate names.
SEARCHABLE_ATTRIBUTES = ("run_id", "run_name", "status", "user_id", "artifact_uri", "start_time", "end_time", "created", "Created", "run name", "Run name", "Run Name")
ORDERABLE_ATTRIBUTES = ("run_id", "run_name", "status", "user_id", "artifact_uri", "start_time", "end_time", "created", "Created")

_IDENTIFIERS = ["metric", "parameter", "tag", "attribute", "dataset"]
_ALIASES = {
    "metric": "metric", "metrics": "metric",
    "parameter": "parameter", "parameters": "parameter", "param": "parameter", "params": "parameter",
    "tag": "tag", "tags": "tag",
    "attribute": "attribute", "attr": "attribute", "attributes": "attribute", "run": "attribute",
    "dataset": "dataset", "datasets": "dataset",
}


def _fmt_set(values):
    return "{" + ", ".join(repr(v) for v in values) + "}"


def _error(message):
    return MlflowException(message, INVALID_PARAMETER_VALUE)


# --- tokens -----------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.]))
  | (?P<string>'(?:[^']|'')*')
  | (?P<op>>=|<=|!=|<>|=|<|>)
  | (?P<paren>\((?:[^()'"]|'[^']*'|"[^"]*")*\))
  | (?P<ident>(?:[A-Za-z_][\w]*|`[^`]*`|"[^"]*")(?:\.(?:[A-Za-z_][\w.]*|`[^`]*`|"[^"]*"))*)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_KEYWORDS = {"AND", "OR", "NOT", "LIKE", "ILIKE", "IN"}


def _tokens(text):
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        value = m.group()
        if kind == "ws":
            continue
        if kind == "ident" and value.upper() in _KEYWORDS:
            kind = "keyword"
        out.append((kind, value))
    return out


def _strip_quotes(value, expect_quoted=False):
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if expect_quoted:
        raise _error(
            f"Parameter value is either not quoted or unidentified quote types used for string value {value}. "
            "Use either single or double quotes."
        )
    return value


def _trim_backticks(value):
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "`" else value


def _identifier(text, valid_attributes):
    parts = text.split(".", 1)
    if len(parts) == 1:
        entity, key = "attribute", parts[0]
    else:
        entity, key = parts
    entity = _trim_backticks(entity)
    if entity not in _ALIASES:
        raise _error(f"Invalid entity type '{entity}'. Valid values are {_IDENTIFIERS}")
    kind = _ALIASES[entity]
    key = _trim_backticks(_strip_quotes(key))
    if kind == "attribute" and key not in valid_attributes:
        raise _error(f"Invalid attribute key '{key}' specified. Valid keys are '{_fmt_set(valid_attributes)}'")
    if kind == "dataset":
        raise _error("the lab's mlflow does not track datasets, so it cannot filter on `dataset.` keys")
    return kind, key


def _value(kind, key, token):
    ttype, text = token
    if kind == "metric":
        if ttype != "number":
            raise _error(f"Expected numeric value type for metric. Found {text}")
        return float(text)
    if kind in ("parameter", "tag"):
        if ttype in ("string", "ident"):
            return _strip_quotes(text, expect_quoted=True)
        raise _error(f"Expected a quoted string value for {kind} (e.g. 'my-value'). Got value {text}")
    # attribute
    if key in NUMERIC_ATTRIBUTES:
        if ttype != "number":
            raise _error(f"Expected numeric value type for numeric attribute: {key}. Found {text}")
        return int(float(text))
    if ttype in ("string", "ident"):
        return _strip_quotes(text, expect_quoted=True)
    if ttype == "paren":
        if key != "run_id":
            raise _error("Only the 'run_id' attribute supports comparison with a list of quoted string values.")
        return [_strip_quotes(v.strip(), expect_quoted=True) for v in text[1:-1].split(",") if v.strip()]
    raise _error(f"Expected a quoted string value for attributes. Got value {text}")


def parse_filter(filter_string):
    """A list of {type, key, comparator, value}, as SearchUtils.parse_search_filter returns."""
    if not filter_string:
        return []
    if not isinstance(filter_string, str):
        raise _error(f"Error on parsing filter '{filter_string}'")
    tokens = _tokens(filter_string)
    clauses = []
    invalid = []
    i = 0
    while i < len(tokens):
        ttype, text = tokens[i]
        if ttype == "keyword" and text.upper() == "AND":
            i += 1
            continue
        if ttype != "ident":
            invalid.append(text)
            i += 1
            continue
        # identifier, comparator, value
        if i + 1 < len(tokens) and tokens[i + 1][0] == "keyword" and tokens[i + 1][1].upper() == "NOT" and i + 2 < len(tokens) and tokens[i + 2][1].upper() == "IN":
            comparator, value_at = "NOT IN", i + 3
        elif i + 1 < len(tokens) and (tokens[i + 1][0] == "op" or tokens[i + 1][1].upper() in ("LIKE", "ILIKE", "IN")):
            comparator, value_at = tokens[i + 1][1], i + 2
        else:
            invalid.append(text)
            i += 1
            continue
        if value_at >= len(tokens) or tokens[value_at][0] not in ("number", "string", "ident", "paren"):
            # Not a whole comparison: sqlparse leaves its pieces as loose tokens.
            invalid.extend(t for _, t in tokens[i:value_at + 1])
            i = value_at + 1
            continue
        kind, key = _identifier(text, SEARCHABLE_ATTRIBUTES)
        clauses.append({"type": kind, "key": key, "comparator": comparator, "value": _value(kind, key, tokens[value_at])})
        i = value_at + 1
    if invalid:
        raise _error("Invalid clause(s) in filter string: " + ", ".join(f"'{t}'" for t in invalid))
    return clauses


# --- matching ---------------------------------------------------------------------


def _like_regex(pattern, flags=0):
    # SearchUtils._convert_like_pattern_to_regex
    if not pattern.startswith("%"):
        pattern = "^" + pattern
    if not pattern.endswith("%"):
        pattern = pattern + "$"
    return re.compile(pattern.replace("_", ".").replace("%", ".*"), flags)


_COMPARE = {
    ">": lambda x, y: x > y,
    ">=": lambda x, y: x >= y,
    "=": lambda x, y: x == y,
    "!=": lambda x, y: x != y,
    "<=": lambda x, y: x <= y,
    "<": lambda x, y: x < y,
    "LIKE": lambda x, y: _like_regex(y).match(x) is not None,
    "ILIKE": lambda x, y: _like_regex(y, re.IGNORECASE).match(x) is not None,
    "IN": lambda x, y: x in y,
    "NOT IN": lambda x, y: x not in y,
}

_ALTERNATE_KEYS = {"created": "start_time", "Created": "start_time", "run name": "run_name", "Run name": "run_name", "Run Name": "run_name"}


def _check_comparator(kind, key, comparator):
    if kind == "metric" and comparator not in METRIC_COMPARATORS:
        # MLflow's message for metrics lacks the closing quote.
        raise _error(f"Invalid comparator '{comparator}' not one of '{_fmt_set(METRIC_COMPARATORS)}")
    if kind == "parameter" and comparator not in PARAM_COMPARATORS:
        raise _error(f"Invalid comparator '{comparator}' not one of '{_fmt_set(PARAM_COMPARATORS)}'")
    if kind == "tag" and comparator not in TAG_COMPARATORS:
        raise _error(f"Invalid comparator '{comparator}' not one of '{_fmt_set(TAG_COMPARATORS)}")
    if kind == "attribute":
        if key in NUMERIC_ATTRIBUTES and comparator not in METRIC_COMPARATORS:
            raise _error(f"Invalid comparator '{comparator}' not one of '{_fmt_set(STRING_ATTRIBUTE_COMPARATORS)}")
        if key not in NUMERIC_ATTRIBUTES and comparator not in STRING_ATTRIBUTE_COMPARATORS:
            raise _error(f"Invalid comparator '{comparator}' not one of '{_fmt_set(STRING_ATTRIBUTE_COMPARATORS)}'")


def _attribute(run, key):
    key = _ALTERNATE_KEYS.get(key, key)
    if key == "user_id":
        return run["tags"].get("mlflow.user")
    if key == "artifact_uri":
        from ._store import artifact_uri

        return artifact_uri(run["artifact_uri"])
    return run.get(key)


def _matches(run, clause, latest_metric):
    kind, key, value = clause["type"], clause["key"], clause["value"]
    comparator = clause["comparator"].upper()
    _check_comparator(kind, key, comparator)
    if kind == "metric":
        history = run["metrics"].get(key)
        lhs = latest_metric(history) if history else None
    elif kind == "parameter":
        lhs = run["params"].get(key)
    elif kind == "tag":
        lhs = run["tags"].get(key)
    else:
        lhs = _attribute(run, key)
    if lhs is None:
        return False
    return _COMPARE[comparator](lhs, value)


def filter_runs(runs, filter_string, latest_metric):
    clauses = parse_filter(filter_string)
    for clause in clauses:  # comparators are checked even when no run is left to match
        _check_comparator(clause["type"], clause["key"], clause["comparator"].upper())
    return [r for r in runs if all(_matches(r, c, latest_metric) for c in clauses)]


# --- ordering ---------------------------------------------------------------------


def parse_order_by(clause):
    """(type, key, ascending) as SearchUtils.parse_order_by_for_search_runs returns."""
    if not isinstance(clause, str) or not clause.strip():
        raise _error(f"Invalid order_by clause '{clause}'. Could not be parsed.")
    try:
        # As SearchUtils._parse_order_by_string: backticks become quotes, then shell-style words.
        words = shlex.split(clause.replace("`", '"'))
    except ValueError:
        raise _error(f"Error on parsing order_by clause '{clause}'") from None
    if len(words) > 2 or not words:
        raise _error(f"Invalid order_by clause '{clause}'. Could not be parsed.")
    ascending = True
    if len(words) == 2:
        if words[1].lower() not in ("asc", "desc"):
            raise _error(f"Invalid ordering key in order_by clause '{clause}'.")
        ascending = words[1].lower() == "asc"
    kind, key = _identifier(words[0].strip(), ORDERABLE_ATTRIBUTES)
    return kind, key, ascending


def _sort_value(run, kind, key, ascending, latest_metric):
    # SearchUtils._get_value_for_sort: None (missing) always last; NaN after numbers.
    if kind == "metric":
        history = run["metrics"].get(key)
        value = latest_metric(history) if history else None
    elif kind == "parameter":
        value = run["params"].get(key)
    elif kind == "tag":
        value = run["tags"].get(key)
    else:
        value = _attribute(run, key)
    is_none = value is None
    is_nan = isinstance(value, float) and math.isnan(value)
    fill = (1 if ascending else -1) * math.inf
    if is_none:
        value = fill
    elif is_nan:
        value = -fill
    missing = is_none or is_nan
    return (missing, value) if ascending else (not missing, value)


def sort_runs(runs, order_by, latest_metric):
    """Newest first, ties by run id; then each order_by clause, the last applied first."""
    runs = sorted(runs, key=lambda r: (-r["start_time"], r["run_id"]))
    for clause in reversed(list(order_by or [])):
        kind, key, ascending = parse_order_by(clause)
        runs = sorted(runs, key=lambda r: _sort_value(r, kind, key, ascending, latest_metric), reverse=not ascending)
    return runs
