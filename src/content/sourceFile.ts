// One content file as the parser reads it: its YAML frontmatter (with the
// position of every field) and its markdown body, and the problems found in it,
// each naming the file, the line, the column and the field.
import { LineCounter, isMap, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes: "ml-lifecycle/quiz.md". */
  path: string;
  text: string;
  /** Why the file cannot be used, as its reader found (a lab start file that is binary, a symbolic link). */
  problem?: string;
}


export interface ContentIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field at fault, e.g. "questions[2].answer"; "" for the whole file. */
  field: string;
  message: string;
}

export type Path = (string | number)[];

export function formatField(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

export function formatIssue(issue: ContentIssue, root = 'content'): string {
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${root}/${issue.file}:${issue.line}:${issue.column} —${field} ${issue.message}`;
}

/** One markdown file split into frontmatter (with positions) and body. */
export class SourceFile {
  readonly doc: Document | undefined;
  readonly body: string;
  /** Line number (1-based) of the first body line. */
  readonly bodyLine: number;
  private readonly lineCounter = new LineCounter();

  constructor(
    readonly path: string,
    text: string,
    private readonly report: (issue: ContentIssue) => void,
  ) {
    const normalized = text.replace(/\r\n?/g, '\n');
    const match = /^---\n([\s\S]*?)\n?^---[ \t]*$\n?/m.exec(normalized);
    if (!normalized.startsWith('---\n') || !match) {
      this.body = normalized;
      this.bodyLine = 1;
      this.error([], 'expected YAML frontmatter: the file must start with a line "---", the fields, then another "---"', 1);
      return;
    }
    this.body = normalized.slice(match[0].length);
    this.bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
    this.doc = parseDocument(match[1] ?? '', { lineCounter: this.lineCounter, prettyErrors: true });
    // A line indented deeper than the field above it reads, to YAML, as more of that field's
    // value, and the parser's complaint is about the line above: name the line that is off.
    const indent = misindentedLine(match[1] ?? '', this.doc.errors);
    if (indent) {
      this.report({ file: path, line: indent.line + 1, column: indent.column, field: '', message: indent.message });
      return;
    }
    // Only the first YAML error: the rest are usually echoes of it.
    for (const err of this.doc.errors.slice(0, 1)) {
      const pos = err.linePos?.[0];
      this.report({
        file: path,
        line: (pos?.line ?? 1) + 1,
        column: pos?.col ?? 1,
        field: '',
        message: `invalid YAML: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}${yamlAdvice(err.code)}`,
      });
    }
  }

  get hasValidYaml(): boolean {
    return this.doc !== undefined && this.doc.errors.length === 0;
  }

  /** Position of a frontmatter field, or of its closest existing parent. */
  position(path: Path): { line: number; column: number } {
    if (!this.doc) return { line: 1, column: 1 };
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) {
        // For a missing field, point at the key of the parent map entry rather than its first child.
        let offset = range[0];
        if (depth > 0 && depth < path.length) offset = this.keyOffset(path.slice(0, depth)) ?? offset;
        const pos = this.lineCounter.linePos(offset);
        return { line: pos.line + 1, column: pos.col }; // +1: the opening "---" line
      }
    }
    return { line: 2, column: 1 };
  }

  private keyOffset(path: Path): number | undefined {
    const parentPath = path.slice(0, -1);
    const parent = parentPath.length === 0 ? this.doc?.contents : this.doc?.getIn(parentPath, true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
      return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    if (isSeq(parent) && typeof last === 'number') {
      return (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    return undefined;
  }

  error(path: Path, message: string, line?: number, column?: number): void {
    const pos = line === undefined ? this.position(path) : { line, column: column ?? 1 };
    this.report({ file: this.path, line: pos.line, column: pos.column, field: formatField(path), message });
  }

  /** Validate the frontmatter against a schema; undefined (and issues reported) if invalid. */
  validate<S extends z.ZodType>(schema: S): z.infer<S> | undefined {
    if (!this.hasValidYaml || !this.doc) return undefined;
    const data: unknown = this.doc.toJS() ?? {};
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const at = this.keyOffset([...path, key]);
          const pos = at === undefined ? undefined : this.lineCounter.linePos(at);
          this.error([...path, key], `unknown field "${key}" — check its spelling (see content/README.md)`, pos && pos.line + 1, pos?.col);
        }
        continue;
      }
      this.error(path, describeIssue(issue, valueAt(data, path)));
    }
    return undefined;
  }
}

/**
 * The line a "multi-line implicit key" error is really about: the next line
 * after the error's, when it is indented deeper than the field the error's
 * line starts. Line and column are 1-based within the YAML text.
 */
function misindentedLine(yaml: string, errors: readonly YAMLError[]): { line: number; column: number; message: string } | undefined {
  const err = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
  const at = err?.linePos?.[0]?.line;
  if (!at) return undefined;
  const lines = yaml.split('\n');
  const field = /^(\s*(?:-\s+)*)([^\s:#][^:#]*?):(?:\s|$)/.exec(lines[at - 1] ?? '');
  if (!field) return undefined;
  const fieldColumn = (field[1] ?? '').length + 1;
  for (let i = at; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (!text.trim()) continue;
    const column = text.length - text.trimStart().length + 1;
    if (column <= fieldColumn) return undefined;
    return {
      line: i + 1,
      column,
      message:
        `invalid YAML: bad indentation — this line starts at column ${column}, deeper than "${field[2]}" on the line above (column ${fieldColumn}), ` +
        `so it is read as more of that field's value; start it at column ${fieldColumn} like the fields beside it (a value that goes on over several lines must be quoted)`,
    };
  }
  return undefined;
}

function yamlAdvice(code: string): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'UNEXPECTED_TOKEN') {
    return ' — if a value contains ": ", "{", "[" or "#", put it in quotes';
  }
  if (code === 'BAD_INDENT' || code === 'BAD_INDENT_TAB' || code === 'TAB_AS_INDENT') return ' — bad indentation: indent with spaces, the items of one list or map to the same column';
  return '';
}

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return `is required (expected ${issue.expected})`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeValue(value)}`;
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
  }
  if (issue.code === 'invalid_union' && 'options' in issue) {
    const kinds = (issue.options as unknown[]).map(String).join(', ');
    return `unknown check kind ${JSON.stringify(value)} (expected one of: ${kinds})`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex') return `expected ${issue.message}, got ${describeValue(value)}`;
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

/** Each item of a frontmatter list has its own key: a second one is reported where it stands. */
export function checkUnique<T>(file: SourceFile, items: T[], listField: string, key: (t: T) => string, keyField: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) file.error([listField, i, keyField], `duplicate ${keyField} "${k}" (first used at ${listField}[${first}])`);
    else seen.set(k, i);
  });
}
