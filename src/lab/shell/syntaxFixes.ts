// Where just-bash's interpreter runs bash syntax unlike bash 5.2, the lab
// rewrites the script's syntax tree before it runs (bash.ts calls these from its
// transform plugin); each is compared with real bash byte for byte by
// tests/lab/shell/bash-differential.test.ts.
//
// - break/continue: just-bash leaves a loop with the status of the last command
//   that finished before the `break` (bash: `break`'s own, 0), ignores a stray
//   `break` outside a loop (bash: "only meaningful in a `for', `while', or
//   `until' loop"), lets a function's `break` leave its caller's loop (bash 5.2
//   resets the loop level in a function and in `( … )`), and ends the script on
//   `break 0`. Each `break`/`continue` becomes the lab's __lab_flow, which checks
//   its argument as bash does and answers with the number of just-bash loops to
//   leave; each loop it can leave reports the status bash gives (__lab_loop_end).
//   A `continue` leaves a one-pass loop put around the body, so the loop
//   around it sees a command that finished.
// - After an error that jumps to bash's top level (a division by zero in an expansion, `break 1 2`)
//   bash drops the rest of the command line, and a `$( … )` the rest of its commands; just-bash
//   ends only the innermost compound command. A `$( … )`'s statements run as one group (fixDiscards),
//   which such an error leaves whole; the command line's are bash.ts's (dropping).
// - A glob ending in `/` (`*/`, `data/*/`, `*/*/`) matches folders only and keeps
//   the slash in bash; just-bash matches files too and drops it. The word is
//   marked so that only folders match (DIR_GLOBS), and the command strips the marks.
import { Bash, type CommandNode, type ScriptNode, type StatementNode, type WordNode } from 'just-bash';
import { bashFs, DIR_GLOBS } from './bashFs';
import { MemoryFs } from './fs';

// just-bash's parser: its browser bundle exports no `parse`, so a Bash of its own (no plugins,
// never run, over an empty file system of the lab's: its default one breaks under jsdom) turns a
// script into its syntax tree.
let parser: Bash | null = null;
const parse = (text: string): ScriptNode =>
  (parser ??= new Bash({ fs: bashFs(new MemoryFs(() => 0)), python: false, javascript: false, defenseInDepth: false })).transform(text).ast;

export const FLOW = '__lab_flow';
export const LOOP_END = '__lab_loop_end';
/** Run inside a `${X:?msg}` message: the script ends with bash's status for it, 127 (just-bash's is 1). */
export const FATAL = '__lab_fatal';
/** __lab_flow's table when no loop encloses it (an empty word would vanish). */
const NO_LOOP = '-';

const literal = (value: string): WordNode => ({ type: 'Word', parts: [{ type: 'Literal', value }] }) as WordNode;
const status: WordNode = { type: 'Word', parts: [{ type: 'ParameterExpansion', parameter: '?', operation: null }] } as WordNode;
const simple = (name: string, args: WordNode[], redirections: unknown[] = []) => ({ type: 'SimpleCommand', assignments: [], name: literal(name), args, redirections }) as unknown as CommandNode;
const pipe = (command: CommandNode) => ({ type: 'Pipeline', commands: [command], negated: false });
const statement = (commands: CommandNode[], operators: ('&&' | '||')[] = []): StatementNode =>
  ({ type: 'Statement', pipelines: commands.map(pipe), operators, background: false }) as unknown as StatementNode;
const group = (body: StatementNode[], redirections: unknown[] = []) => ({ type: 'Group', body, redirections }) as unknown as CommandNode;

type Node = { type?: string } & Record<string, unknown>;
const LOOPS = new Set(['For', 'CStyleFor', 'While', 'Until']);

interface Loop {
  /** A `break` inside may leave it: its status is set by __lab_loop_end after it. */
  leaves: boolean;
  /** A `continue` inside: its body runs in a one-pass loop (one more just-bash level). */
  once: boolean;
}
interface Site {
  /** The enclosing loops, outermost first; `inCondition`: the site is in the innermost one's condition, outside its one-pass loop. */
  loops: Loop[];
  inCondition: boolean;
  table: { type: 'Literal'; value: string };
}

const nameOf = (c: Node) => {
  const parts = (c.name as WordNode | null)?.parts;
  return parts?.length === 1 && parts[0]!.type === 'Literal' ? parts[0]!.value : null;
};

/** Rewrite every `break`/`continue` and every loop one may leave (see the file's comment). */
export function fixLoops(ast: ScriptNode): void {
  const sites: Site[] = [];
  const visit = (node: unknown, loops: Loop[], inCondition = false): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, loops, inCondition));
    const n = node as Node;
    if (n.type === 'FunctionDef' || n.type === 'Subshell') {
      // bash 5.2 runs a function's body and `( … )` at loop level 0.
      for (const [key, value] of Object.entries(n)) if (key !== 'redirections') visit(value, []);
      return;
    }
    if (n.type === 'Pipeline') {
      const commands = n.commands as Node[];
      commands.forEach((c, j) => {
        const name = c.type === 'SimpleCommand' ? nameOf(c) : null;
        if (name === 'break' || name === 'continue') commands[j] = flow(c, name, loops, inCondition) as unknown as Node;
        else if (c.type && LOOPS.has(c.type)) commands[j] = loop(c, loops) as unknown as Node;
        else visit(c, loops, inCondition);
      });
      return;
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value, loops, inCondition);
  };
  const flow = (c: Node, kind: string, loops: Loop[], inCondition: boolean): CommandNode => {
    const table = { type: 'Literal' as const, value: NO_LOOP };
    const call = simple(FLOW, [literal(kind), { type: 'Word', parts: [table] } as WordNode, ...(c.args as WordNode[])]);
    if (!loops.length) return { ...call, redirections: c.redirections } as CommandNode;
    for (const l of loops) {
      l.leaves = true;
      if (kind === 'continue') l.once = true;
    }
    sites.push({ loops: [...loops], inCondition, table });
    // __lab_flow answers 0 for bash's fatal "numeric argument required", else how many loops to leave.
    return group([statement([call, simple('exit', [literal('128')]), simple('break', [status])], ['&&', '||'])], c.redirections as unknown[]);
  };
  const loop = (c: Node, loops: Loop[]): CommandNode => {
    const me: Loop = { leaves: false, once: false };
    const inner = [...loops, me];
    if (c.condition && Array.isArray(c.condition)) visit(c.condition, inner, true);
    for (const [key, value] of Object.entries(c)) if (key !== 'condition' && key !== 'redirections') visit(value, inner);
    visit(c.redirections, loops);
    if (me.once) {
      // A one-pass C-style loop leaves `$?` as it was at the body's start, as bash has it.
      const once = { type: 'CStyleFor', init: null, condition: null, update: null, body: [...(c.body as StatementNode[]), statement([simple('break', [])])], redirections: [] } as unknown as CommandNode;
      c.body = [ended(once)];
    }
    return me.leaves ? group([ended(c as unknown as CommandNode)]) : (c as unknown as CommandNode);
  };
  visit(ast.statements, []);
  for (const site of sites) {
    // For each enclosing loop, innermost first: the just-bash level of its one-pass loop (0: none) and its own.
    const levels: string[] = [];
    let level = 0;
    site.loops
      .slice()
      .reverse()
      .forEach((l, i) => {
        const once = l.once && !(i === 0 && site.inCondition) ? ++level : 0;
        levels.push(`${once}:${++level}`);
      });
    site.table.value = levels.join(',');
  }
}

/** Each `$( … )` runs its statements as one group (see the file's comment). */
export function fixDiscards(ast: ScriptNode): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
    if (n.type === 'CommandSubstitution' && (n.body as ScriptNode | undefined)?.statements.length) {
      const body = n.body as ScriptNode;
      if (body.statements.length > 1) body.statements = [statement([group(body.statements)])];
    }
  };
  visit(ast.statements);
}

/** `LOOP && __lab_loop_end 0 || __lab_loop_end $?`: one statement, so `set -e` sees what it saw before. */
const ended = (command: CommandNode) => statement([command, simple(LOOP_END, [literal('0')]), simple(LOOP_END, [status])], ['&&', '||']);

const NOT_IN_LOOP = (kind: string) => `bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`;

/** bash's legal_number: an optional sign and digits, blanks around allowed. */
const numeric = (word: string) => (/^\s*[-+]?\d+\s*$/.test(word) ? Number(word) : null);

/**
 * __lab_flow and __lab_loop_end, sharing what status the loop being left reports.
 * __lab_flow KIND TABLE ARGS…: TABLE is `once:own` just-bash levels per enclosing loop, innermost first.
 */
export function loopFlow(drop: () => void) {
  let pending: number | null = null;
  const reply = (stderr: string, exitCode: number) => ({ stdout: '', stderr, exitCode });
  return {
    flow(args: string[]) {
      const [kind = 'break', table = NO_LOOP, ...rest] = args;
      if (table === NO_LOOP) return reply(NOT_IN_LOOP(kind), 0);
      const loops = table.split(',').map((pair) => pair.split(':').map(Number) as [number, number]);
      const operands = rest[0] === '--' ? rest.slice(1) : rest;
      const all = () => {
        // bash leaves every loop, with status 1.
        pending = 1;
        return loops.at(-1)![1];
      };
      if (!operands.length) {
        pending = 0;
        return reply('', kind === 'continue' ? loops[0]![0] : loops[0]![1]);
      }
      const n = numeric(operands[0]!);
      if (n === null) return reply(`bash: ${kind}: ${operands[0]}: numeric argument required\n`, 0);
      // bash drops the rest of the command line here (jump_to_top_level).
      if (operands.length > 1) {
        drop();
        return { ...reply(`bash: ${kind}: too many arguments\n`, 0), exitCode: all() };
      }
      if (n < 1) return { ...reply(`bash: ${kind}: ${operands[0]!.trim()}: loop count out of range\n`, 0), exitCode: all() };
      const [once, own] = loops[Math.min(n, loops.length) - 1]!;
      pending = 0;
      return reply('', kind === 'continue' ? once : own);
    },
    end(args: string[]) {
      const code = pending ?? Number(args[0] ?? 0);
      pending = null;
      return reply('', code);
    },
  };
}

/** Says `bash: NAME: too many arguments` and drops the rest of the command line (bash.ts). */
export const TOO_MANY = '__lab_too_many';

/**
 * `return 1 2`, `shift 1 2`, `exit 1 2`: bash says "too many arguments" and drops the rest of the
 * command line (a `return` leaves its function first); just-bash returns, exits or shifts without a
 * word. A `shift N` past `$#` fails silently in bash; just-bash says "shift count out of range".
 */
export function fixBuiltinArgs(ast: ScriptNode): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'Pipeline') {
      n.commands = (n.commands as Node[]).map((c) => {
        const name = c.type === 'SimpleCommand' ? nameOf(c) : null;
        const args = (c.args ?? []) as WordNode[];
        if ((name === 'return' || name === 'shift' || name === 'exit') && args.length > 1) {
          const say = { ...simple(TOO_MANY, [literal(name)]), redirections: c.redirections } as unknown as Node;
          return name === 'return' ? (group([statement([say as unknown as CommandNode]), statement([simple('return', [literal('1')])])]) as unknown as Node) : say;
        }
        const count = args[0]?.parts.length === 1 && args[0].parts[0]!.type === 'Literal' && /^\d+$/.test(args[0].parts[0]!.value);
        if (name === 'shift' && (!args.length || count)) c.redirections = [...(c.redirections as unknown[]), { type: 'Redirection', fd: 2, operator: '>', target: literal('/dev/null') }];
        return c;
      });
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.statements);
}

/** A relative word that globs and ends in `/`, as just-bash parsed it. */
function endsInSlashGlob(word: WordNode): boolean {
  const first = word.parts[0];
  const last = word.parts.at(-1);
  if (first?.type === 'Literal' && first.value.startsWith('/')) return false;
  if (first?.type === 'TildeExpansion') return false;
  return last?.type === 'Literal' && last.value.endsWith('/') && word.parts.some((p) => p.type === 'Glob');
}

function markWord(word: WordNode): boolean {
  if (!endsInSlashGlob(word)) return false;
  (word.parts.at(-1) as { value: string }).value += DIR_GLOBS.entry;
  word.parts.unshift({ type: 'Literal', value: `${DIR_GLOBS.prefix}/` } as WordNode['parts'][number]);
  return true;
}

/**
 * Mark the folder globs of commands that strip the marks (`strips(name)`) and of `for` words;
 * returns the names of the commands whose words were marked.
 */
export function fixDirGlobs(ast: ScriptNode, strips: (name: string) => boolean): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'SimpleCommand') {
      const name = nameOf(n);
      if (name && strips(name) && (n.args as WordNode[]).map(markWord).some(Boolean)) names.add(name);
    } else if (n.type === 'For' && n.words && (n.words as WordNode[]).map(markWord).some(Boolean)) {
      // The loop variable drops the marks first (bash's `$?` at the body's start becomes 0 here).
      const v = n.variable as string;
      (n.body as StatementNode[]).unshift(...parse(`${v}=\${${v}#${DIR_GLOBS.prefix}/}; ${v}=\${${v}%${DIR_GLOBS.entry}}`).statements);
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.statements);
  return names;
}

const MARKED = new RegExp(`^${DIR_GLOBS.prefix.replace('.', '\\.')}/(.*/)${DIR_GLOBS.entry.replace('.', '\\.')}$`);

/** A command's arguments without a folder glob's marks. */
export const unmarkDirs = (args: string[]): string[] => (args.some((a) => MARKED.test(a)) ? args.map((a) => a.replace(MARKED, '$1')) : args);

const UNSET_OPS = new Set(['DefaultValue', 'AssignDefault', 'UseAlternative', 'ErrorIfUnset']);
const isList = (parameter: string) => parameter === '@' || parameter === '*' || /\[[@*]\]$/.test(parameter);
type Part = WordNode['parts'][number] & Record<string, unknown>;

/**
 * Words just-bash expands unlike bash:
 * - `"${X:-d}"` alone as an argument trips `set -u` in just-bash (not in an assignment, nor with
 *   any text beside it): an empty text is put beside it.
 * - `${X:?msg}` prints `bash: msg`; bash names the variable (`bash: X: msg`, and without a
 *   message `X: parameter null or not set` / `X: parameter not set`), and ends with 127 (FATAL).
 */
export function fixWords(ast: ScriptNode): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    // (A brace expansion's items are `{ type: 'Word', word }`, without parts.)
    if (n.type === 'Word' && Array.isArray(n.parts)) {
      const parts = n.parts as Part[];
      const only = parts.length === 1 && parts[0]!.type === 'DoubleQuoted' ? (parts[0]!.parts as Part[]) : null;
      if (only?.length === 1 && only[0]!.type === 'ParameterExpansion') {
        const op = only[0]!.operation as { type: string } | null;
        if (op && UNSET_OPS.has(op.type) && !isList(only[0]!.parameter as string)) only.push({ type: 'Literal', value: '' } as Part);
      }
    }
    if (n.type === 'ParameterExpansion') {
      const op = n.operation as { type: string; word: WordNode | null; checkEmpty: boolean } | null;
      if (op?.type === 'ErrorIfUnset') {
        const name = n.parameter as string;
        const fatal = { type: 'CommandSubstitution', body: { type: 'Script', statements: [statement([simple(FATAL, [])])] }, legacy: false };
        const message = op.word ? op.word.parts : literal(op.checkEmpty ? 'parameter null or not set' : 'parameter not set').parts;
        op.word = { type: 'Word', parts: [fatal, { type: 'Literal', value: `${name}: ` }, ...message] } as WordNode;
      }
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.statements);
}

/** A name just-bash would take as one word though bash splits it: unquoted `$cmd`, `$(…)`, or `"$@"`. */
const splitsName = (word: WordNode) =>
  (word.parts as Part[]).some(
    (p) =>
      ['ParameterExpansion', 'CommandSubstitution', 'ArithmeticExpansion'].includes(p.type) ||
      (p.type === 'DoubleQuoted' && (p.parts as Part[]).some((q) => q.type === 'ParameterExpansion' && isList(q.parameter as string))),
  );

/**
 * `$cmd args` and `"$@"` (a wrapper's `run() { echo "+ $*"; "$@"; }`): just-bash runs the whole
 * expansion as one command name. The words run as `eval "$(printf '%q ' NAME ARGS…)"`, which
 * is bash's own splitting, in the same shell (functions and builtins included).
 */
export function fixCommandNames(ast: ScriptNode): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'SimpleCommand' && n.name && splitsName(n.name as WordNode)) {
      const printf = simple('printf', [literal('%q '), n.name as WordNode, ...(n.args as WordNode[])]);
      const body = { type: 'Script', statements: [statement([printf])] };
      n.name = literal('eval');
      n.args = [{ type: 'Word', parts: [{ type: 'DoubleQuoted', parts: [{ type: 'CommandSubstitution', body, legacy: false }] }] }];
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.statements);
}

/** `$( … )` and `` `…` `` in an arithmetic text, in order, replaced by `names` (a `$(( … ))` inside is arithmetic, kept). */
function replaceSubstitutions(text: string, names: string[]): string {
  let out = '';
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const opens = text.startsWith('$(', i) && !text.startsWith('$((', i);
    if (k < names.length && (opens || text[i] === '`')) {
      let end = i + 1;
      if (opens) {
        for (let depth = 0; end < text.length; end++) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')' && --depth === 0) break;
        }
      } else end = text.indexOf('`', i + 1);
      if (end === -1 || end >= text.length) return text;
      out += names[k++];
      i = end;
    } else out += text[i];
  }
  return out;
}

/** Where a hoisted command substitution's output waits (a variable of the shell; the lab's python does not pass it on). */
export const HOISTED = '__LAB_CS';

/**
 * just-bash runs a `$( … )` inside `$(( … ))` in a fresh shell: a function's `$1` and locals and a
 * `cd` are not there. In a simple command's words, each such substitution is hoisted into an
 * assignment before them (just-bash expands assignments first, in the same shell) and the
 * arithmetic reads its variable (an assignment-only command's status is then the substitution's,
 * as bash's is). A `(( … ))` runs as `{ __LAB_CS1=$( … ) || :; (( … )); }` (its status stays its
 * own, and `set -e` spares the substitution, as bash's does). In `for ((…))`, evaluated again each
 * pass, it stays just-bash's. (`[[ … ]]` runs its substitutions in the same shell already.)
 */
export function fixArithSubstitutions(ast: ScriptNode): void {
  let count = 0;
  const hoist = (node: unknown, found: Node[]): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => hoist(n, found));
    const n = node as Node;
    if (n.type === 'ArithmeticExpression' && typeof n.originalText === 'string') {
      // just-bash evaluates the expression's text again: its substitutions become the variables too.
      const before = found.length;
      for (const value of Object.values(n)) if (value && typeof value === 'object') hoist(value, found);
      n.originalText = replaceSubstitutions(n.originalText, found.slice(before).map((a) => a.name as string));
      return;
    }
    if (n.type === 'ArithCommandSubst') {
      const name = `${HOISTED}${++count}`;
      found.push({ type: 'Assignment', name, value: { type: 'Word', parts: [{ type: 'CommandSubstitution', body: parse(n.command as string), legacy: false }] }, append: false, array: null });
      for (const key of Object.keys(n)) delete n[key];
      Object.assign(n, { type: 'ArithVariable', name });
      return;
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') hoist(value, found);
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'Pipeline') {
      n.commands = (n.commands as Node[]).map((c) => {
        if (c.type !== 'ArithmeticCommand') return c;
        const found: Node[] = [];
        hoist(c.expression, found);
        if (!found.length) return c;
        const assign = { type: 'SimpleCommand', assignments: found, name: null, args: [], redirections: [] } as unknown as CommandNode;
        return group([statement([assign, simple(':', [])], ['||']), statement([c as unknown as CommandNode])]) as unknown as Node;
      });
    }
    if (n.type === 'SimpleCommand') {
      const found: Node[] = [];
      const arithmetic = (word: unknown) => (word as WordNode).parts?.filter((p) => p.type === 'ArithmeticExpansion' || p.type === 'DoubleQuoted');
      for (const a of n.assignments as Node[]) if (a.value) hoist(arithmetic(a.value), found);
      for (const w of n.args as WordNode[]) hoist(arithmetic(w), found);
      if (found.length) n.assignments = [...found, ...(n.assignments as Node[])];
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.statements);
}
