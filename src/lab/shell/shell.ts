// The lab's shell: runs a script line by line as if typed into a terminal.
// Lines are tokenised by shell-quote (quotes, operators, comments); this
// module adds what a shell does with the tokens: `&&`, `||`, `;`, `>` and
// `>>`, globbing, and the commands. git and dvc are their own modules.
import { parse, type ParseEntry } from 'shell-quote';
import { basename, dirname, mkdirp, normalize, type LabFs } from './fs';
import { md5 } from './md5';

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

export type Program = (args: string[], ctx: ShellContext) => Promise<CommandResult> | CommandResult;

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

interface Simple {
  argv: (string | { glob: string })[];
  redirects: { append: boolean; target: string }[];
}
interface Step {
  command: Simple;
  /** How this command joins the next: `&&`, `||` or `;`. */
  then: '&&' | '||' | ';' | null;
}

/** Tokenise one line with shell-quote and group it into commands joined by operators. */
export function parseLine(line: string, env: Record<string, string>): Step[] | { error: string } {
  let tokens: ParseEntry[];
  try {
    tokens = parse(line, (key) => env[key] ?? '');
  } catch (e) {
    return { error: `syntax error: ${(e as Error).message}` };
  }
  const steps: Step[] = [];
  let current: Simple = { argv: [], redirects: [] };
  let pendingRedirect: boolean | null = null; // append?
  const close = (then: Step['then']) => {
    if (current.argv.length === 0) return false;
    steps.push({ command: current, then });
    current = { argv: [], redirects: [] };
    return true;
  };
  for (const token of tokens) {
    if (typeof token === 'string') {
      if (pendingRedirect !== null) {
        current.redirects.push({ append: pendingRedirect, target: token });
        pendingRedirect = null;
      } else current.argv.push(token);
      continue;
    }
    if ('comment' in token) break;
    if ('op' in token) {
      if (token.op === 'glob') {
        current.argv.push({ glob: (token as { pattern: string }).pattern });
        continue;
      }
      if (token.op === '>' || token.op === '>>') {
        pendingRedirect = token.op === '>>';
        continue;
      }
      if (token.op === '&&' || token.op === '||' || token.op === ';') {
        if (!close(token.op)) return { error: `syntax error near unexpected token \`${token.op}'` };
        continue;
      }
      return { error: `the lab's shell does not support \`${token.op}\`` };
    }
  }
  if (pendingRedirect !== null) return { error: "syntax error near unexpected token `newline'" };
  close(null);
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
    for (const { command, then } of steps) {
      if (!skip) {
        const result = await runSimple(command, ctx);
        if (result.clear) transcript.splice(0, transcript.length - 1);
        if (result.stdout) entry.output.push({ stream: 'stdout', text: result.stdout });
        if (result.stderr) entry.output.push({ stream: 'stderr', text: result.stderr });
        last = result.code;
      }
      // `a && b`: b runs if a succeeded; `a || b`: if it failed; `;` always.
      skip = then === '&&' ? last !== 0 : then === '||' ? last === 0 : false;
    }
    entry.code = last;
  }
  return transcript;
}

async function runSimple(command: Simple, ctx: ShellContext): Promise<CommandResult> {
  const argv = command.argv.flatMap((a) => (typeof a === 'string' ? [a] : expandGlob(ctx, a.glob)));
  const [name, ...args] = argv;
  if (!name) return ok();
  const program = BUILTINS[name] ?? ctx.programs[name];
  let result: CommandResult;
  try {
    result = program ? await program(args, ctx) : err(`${name}: command not found`, 127);
  } catch (e) {
    result = err(`${name}: ${(e as Error).message}`);
  }
  for (const redirect of command.redirects) {
    const path = normalize(ctx.cwd, redirect.target);
    if (ctx.fs.stat(path)?.type === 'dir') return { ...result, stdout: '', stderr: `${result.stderr}bash: ${redirect.target}: Is a directory\n`, code: 1 };
    if (ctx.fs.stat(dirname(path))?.type !== 'dir') return { ...result, stdout: '', stderr: `${result.stderr}bash: ${redirect.target}: No such file or directory\n`, code: 1 };
    const before = redirect.append ? text(ctx.fs.readFile(path) ?? new Uint8Array()) : '';
    ctx.fs.writeFile(path, before + result.stdout);
    result = { ...result, stdout: '' };
  }
  return result;
}

/** Split leading `-x` flags (combined like `-la`) from the other arguments. */
function flags(args: string[]): { set: Set<string>; rest: string[] } {
  const set = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) set.add(c);
    else rest.push(a);
  }
  return { set, rest };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function lsDate(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function readText(ctx: ShellContext, name: string, file: string): CommandResult | string {
  const path = normalize(ctx.cwd, file);
  const s = ctx.fs.stat(path);
  if (!s) return err(`${name}: ${file}: No such file or directory`);
  if (s.type === 'dir') return err(`${name}: ${file}: Is a directory`);
  return text(ctx.fs.readFile(path)!);
}

function headTail(name: 'head' | 'tail'): Program {
  return (args, ctx) => {
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n') n = Number(args[++i]);
      else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
      else files.push(a);
    }
    if (!Number.isFinite(n)) return err(`${name}: invalid number of lines`);
    let out = '';
    for (const f of files) {
      const content = readText(ctx, name, f);
      if (typeof content !== 'string') return { ...content, stdout: out };
      const lines = content.split('\n');
      if (lines.at(-1) === '') lines.pop();
      const picked = name === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
      if (files.length > 1) out += `==> ${f} <==\n`;
      out += picked.map((l) => `${l}\n`).join('');
    }
    return ok(out);
  };
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
    const target = args[0] === undefined || args[0] === '~' ? ctx.home : normalize(ctx.cwd, args[0]);
    const s = ctx.fs.stat(target);
    if (!s) return err(`bash: cd: ${args[0]}: No such file or directory`);
    if (s.type !== 'dir') return err(`bash: cd: ${args[0]}: Not a directory`);
    ctx.cwd = target;
    return ok();
  },

  ls: (args, ctx) => {
    const { set, rest } = flags(args);
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
      } else if (names.length) stdout += `${names.join('  ')}\n`;
    });
    return { stdout, stderr, code };
  },

  cat: (args, ctx) => {
    let stdout = '';
    for (const f of args) {
      const content = readText(ctx, 'cat', f);
      if (typeof content !== 'string') return { ...content, stdout };
      stdout += content;
    }
    return ok(stdout);
  },

  head: headTail('head'),
  tail: headTail('tail'),

  echo: (args) => (args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`)),

  mkdir: (args, ctx) => {
    const { set, rest } = flags(args);
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
    const { set, rest } = flags(args);
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
    const { set, rest } = flags(args);
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

  mv: (args, ctx) => {
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
    for (const f of args) {
      const path = normalize(ctx.cwd, f);
      if (ctx.fs.stat(dirname(path))?.type !== 'dir') return err(`touch: cannot touch '${f}': No such file or directory`);
      ctx.fs.writeFile(path, ctx.fs.readFile(path) ?? new Uint8Array());
    }
    return ok();
  },

  md5sum: (args, ctx) => {
    let stdout = '';
    for (const f of args) {
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
      `The lab's shell runs these commands:\n  ${[...Object.keys(BUILTINS), ...Object.keys(ctx.programs)].sort().join('  ')}\n` +
        'Join commands with &&, || or ;  —  write output to a file with > or >>  —  # starts a comment.\n',
    ),
};
