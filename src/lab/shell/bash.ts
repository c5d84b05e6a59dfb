// The lab's bash: real bash syntax from just-bash (vercel-labs, Apache-2.0) —
// its parser and interpreter, over the lab's files — with the lab's own
// commands plugged in as custom commands: git, dvc, python, the GNU-exact text
// tools of textTools.ts, and any other `Program` (see shellRuntime.ts).
//
// A script runs as one bash session (variables, functions and the current
// folder carry from line to line, as in a terminal), yet the transcript shows
// each top-level command line with its own output and status: before it runs,
// each top-level pipeline is wrapped in `{ …; }` with its stdout and stderr sent
// to the lab's terminal (special paths bashFs hands to the transcript), and
// each line ends with a marker command that records `$?` and passes it on.
import { Bash, defineCommand, getCommandNames, type CommandNode, type PipelineNode, type ScriptNode, type SimpleCommandNode, type StatementNode, type WordNode } from 'just-bash';
import { bashFs, fromLatin1 } from './bashFs';
import { GNU_FIXES } from './gnuFixes';
import { FATAL, FLOW, HOISTED, LOOP_END, TOO_MANY, fixArithSubstitutions, fixBuiltinArgs, fixDiscards, fixCommandNames, fixDirGlobs, fixLoops, fixWords, loopFlow, unmarkDirs } from './syntaxFixes';
import { normalize, type LabFs } from './fs';
import { runTest } from './testCommand';
import { TEXT_TOOLS } from './textTools';
import { err, ok, type CommandResult, type Program, type ShellContext, type TranscriptEntry } from './shell';

const decoder = new TextDecoder();

/** Where the wrapped pipelines write: /dev/lab-terminal/<entry>/<1|2>. */
const TERMINAL = '/dev/lab-terminal/';
/** The marker command ending each line: records `$?` for the transcript and exits with it. */
const MARK = '__lab_line_done';
/** `test` and `[` as the script names them → the lab's own (testCommand.ts), which just-bash's builtins would shadow. */
const TESTS: Record<string, '[' | 'test'> = { __lab_bracket: '[', __lab_test: 'test' };
const TEST_NAMES = new Map([['[', '__lab_bracket'], ['test', '__lab_test']]);
/** A prefix assignment telling a command what it is connected to (k: stdin is the keyboard, f: stdin is a file, t: stdout is the terminal). */
const IO_VAR = '__LAB_IO';

/**
 * What bash has and the lab does not: named, never "command not found".
 * Exit 127, as for a command that is not there.
 */
const NOT_IN_LAB: Record<string, string> = {
  ...Object.fromEntries(['curl', 'wget', 'ssh', 'scp', 'rsync', 'ping', 'nc', 'telnet', 'ftp', 'html-to-markdown'].map((n) => [n, `the lab has no network, so it has no ${n}`])),
  ...Object.fromEntries(['vi', 'vim', 'nano', 'emacs', 'less', 'more', 'man', 'top', 'htop'].map((n) => [n, `the lab's terminal has no keyboard, so it has no ${n}: edit files in the editor, read them with cat or head`])),
  ...Object.fromEntries(['sudo', 'su', 'apt', 'apt-get', 'dpkg', 'systemctl', 'service'].map((n) => [n, `the lab is not a full machine: it has no ${n}`])),
  ...Object.fromEntries(['pip', 'pip3'].map((n) => [n, `the lab cannot install packages (it has no network): its Python already has the modules the lesson uses`])),
  sqlite3: 'the lab has no sqlite3: its tracking store is read through mlflow in Python',
  node: 'the lab has no node: its programs are Python',
  'js-exec': 'the lab has no js-exec: its programs are Python',
  python2: "the lab's Python is Python 3: run python or python3",
  bc: 'the lab has no bc: compute with $(( … )) (whole numbers) or awk (e.g. awk \'BEGIN {print 1 / 3}\')',
  cmp: 'the lab has no cmp: compare files with diff -q or md5sum',
  trap: "the lab's shell runs a trap only in the step's own script, not in a subshell, a pipeline or `bash -c`: put the clean-up as the step's last lines",
  ...Object.fromEntries(['gzip', 'gunzip', 'zcat'].map((n) => [n, `the lab has no ${n}: its files stay uncompressed`])),
};

/**
 * just-bash's tools where its wording differs from GNU's (coreutils 9.1,
 * findutils 4.9 in C.UTF-8 quote file names in ‘…’): their stderr, reworded.
 */
const GNU_WORDING: Record<string, (stderr: string) => string> = {
  mkdir: (e) => e.replace(/^mkdir: cannot create directory '(.*)': /gm, 'mkdir: cannot create directory ‘$1’: '),
  find: (e) => e.replace(/^find: (.*): No such file or directory$/gm, 'find: ‘$1’: No such file or directory'),
  // printf is a bash builtin: its errors name bash.
  printf: (e) => e.replace(/^printf: /gm, 'bash: printf: '),
};

/** Tools that read their stdin when they name no file (or name `-`); with nothing piped the lab says it has no keyboard. */
const READS_STDIN: Record<string, { valued: string; script?: boolean; always?: boolean }> = {
  awk: { valued: 'Fvf', script: true },
  sed: { valued: 'efl', script: true },
  jq: { valued: '', script: true },
  tr: { valued: '', always: true },
  xargs: { valued: 'dEIinLPs', always: true },
  tee: { valued: '', always: true },
  sha1sum: { valued: '' },
  sha256sum: { valued: '' },
  base64: { valued: 'w' },
  nl: { valued: 'bdfhilnsvw' },
  tac: { valued: 's' },
  rev: { valued: '' },
  paste: { valued: 'd' },
  fold: { valued: 'w' },
  column: { valued: 'cst' },
  od: { valued: 'AjNtw' },
};

/** Would `name args` read stdin? Operands are the words that are not options (or values of options). */
function readsStdin(name: string, args: string[]): boolean {
  const spec = READS_STDIN[name];
  if (!spec) return false;
  if (spec.always) return true;
  const operands: string[] = [];
  let scriptGiven = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) operands.push(a);
    else if (!a.startsWith('--')) {
      // sed -e / awk -f give the script as an option, so every operand is a file.
      if (spec.script && (a[1] === 'e' || a[1] === 'f')) scriptGiven = true;
      if (a.length === 2 && spec.valued.includes(a[1]!)) i++; // the option's value is the next word
    }
  }
  const files = spec.script && !scriptGiven ? operands.slice(1) : operands;
  // An awk program of BEGIN blocks only reads no input.
  if (name === 'awk' && !scriptGiven && operands[0] !== undefined && beginOnly(operands[0])) return false;
  return files.length === 0 || files.includes('-');
}

/** `BEGIN { … }` and nothing after its closing brace (braces in strings aside, as learners write them). */
function beginOnly(program: string): boolean {
  const text = program.trim();
  if (!/^BEGIN\s*\{/.test(text)) return false;
  let depth = 0;
  for (let i = text.indexOf('{'); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

const noKeyboard = (name: string) =>
  err(`${name}: the lab's shell has no keyboard input: name a file, or pipe text into ${name} (e.g. cat data/raw_data.csv | ${name})`);

const literal = (value: string): WordNode => ({ type: 'Word', parts: [{ type: 'Literal', value }] }) as WordNode;
const commandName = (c: SimpleCommandNode) => (c.name?.parts.length === 1 && c.name.parts[0]!.type === 'Literal' ? c.name.parts[0]!.value : null);

interface Redirection {
  type: 'Redirection';
  fd: number | null;
  operator: string;
  target: unknown;
}
const redirections = (c: { redirections?: unknown[] }) => (c.redirections ?? []) as Redirection[];
const redirectsStdin = (c: CommandNode) => redirections(c as never).some((r) => ['<', '<<', '<<-', '<<<', '<&', '<>'].includes(r.operator) && (r.fd ?? 0) === 0);
const redirectsStdout = (c: CommandNode) => redirections(c as never).some((r) => ['>', '>>', '>|', '&>', '&>>', '>&'].includes(r.operator) && (r.fd ?? 1) === 1);

/** Tell each named command what it is connected to, with a prefix assignment only the lab's commands read. */
function markIo(node: unknown, flagged: Set<string>, terminal: boolean, top?: { first: boolean; last: boolean }) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) markIo(n, flagged, terminal);
    return;
  }
  const n = node as { type?: string };
  if (n.type === 'SimpleCommand') {
    const c = n as SimpleCommandNode;
    const name = commandName(c);
    if (name && flagged.has(name)) {
      const flags = `${top?.first && !redirectsStdin(c) ? 'k' : ''}${redirections(c).some((r) => r.operator === '<' && (r.fd ?? 0) === 0) ? 'f' : ''}${top?.last && terminal && !redirectsStdout(c) ? 't' : ''}`;
      c.assignments = [...c.assignments, { type: 'Assignment', name: IO_VAR, value: literal(flags), append: false, array: null } as never];
    }
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') markIo(value, flagged, terminal);
}

/** `test` and `[` run the lab's own, unless the script defines a function of that name (which bash would call instead). */
function renameTests(node: unknown, defined: Set<string>) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) renameTests(n, defined);
    return;
  }
  const n = node as { type?: string };
  if (n.type === 'SimpleCommand') {
    const c = n as SimpleCommandNode;
    // just-bash reads a lone `[` as a glob pattern part.
    const part = c.name?.parts.length === 1 ? (c.name.parts[0] as { type: string; value?: string; pattern?: string }) : null;
    const name = part?.type === 'Literal' ? part.value : part?.type === 'Glob' ? part.pattern : undefined;
    const renamed = name === undefined || defined.has(name) ? undefined : TEST_NAMES.get(name);
    if (renamed) c.name = literal(renamed);
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') renameTests(value, defined);
}

const definedFunctions = (node: unknown): string[] => {
  if (!node || typeof node !== 'object') return [];
  const n = node as { type?: string; name?: unknown };
  return [...(n.type === 'FunctionDef' && typeof n.name === 'string' ? [n.name] : []), ...Object.values(node).flatMap(definedFunctions)];
};

/** The lines of the script a top-level statement spans, as a terminal shows them. */
interface Span {
  from: number;
  to: number;
}

const innerLines = (node: unknown): number[] => {
  if (!node || typeof node !== 'object') return [];
  const own = typeof (node as { line?: unknown }).line === 'number' ? [(node as { line: number }).line] : [];
  return [...own, ...Object.values(node).flatMap(innerLines)];
};
const hereDocs = (node: unknown): { delimiter: string; stripTabs: boolean }[] => {
  if (!node || typeof node !== 'object') return [];
  const n = node as { type?: string; delimiter?: string; stripTabs?: boolean };
  return [...(n.type === 'HereDoc' ? [{ delimiter: n.delimiter!, stripTabs: n.stripTabs ?? false }] : []), ...Object.values(node).flatMap(hereDocs)];
};

/**
 * Where each top-level statement is in the script (just-bash keeps the source
 * text of a statement and the line of each simple command, not a statement's
 * lines): its text is searched from where the previous one ended, taking the
 * last match that starts before the line of its first simple command, or the first on it; a here-document's
 * body and delimiter belong to the statement.
 */
function locate(script: string, statements: StatementNode[]): Span[] {
  const lines = script.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at += lines[i]!.length + 1;
  }
  const lineOf = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return i;
  };
  let cursor = 0;
  return statements.map((s) => {
    const source = s.sourceText ?? '';
    const limit = Math.min(...innerLines(s)) - 1; // 0-based line of its first simple command, or Infinity
    let found = script.indexOf(source, cursor);
    // (The first match on that line: `f; echo line-after` has an `f` in `after` too.)
    for (let next = found; next !== -1 && lineOf(next) <= limit; next = script.indexOf(source, next + 1)) {
      found = next;
      if (lineOf(next) === limit) break;
    }
    if (found === -1) found = cursor;
    const from = lineOf(found);
    let to = lineOf(found + Math.max(0, source.length - 1));
    cursor = found + source.length;
    for (const doc of hereDocs(s)) {
      let k = to + 1;
      while (k < lines.length && (doc.stripTabs ? lines[k]!.replace(/^\t+/, '') : lines[k]) !== doc.delimiter) k++;
      to = Math.min(k, lines.length - 1);
      cursor = Math.max(cursor, (starts[to] ?? script.length) + (lines[to]?.length ?? 0));
    }
    return { from, to };
  });
}

/**
 * `{ pipeline; } >TERMINAL/entry/1 2>TERMINAL/entry/2`: the pipeline's output goes to its line of the
 * transcript. One before the last of an `&&`/`||` list runs as `{ pipeline && :; }`, so that `set -e`
 * spares it inside the group as bash spares it in the list (its status is kept).
 */
function captured(pipeline: PipelineNode, entry: number, last: boolean): PipelineNode {
  // A pipeline's earlier commands' errors come before its last command's output, as on a terminal.
  const order = pipeline.commands.length > 1 ? 'p' : '';
  // `>|`: the terminal is there already, and `set -o noclobber` must not refuse it.
  const out = (fd: number): Redirection => ({ type: 'Redirection', fd, operator: '>|', target: literal(`${TERMINAL}${entry}/${fd}${order}`) });
  const own = { ...pipeline, negated: false, timed: false };
  const spared = { type: 'Pipeline', commands: [{ type: 'SimpleCommand', assignments: [], name: literal(':'), args: [], redirections: [] }], negated: false } as unknown as PipelineNode;
  const inner = { type: 'Statement', pipelines: last ? [own] : [own, spared], operators: last ? [] : ['&&'], background: false } as StatementNode;
  const group = { type: 'Group', body: [inner], redirections: [out(1), out(2)] } as unknown as CommandNode;
  return { type: 'Pipeline', commands: [group], negated: pipeline.negated, timed: pipeline.timed, timePosix: pipeline.timePosix } as PipelineNode;
}

/** Whether to go on with a command line, given `$?`; and that `$?`, given back. */
const GO = '__lab_go';
const STATUS = '__lab_status';

/**
 * A command line's statements, each after the first run only if the line goes on: bash drops the
 * rest of the line after an error that jumps to its top level (a division by zero in an expansion,
 * `break 1 2`), and just-bash goes on (it ends only the innermost compound command). `s1; s2` runs
 * as `s1; __lab_go $? && { __lab_status && :; s2; }`: `$?` and `set -e` see what they saw before.
 */
function dropping(line: StatementNode[], functions: Set<string>): StatementNode[] {
  const [first, ...rest] = line;
  // Only a line that may hit one: the guards would reset PIPESTATUS.
  if (!first || !rest.length || !mayDrop(line, functions)) return line;
  const word = (name: string, args: WordNode[] = []) => ({ type: 'Pipeline', commands: [{ type: 'SimpleCommand', assignments: [], name: literal(name), args, redirections: [] }], negated: false });
  const status = { type: 'Word', parts: [{ type: 'ParameterExpansion', parameter: '?' }] } as WordNode;
  const restore = { type: 'Statement', pipelines: [word(STATUS), word(':')], operators: ['&&'], background: false } as unknown as StatementNode;
  const body = { type: 'Group', body: [restore, ...dropping(rest, functions)], redirections: [] };
  const guard = { type: 'Statement', pipelines: [word(GO, [status]), { type: 'Pipeline', commands: [body], negated: false }], operators: ['&&'], background: false } as unknown as StatementNode;
  return [first, guard];
}

/** Could this run an arithmetic expansion, a `break`/`continue` with too many arguments, or one of the script's functions? */
function mayDrop(node: unknown, functions: Set<string>): boolean {
  if (!node || typeof node !== 'object') return false;
  const n = node as { type?: string; args?: unknown[] };
  if (n.type === 'ArithmeticExpansion') return true;
  if (n.type === 'SimpleCommand') {
    const name = commandName(n as SimpleCommandNode) ?? '';
    if (functions.has(name) || name === TOO_MANY || (name === FLOW && n.args!.length > 3)) return true;
  }
  return Object.values(node).some((value) => mayDrop(value, functions));
}

function markerStatement(entry: number): StatementNode {
  const call = { type: 'SimpleCommand', assignments: [], name: literal(MARK), args: [literal(String(entry)), { type: 'Word', parts: [{ type: 'ParameterExpansion', parameter: '?' }] }], redirections: [] };
  // `&& :` keeps `$?` and spares the marker from `set -e`: a line's exempt failure (`grep -q x f && …`) does not end the session.
  const spared = { type: 'SimpleCommand', assignments: [], name: literal(':'), args: [], redirections: [] };
  return { type: 'Statement', pipelines: [{ type: 'Pipeline', commands: [call], negated: false }, { type: 'Pipeline', commands: [spared], negated: false }], operators: ['&&'], background: false } as unknown as StatementNode;
}

/**
 * bash's words for a division by zero: the expression, and its text from the divisor on
 * (`bash: 1 / 0: division by 0 (error token is "0")`). just-bash's error names neither, so they
 * are read from the line, when it holds one arithmetic text with one division and no `$` (bash
 * shows a `$x` expanded), or, when the line holds none (a function defined before), from the
 * script; otherwise bash's words without them.
 */
function divisionByZero(line: string, script: string): string {
  const divisions = (text: string) => [...text.matchAll(/(\$?)\(\((.*?)\)\)/g)].filter((m) => /[/%]/.test(m[2]!));
  const own = divisions(line);
  const texts = own.length ? own : divisions(script);
  const [m] = texts;
  if (texts.length !== 1 || m![2]!.includes('$') || m![2]!.match(/[/%]/g)!.length !== 1) return 'bash: division by 0\n';
  const expression = m![2]!.trimStart();
  const token = expression.slice(expression.search(/[/%]/) + 1).trimStart();
  return `bash: ${m![1] ? '' : '((: '}${expression}: division by 0 (error token is "${token}")\n`;
}

/** The lab's `trap` in the step's own script (bash.ts renames it there, see renameTraps). */
const TRAP = '__lab_trap';
/** Signals a trap may name: the lab raises none, so their traps are kept (for `trap -p`) and never run, as in a bash no signal reaches. */
const SIGNALS: Record<string, string> = { '0': 'EXIT', EXIT: 'EXIT', '1': 'SIGHUP', HUP: 'SIGHUP', '2': 'SIGINT', INT: 'SIGINT', '3': 'SIGQUIT', QUIT: 'SIGQUIT', '15': 'SIGTERM', TERM: 'SIGTERM' };
const signalName = (spec: string) => SIGNALS[spec.toUpperCase().replace(/^SIG(?=[A-Z])/, '')];
const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** bash's trap builtin over `traps` (signal → action): set, reset (`-`), `-p`; ERR, DEBUG and RETURN traps are named as missing. */
function trap(args: string[], traps: Map<string, string>): CommandResult {
  const rest = args[0] === '--' ? args.slice(1) : args;
  if (!rest.length || rest[0] === '-p') {
    const asked = rest.slice(1).map((spec) => signalName(spec) ?? spec);
    return ok([...traps].filter(([sig]) => !asked.length || asked.includes(sig)).map(([sig, action]) => `trap -- ${shellQuote(action)} ${sig}\n`).join(''));
  }
  if (rest[0]!.startsWith('-') && rest[0] !== '-') return err(`bash: trap: the lab's trap does not support ${rest[0]}`, 2);
  // One word that is a signal resets it, as `trap - SIG` does.
  const [action, specs] = rest.length === 1 ? ['-', rest] : [rest[0]!, rest.slice(1)];
  let stderr = '';
  for (const spec of specs) {
    const sig = signalName(spec);
    if (sig) {
      if (action === '-') traps.delete(sig);
      else traps.set(sig, action);
    } else if (['ERR', 'DEBUG', 'RETURN'].includes(spec.toUpperCase())) stderr += `bash: trap: the lab's shell runs no ${spec.toUpperCase()} trap\n`;
    else stderr += `bash: trap: ${spec}: invalid signal specification\n`;
  }
  return { stdout: '', stderr, code: stderr ? 1 : 0 };
}

/**
 * `trap` in the step's own script runs the lab's (TRAP); in a `( … )`, a `$( … )`, a pipeline's
 * part or a nested bash it stays `trap`, which says plainly the lab does not run it there.
 */
function renameTraps(node: unknown) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(renameTraps);
  const n = node as { type?: string; commands?: unknown[] };
  if (n.type === 'Subshell' || n.type === 'CommandSubstitution' || n.type === 'ProcessSubstitution') return;
  if (n.type === 'Pipeline' && (n.commands?.length ?? 0) > 1) return;
  if (n.type === 'SimpleCommand' && commandName(n as SimpleCommandNode) === 'trap') (n as SimpleCommandNode).name = literal(TRAP);
  for (const value of Object.values(n)) if (value && typeof value === 'object') renameTraps(value);
}

/** Records the shell's options after a `set` and passes its status on. */
const OPTIONS = '__lab_options';

/**
 * `set …` runs as `{ set …; __lab_options $?; }`, so that an error later on its line (`set -eu; …
 * $NOPE`) ends the script with the status for the options it set.
 */
function watchOptions(node: unknown) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(watchOptions);
  const n = node as { type?: string; commands?: CommandNode[] };
  for (const value of Object.values(n)) if (value && typeof value === 'object') watchOptions(value);
  if (n.type === 'Pipeline') {
    n.commands = n.commands!.map((c) => {
      if (c.type !== 'SimpleCommand' || commandName(c) !== 'set' || !c.args.length) return c;
      const record = { type: 'Pipeline', commands: [{ type: 'SimpleCommand', assignments: [], name: literal(OPTIONS), args: [{ type: 'Word', parts: [{ type: 'ParameterExpansion', parameter: '?' }] }], redirections: [] }], negated: false };
      const own = { type: 'Statement', pipelines: [{ type: 'Pipeline', commands: [c], negated: false }], operators: [], background: false };
      return { type: 'Group', body: [own, { type: 'Statement', pipelines: [record], operators: [], background: false }], redirections: [] } as unknown as CommandNode;
    });
  }
}

/** One run of a script: its transcript, and where a `clear` asked the transcript to start. */
interface Session {
  entries: TranscriptEntry[];
  clear: boolean;
  clearFrom: number;
  /** The last entry whose line has finished. */
  done: number;
  /** bash's status for an error that ends the script (`${X:?}`, `set -u`), where just-bash's differs; cleared at each line's end. */
  fatal: number | null;
  /** The shell's options (SHELLOPTS) as the last line to finish, or the last `set`, left them. */
  shellopts: string;
  /** The script's traps (trap), by signal: EXIT's runs when the script ends. */
  traps: Map<string, string>;
  /** The running command line hit an error after which bash drops the rest of it (see dropping). */
  drop: boolean;
  /** `$?` as __lab_go found it, for __lab_status. */
  status: number;
}

/** bash's status when an expansion error (`${X:?}`, `set -u`) ends the script: 127, or 1 under `set -e` (errexit ends it first). */
const fatalStatus = (shellopts: string) => (/(^|:)errexit(:|$)/.test(shellopts) ? 1 : 127);

/** stdin reaches commands as a byte string (one char per byte): the lab's programs read text. */
const decodeStdin = (bytes: string) => decoder.decode(fromLatin1(bytes));

type JbContext = Parameters<Parameters<typeof defineCommand>[1]>[1];
type JbResult = Awaited<ReturnType<Parameters<typeof defineCommand>[1]>>;
/** A command of the lab's that takes words as bash gives them (a folder glob's mark stripped, see syntaxFixes.ts). */
const command = (name: string, run: (args: string[], c: JbContext) => Promise<JbResult>) => defineCommand(name, (args, c) => run(unmarkDirs(args), c));
/** The lab's own plumbing, never shown as commands. */
const INTERNAL = new Set([MARK, FLOW, LOOP_END, FATAL, TRAP, GO, STATUS, OPTIONS, TOO_MANY]);
const ioOf = (c: JbContext) => c.env.get(IO_VAR) ?? '';
const stdinOf = (c: JbContext) => (ioOf(c).includes('k') ? undefined : decodeStdin(c.stdin as unknown as string));
const result = (r: CommandResult) => ({ stdout: r.stdout, stderr: r.stderr, exitCode: r.code });

/** A process substitution's path (`diff <(sort a) <(sort b)`): just-bash keeps its text in a /dev/fd of its own. */
const PROCESS_SUBSTITUTION = /^\/dev\/fd\/\d+$/;

/** The lab's files, with the process substitutions a command was given readable at their /dev/fd paths. */
async function withSubstitutions(fs: LabFs, args: string[], c: JbContext, now: number): Promise<LabFs> {
  const paths = args.filter((a) => PROCESS_SUBSTITUTION.test(a));
  if (!paths.length) return fs;
  const texts = new Map<string, Uint8Array | null>();
  for (const path of paths) texts.set(path, await c.fs.readFileBuffer(path).catch(() => null));
  const found = (path: string) => texts.get(path) ?? null;
  return {
    readFile: (path) => found(path) ?? fs.readFile(path),
    stat: (path) => {
      const text = found(path);
      return text ? { type: 'file', size: text.length, mtimeMs: now } : fs.stat(path);
    },
    readdir: (path) => fs.readdir(path),
    writeFile: (path, data) => fs.writeFile(path, data),
    mkdir: (path) => fs.mkdir(path),
    unlink: (path) => fs.unlink(path),
    rmdir: (path) => fs.rmdir(path),
    rename: (from, to) => fs.rename(from, to),
  };
}

/** The lab's Program as a just-bash command over the same files, in the folder bash is in. */
function asCommand(name: string, program: Program, ctx: ShellContext, session: Session) {
  return command(name, async (args, c) => {
    const io = ioOf(c);
    try {
      const fs = await withSubstitutions(ctx.fs, args, c, ctx.now());
      const r = await program(args, { ...ctx, fs, cwd: c.cwd }, { stdin: stdinOf(c), stdinIsFile: io.includes('f'), stdoutIsTerminal: io.includes('t') });
      if (r.clear) session.clear = true;
      return result(r);
    } catch (e) {
      return result(err(`${name}: ${(e as Error).message}`));
    }
  });
}

/** `python …` in the lab's Python, with the shell's folder, exported variables and stdin. */
function pythonCommand(name: string, ctx: ShellContext) {
  return command(name, async (args, c) => {
    const stdin = stdinOf(c);
    const inline = args.some((a) => /^-[^-]*[cm]/.test(a));
    const script = args.find((a) => !a.startsWith('-') || a === '-');
    if (!inline && (script === undefined || script === '-') && stdin === undefined) {
      return result(err(`${name}: the lab's shell has no keyboard, so Python's interactive prompt cannot run: run a file (${name} train.py), or ${name} -c 'code'`));
    }
    if (!ctx.python) return result(err(`${name}: the lab's Python is not available in this shell`, 127));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(c.exportedEnv ?? {})) if (k !== IO_VAR && !k.startsWith(HOISTED)) env[k] = v;
    return result(await ctx.python(args, { name, cwd: c.cwd, env, stdin }));
  });
}

/**
 * The commands a shell step has, for the lab reference (src/lab/reference.ts): the lab's own
 * (`programs`, the GNU-exact text tools, python), the rest bash's (just-bash's), and what the
 * lab lacks, with why.
 */
export function shellCommands(programs: string[]): { lab: string[]; bash: string[]; missing: Record<string, string> } {
  const lab = [...new Set([...programs, ...Object.keys(TEXT_TOOLS), 'python', 'python3'])].sort();
  const bash = getCommandNames()
    .filter((n) => !lab.includes(n) && !(n in NOT_IN_LAB))
    .concat(['which', 'clear'])
    .filter((n, i, all) => all.indexOf(n) === i)
    .sort();
  return { lab, bash, missing: { ...NOT_IN_LAB } };
}

function labCommands(ctx: ShellContext, session: Session, release: () => void) {
  const flow = loopFlow(() => (session.drop = true));
  return [
    defineCommand(FLOW, async (args) => flow.flow(args)),
    defineCommand(LOOP_END, async (args) => flow.end(args)),
    ...Object.entries({ ...TEXT_TOOLS, ...ctx.programs }).map(([name, program]) => asCommand(name, program, ctx, session)),
    pythonCommand('python', ctx),
    pythonCommand('python3', ctx),
    ...Object.entries(NOT_IN_LAB).map(([name, why]) => defineCommand(name, async () => result(err(`bash: ${name}: ${why}`, 127)))),
    // just-bash's own tools: with the keyboard as stdin, say so rather than read nothing; GNU's wording.
    ...[...new Set([...Object.keys(READS_STDIN), ...Object.keys(GNU_WORDING), ...Object.keys(GNU_FIXES)])]
      .filter((name) => !(name in TEXT_TOOLS) && !(name in ctx.programs))
      .map((name) =>
        command(name, async (args, c) => {
          if (ioOf(c).includes('k') && readsStdin(name, args)) return result(noKeyboard(name));
          const fix = GNU_FIXES[name];
          const r = fix ? await fix(args, c, () => decodeStdin(c.stdin as unknown as string)) : await c.origCommand!(args);
          const reword = GNU_WORDING[name];
          return reword && r.stderr ? { ...r, stderr: reword(r.stderr) } : r;
        }),
      ),
    // The lab's commands are not files in /usr/bin, so `which` asks the shell (as Debian's which prints them).
    command('which', async (args, c) => {
      const known = new Set(c.getRegisteredCommands?.() ?? []);
      const names = args.filter((a) => !a.startsWith('-'));
      const found = names.filter((n) => known.has(n) && !INTERNAL.has(n) && !(n in NOT_IN_LAB));
      return { stdout: found.map((n) => `/usr/bin/${n}\n`).join(''), stderr: '', exitCode: found.length === names.length && names.length ? 0 : 1 };
    }),
    ...Object.entries(TESTS).map(([renamed, name]) =>
      command(renamed, async (args, c) =>
        result(
          runTest(name, args, {
            stat: (path) => ctx.fs.stat(normalize(c.cwd, path)),
            same: (a, b) => ctx.fs.stat(normalize(c.cwd, a)) !== null && normalize(c.cwd, a) === normalize(c.cwd, b),
            isSet: (variable) => c.env.has(variable),
          }),
        ),
      ),
    ),
    defineCommand('clear', async () => {
      session.clear = true;
      return result(ok());
    }),
    defineCommand(TRAP, async (args) => result(trap(args, session.traps))),
    defineCommand(FATAL, async (_args, c) => {
      session.fatal = fatalStatus(c.env.get('SHELLOPTS') ?? '');
      return result(ok());
    }),
    defineCommand(GO, async (args) => {
      session.status = Number(args[0] ?? 0);
      return { stdout: '', stderr: '', exitCode: session.drop ? 1 : 0 };
    }),
    defineCommand(TOO_MANY, async (args) => {
      session.drop = true;
      return { stdout: '', stderr: `bash: ${args[0]}: too many arguments\n`, exitCode: 1 };
    }),
    defineCommand(STATUS, async () => ({ stdout: '', stderr: '', exitCode: session.status })),
    defineCommand(OPTIONS, async (args, c) => {
      session.shellopts = c.env.get('SHELLOPTS') ?? '';
      return { stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) };
    }),
    defineCommand(MARK, async (args, c) => {
      release();
      session.drop = false;
      session.shellopts = c.env.get('SHELLOPTS') ?? '';
      // A `${X:?}` in a `$( … )` ended only that subshell.
      session.fatal = null;
      const index = Number(args[0]);
      const code = Number(args[1] ?? 0);
      const entry = session.entries[index];
      if (entry) entry.code = code;
      session.done = index;
      if (session.clear) {
        session.clear = false;
        session.clearFrom = index;
      }
      return { stdout: '', stderr: '', exitCode: code };
    }),
  ];
}

/** Group statements that share lines into entries, and echo the other non-blank lines (comments) as entries of their own. */
function plan(lines: string[], spans: Span[]): { entries: TranscriptEntry[]; entryOf: number[] } {
  const entries: TranscriptEntry[] = [];
  const entryOf: number[] = [];
  const ranges: Span[] = [];
  const show = (from: number, to: number) => lines.slice(from, to + 1).join('\n').trim();
  let next = 0;
  const echoUpTo = (line: number) => {
    for (; next < line; next++) {
      if (lines[next]!.trim()) {
        entries.push({ line: lines[next]!.trim(), output: [], code: 0 });
        ranges.push({ from: next, to: next });
      }
    }
  };
  for (const span of spans) {
    const last = ranges.at(-1);
    if (last && entryOf.length && span.from <= last.to && entries.length - 1 === entryOf.at(-1)) {
      last.to = Math.max(last.to, span.to);
      entries.at(-1)!.line = show(last.from, last.to);
      entryOf.push(entries.length - 1);
    } else {
      echoUpTo(span.from);
      entries.push({ line: show(span.from, span.to), output: [], code: 0 });
      ranges.push({ ...span });
      entryOf.push(entries.length - 1);
    }
    next = Math.max(next, ranges.at(-1)!.to + 1);
  }
  echoUpTo(lines.length);
  return { entries, entryOf };
}

/**
 * Run a script as one bash session; the transcript has one entry per
 * top-level command line (comment lines too, as a terminal echoes them).
 */
export async function runScript(script: string, ctx: ShellContext): Promise<TranscriptEntry[]> {
  const source = script.replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const session: Session = { entries: [], clear: false, clearFrom: 0, done: -1, fatal: null, shellopts: '', traps: new Map(), drop: false, status: 0 };
  // Ends the session where bash's would end and just-bash's goes on (set -u inside a line: see write).
  const stop = new AbortController();
  if (ctx.signal?.aborted) stop.abort();
  ctx.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const append = (target: TranscriptEntry, stream: 'stdout' | 'stderr', chunk: string) => {
    const last = target.output.at(-1);
    if (last?.stream === stream) last.text += chunk;
    else target.output.push({ stream, text: chunk });
  };
  // just-bash delivers a group's stdout, then its stderr: a pipeline's stdout waits for its stderr.
  let held: { target: TranscriptEntry; text: string } | null = null;
  const release = () => {
    if (held) append(held.target, 'stdout', held.text);
    held = null;
  };
  const write = (path: string, chunk: string) => {
    const [entry, fd] = path.slice(TERMINAL.length).split('/');
    const target = session.entries[Number(entry)];
    if (!chunk || !target) return;
    if (fd === '1p') {
      release();
      held = { target, text: chunk };
      return;
    }
    if (fd === '2' || fd === '2p') {
      // A division by zero: just-bash says `division by 0` in an expansion, `bash: arithmetic expression: …` in `(( … ))`.
      // bash drops the rest of the line after one in an expansion (not in `(( … ))`, which just fails).
      chunk = chunk.replace(/^(bash: arithmetic expression: )?division by 0\n/gm, (_, command?: string) => {
        if (!command) session.drop = true;
        return divisionByZero(target.line, source);
      });
      // just-bash's `set -u` error inside a compound command (each line runs in a group) is
      // `X: unbound variable` and the script goes on; bash's names itself and ends the script.
      const unbound = /(^|\n)([^\s:]+): unbound variable\n$/.exec(chunk);
      if (unbound) {
        const name = /^\d+$/.test(unbound[2]!) ? `$${unbound[2]}` : unbound[2];
        chunk = `${chunk.slice(0, unbound.index + unbound[1]!.length)}bash: ${name}: unbound variable\n`;
        session.fatal = fatalStatus(session.shellopts);
        stop.abort();
      }
    }
    if (fd === '2p') {
      append(target, 'stderr', chunk);
      return release();
    }
    release();
    append(target, fd === '2' ? 'stderr' : 'stdout', chunk);
  };
  const commands = labCommands(ctx, session, () => release());
  const own = new Set(commands.map((c) => c.name));
  const bundled = new Set(getCommandNames());
  const bash = new Bash({
    fs: bashFs(ctx.fs, { prefix: TERMINAL, onWrite: write }),
    cwd: ctx.cwd,
    env: { HOME: ctx.home, USER: 'learner', LOGNAME: 'learner', SHELL: '/bin/bash', LANG: 'C.UTF-8' },
    customCommands: commands,
    // No network (curl is not registered) and none of just-bash's own runtimes: the lab's Python is `python`.
    python: false,
    javascript: false,
    executionLimits: { maxOutputSize: 16 * 1024 * 1024 },
    // Its defense-in-depth patches JS globals while a script runs, to guard a host process; here the
    // worker is the sandbox (locked down before any learner code), and `python` must reach Pyodide.
    defenseInDepth: false,
    processInfo: { pid: 4242, ppid: 4241, uid: 1000, gid: 1000 },
    // `sleep` ends early when the run is stopped, so Stop does not wait for it.
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        ctx.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      }),
  });
  const flagged = new Set([...Object.keys(TEXT_TOOLS), ...Object.keys(ctx.programs), ...Object.keys(READS_STDIN), ...Object.keys(GNU_WORDING), 'python', 'python3']);
  let planned = false;
  let definitions: string[] = [];
  const statementEntries = new Set<number>();
  bash.registerTransformPlugin({
    name: 'lab-terminal',
    transform({ ast }: { ast: ScriptNode }) {
      // Only the learner's script is a terminal session; `bash -c`, `source`, xargs and find -exec run as they are.
      if (planned) return { ast };
      const { entries, entryOf } = plan(lines, locate(source, ast.statements));
      session.entries.push(...entries);
      for (const e of entryOf) statementEntries.add(e);
      planned = true;
      const functions = new Set(definedFunctions(ast));
      renameTraps(ast.statements);
      // The script's own functions, for its EXIT trap (`trap cleanup EXIT`), which runs after it.
      definitions = ast.statements.filter((st) => st.pipelines.length === 1 && st.pipelines[0]!.commands[0]?.type === 'FunctionDef').map((st) => st.sourceText ?? '');
      watchOptions(ast);
      renameTests(ast, functions);
      fixLoops(ast);
      fixWords(ast);
      fixCommandNames(ast);
      fixArithSubstitutions(ast);
      fixDiscards(ast);
      fixBuiltinArgs(ast);
      // just-bash's own commands strip a folder glob's mark through a wrapper, made when a script needs one.
      const strips = (name: string) => !functions.has(name) && (own.has(name) || bundled.has(name));
      for (const name of fixDirGlobs(ast, strips)) {
        if (own.has(name)) continue;
        own.add(name);
        bash.registerCommand(defineCommand(name, (args, c) => c.origCommand!(unmarkDirs(args))));
      }
      const statements: StatementNode[] = [];
      let line: StatementNode[] = [];
      ast.statements.forEach((statement, i) => {
        for (const pipeline of statement.pipelines) {
          pipeline.commands.forEach((command, j) => markIo(command, flagged, ctx.terminal ?? true, { first: j === 0, last: j === pipeline.commands.length - 1 }));
        }
        const entry = entryOf[i]!;
        line.push({ ...statement, pipelines: statement.pipelines.map((p, k) => captured(p, entry, k === statement.pipelines.length - 1)) });
        if (entryOf[i + 1] !== entry) {
          statements.push(...dropping(line, functions), markerStatement(entry));
          line = [];
        }
      });
      return { ast: { ...ast, statements } };
    },
  });
  const end = await bash.exec(source, { rawScript: true, signal: stop.signal });
  release();
  if (!planned) {
    // The script did not parse. bash reads a script command by command, so the lines before
    // the error run, and the error is the last entry: run the longest start that parses.
    const parses = (text: string) => {
      try {
        bash.transform(text);
        return true;
      } catch {
        return false;
      }
    };
    let k = lines.length - 1;
    while (k > 0 && !parses(lines.slice(0, k).join('\n'))) k--;
    const before = k > 0 && lines.slice(0, k).some((l) => l.trim()) ? await runScript(lines.slice(0, k).join('\n'), ctx) : [];
    const rest = lines.slice(k).join('\n').trim();
    // bash's words for the commonest one, a construct left open (just-bash: "Expected FI, got EOF").
    const message = /got EOF/.test(end.stderr) ? 'bash: syntax error: unexpected end of file\n' : end.stderr;
    return [...before, { line: rest, output: message ? [{ stream: 'stderr', text: message }] : [], code: end.exitCode }];
  }
  // `exit`, `set -e`, Stop or a limit ended the session inside a line: what it left unwritten is
  // that line's, and the lines after it never ran.
  const lastEntry = Math.max(-1, ...statementEntries);
  if (session.done < lastEntry) {
    const running = Math.min(...[...statementEntries].filter((e) => e > session.done));
    const target = session.entries[running]!;
    const stopped = ctx.signal?.aborted === true;
    if (end.stdout) target.output.push({ stream: 'stdout', text: end.stdout });
    if (stopped) target.output.push({ stream: 'stderr', text: 'The script was stopped.\n' });
    // (The lab's own stop at a `set -u` error leaves just-bash's "execution aborted".)
    else if (end.stderr && !stop.signal.aborted) target.output.push({ stream: 'stderr', text: end.stderr });
    target.code = stopped ? end.exitCode : (session.fatal ?? end.exitCode);
    session.entries.length = running + 1;
  }
  // The EXIT trap runs when the script ends (`exit`, `set -e` and `set -u` too; not when it was
  // stopped), with its variables and top-level functions, its output on the last line that ran.
  const onExit = session.traps.get('EXIT');
  if (onExit && !ctx.signal?.aborted) {
    const last = session.entries[Math.max(...[...statementEntries].filter((e) => e < session.entries.length))];
    const after = await bash.exec([...definitions, onExit].join('\n'), { rawScript: true, signal: ctx.signal, env: end.env, cwd: end.env.PWD ?? ctx.cwd });
    if (last && after.stdout) append(last, 'stdout', after.stdout);
    if (last && after.stderr) append(last, 'stderr', after.stderr);
  }
  // A caller running a session line by line (the tests) continues where `cd` left it.
  if (end.env.PWD && ctx.fs.stat(end.env.PWD)?.type === 'dir') ctx.cwd = end.env.PWD;
  return session.entries.slice(session.clearFrom);
}
