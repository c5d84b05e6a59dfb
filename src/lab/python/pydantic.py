"""The lab's pydantic (version 2): `BaseModel` with typed fields, `Field`
constraints, nested models, lists, `Literal`, `Optional`, field validators,
`model_dump`/`model_validate`, and `ValidationError` with pydantic-core's
error types, messages, `ctx` and text format (pydantic-core
src/errors/types.rs and src/errors/validation_exception.rs).

What it lacks it says plainly (NotImplementedError or ImportError naming the
feature) instead of behaving differently."""

import inspect
import json
import re
import sys
import types
import typing
import warnings

VERSION = "2.11.7"
__version__ = VERSION
_URL = "https://errors.pydantic.dev/2.11/v/"


class _Undefined:
    def __repr__(self):
        return "PydanticUndefined"


_MISSING = _Undefined()
_FAIL = object()  # a value that did not validate (its errors are already recorded)


# --- errors -------------------------------------------------------------------------


def _show_number(n):
    # pydantic-core renders numbers with Rust's Display: 0.0 -> "0", 2.5 -> "2.5".
    if isinstance(n, float) and n.is_integer():
        return str(int(n))
    return str(n)


def _render(kind, ctx):
    """The message of an error type, from pydantic-core's message templates (src/errors/types.rs)."""
    c = ctx or {}
    templates = {
        "missing": "Field required",
        "extra_forbidden": "Extra inputs are not permitted",
        "model_type": "Input should be a valid dictionary or instance of {class_name}",
        "model_attributes_type": "Input should be a valid dictionary or object to extract fields from",
        "none_required": "Input should be None",
        "greater_than": "Input should be greater than {gt}",
        "greater_than_equal": "Input should be greater than or equal to {ge}",
        "less_than": "Input should be less than {lt}",
        "less_than_equal": "Input should be less than or equal to {le}",
        "too_short": "{field_type} should have at least {min_length} item{expected_plural} after validation, not {actual_length}",
        "too_long": "{field_type} should have at most {max_length} item{expected_plural} after validation, not {actual_length}",
        "string_type": "Input should be a valid string",
        "string_too_short": "String should have at least {min_length} character{expected_plural}",
        "string_too_long": "String should have at most {max_length} character{expected_plural}",
        "string_pattern_mismatch": "String should match pattern '{pattern}'",
        "dict_type": "Input should be a valid dictionary",
        "list_type": "Input should be a valid list",
        "bool_type": "Input should be a valid boolean",
        "bool_parsing": "Input should be a valid boolean, unable to interpret input",
        "int_type": "Input should be a valid integer",
        "int_parsing": "Input should be a valid integer, unable to parse string as an integer",
        "int_from_float": "Input should be a valid integer, got a number with a fractional part",
        "float_type": "Input should be a valid number",
        "float_parsing": "Input should be a valid number, unable to parse string as a number",
        "value_error": "Value error, {error}",
        "assertion_error": "Assertion failed, {error}",
        "literal_error": "Input should be {expected}",
    }
    text = templates[kind]
    for key, value in c.items():
        text = text.replace("{" + key + "}", _show_number(value) if isinstance(value, (int, float)) else str(value))
    plural_of = c.get("min_length", c.get("max_length"))
    return text.replace("{expected_plural}", "" if plural_of == 1 else "s")


def _error(kind, loc, value, ctx=None):
    e = {"type": kind, "loc": tuple(loc), "msg": _render(kind, ctx), "input": value}
    if ctx:
        e["ctx"] = dict(ctx)
    return e


def _repr_input(value):
    # pydantic-core's truncate_input_value!: reprs longer than 50 characters keep 25 + "..." + 24.
    text = repr(value)
    return text if len(text) <= 50 else f"{text[:25]}...{text[-24:]}"


class ValidationError(ValueError):
    """pydantic_core.ValidationError: `errors()` and the text pydantic prints."""

    def __init__(self, title, line_errors):
        self.title = title
        self._errors = [dict(e) for e in line_errors]
        super().__init__(title)

    @classmethod
    def from_exception_data(cls, title, line_errors):
        errors = []
        for e in line_errors:
            ctx = e.get("ctx")
            errors.append(_error(e["type"], e.get("loc", ()), e.get("input"), ctx))
        return cls(title, errors)

    def errors(self, *, include_url=True, include_context=True, include_input=True):
        out = []
        for e in self._errors:
            item = {"type": e["type"], "loc": tuple(e["loc"]), "msg": e["msg"]}
            if include_input:
                item["input"] = e["input"]
            if include_context and "ctx" in e:
                item["ctx"] = dict(e["ctx"])
            if include_url:
                item["url"] = _URL + e["type"]
            out.append(item)
        return out

    def error_count(self):
        return len(self._errors)

    def json(self, *, indent=None, include_url=True, include_context=True):
        return json.dumps(self.errors(include_url=include_url, include_context=include_context), indent=indent, default=str, separators=None if indent else (",", ":"))

    def __str__(self):
        # pydantic-core ValidationError::display and PyLineError::pretty.
        count = len(self._errors)
        lines = [f"{count} validation error{'' if count == 1 else 's'} for {self.title}"]
        for e in self._errors:
            if e["loc"]:
                lines.append(".".join(f"`{p}`" if isinstance(p, str) and "." in p else str(p) for p in e["loc"]))
            lines.append(f"  {e['msg']} [type={e['type']}, input_value={_repr_input(e['input'])}, input_type={type(e['input']).__name__}]")
            lines.append(f"    For further information visit {_URL}{e['type']}")
        return "\n".join(lines)

    def __repr__(self):
        return str(self)


# --- fields -------------------------------------------------------------------------

_UNSUPPORTED_FIELD_OPTIONS = (
    "alias", "validation_alias", "serialization_alias", "alias_priority", "multiple_of", "strict", "frozen",
    "allow_inf_nan", "max_digits", "decimal_places", "discriminator", "union_mode", "validate_default",
    "coerce_numbers_to_str", "fail_fast", "init", "init_var", "kw_only", "repr", "exclude", "json_schema_extra",
)


class FieldInfo:
    """What `Field(...)` and a field's annotation say about one field."""

    def __init__(self, default=_MISSING, *, default_factory=None, title=None, description=None, examples=None,
                 gt=None, ge=None, lt=None, le=None, min_length=None, max_length=None, pattern=None, deprecated=None, **options):
        for name in options:
            if name in _UNSUPPORTED_FIELD_OPTIONS:
                raise NotImplementedError(f"the lab's pydantic does not support Field({name}=...)")
            raise TypeError(f"Field() got an unexpected keyword argument '{name}'")
        if default is Ellipsis:
            default = _MISSING
        if default is not _MISSING and default_factory is not None:
            raise TypeError("cannot specify both default and default_factory")
        self.default = default
        self.default_factory = default_factory
        self.title = title
        self.description = description
        self.examples = examples
        self.deprecated = deprecated
        self.constraints = {k: v for k, v in (("gt", gt), ("ge", ge), ("lt", lt), ("le", le), ("min_length", min_length), ("max_length", max_length), ("pattern", pattern)) if v is not None}
        self.annotation = None

    def is_required(self):
        return self.default is _MISSING and self.default_factory is None

    def get_default(self, *, call_default_factory=False):
        if self.default_factory is not None:
            return self.default_factory() if call_default_factory else None
        return None if self.default is _MISSING else self.default

    def _merge(self, other):
        """Constraints from `Annotated[..., Field(...)]` joined with the assigned default."""
        merged = FieldInfo()
        for source in (self, other):
            if source.default is not _MISSING:
                merged.default = source.default
            if source.default_factory is not None:
                merged.default_factory = source.default_factory
            for attr in ("title", "description", "examples", "deprecated"):
                if getattr(source, attr) is not None:
                    setattr(merged, attr, getattr(source, attr))
            merged.constraints.update(source.constraints)
        return merged

    def __repr__(self):
        parts = [f"annotation={_type_name(self.annotation)}", f"required={self.is_required()}"]
        if self.default is not _MISSING:
            parts.append(f"default={self.default!r}")
        if self.default_factory is not None:
            parts.append(f"default_factory={getattr(self.default_factory, '__name__', self.default_factory)}")
        parts += [f"{k}={v!r}" for k, v in (("title", self.title), ("description", self.description)) if v is not None]
        parts += [f"metadata=[{', '.join(f'{_CONSTRAINT_NAMES[k]}({k}={v!r})' for k, v in self.constraints.items())}]"] if self.constraints else []
        return f"FieldInfo({', '.join(parts)})"


_CONSTRAINT_NAMES = {"gt": "Gt", "ge": "Ge", "lt": "Lt", "le": "Le", "min_length": "MinLen", "max_length": "MaxLen", "pattern": "_PydanticGeneralMetadata"}


def Field(default=_MISSING, **options):  # noqa: N802 - pydantic's name
    return FieldInfo(default, **options)


def ConfigDict(**options):  # noqa: N802 - pydantic's name
    return dict(options)


_SUPPORTED_CONFIG = {"extra", "title", "from_attributes", "json_schema_extra"}


def _type_name(tp):
    if isinstance(tp, type) and not typing.get_args(tp):
        return tp.__name__
    return repr(tp).replace("typing.", "")


def _union_args(tp):
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(tp)
    return None


def _split_annotated(tp):
    """(inner type, FieldInfo from Annotated metadata or None)."""
    if typing.get_origin(tp) is typing.Annotated:
        inner, *meta = typing.get_args(tp)
        info = None
        for m in meta:
            if isinstance(m, FieldInfo):
                info = m if info is None else info._merge(m)
        return inner, info
    return tp, None


def _check_supported(tp, where):
    """The types the lab validates; any other is refused at class creation, plainly."""
    tp, _ = _split_annotated(tp)
    if tp in (int, float, str, bool, list, dict, type(None), None, typing.Any, object) or tp is typing.List or tp is typing.Dict:
        return
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return
    if isinstance(tp, typing.ForwardRef) or isinstance(tp, str):
        raise NotImplementedError(f"the lab's pydantic cannot resolve the annotation {tp!r} of {where}; define the type before it is used")
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return
    args = _union_args(tp)
    if args is not None:
        for a in args:
            _check_supported(a, where)
        return
    if origin in (list, dict):
        for a in typing.get_args(tp):
            _check_supported(a, where)
        return
    raise NotImplementedError(f"the lab's pydantic does not support fields of type {_type_name(tp)} ({where})")


# --- validation -----------------------------------------------------------------------

_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


def _scalar(tp, value):
    """Lax-mode coercion of one scalar, as pydantic-core does in Python mode: (value, None) or (None, error type)."""
    if tp is bool:
        if isinstance(value, bool):
            return value, None
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value), None
        if isinstance(value, str):
            low = value.strip().lower()
            if low in _TRUE or low in _FALSE:
                return low in _TRUE, None
            return None, "bool_parsing"
        return None, "bool_type"
    if tp is int:
        if isinstance(value, bool):
            return int(value), None
        if isinstance(value, int):
            return value, None
        if isinstance(value, float):
            if value.is_integer():
                return int(value), None
            return None, "int_from_float"
        if isinstance(value, str):
            # pydantic-core parses "42", " 42 " and "42.00", but not "4_2" or "4.2"
            m = re.fullmatch(r"\s*([+-]?\d+)(?:\.0*)?\s*", value)
            if m is None:
                return None, "int_parsing"
            return int(m.group(1)), None
        return None, "int_type"
    if tp is float:
        if isinstance(value, (bool, int, float)):
            return float(value), None
        if isinstance(value, str):
            try:
                if "_" in value:  # Python's float() reads "1_0"; pydantic-core does not
                    raise ValueError(value)
                return float(value.strip()), None
            except ValueError:
                return None, "float_parsing"
        return None, "float_type"
    if tp is str:
        if isinstance(value, str):
            return value, None
        return None, "string_type"
    return value, None


def _constrain(value, constraints, loc, errors, is_str, given, is_float=False):
    """Field constraints, checked in pydantic-core's order; the first that fails is the error (its input is the value given).
    A float field's bounds are f64 in pydantic-core (ConstrainedFloatValidator), so its ctx holds a float: {'gt': 0.0}."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) or (isinstance(value, bool) and constraints.keys() & {"gt", "ge", "lt", "le"}):
        for key, kind, ok in (("le", "less_than_equal", lambda a, b: a <= b), ("lt", "less_than", lambda a, b: a < b),
                              ("ge", "greater_than_equal", lambda a, b: a >= b), ("gt", "greater_than", lambda a, b: a > b)):
            if key in constraints and not ok(value, constraints[key]):
                bound = constraints[key]
                errors.append(_error(kind, loc, given, {key: float(bound) if is_float and isinstance(bound, int) else bound}))
                return _FAIL
    if is_str:
        n = len(value)
        if "min_length" in constraints and n < constraints["min_length"]:
            errors.append(_error("string_too_short", loc, given, {"min_length": constraints["min_length"]}))
            return _FAIL
        if "max_length" in constraints and n > constraints["max_length"]:
            errors.append(_error("string_too_long", loc, given, {"max_length": constraints["max_length"]}))
            return _FAIL
        if "pattern" in constraints and not re.search(constraints["pattern"], value):
            errors.append(_error("string_pattern_mismatch", loc, given, {"pattern": constraints["pattern"]}))
            return _FAIL
    return value


def _literal_expected(choices):
    reprs = [repr(c) for c in choices]
    return reprs[0] if len(reprs) == 1 else f"{', '.join(reprs[:-1])} or {reprs[-1]}"


def _union_tag(tp):
    if isinstance(tp, type):
        return tp.__name__
    if typing.get_origin(tp) is typing.Literal:
        return "literal[" + ",".join(repr(a) for a in typing.get_args(tp)) + "]"
    return _type_name(tp)


def _validate(tp, value, loc, errors, constraints=None, from_attributes=False):
    """Validate `value` against annotation `tp`; record errors with their loc; return the value or _FAIL."""
    constraints = constraints or {}
    tp, extra = _split_annotated(tp)
    if extra is not None:
        constraints = {**extra.constraints, **constraints}
    if tp in (typing.Any, object) or tp is None and value is None:
        return value
    if tp is type(None) or tp is None:
        if value is None:
            return None
        errors.append(_error("none_required", loc, value))
        return _FAIL
    args = _union_args(tp)
    if args is not None:
        members = [a for a in args if a is not type(None)]
        if value is None and len(members) < len(args):
            return None
        if len(members) == 1:  # Optional[X]: pydantic's nullable schema, errors are X's
            return _validate(members[0], value, loc, errors, constraints, from_attributes)
        # A smart union, simplified: an exact type match first, then the first member that validates.
        for m in members:
            if isinstance(m, type) and type(value) is m:
                return _validate(m, value, loc, errors, constraints, from_attributes)
        tried = []
        for m in members:
            attempt = []
            result = _validate(m, value, (*loc, _union_tag(m)), attempt, constraints, from_attributes)
            if result is not _FAIL:
                return result
            tried += attempt
        errors += tried
        return _FAIL
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        choices = typing.get_args(tp)
        for c in choices:
            if value == c and type(value) is type(c):
                return c
        errors.append(_error("literal_error", loc, value, {"expected": _literal_expected(choices)}))
        return _FAIL
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if isinstance(value, tp):
            return value
        if isinstance(value, dict):
            values = tp._validate_fields(value, loc, errors, from_attributes)
            return _FAIL if values is _FAIL else tp._construct(values, set(value) & set(tp.model_fields))
        if from_attributes:
            errors.append(_error("model_attributes_type", loc, value))
        else:
            errors.append(_error("model_type", loc, value, {"class_name": tp.__name__}))
        return _FAIL
    if tp in (list, typing.List) or origin is list:
        item_type = (typing.get_args(tp) or (typing.Any,))[0]
        if isinstance(value, (str, bytes, dict)) or not isinstance(value, (list, tuple, set, frozenset)):
            errors.append(_error("list_type", loc, value))
            return _FAIL
        before = len(errors)
        items = [_validate(item_type, v, (*loc, i), errors, None, from_attributes) for i, v in enumerate(value)]
        if len(errors) > before:
            return _FAIL
        n = len(items)
        if "min_length" in constraints and n < constraints["min_length"]:
            errors.append(_error("too_short", loc, value, {"field_type": "List", "min_length": constraints["min_length"], "actual_length": n}))
            return _FAIL
        if "max_length" in constraints and n > constraints["max_length"]:
            errors.append(_error("too_long", loc, value, {"field_type": "List", "max_length": constraints["max_length"], "actual_length": n}))
            return _FAIL
        return items
    if tp in (dict, typing.Dict) or origin is dict:
        key_type, value_type = typing.get_args(tp) or (typing.Any, typing.Any)
        if not isinstance(value, dict):
            errors.append(_error("dict_type", loc, value))
            return _FAIL
        before = len(errors)
        out = {}
        for k, v in value.items():
            key = _validate(key_type, k, (*loc, k, "[key]"), errors)
            out[key] = _validate(value_type, v, (*loc, k), errors, None, from_attributes)
        return _FAIL if len(errors) > before else out
    result, problem = _scalar(tp, value)
    if problem:
        errors.append(_error(problem, loc, value))
        return _FAIL
    return _constrain(result, constraints, loc, errors, tp is str, value, tp is float)


# --- validators -------------------------------------------------------------------------


class _FieldValidator:
    def __init__(self, func, fields, mode):
        self.func = func.__func__ if isinstance(func, (classmethod, staticmethod)) else func
        self.fields = fields
        self.mode = mode

    def __call__(self, cls, value, info):
        try:
            wants_info = self.func.__code__.co_argcount >= 3
        except AttributeError:
            wants_info = False
        return self.func(cls, value, info) if wants_info else self.func(cls, value)


class ValidationInfo:
    def __init__(self, field_name, data):
        self.field_name = field_name
        self.data = data
        self.mode = "python"
        self.context = None


def field_validator(*fields, mode="after", check_fields=None):
    if mode not in ("after", "before"):
        raise NotImplementedError(f"the lab's pydantic supports field_validator(mode='after') and mode='before' only, not mode={mode!r}")

    def mark(func):
        return _FieldValidator(func, fields, mode)

    return mark


def _run_validator(validator, cls, value, loc, errors, info, given):
    """Call a field validator; its ValueError/AssertionError is an error on the input as given (pydantic-core's convert_err)."""
    try:
        return validator(cls, value, info)
    except ValueError as exc:
        errors.append(_error("value_error", loc, given, {"error": exc}))
    except AssertionError as exc:
        errors.append(_error("assertion_error", loc, given, {"error": exc}))
    return _FAIL


# Names of pydantic 2 the lab does not have: importing one says so.
_NOT_IN_LAB = {
    "model_validator", "computed_field", "field_serializer", "model_serializer", "validator", "root_validator",
    "TypeAdapter", "RootModel", "EmailStr", "HttpUrl", "AnyUrl", "SecretStr", "conint", "confloat", "constr", "conlist",
    "PositiveInt", "PositiveFloat", "NegativeInt", "NonNegativeInt", "NonNegativeFloat", "StrictInt", "StrictStr",
    "StrictFloat", "StrictBool", "PrivateAttr", "validate_call", "create_model", "AliasChoices", "AliasPath",
    "BeforeValidator", "AfterValidator", "PlainValidator", "WrapValidator", "Json", "UUID4", "FilePath",
}


def __getattr__(name):
    if name in _NOT_IN_LAB:
        raise ImportError(f"the lab's pydantic does not support `{name}`")
    raise AttributeError(f"module 'pydantic' has no attribute '{name}'")


# --- models -------------------------------------------------------------------------------


class BaseModel:
    model_config = {}
    model_fields = {}
    __pydantic_validators__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        config = {}
        for klass in reversed(cls.__mro__):
            config.update(klass.__dict__.get("model_config", {}))
        unknown = set(config) - _SUPPORTED_CONFIG
        if unknown:
            raise NotImplementedError(f"the lab's pydantic does not support model_config {', '.join(sorted(unknown))}")
        if config.get("extra", "ignore") not in ("ignore", "forbid", "allow"):
            raise ValueError(f"Invalid extra_behavior: `{config['extra']}`")
        cls.model_config = config
        # String annotations (`from __future__ import annotations`) are read in the namespace the
        # class statement ran in, as pydantic does (the lab runs programs in their own namespace).
        frame = sys._getframe(1)
        localns = {**frame.f_locals, cls.__name__: cls} if frame.f_code.co_name != "<module>" else {cls.__name__: cls}
        try:
            hints = typing.get_type_hints(cls, globalns=frame.f_globals, localns=localns, include_extras=True)
        except NameError as exc:
            raise NotImplementedError(f"the lab's pydantic cannot resolve an annotation of {cls.__name__} ({exc}); define the type before it is used") from None
        fields = {}
        for klass in reversed(cls.__mro__):
            if klass is BaseModel or not issubclass(klass, BaseModel):
                continue
            for name in inspect.get_annotations(klass):
                if name.startswith("_") or typing.get_origin(hints.get(name)) is typing.ClassVar:
                    continue
                if klass is not cls:
                    fields[name] = klass.model_fields[name]
                    continue
                kind, annotated = _split_annotated(hints[name])
                _check_supported(kind, f"field {cls.__name__}.{name}")
                assigned = klass.__dict__.get(name, _MISSING)
                info = assigned if isinstance(assigned, FieldInfo) else FieldInfo(assigned)
                if annotated is not None:
                    info = annotated._merge(info)
                info.annotation = kind
                fields[name] = info
        for name in fields:
            if name in cls.__dict__:
                delattr(cls, name)  # as in pydantic, defaults live in model_fields, not on the class
        cls.model_fields = fields
        validators = [v for klass in reversed(cls.__mro__) for v in klass.__dict__.values() if isinstance(v, _FieldValidator)]
        for v in validators:
            for f in v.fields:
                if f not in fields and f != "*":
                    raise NameError(f"Validators defined with incorrect fields: {cls.__name__}.{v.func.__name__} (use check_fields=False if you're inheriting from the model and intended this)")
        cls.__pydantic_validators__ = tuple(validators)

    @classmethod
    def _validate_fields(cls, data, loc, errors, from_attributes=False):
        before = len(errors)
        values = {}
        for name, info in cls.model_fields.items():
            here = (*loc, name)
            validators = [v for v in cls.__pydantic_validators__ if name in v.fields or "*" in v.fields]
            if name not in data:
                if info.is_required():
                    errors.append(_error("missing", here, data))
                else:
                    values[name] = info.get_default(call_default_factory=True)
                continue
            value = data[name]
            field_errors = []
            for v in validators:
                if v.mode == "before" and value is not _FAIL:
                    value = _run_validator(v, cls, value, here, field_errors, ValidationInfo(name, dict(values)), data[name])
            if value is not _FAIL:
                value = _validate(info.annotation, value, here, field_errors, info.constraints, from_attributes)
            for v in validators:
                if v.mode == "after" and value is not _FAIL:
                    value = _run_validator(v, cls, value, here, field_errors, ValidationInfo(name, dict(values)), data[name])
            errors += field_errors
            if value is not _FAIL:
                values[name] = value
        extra = [k for k in data if k not in cls.model_fields]
        if cls.model_config.get("extra") == "forbid":
            for k in extra:
                errors.append(_error("extra_forbidden", (*loc, k), data[k]))
        elif cls.model_config.get("extra") == "allow":
            values.update({k: data[k] for k in extra})
        return _FAIL if len(errors) > before else values

    @classmethod
    def _construct(cls, values, fields_set):
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", dict(values))
        object.__setattr__(obj, "__pydantic_fields_set__", set(fields_set))
        return obj

    def __init__(self, **data):
        errors = []
        values = type(self)._validate_fields(data, (), errors)
        if errors:
            raise ValidationError(type(self).__name__, errors)
        self.__dict__.update(values)
        self.__pydantic_fields_set__ = set(data) & set(self.model_fields)

    def __setattr__(self, name, value):
        # pydantic refuses attributes that are not fields (unless extra="allow"); it does not re-validate fields
        if name not in self.model_fields and not name.startswith("_") and self.model_config.get("extra") != "allow":
            raise ValueError(f'"{type(self).__name__}" object has no field "{name}"')
        super().__setattr__(name, value)
        if name in self.model_fields:
            self.__pydantic_fields_set__.add(name)

    @property
    def model_fields_set(self):
        return set(self.__pydantic_fields_set__)

    @classmethod
    def model_validate(cls, obj, *, strict=None, from_attributes=None, context=None):
        if strict:
            raise NotImplementedError("the lab's pydantic does not support strict mode")
        errors = []
        value = _validate(cls, obj, (), errors, None, bool(from_attributes or cls.model_config.get("from_attributes")))
        if errors:
            raise ValidationError(cls.__name__, errors)
        return value

    @classmethod
    def model_validate_json(cls, json_data, **options):
        try:
            data = json.loads(json_data)
        except ValueError as exc:
            raise ValidationError(cls.__name__, [{"type": "json_invalid", "loc": (), "msg": f"Invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", "input": json_data, "ctx": {"error": f"{exc.msg} at line {exc.lineno} column {exc.colno}"}}]) from None
        return cls.model_validate(data, **options)

    @classmethod
    def model_construct(cls, _fields_set=None, **values):
        for name, info in cls.model_fields.items():
            if name not in values and not info.is_required():
                values[name] = info.get_default(call_default_factory=True)
        return cls._construct(values, _fields_set if _fields_set is not None else set(values))

    def model_copy(self, *, update=None, deep=False):
        import copy

        values = copy.deepcopy(_values(self)) if deep else _values(self)
        values.update(update or {})
        return type(self)._construct(values, self.__pydantic_fields_set__ | set(update or {}))

    def model_dump(self, *, mode="python", include=None, exclude=None, by_alias=False, exclude_unset=False, exclude_defaults=False, exclude_none=False):
        if mode not in ("python", "json"):
            raise ValueError(f"Invalid mode: {mode!r}")
        out = {}
        for name, value in _values(self).items():
            info = self.model_fields.get(name)
            if include is not None and name not in include or exclude is not None and name in exclude:
                continue
            if exclude_unset and name not in self.__pydantic_fields_set__:
                continue
            if exclude_defaults and info is not None and not info.is_required() and value == info.get_default(call_default_factory=True):
                continue
            if exclude_none and value is None:
                continue
            out[name] = _dump(value, mode, exclude_unset=exclude_unset, exclude_defaults=exclude_defaults, exclude_none=exclude_none)
        return out

    def model_dump_json(self, *, indent=None, include=None, exclude=None, exclude_unset=False, exclude_defaults=False, exclude_none=False):
        data = self.model_dump(mode="json", include=include, exclude=exclude, exclude_unset=exclude_unset, exclude_defaults=exclude_defaults, exclude_none=exclude_none)
        # pydantic's JSON is compact (no spaces) unless indented.
        return json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent is not None else (",", ":"))

    def dict(self, **options):
        warnings.warn("The `dict` method is deprecated; use `model_dump` instead.", DeprecationWarning, stacklevel=2)
        return self.model_dump(**options)

    def json(self, **options):
        warnings.warn("The `json` method is deprecated; use `model_dump_json` instead.", DeprecationWarning, stacklevel=2)
        return self.model_dump_json(**options)

    @classmethod
    def model_json_schema(cls, ref_template="#/$defs/{model}"):
        defs = {}
        schema = _model_schema(cls, defs, ref_template)
        if defs:
            schema["$defs"] = defs
        return schema

    def __eq__(self, other):
        return type(other) is type(self) and _values(other) == _values(self)

    def __iter__(self):
        yield from _values(self).items()

    def __repr_str__(self, sep):
        return sep.join(f"{k}={v!r}" for k, v in _values(self).items())

    def __repr__(self):
        return f"{type(self).__name__}({self.__repr_str__(', ')})"

    def __str__(self):
        return self.__repr_str__(" ")


def _values(model):
    """The field values of a model (its __dict__ less the lab's bookkeeping)."""
    return {k: v for k, v in model.__dict__.items() if k != "__pydantic_fields_set__"}


def _dump(value, mode, **options):
    if isinstance(value, BaseModel):
        return value.model_dump(mode=mode, **options)
    if isinstance(value, dict):
        return {k: _dump(v, mode, **options) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_dump(v, mode, **options) for v in value]
        return items if mode == "json" or isinstance(value, list) else tuple(items)
    return value


# --- JSON schema (pydantic's GenerateJsonSchema, for the types above) ----------------------------

_JSON_TYPES = {int: "integer", float: "number", str: "string", bool: "boolean", type(None): "null"}


def _type_schema(tp, defs, ref_template, constraints=None):
    constraints = constraints or {}
    tp, extra = _split_annotated(tp)
    if extra is not None:
        constraints = {**extra.constraints, **constraints}
    if tp in (typing.Any, object):
        return {}
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            defs[tp.__name__] = _model_schema(tp, defs, ref_template)
        return {"$ref": ref_template.format(model=tp.__name__)}
    args = _union_args(tp)
    if args is not None:
        return {"anyOf": [_type_schema(a, defs, ref_template, constraints if a is not type(None) else None) for a in args]}
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        choices = list(typing.get_args(tp))
        kinds = {_JSON_TYPES.get(type(c)) for c in choices}
        schema = {"const": choices[0]} if len(choices) == 1 else {"enum": choices}
        if len(kinds) == 1 and None not in kinds:
            schema["type"] = kinds.pop()
        return schema
    if tp in (list, typing.List) or origin is list:
        item = (typing.get_args(tp) or (typing.Any,))[0]
        schema = {"items": _type_schema(item, defs, ref_template), "type": "array"}
        if "min_length" in constraints:
            schema["minItems"] = constraints["min_length"]
        if "max_length" in constraints:
            schema["maxItems"] = constraints["max_length"]
        return schema
    if tp in (dict, typing.Dict) or origin is dict:
        value_type = (typing.get_args(tp) or (typing.Any, typing.Any))[1]
        inner = _type_schema(value_type, defs, ref_template)
        return {"additionalProperties": inner or True, "type": "object"}
    schema = {"type": _JSON_TYPES.get(tp, "object")}
    names = {"gt": "exclusiveMinimum", "ge": "minimum", "lt": "exclusiveMaximum", "le": "maximum", "pattern": "pattern"}
    if tp is str:
        names.update(min_length="minLength", max_length="maxLength")
    for key, value in constraints.items():
        if key in names:
            schema[names[key]] = value
    return schema


def _field_title(name):
    return name.title().replace("_", " ")


def _field_schema(name, info, defs, ref_template):
    schema = _type_schema(info.annotation, defs, ref_template, info.constraints)
    if "$ref" not in schema:
        schema["title"] = info.title or _field_title(name)
    if info.description:
        schema["description"] = info.description
    if info.examples is not None:
        schema["examples"] = info.examples
    if not info.is_required() and info.default_factory is None:
        schema["default"] = _dump(info.default, "json")
    return schema


def _model_schema(cls, defs, ref_template):
    schema = {"properties": {n: _field_schema(n, f, defs, ref_template) for n, f in cls.model_fields.items()}}
    required = [n for n, f in cls.model_fields.items() if f.is_required()]
    if required:
        schema["required"] = required
    schema["title"] = cls.model_config.get("title", cls.__name__)
    schema["type"] = "object"
    if cls.model_config.get("extra") == "forbid":
        schema["additionalProperties"] = False
    if isinstance(cls.model_config.get("json_schema_extra"), dict):
        schema.update(cls.model_config["json_schema_extra"])
    return schema
