// The lab's pydantic in the real CPython (Pyodide), against pydantic 2's own texts.
// Messages: pydantic-core src/errors/types.rs (message_template_python); the text of
// str(ValidationError): pydantic-core src/errors/validation_exception.rs (display, pretty,
// truncate_input_value) and src/errors/location.rs (loc joined with ".").
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 120_000);

const MODELS = `from typing import Literal, Optional
from pydantic import BaseModel, Field, ValidationError, field_validator

class Address(BaseModel):
    city: str = Field(min_length=3)

class Item(BaseModel):
    name: str = Field(..., min_length=3, max_length=8)
    price: float = Field(gt=0)
    stock: int = Field(default=0, ge=0, le=100)
    tags: list[str] = Field(default_factory=list, max_length=2)
    kind: Literal["a", "b"] = "a"
    note: Optional[str] = None
    address: Optional[Address] = None

def errors(**data):
    try:
        Item(**data)
    except ValidationError as e:
        return e.errors(include_url=False)
`;

/** Run Python that prints one JSON value; return it parsed. */
function py(code: string): unknown {
  const r = lab.run(`import json\n${MODELS}\n${code}`);
  if (r.error) throw new Error(r.error.traceback);
  return JSON.parse(r.stdout);
}

describe('Field(...) and constraints', () => {
  it('Field(...) is required: a missing field is `missing` with the whole input', () => {
    expect(py('print(json.dumps(errors(price=1)))')).toEqual([{ type: 'missing', loc: ['name'], msg: 'Field required', input: { price: 1 } }]);
  });

  it('gt, ge, le: greater_than / greater_than_equal / less_than_equal with ctx', () => {
    expect(py('print(json.dumps(errors(name="pump", price=-1, stock=101)))')).toEqual([
      { type: 'greater_than', loc: ['price'], msg: 'Input should be greater than 0', input: -1, ctx: { gt: 0 } },
      { type: 'less_than_equal', loc: ['stock'], msg: 'Input should be less than or equal to 100', input: 101, ctx: { le: 100 } },
    ]);
    expect(py('print(json.dumps(errors(name="pump", price=1, stock=-1)))')).toEqual([
      { type: 'greater_than_equal', loc: ['stock'], msg: 'Input should be greater than or equal to 0', input: -1, ctx: { ge: 0 } },
    ]);
  });

  it('a float field keeps its bound as a float in ctx, and shows it as Rust does in msg (types.rs Number::Float)', () => {
    const r = lab.run(`${MODELS}
print(errors(name="pump", price=-1)[0]["ctx"], errors(name="pump", price=-1)[0]["msg"])
print(errors(name="pump", price=1, stock=-1)[0]["ctx"])`);
    expect(r.stdout).toBe("{'gt': 0.0} Input should be greater than 0\n{'ge': 0}\n");
  });

  it('min_length / max_length on strings and lists', () => {
    expect(py('print(json.dumps(errors(name="ab", price=1, tags=["x", "y", "z"])))')).toEqual([
      { type: 'string_too_short', loc: ['name'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
      {
        type: 'too_long',
        loc: ['tags'],
        msg: 'List should have at most 2 items after validation, not 3',
        input: ['x', 'y', 'z'],
        ctx: { field_type: 'List', max_length: 2, actual_length: 3 },
      },
    ]);
    expect(py('print(json.dumps(errors(name="abcdefghi", price=1)))')).toEqual([
      { type: 'string_too_long', loc: ['name'], msg: 'String should have at most 8 characters', input: 'abcdefghi', ctx: { max_length: 8 } },
    ]);
  });

  it('defaults are used and not validated; default_factory makes a fresh value', () => {
    expect(py('i = Item(name="pump", price="2.5")\nprint(json.dumps(i.model_dump()))')).toEqual({
      name: 'pump',
      price: 2.5,
      stock: 0,
      tags: [],
      kind: 'a',
      note: null,
      address: null,
    });
  });
});

describe('types', () => {
  it('parsing errors: float_parsing, int_parsing, int_from_float, bool_parsing, string_type', () => {
    const out = py(`class T(BaseModel):
    f: float
    i: int
    j: int
    b: bool
    s: str
try:
    T(f="abc", i="x", j=1.5, b="maybe", s=5)
except ValidationError as e:
    print(json.dumps([(x["type"], x["msg"]) for x in e.errors()]))`);
    expect(out).toEqual([
      ['float_parsing', 'Input should be a valid number, unable to parse string as a number'],
      ['int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      ['int_from_float', 'Input should be a valid integer, got a number with a fractional part'],
      ['bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
      ['string_type', 'Input should be a valid string'],
    ]);
  });

  it('lax coercion: " 42.00 " → 42, "yes" → True, 2 → 2.0; no underscores', () => {
    expect(py(`class T(BaseModel):
    i: int
    b: bool
    f: float
t = T(i=" 42.00 ", b="yes", f=2)
print(json.dumps([t.i, t.b, repr(t.f)]))`)).toEqual([42, true, '2.0']);
    // Python's int() and float() read "4_2"; pydantic-core's parsers do not.
    expect(py(`class T(BaseModel):
    i: int
    f: float
try:
    T(i="4_2", f="1_0")
except ValidationError as e:
    print(json.dumps([x["type"] for x in e.errors()]))`)).toEqual(['int_parsing', 'float_parsing']);
  });

  it('list_type, list items by index, literal_error, model_type for a nested model', () => {
    expect(py('print(json.dumps(errors(name="pump", price=1, tags="x", kind="c", address=5)))')).toEqual([
      { type: 'list_type', loc: ['tags'], msg: 'Input should be a valid list', input: 'x' },
      { type: 'literal_error', loc: ['kind'], msg: "Input should be 'a' or 'b'", input: 'c', ctx: { expected: "'a' or 'b'" } },
      { type: 'model_type', loc: ['address'], msg: 'Input should be a valid dictionary or instance of Address', input: 5, ctx: { class_name: 'Address' } },
    ]);
    expect(py('print(json.dumps(errors(name="pump", price=1, tags=["ok", 7], address={"city": "ab"})))')).toEqual([
      { type: 'string_type', loc: ['tags', 1], msg: 'Input should be a valid string', input: 7 },
      { type: 'string_too_short', loc: ['address', 'city'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
    ]);
  });

  it('Optional[X] without a default is still required (pydantic 2)', () => {
    expect(py(`class T(BaseModel):
    x: Optional[int]
try:
    T()
except ValidationError as e:
    print(json.dumps(e.errors(include_url=False)))`)).toEqual([{ type: 'missing', loc: ['x'], msg: 'Field required', input: {} }]);
  });
});

describe('ValidationError', () => {
  it('prints as pydantic does, with the "For further information visit" line', () => {
    const r = lab.run(`${MODELS}
try:
    Item(name="pump", price=-1)
except ValidationError as e:
    print(e)
    print(e.error_count(), e.errors()[0]["url"])`);
    expect(r.stdout).toBe(
      '1 validation error for Item\nprice\n  Input should be greater than 0 [type=greater_than, input_value=-1, input_type=int]\n' +
        '    For further information visit https://errors.pydantic.dev/2.11/v/greater_than\n' +
        '1 https://errors.pydantic.dev/2.11/v/greater_than\n',
    );
  });

  it('joins nested locs with dots and cuts long inputs to 25 + ... + 24 characters', () => {
    const r = lab.run(`${MODELS}
try:
    Item(name="pump", price=1, tags=["a", 1], note="x" * 60)
except ValidationError as e:
    print(e)
try:
    Item(price=1, note="n" * 60)
except ValidationError as e:
    print(e)`);
    expect(r.stdout).toContain('tags.1\n  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n');
    expect(r.stdout).toContain("name\n  Field required [type=missing, input_value={'price': 1, 'note': 'nnn...nnnnnnnnnnnnnnnnnnnnnn'}, input_type=dict]\n");
  });

  it('an uncaught one fails the run with its type and text', () => {
    const r = lab.run(`${MODELS}\nItem(name="pump", price=0)`);
    expect(r.error?.type).toBe('ValidationError');
    expect(r.error?.message).toContain('1 validation error for Item\nprice\n  Input should be greater than 0 [type=greater_than, input_value=0, input_type=int]');
  });

  it('field_validator: a ValueError becomes value_error "Value error, ..."', () => {
    expect(py(`class U(BaseModel):
    name: str
    @field_validator("name")
    @classmethod
    def no_spaces(cls, v):
        if " " in v:
            raise ValueError("no spaces")
        return v.upper()
print(json.dumps(U(name="ab").name))`)).toBe('AB');
    const r = lab.run(`from pydantic import BaseModel, field_validator
class U(BaseModel):
    name: str
    @field_validator("name")
    @classmethod
    def no_spaces(cls, v):
        if " " in v:
            raise ValueError("no spaces")
        return v
U(name="a b")`);
    expect(r.error?.message).toContain('name\n  Value error, no spaces [type=value_error, input_value=\'a b\', input_type=str]');
  });
});

describe('models', () => {
  it('model_dump, model_dump_json (compact), model_validate, repr and str', () => {
    const r = lab.run(`${MODELS}
i = Item.model_validate({"name": "pump", "price": 2, "address": {"city": "Oslo"}})
print(i.model_dump()["address"])
print(i.model_dump_json())
print(i.model_dump(exclude_none=True, include={"name", "note"}))
print(repr(i.address), str(i.address))
print(sorted(i.model_fields_set))
try:
    Item.model_validate([1])
except ValidationError as e:
    print(e.errors(include_url=False)[0]["type"])`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(
      "{'city': 'Oslo'}\n" +
        '{"name":"pump","price":2.0,"stock":0,"tags":[],"kind":"a","note":null,"address":{"city":"Oslo"}}\n' +
        "{'name': 'pump'}\n" +
        "Address(city='Oslo') city='Oslo'\n" +
        "['address', 'name', 'price']\n" +
        'model_type\n',
    );
  });

  it('model_json_schema as pydantic writes it', () => {
    expect(py('print(json.dumps(Item.model_json_schema()))')).toMatchObject({
      title: 'Item',
      type: 'object',
      required: ['name', 'price'],
      properties: {
        name: { type: 'string', minLength: 3, maxLength: 8, title: 'Name' },
        price: { type: 'number', exclusiveMinimum: 0, title: 'Price' },
        kind: { enum: ['a', 'b'], type: 'string', default: 'a', title: 'Kind' },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Note' },
        address: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'null' }], default: null },
      },
      $defs: { Address: { properties: { city: { type: 'string', minLength: 3, title: 'City' } }, required: ['city'], title: 'Address', type: 'object' } },
    });
  });

  it('string annotations (from __future__ import annotations) and self-references resolve in the program’s namespace', () => {
    const r = lab.run(`from __future__ import annotations
from typing import Optional
from pydantic import BaseModel

class Node(BaseModel):
    name: Optional[str] = None
    children: list[Node] = []

print(Node(children=[{"name": "leaf"}]))`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe("name=None children=[Node(name='leaf', children=[])]\n");
  });

  it('what the lab lacks, it says plainly', () => {
    expect(lab.run('from pydantic import EmailStr').error?.message).toBe("the lab's pydantic does not support `EmailStr`");
    expect(lab.run('from pydantic import BaseModel, Field\nclass M(BaseModel):\n    x: int = Field(alias="X")').error?.message).toBe("the lab's pydantic does not support Field(alias=...)");
    expect(lab.run('import datetime\nfrom pydantic import BaseModel\nclass M(BaseModel):\n    when: datetime.date').error?.message).toBe(
      "the lab's pydantic does not support fields of type date (field M.when)",
    );
  });
});
