// The lab's shell: runs a script line by line as if typed into a terminal.
// Lines are tokenised by shell-quote (quotes, operators, comments); this
// module adds what a shell does with the tokens: pipes, `&&`, `||`, `;`,
// `>`, `>>`, `<`, `2>`, `2>&1`, `~`, globbing, and the commands. The text
// tools are in textTools.ts; git and dvc are their own modules.
import { parse, type ParseEntry } from 'shell-quote';
import { basename, dirname, mkdirp, normalize, type LabFs } from './fs';
import { md5 } from './md5';
import { TEXT_TOOLS } from './textTools';

export interface ShellContext {
  fs: LabFs;
  /** Current folder (absolute); `cd` changes it. */
  cwd: string;
  home: string;
  /** The lab's clock, in ms: commit times and `ls -l` dates come from it. */
  now: () => number;
  /** Extra commands (git, dvc), by name. */
  programs: Record<string, Program>;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
  /** `clear` empties the transcript. */
  clear?: boolean;
}

/** What a command is connected to. Programs that need none (git, dvc) ignore it. */
export interface Io {
  /** Text piped (`|`) or redirected (`<`) in; undefined means the keyboard, which the lab does not have. */
  stdin?: string;
  /** stdin is a file (`<`), not a pipe: wc pads its counts differently. */
  stdinIsFile?: boolean;
  /** stdout is the terminal, not a pipe or a file: ls prints one name per line otherwise. */
  stdoutIsTerminal?: boolean;
}

export type Program = (args: string[], ctx: ShellContext, io?: Io) => Promise<CommandResult> | CommandResult;

export interface TranscriptEntry {
  /** The line as typed, shown after a `$` prompt. */
  line: string;
  output: { stream: 'stdout' | 'stderr'; text: string }[];
  /** Exit status of the line's last command. */
  code: number;
}

/** A command's success with its output, or its failure with a message and status. */
export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', code: 0 });
export const err = (stderr: string, code = 1): CommandResult => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, code });
const decoder = new TextDecoder();
export const text = (data: Uint8Array) => decoder.decode(data);

export type Redirect =
  | { kind: 'out'; fd: 1 | 2; append: boolean; target: string }
  | { kind: 'dup'; fd: 1 | 2; to: 1 | 2 }
  | { kind: 'in'; target: string };
interface Simple {
  argv: (string | { glob: string })[];
  redirects: Redirect[];
}
interface Step {
  /** Commands joined by `|`, each reading the previous one's output. */
  pipeline: Simple[];
  /** How this pipeline joins the next: `&&`, `||` or `;`. */
  then: '&&' | '||' | ';' | null;
}

/** Marks `2>` (shell-quote reads `2>` and `2 >` alike) so the parser can tell them apart. */
const STDERR_MARK = '\u00012';

/**
 * What shell-quote cannot see once it has removed the quotes: an unquoted
 * `~` starting a word becomes $HOME, and `2>` / `1>` directly before `>`
 * become file-descriptor marks.
 */
function markLine(line: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') {
        out += c + (line[++i] ?? '');
        continue;
      }
      out += c;
      continue;
    }
    if (c === '\\') {
      out += c + (line[++i] ?? '');
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    const wordStart = i === 0 || /[\s;&|<>(]/.test(line[i - 1]!);
    if (wordStart && c === '#') return out + line.slice(i);
    if (wordStart && c === '~' && (i + 1 === line.length || /[\s/;&|<>)]/.test(line[i + 1]!))) out += '$HOME';
    else if (wordStart && (c === '1' || c === '2') && line[i + 1] === '>') out += c === '2' ? STDERR_MARK : '';
    else out += c;
  }
  return out;
}

/** Tokenise one line with shell-quote and group it into pipelines joined by operators. */
export function parseLine(line: string, env: Record<string, string>): Step[] | { error: string } {
  let tokens: ParseEntry[];
  try {
    tokens = parse(markLine(line), (key) => env[key] ?? '');
  } catch (e) {
    return { error: `syntax error: ${(e as Error).message}` };
  }
  const steps: Step[] = [];
  let pipeline: Simple[] = [];
  let current: Simple = { argv: [], redirects: [] };
  let pending: { kind: 'out'; fd: 1 | 2; append: boolean } | { kind: 'dup'; fd: 1 | 2 } | { kind: 'in' } | null = null;
  let fd: 1 | 2 = 1;
  const unexpected = (token: string) => ({ error: `syntax error near unexpected token \`${token}'` });
  const empty = (c: Simple) => c.argv.length === 0 && c.redirects.length === 0;
  for (const token of tokens) {
    if (typeof token === 'string' || ('op' in token && token.op === 'glob')) {
      const word = typeof token === 'string' ? token : (token as { pattern: string }).pattern;
      if (word === STDERR_MARK && typeof token === 'string') {
        fd = 2;
        continue;
      }
      if (pending?.kind === 'dup') {
        if (word !== '1' && word !== '2') return { error: `the lab's shell does not support \`>&${word}\` (only >&1 and >&2)` };
        current.redirects.push({ kind: 'dup', fd: pending.fd, to: word === '1' ? 1 : 2 });
      } else if (pending) current.redirects.push({ ...pending, target: word });
      else current.argv.push(typeof token === 'string' ? token : { glob: word });
      pending = null;
      continue;
    }
    if ('comment' in token) break;
    if (!('op' in token)) continue;
    if (pending) return unexpected(token.op);
    if (token.op === '>' || token.op === '>>') pending = { kind: 'out', fd, append: token.op === '>>' };
    else if (token.op === '>&') pending = { kind: 'dup', fd };
    else if (token.op === '<') pending = { kind: 'in' };
    else if (token.op === '|') {
      if (empty(current)) return unexpected('|');
      pipeline.push(current);
      current = { argv: [], redirects: [] };
    } else if (token.op === '&&' || token.op === '||' || token.op === ';') {
      if (empty(current)) return unexpected(token.op);
      steps.push({ pipeline: [...pipeline, current], then: token.op });
      pipeline = [];
      current = { argv: [], redirects: [] };
    } else return { error: `the lab's shell does not support \`${token.op}\`` };
    fd = 1;
  }
  if (pending) return unexpected('newline');
  if (!empty(current)) steps.push({ pipeline: [...pipeline, current], then: null });
  else if (pipeline.length) return { error: 'syntax error: unexpected end of file' };
  return steps;
}

function globToRegExp(pattern: string) {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** Expand a glob (in its last path segment) like bash: matches sorted, or the pattern itself. */
function expandGlob(ctx: ShellContext, pattern: string): string[] {
  const slash = pattern.lastIndexOf('/');
  const dir = slash >= 0 ? pattern.slice(0, slash) || '/' : '.';
  const re = globToRegExp(pattern.slice(slash + 1));
  const names = ctx.fs.readdir(normalize(ctx.cwd, dir)) ?? [];
  const hits = names.filter((n) => !n.startsWith('.') && re.test(n)).map((n) => (slash >= 0 ? `${pattern.slice(0, slash)}/${n}` : n));
  return hits.length ? hits.sort() : [pattern];
}

/** Run a script: every line is shown with its output, like a terminal session. */
export async function runScript(script: string, ctx: ShellContext): Promise<TranscriptEntry[]> {
  const transcript: TranscriptEntry[] = [];
  for (const raw of script.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const entry: TranscriptEntry = { line, output: [], code: 0 };
    transcript.push(entry);
    const steps = parseLine(line, { HOME: ctx.home, PWD: ctx.cwd, USER: 'learner' });
    if ('error' in steps) {
      entry.output.push({ stream: 'stderr', text: `bash: ${steps.error}\n` });
      entry.code = 2;
      continue;
    }
    let last = 0;
    let skip = false;
    for (const { pipeline, then } of steps) {
      if (!skip) {
        const result = await runPipeline(pipeline, ctx, entry);
        if (result.clear) transcript.splice(0, transcript.length - 1);
        last = result.code;
      }
      // `a && b`: b runs if a succeeded; `a || b`: if it failed; `;` always.
      skip = then === '&&' ? last !== 0 : then === '||' ? last === 0 : false;
    }
    entry.code = last;
  }
  return transcript;
}

/** Run `a | b | c`: each command reads the previous one's stdout; the status is the last one's. */
async function runPipeline(pipeline: Simple[], ctx: ShellContext, entry: TranscriptEntry): Promise<{ code: number; clear?: boolean }> {
  const cwd = ctx.cwd;
  let piped: string | undefined;
  let result: CommandResult = ok();
  for (const [i, command] of pipeline.entries()) {
    const last = i === pipeline.length - 1;
    result = await runSimple(command, ctx, piped, last);
    // Each command of a real pipeline runs in a subshell: `cd` there changes nothing after it.
    if (pipeline.length > 1) ctx.cwd = cwd;
    // A program's output before its error (dvc checkout's `A` lines, then its ERROR), as they are written.
    if (last && result.stdout) entry.output.push({ stream: 'stdout', text: result.stdout });
    if (result.stderr) entry.output.push({ stream: 'stderr', text: result.stderr });
    piped = result.stdout;
  }
  return { code: result.code, clear: result.clear };
}

type Sink = { to: 'stdout' | 'stderr' | 'null' } | { to: 'file'; path: string };

/**
 * One command with its redirections, which bash opens first, left to right
 * (so `> f 2>&1` sends both to f): a failing redirection skips the command.
 * The result's stdout is what goes to the terminal or the next command.
 */
async function runSimple(command: Simple, ctx: ShellContext, piped: string | undefined, last: boolean): Promise<CommandResult> {
  const argv = command.argv.flatMap((a) => (typeof a === 'string' ? [a] : expandGlob(ctx, a.glob)));
  const sinks: Record<1 | 2, Sink> = { 1: { to: 'stdout' }, 2: { to: 'stderr' } };
  let stdin = piped;
  let stdinIsFile = false;
  for (const r of command.redirects) {
    if (r.kind === 'dup') {
      sinks[r.fd] = sinks[r.to];
      continue;
    }
    const path = normalize(ctx.cwd, r.target);
    // /dev/null: reads as empty, swallows what is written.
    if (path === '/dev/null') {
      if (r.kind === 'in') {
        stdin = '';
        stdinIsFile = false;
      } else sinks[r.fd] = { to: 'null' };
      continue;
    }
    const s = ctx.fs.stat(path);
    if (r.kind === 'in') {
      if (!s) return err(`bash: ${r.target}: No such file or directory`);
      if (s.type === 'dir') return err(`bash: the lab's shell cannot read a folder with <: ${r.target}`);
      stdin = text(ctx.fs.readFile(path)!);
      stdinIsFile = true;
      continue;
    }
    if (s?.type === 'dir') return err(`bash: ${r.target}: Is a directory`);
    if (ctx.fs.stat(dirname(path))?.type !== 'dir') return err(`bash: ${r.target}: No such file or directory`);
    if (!r.append || !s) ctx.fs.writeFile(path, '');
    sinks[r.fd] = { to: 'file', path };
  }
  const [name, ...args] = argv;
  let result: CommandResult = ok();
  if (name) {
    // Own properties only: `toString` or `constructor` typed as a command is not found, as in bash.
    const program = [BUILTINS, TEXT_TOOLS, ctx.programs].find((table) => Object.hasOwn(table, name))?.[name];
    const io: Io = { stdin, stdinIsFile, stdoutIsTerminal: last && sinks[1].to === 'stdout' };
    try {
      result = program ? await program(args, ctx, io) : err(`${name}: command not found`, 127);
    } catch (e) {
      result = err(`${name}: ${(e as Error).message}`);
    }
  }
  const routed = { stdout: '', stderr: '' };
  for (const [textOut, sink] of [
    [result.stdout, sinks[1]],
    [result.stderr, sinks[2]],
  ] as const) {
    if (!textOut || sink.to === 'null') continue;
    if (sink.to === 'file') ctx.fs.writeFile(sink.path, text(ctx.fs.readFile(sink.path) ?? new Uint8Array()) + textOut);
    else routed[sink.to] += textOut;
  }
  return { ...result, ...routed };
}

/**
 * Split `-x` flags (combined like `-la`) from the other arguments; a flag the
 * lab's command lacks is named rather than ignored.
 */
function flags(name: string, args: string[], allowed: string): { set: Set<string>; rest: string[] } | CommandResult {
  const set = new Set<string>();
  const rest: string[] = [];
  let operandsOnly = false;
  for (const a of args) {
    if (operandsOnly || a === '-' || !a.startsWith('-')) rest.push(a);
    else if (a === '--') operandsOnly = true;
    else if (a.startsWith('--')) return err(`${name}: the lab's ${name} does not support ${a.split('=')[0]}`);
    else {
      for (const c of a.slice(1)) {
        if (!allowed.includes(c)) return err(`${name}: the lab's ${name} does not support -${c}`);
        set.add(c);
      }
    }
  }
  return { set, rest };
}
const failed = (x: unknown): x is CommandResult => typeof x === 'object' && x !== null && 'stderr' in x;

/** echo's -e escapes, as bash's builtin reads them; `\c` ends the output. */
function echoEscapes(s: string): { out: string; stop: boolean } {
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1]!;
    if (n === 'c') return { out, stop: true };
    if (simple[n] !== undefined) {
      out += simple[n];
      i++;
    } else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += 1 + m.length;
    } else if (n === 'x' && /^[0-9a-fA-F]/.test(s.slice(i + 2))) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += 1 + m.length;
    } else out += c;
  }
  return { out, stop: false };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function lsDate(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function removeTree(fs: LabFs, path: string) {
  if (fs.stat(path)?.type === 'dir') {
    for (const name of fs.readdir(path) ?? []) removeTree(fs, `${path}/${name}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

function copyTree(fs: LabFs, from: string, to: string) {
  if (fs.stat(from)?.type === 'dir') {
    mkdirp(fs, to);
    for (const name of fs.readdir(from) ?? []) copyTree(fs, `${from}/${name}`, `${to}/${name}`);
  } else fs.writeFile(to, fs.readFile(from)!);
}

export const BUILTINS: Record<string, Program> = {
  pwd: (_args, ctx) => ok(`${ctx.cwd}\n`),

  cd: (args, ctx) => {
    if (args.length > 1) return err('bash: cd: too many arguments');
    if (args[0] === '-') return err("bash: cd: the lab's shell does not support `cd -`");
    const target = args[0] === undefined || args[0] === '~' ? ctx.home : normalize(ctx.cwd, args[0]);
    const s = ctx.fs.stat(target);
    if (!s) return err(`bash: cd: ${args[0]}: No such file or directory`);
    if (s.type !== 'dir') return err(`bash: cd: ${args[0]}: Not a directory`);
    ctx.cwd = target;
    return ok();
  },

  ls: (args, ctx, io) => {
    const parsed = flags('ls', args, 'al1');
    if (failed(parsed)) return parsed;
    const { set, rest } = parsed;
    // ls writes one name per line when its output is not a terminal (`ls | wc -l`).
    const oneColumn = set.has('1') || io?.stdoutIsTerminal === false;
    const targets = rest.length ? rest : ['.'];
    let stdout = '';
    let stderr = '';
    let code = 0;
    targets.forEach((t, i) => {
      const path = normalize(ctx.cwd, t);
      const s = ctx.fs.stat(path);
      if (!s) {
        stderr += `ls: cannot access '${t}': No such file or directory\n`;
        code = 2;
        return;
      }
      let names = s.type === 'dir' ? (ctx.fs.readdir(path) ?? []) : [t];
      if (s.type === 'dir') names = set.has('a') ? ['.', '..', ...names] : names.filter((n) => !n.startsWith('.'));
      if (targets.length > 1 && s.type === 'dir') stdout += `${i > 0 ? '\n' : ''}${t}:\n`;
      if (set.has('l')) {
        const rows = names.map((n) => {
          const p = s.type === 'dir' ? normalize(path, n) : path;
          const st = ctx.fs.stat(p) ?? { type: 'dir' as const, size: 4096, mtimeMs: ctx.now() };
          const size = st.type === 'dir' ? 4096 : st.size;
          return { line: `${st.type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--'} 1 learner learner ${String(size)} ${lsDate(st.mtimeMs || ctx.now())} ${n}`, size };
        });
        if (s.type === 'dir') stdout += `total ${rows.reduce((sum, r) => sum + Math.ceil(r.size / 1024) * 4, 0)}\n`;
        const width = Math.max(0, ...rows.map((r) => String(r.size).length));
        stdout += rows.map((r) => `${r.line.replace(/ (\d+) (\w{3} )/, (_m, size: string, rest: string) => ` ${size.padStart(width)} ${rest}`)}\n`).join('');
      } else if (names.length) stdout += oneColumn ? names.map((n) => `${n}\n`).join('') : `${names.join('  ')}\n`;
    });
    return { stdout, stderr, code };
  },

  echo: (args) => {
    // bash's echo: leading words made only of n, e and E are options; anything else is text.
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
      for (const c of args[i]!.slice(1)) {
        if (c === 'n') newline = false;
        else escapes = c === 'e';
      }
    }
    const words = args.slice(i).join(' ');
    if (!escapes) return ok(`${words}${newline ? '\n' : ''}`);
    const { out, stop } = echoEscapes(words);
    return ok(`${out}${newline && !stop ? '\n' : ''}`);
  },

  mkdir: (args, ctx) => {
    const parsed = flags('mkdir', args, 'p');
    if (failed(parsed)) return parsed;
    const { set, rest } = parsed;
    for (const d of rest) {
      const path = normalize(ctx.cwd, d);
      if (set.has('p')) {
        if (ctx.fs.stat(path)?.type === 'file') return err(`mkdir: cannot create directory '${d}': File exists`);
        mkdirp(ctx.fs, path);
        continue;
      }
      if (ctx.fs.stat(path)) return err(`mkdir: cannot create directory '${d}': File exists`);
      if (ctx.fs.stat(dirname(path))?.type !== 'dir') return err(`mkdir: cannot create directory '${d}': No such file or directory`);
      ctx.fs.mkdir(path);
    }
    return ok();
  },

  rm: (args, ctx) => {
    const parsed = flags('rm', args, 'rfR');
    if (failed(parsed)) return parsed;
    const { set, rest } = parsed;
    for (const f of rest) {
      const path = normalize(ctx.cwd, f);
      const s = ctx.fs.stat(path);
      if (!s) {
        if (set.has('f')) continue;
        return err(`rm: cannot remove '${f}': No such file or directory`);
      }
      if (s.type === 'dir' && !set.has('r') && !set.has('R')) return err(`rm: cannot remove '${f}': Is a directory`);
      removeTree(ctx.fs, path);
    }
    return ok();
  },

  cp: (args, ctx) => {
    const parsed = flags('cp', args, 'rR');
    if (failed(parsed)) return parsed;
    const { set, rest } = parsed;
    if (rest.length < 2) return err(`cp: missing destination file operand after '${rest[0] ?? ''}'`);
    const dest = rest.at(-1)!;
    const destPath = normalize(ctx.cwd, dest);
    for (const src of rest.slice(0, -1)) {
      const from = normalize(ctx.cwd, src);
      const s = ctx.fs.stat(from);
      if (!s) return err(`cp: cannot stat '${src}': No such file or directory`);
      if (s.type === 'dir' && !set.has('r') && !set.has('R')) return err(`cp: -r not specified; omitting directory '${src}'`);
      const to = ctx.fs.stat(destPath)?.type === 'dir' ? `${destPath}/${basename(from)}` : destPath;
      copyTree(ctx.fs, from, to);
    }
    return ok();
  },

  mv: (all, ctx) => {
    const parsed = flags('mv', all, '');
    if (failed(parsed)) return parsed;
    const args = parsed.rest;
    if (args.length < 2) return err(`mv: missing destination file operand after '${args[0] ?? ''}'`);
    const dest = normalize(ctx.cwd, args.at(-1)!);
    for (const src of args.slice(0, -1)) {
      const from = normalize(ctx.cwd, src);
      if (!ctx.fs.stat(from)) return err(`mv: cannot stat '${src}': No such file or directory`);
      const to = ctx.fs.stat(dest)?.type === 'dir' ? `${dest}/${basename(from)}` : dest;
      copyTree(ctx.fs, from, to);
      removeTree(ctx.fs, from);
    }
    return ok();
  },

  touch: (args, ctx) => {
    const parsed = flags('touch', args, '');
    if (failed(parsed)) return parsed;
    for (const f of parsed.rest) {
      const path = normalize(ctx.cwd, f);
      if (ctx.fs.stat(dirname(path))?.type !== 'dir') return err(`touch: cannot touch '${f}': No such file or directory`);
      ctx.fs.writeFile(path, ctx.fs.readFile(path) ?? new Uint8Array());
    }
    return ok();
  },

  md5sum: (args, ctx, io) => {
    const parsed = flags('md5sum', args, '');
    if (failed(parsed)) return parsed;
    let stdout = '';
    for (const f of parsed.rest.length ? parsed.rest : ['-']) {
      if (f === '-') {
        if (io?.stdin === undefined) return err("md5sum: the lab's shell has no keyboard input: name a file, or pipe text into md5sum");
        stdout += `${md5(new TextEncoder().encode(io.stdin))}  -\n`;
        continue;
      }
      const path = normalize(ctx.cwd, f);
      const s = ctx.fs.stat(path);
      if (!s) return { stdout, stderr: `md5sum: ${f}: No such file or directory\n`, code: 1 };
      if (s.type === 'dir') return { stdout, stderr: `md5sum: ${f}: Is a directory\n`, code: 1 };
      stdout += `${md5(ctx.fs.readFile(path)!)}  ${f}\n`;
    }
    return ok(stdout);
  },

  clear: () => ({ stdout: '', stderr: '', code: 0, clear: true }),

  help: (_args, ctx) =>
    ok(
      `The lab's shell runs these commands:\n  ${[...Object.keys(BUILTINS), ...Object.keys(TEXT_TOOLS), ...Object.keys(ctx.programs)].sort().join('  ')}\n` +
        'Pipe output into the next command with |, join commands with &&, || or ;\n' +
        'Redirect with > and >> (stdout), 2> and 2>&1 (errors), < (input)  —  ~ is your home folder  —  # starts a comment.\n',
    ),
};
