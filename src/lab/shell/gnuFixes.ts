// Where just-bash's own tools read arguments or word errors unlike GNU's, the lab
// fixes them on the way in or out (bash.ts wraps each command named here around
// just-bash's own): paste's run-together short options (-sd+), mkdir -p over a
// file, xargs -I and xargs of blank input, dirname and basename of `/`, od -c's
// columns, seq -f said by name. Each is compared with GNU's output byte for byte by
// tests/lab/shell/bash-differential.test.ts.
import type { defineCommand } from 'just-bash';

type Context = Parameters<Parameters<typeof defineCommand>[1]>[1];
interface Result {
  stdout: string;
  stderr: string;
  exitCode: number;
}
type Fix = (args: string[], c: Context, stdin: () => string) => Promise<Result>;

/** `-sd+` as `-s -d +`: GNU's getopt reads short options run together; `valued` are the ones that take a value. */
function splitShortOptions(args: string[], valued: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (!a.startsWith('-') || a.startsWith('--') || a.length <= 2) {
      out.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      if (valued.includes(letter)) {
        out.push(`-${letter}`);
        if (j + 1 < a.length) out.push(a.slice(j + 1));
        break;
      }
      out.push(`-${letter}`);
    }
  }
  return out;
}

/** A word as the shell reads it back: single-quoted unless it is plainly safe. */
const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** paste: options run together, and stdin when no file is named (just-bash's wants `-` for it). */
const paste: Fix = (args, c) => {
  const split = splitShortOptions(args, 'd');
  const operands = split.filter((a, i) => (a === '-' || !a.startsWith('-')) && split[i - 1] !== '-d');
  return c.origCommand!(operands.length ? split : [...split, '-']);
};

/** `mkdir -p a/b` where `a` is a file: GNU names the file in the way, "Not a directory". */
const mkdir: Fix = async (args, c) => {
  const r = await c.origCommand!(args);
  if (r.exitCode === 0 || !splitShortOptions(args, 'm').includes('-p')) return r;
  const lines: string[] = [];
  for (const operand of args.filter((a) => !a.startsWith('-'))) {
    const parts = operand.split('/').filter(Boolean);
    for (let k = 1; k < parts.length; k++) {
      const prefix = (operand.startsWith('/') ? '/' : '') + parts.slice(0, k).join('/');
      const path = prefix.startsWith('/') ? prefix : `${c.cwd.replace(/\/$/, '')}/${prefix}`;
      const stat = await c.fs.stat(path).catch(() => null);
      if (stat && !stat.isDirectory) {
        lines.push(`mkdir: cannot create directory ‘${prefix}’: Not a directory\n`);
        break;
      }
    }
  }
  return lines.length ? { ...r, stderr: lines.join('') } : r;
};

/**
 * `xargs -I R command…`: the command once per input line, R replaced by the line (leading blanks
 * dropped, as GNU's -I does). Status as GNU's: 123 when an invocation exits 1–125, 127 when the
 * command is not found. Other options with -I go to just-bash's xargs as they are.
 */
const xargs: Fix = async (args, c, stdin) => {
  const at = args.findIndex((a) => a.startsWith('-I'));
  if (at !== 0) {
    // GNU's xargs runs the command once even when its input is blank (unless -r).
    const split = splitShortOptions(args, 'dEIinLPs');
    const start = split.findIndex((a, i) => !a.startsWith('-') && !/^-[dEIinLPs]$/.test(split[i - 1] ?? ''));
    const options = start === -1 ? split : split.slice(0, start);
    if (options.includes('-r') || options.includes('--no-run-if-empty') || stdin().replace(/[\s\0]/g, '') !== '') return c.origCommand!(args);
    const words = start === -1 ? ['echo'] : split.slice(start);
    return c.exec!(words.map(quote).join(' '), { cwd: c.cwd, stdin: '' });
  }
  const replace = args[0] === '-I' ? args[1] : args[0]!.slice(2);
  const command = args.slice(args[0] === '-I' ? 2 : 1);
  if (replace === undefined || replace === '') return { stdout: '', stderr: "xargs: option requires an argument -- 'I'\n", exitCode: 1 };
  const words = command.length ? command : ['echo'];
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const raw of stdin().split('\n')) {
    const line = raw.replace(/^[ \t]+/, '');
    if (!line) continue;
    const run = await c.exec!(words.map((w) => quote(w.split(replace).join(line))).join(' '), { cwd: c.cwd, stdin: '' });
    stdout += run.stdout;
    stderr += run.stderr;
    if (run.exitCode === 127 || run.exitCode === 126) return { stdout, stderr, exitCode: run.exitCode };
    if (run.exitCode !== 0) exitCode = 123;
  }
  return { stdout, stderr, exitCode };
};

/** GNU's dirname: the name without its last part and trailing slashes; `.` when there is no slash, `/` for the root. */
export function dirnameOf(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (!trimmed) return name ? '/' : '.';
  const cut = trimmed.lastIndexOf('/');
  if (cut === -1) return '.';
  return trimmed.slice(0, cut).replace(/\/+$/, '') || '/';
}

/** GNU's basename: the last part (`/` for the root), without SUFFIX unless that is all of it. */
export function basenameOf(name: string, suffix = ''): string {
  const trimmed = name.replace(/\/+$/, '');
  if (!trimmed) return name ? '/' : '';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

const usageError = (tool: string, message: string): Result => ({ stdout: '', stderr: `${tool}: ${message}\nTry '${tool} --help' for more information.\n`, exitCode: 1 });

/** dirname NAME…, -z; just-bash's prints `.` for `/`. */
const dirname: Fix = async (args) => {
  const split = splitShortOptions(args, '');
  const zero = split.includes('-z') || split.includes('--zero');
  const names = split.filter((a, i) => !a.startsWith('-') || a === '-' || split.slice(0, i).includes('--'));
  if (!names.length) return usageError('dirname', 'missing operand');
  return { stdout: names.map((n) => dirnameOf(n) + (zero ? '\0' : '\n')).join(''), stderr: '', exitCode: 0 };
};

/** basename NAME [SUFFIX], -a, -s SUFFIX, -z; just-bash's prints nothing for `/`. */
const basename: Fix = async (args) => {
  const split = splitShortOptions(args, 's');
  let all = false;
  let zero = false;
  let suffix: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < split.length; i++) {
    const a = split[i]!;
    if (a === '--') {
      names.push(...split.slice(i + 1));
      break;
    }
    if (a === '-a' || a === '--multiple') all = true;
    else if (a === '-z' || a === '--zero') zero = true;
    else if (a === '-s') {
      suffix = split[++i];
      all = true;
    } else if (a.startsWith('--suffix=')) {
      suffix = a.slice(9);
      all = true;
    } else names.push(a);
  }
  if (!names.length) return usageError('basename', 'missing operand');
  if (!all && names.length > 2) return usageError('basename', `extra operand ‘${names[2]}’`);
  const [list, cut] = all ? [names, suffix ?? ''] : [[names[0]!], names[1] ?? ''];
  return { stdout: list.map((n) => basenameOf(n, cut) + (zero ? '\0' : '\n')).join(''), stderr: '', exitCode: 0 };
};

/** seq -f (a printf format per number) is not just-bash's: said by name rather than taken for a number. */
const seq: Fix = async (args, c) =>
  args.some((a) => /^-[^-\d.]*f/.test(a) || a.startsWith('--format')) ? { stdout: '', stderr: "seq: the lab's seq does not support -f\n", exitCode: 1 } : c.origCommand!(args);

/** od -c: just-bash puts one space more after each line's offset than GNU's 4-wide columns. */
const od: Fix = async (args, c) => {
  const r = await c.origCommand!(args);
  return splitShortOptions(args, 'AjNtw').includes('-c') ? { ...r, stdout: r.stdout.replace(/^([0-7]{7}) /gm, '$1') } : r;
};

export const GNU_FIXES: Record<string, Fix> = { paste, mkdir, xargs, dirname, basename, seq, od };
