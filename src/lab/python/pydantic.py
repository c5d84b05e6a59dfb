"""The lab's pydantic: `BaseModel` with typed fields, validated on creation,
raising `ValidationError` with pydantic v2's error types and messages."""

import json

_MISSING = object()


class ValidationError(ValueError):
    def __init__(self, title, errors):
        self.title = title
        self._errors = errors
        lines = [f"{len(errors)} validation error{'s' if len(errors) != 1 else ''} for {title}"]
        for e in errors:
            lines.append(".".join(str(p) for p in e["loc"]))
            lines.append(f"  {e['msg']} [type={e['type']}, input_value={e['input']!r}, input_type={type(e['input']).__name__}]")
        super().__init__("\n".join(lines))

    def errors(self):
        return [dict(e) for e in self._errors]

    def error_count(self):
        return len(self._errors)


def _coerce(kind, value):
    """Return (value, None) or (None, (type, msg)) as pydantic's lax mode would."""
    if kind is float:
        if isinstance(value, bool):
            return float(value), None
        if isinstance(value, (int, float)):
            return float(value), None
        if isinstance(value, str):
            try:
                return float(value.strip()), None
            except ValueError:
                return None, ("float_parsing", "Input should be a valid number, unable to parse string as a number")
        return None, ("float_type", "Input should be a valid number")
    if kind is int:
        if isinstance(value, bool):
            return int(value), None
        if isinstance(value, int):
            return value, None
        if isinstance(value, float):
            if value.is_integer():
                return int(value), None
            return None, ("int_from_float", "Input should be a valid integer, got a number with a fractional part")
        if isinstance(value, str):
            try:
                return int(value.strip()), None
            except ValueError:
                return None, ("int_parsing", "Input should be a valid integer, unable to parse string as an integer")
        return None, ("int_type", "Input should be a valid integer")
    if kind is str:
        if isinstance(value, str):
            return value, None
        return None, ("string_type", "Input should be a valid string")
    if kind is bool:
        if isinstance(value, bool):
            return value, None
        if value in (0, 1):
            return bool(value), None
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0", "on", "off"):
            return value.lower() in ("true", "yes", "1", "on"), None
        return None, ("bool_parsing", "Input should be a valid boolean, unable to interpret input")
    return value, None  # unannotated or other types pass through


def Field(default=_MISSING, **_ignored):  # noqa: N802 - pydantic's name
    return default


class BaseModel:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields = {}
        for klass in reversed(cls.__mro__):
            for name, kind in getattr(klass, "__annotations__", {}).items():
                if not name.startswith("_"):
                    fields[name] = (kind, klass.__dict__.get(name, _MISSING))
        cls.model_fields = fields

    def __init__(self, **data):
        values, errors = self._validate(data)
        if errors:
            raise ValidationError(type(self).__name__, errors)
        self.__dict__.update(values)

    @classmethod
    def _validate(cls, data, loc_prefix=()):
        values, errors = {}, []
        for name, (kind, default) in cls.model_fields.items():
            if name not in data:
                if default is _MISSING:
                    errors.append({"type": "missing", "loc": (*loc_prefix, name), "msg": "Field required", "input": data})
                else:
                    values[name] = default
                continue
            value, problem = _coerce(kind, data[name])
            if problem:
                errors.append({"type": problem[0], "loc": (*loc_prefix, name), "msg": problem[1], "input": data[name]})
            else:
                values[name] = value
        return values, errors

    @classmethod
    def model_validate(cls, data):
        if not isinstance(data, dict):
            raise ValidationError(cls.__name__, [{"type": "model_type", "loc": (), "msg": f"Input should be a valid dictionary or instance of {cls.__name__}", "input": data}])
        return cls(**data)

    @classmethod
    def model_json_schema(cls):
        names = {float: "number", int: "integer", str: "string", bool: "boolean"}
        return {
            "title": cls.__name__,
            "type": "object",
            "properties": {n: {"title": n.replace("_", " ").title(), "type": names.get(k, "object")} for n, (k, _) in cls.model_fields.items()},
            "required": [n for n, (_, d) in cls.model_fields.items() if d is _MISSING],
        }

    def model_dump(self):
        return {name: getattr(self, name) for name in self.model_fields}

    def model_dump_json(self):
        return json.dumps(self.model_dump())

    def __eq__(self, other):
        return type(other) is type(self) and other.model_dump() == self.model_dump()

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.model_dump().items())
        return f"{type(self).__name__}({inner})"
