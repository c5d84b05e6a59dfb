// The lab reference: what a lesson's Python can import (the `lab` module and the
// stand-ins for mlflow, fastapi, pydantic and uvicorn, each entry's signature and
// first doc line), the `evidence` an assert check reads (keys and item fields with
// their Python types), and the shell's commands. It is generated from the lab
// itself (tests/lab/lab-reference.test.ts introspects the real modules in the
// node lab and compares with the committed reference.json; `npx vitest run
// tests/lab/lab-reference.test.ts -u` rewrites it and docs/lab-reference.md),
// so it cannot drift from the code. Authors read the markdown; learners the
// step page's "Lab reference" panel (src/lesson/LabReference.tsx).

export interface ApiEntry {
  name: string;
  kind: 'function' | 'class' | 'method' | 'property';
  /** "(path, target=None)" as Python's inspect.signature prints it; "" for a property. */
  signature: string;
  /** The first paragraph of its docstring, on one line ("" without one). */
  doc: string;
  members?: ApiEntry[];
}

export interface ApiModule {
  module: string;
  doc: string;
  entries: ApiEntry[];
}

export interface EvidenceField {
  key: string;
  /** The Python type of the value ("list", "dict", "bool"). */
  type: string;
  /** For a list of dicts: each item's keys with their types ("rows: set"). */
  items?: string[];
}

export interface LabReference {
  modules: ApiModule[];
  /** The names an assert check's Python sees besides the builtins (`evidence`, `rerun`, …). */
  scope: { name: string; kind: 'function' | 'value'; signature: string; doc: string }[];
  evidence: EvidenceField[];
  shell: { lab: string[]; bash: string[]; missing: Record<string, string> };
}

/** The modules documented, in this order; a lesson's learners see those its `lab.modules` lets them import. */
export const REFERENCE_MODULES = [
  'lab',
  'mlflow',
  'mlflow.pyfunc',
  'mlflow.sklearn',
  'mlflow.tracking',
  'mlflow.entities',
  'mlflow.exceptions',
  'fastapi',
  'fastapi.testclient',
  'fastapi.responses',
  'fastapi.exceptions',
  'pydantic',
  'uvicorn',
] as const;

/** Python, run in the lab: prints the modules' API surface as JSON. */
export const INTROSPECT_PY = `
import importlib, inspect, json

def _doc(obj):
    text = inspect.getdoc(obj) or ""
    return " ".join(text.strip().split("\\n\\n")[0].split())

def _sig(obj):
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):
        return "(...)"

def _members(cls, root):
    out = []
    for name, value in sorted(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            out.append({"name": name, "kind": "property", "signature": "", "doc": _doc(value)})
        elif isinstance(value, (staticmethod, classmethod)):
            out.append({"name": name, "kind": "method", "signature": _sig(value.__func__), "doc": _doc(value.__func__)})
        elif inspect.isfunction(value):
            out.append({"name": name, "kind": "method", "signature": _sig(value), "doc": _doc(value)})
    return out

def _entries(mod, root):
    names = getattr(mod, "__all__", None) or [n for n in dir(mod) if not n.startswith("_")]
    out = []
    for name in sorted(set(names)):
        obj = getattr(mod, name, None)
        owner = getattr(obj, "__module__", "") or ""
        if not (owner == root or owner.startswith(root + ".")):
            continue  # modules, constants and what it re-exports from the standard library
        if inspect.isclass(obj):
            out.append({"name": name, "kind": "class", "signature": _sig(obj), "doc": _doc(obj), "members": _members(obj, root)})
        elif inspect.isfunction(obj):
            out.append({"name": name, "kind": "function", "signature": _sig(obj), "doc": _doc(obj)})
    return out

_reference = []
for _name in MODULES:
    _mod = importlib.import_module(_name)
    _reference.append({"module": _name, "doc": _doc(_mod), "entries": _entries(_mod, _name.split(".")[0])})
json.dumps(_reference)
`;

/** An assert check that describes the evidence it was given, as its failure message. */
export const EVIDENCE_PROBE_PY = `
_scope = sorted(k for k in globals() if not k.startswith("_"))
import inspect as _inspect, json as _json
def _doc(obj):
    text = _inspect.getdoc(obj) or ""
    return " ".join(text.strip().split("\\n\\n")[0].split())
def _sig(obj):
    try:
        return str(_inspect.signature(obj))
    except (TypeError, ValueError):
        return ""
_names = [{"name": k, "kind": "function" if callable(globals()[k]) and not _inspect.ismodule(globals()[k]) else "value", "signature": _sig(globals()[k]) if callable(globals()[k]) else "", "doc": _doc(globals()[k]) if callable(globals()[k]) and not _inspect.ismodule(globals()[k]) else type(globals()[k]).__name__} for k in _scope]
def _type(v):
    return type(v).__name__
_fields = []
for _key in sorted(evidence):
    _value = evidence[_key]
    _field = {"key": _key, "type": _type(_value)}
    if isinstance(_value, list) and _value and all(isinstance(i, dict) for i in _value):
        _keys = {}
        for _item in _value:
            for _k, _v in _item.items():
                _keys.setdefault(_k, set()).add("None" if _v is None else _type(_v))
        _field["items"] = [f"{k}: {' | '.join(sorted(t))}" for k, t in sorted(_keys.items())]
    _fields.append(_field)
raise AssertionError(_json.dumps({"scope": _names, "evidence": _fields}))
`;

/** The reference as markdown, for authors (docs/lab-reference.md). */
export function referenceMarkdown(ref: LabReference): string {
  const lines: string[] = [
    '# The lab reference',
    '',
    'Generated from the lab itself by `tests/lab/lab-reference.test.ts` (it fails when this file and the',
    "lab's code disagree; `npx vitest run tests/lab/lab-reference.test.ts -u` rewrites it). Learners see",
    "the same reference in each step's **Lab reference** panel, limited to the modules the lesson's",
    '`lab.modules` lets them import.',
    '',
    '## Python modules',
    '',
  ];
  for (const mod of ref.modules) {
    lines.push(`### \`${mod.module}\``, '');
    if (mod.doc) lines.push(mod.doc, '');
    for (const e of mod.entries) {
      lines.push(`- \`${e.kind === 'class' ? 'class ' : ''}${e.name}${e.signature}\`${e.doc ? ` — ${e.doc}` : ''}`);
      for (const m of e.members ?? []) lines.push(`  - \`${m.kind === 'property' ? m.name : `${m.name}${m.signature}`}\`${m.kind === 'property' ? ' (property)' : ''}${m.doc ? ` — ${m.doc}` : ''}`);
    }
    lines.push('');
  }
  lines.push('## What an assert check sees', '');
  for (const n of ref.scope) lines.push(`- \`${n.name}${n.signature}\`${n.doc ? ` — ${n.kind === 'value' ? `a ${n.doc}` : n.doc}` : ''}`);
  lines.push(
    '',
    '### `evidence`',
    '',
    "Measured from a run that trains, scores, splits, measures drift, shows a table and a chart, and logs and registers a model: each key, its type and, for a list of records, each record's fields.",
    '',
    '| key | type | each item |',
    '| --- | --- | --- |',
  );
  for (const f of ref.evidence) lines.push(`| \`${f.key}\` | ${f.type} | ${f.items ? f.items.map((i) => `\`${i}\``).join(', ') : ''} |`);
  lines.push(
    '',
    '## Shell commands',
    '',
    `The lab's own (GNU's or the tool's output, compared in the tests): ${ref.shell.lab.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    `bash's (just-bash): ${ref.shell.bash.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    "What the lab lacks says so when it is typed (never bash's \"command not found\"):",
    '',
    ...Object.entries(ref.shell.missing)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, why]) => `- \`${name}\`: ${why}`),
    '',
  );
  return lines.join('\n');
}
