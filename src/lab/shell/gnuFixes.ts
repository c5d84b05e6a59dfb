// Where just-bash's own tools read arguments or word errors unlike GNU's, the lab
// fixes them on the way in or out (bash.ts wraps each command named here around
// just-bash's own): paste's run-together short options (-sd+), mkdir -p over a
// file, sed -i's backup suffix, xargs -I and xargs of blank input, dirname and basename of `/`, od -c's
// columns, seq -f, find -size rounding up to blocks, awk -v OFS=…. Each is
// compared with GNU's output byte for byte by tests/lab/shell/bash-differential.test.ts.
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

/** `sed -i.bak` / `--in-place=.bak`: GNU keeps each file as it was under the suffix; just-bash's sed edits in place with no backup. */
const sed: Fix = async (args, c) => {
  const at = args.findIndex((a) => (a.startsWith('-i') && a.length > 2) || a.startsWith('--in-place='));
  if (at === -1) return c.origCommand!(args);
  const suffix = args[at]!.startsWith('--') ? args[at]!.slice('--in-place='.length) : args[at]!.slice(2);
  const rest = [...args.slice(0, at), '-i', ...args.slice(at + 1)];
  const operands: string[] = [];
  let scriptGiven = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-e' || a === '-f' || a === '--expression' || a === '--file') {
      scriptGiven = true;
      i++;
    } else if (a.startsWith('--expression=') || a.startsWith('--file=') || /^-[ef]./.test(a)) scriptGiven = true;
    else if (a === '-l') i++;
    else if (!a.startsWith('-') || a === '-') operands.push(a);
  }
  for (const file of scriptGiven ? operands : operands.slice(1)) {
    const path = file.startsWith('/') ? file : `${c.cwd.replace(/\/$/, '')}/${file}`;
    // (As text: a typed array from another realm, under jsdom, would not be written as bytes.)
    const text = await c.fs.readFile(path).catch(() => null);
    if (text !== null) await c.fs.writeFile(`${path}${suffix}`, text);
  }
  return c.origCommand!(rest);
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

/** C's printf of one number with a %e, %f or %g directive (FLAGS WIDTH .PRECISION), as GNU seq -f uses it. */
export function formatFloat(x: number, flags: string, width: number, precision: number | null, conversion: string): string {
  const lower = conversion.toLowerCase();
  const p = precision ?? 6;
  const exponential = (digits: number) => x.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
  let body: string;
  if (!Number.isFinite(x)) body = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
  else if (lower === 'f') body = x.toFixed(p);
  else if (lower === 'e') body = exponential(p);
  else {
    // %g: %e when the exponent is below -4 or at least the precision, else %f; trailing zeros go unless `#`.
    const significant = p === 0 ? 1 : p;
    const exponent = x === 0 ? 0 : Number(x.toExponential(significant - 1).split('e')[1]);
    body = exponent < -4 || exponent >= significant ? exponential(significant - 1) : x.toFixed(Math.max(0, significant - 1 - exponent));
    if (!flags.includes('#')) body = body.replace(/\.?0+(?=e|$)/, (m) => (body.includes('.') ? '' : m));
  }
  if (conversion !== lower) body = body.toUpperCase();
  if (!body.startsWith('-') && flags.includes('+')) body = `+${body}`;
  else if (!body.startsWith('-') && flags.includes(' ')) body = ` ${body}`;
  if (body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (flags.includes('0') && Number.isFinite(x)) {
    const sign = /^[-+ ]/.test(body) ? body[0]! : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}

/** seq -f FORMAT: just-bash's seq has no -f; each number goes through the format as GNU's does (one %e/%f/%g directive). */
const seq: Fix = async (args, c) => {
  const at = args.findIndex((a) => a.startsWith('-f') || a.startsWith('--format'));
  if (at === -1) return c.origCommand!(args);
  const option = args[at]!;
  const attached = option.startsWith('--format=') ? option.slice(9) : option.startsWith('-f') && option.length > 2 ? option.slice(2) : null;
  const format = attached ?? args[at + 1];
  if (format === undefined) return usageError('seq', "option requires an argument -- 'f'");
  const rest = [...args.slice(0, at), ...args.slice(at + (attached === null ? 2 : 1))];
  let separator = '\n';
  const numbers: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-w' || a === '--equal-width') return usageError('seq', 'format string may not be specified when printing equal width strings');
    if (a.startsWith('-s')) separator = a.length > 2 ? a.slice(2) : (rest[++i] ?? '');
    else if (a.startsWith('--separator=')) separator = a.slice(12);
    else numbers.push(a);
  }
  const directives = [...format.matchAll(/%(%|[-+ #0']*\d*(?:\.\d*)?([a-zA-Z]?))/g)].filter((m) => m[1] !== '%');
  const fail = (why: string) => ({ stdout: '', stderr: `seq: format ‘${format}’ ${why}\n`, exitCode: 1 });
  if (directives.length === 0) return fail('has no % directive');
  if (directives.length > 1) return fail('has too many % directives');
  const d = directives[0]!;
  if (!d[2]) return fail('ends in %');
  if (!'eEfFgG'.includes(d[2])) return fail(`has unknown %${d[2]} directive`);
  const spec = /^([-+ #0']*)(\d*)(?:\.(\d*))?/.exec(d[1]!)!;
  const values = numbers.map(Number);
  if (!numbers.length || numbers.length > 3 || values.some(Number.isNaN)) return c.origCommand!(numbers);
  const [first, step, last] = numbers.length === 1 ? [1, 1, values[0]!] : numbers.length === 2 ? [values[0]!, 1, values[1]!] : (values as [number, number, number]);
  if (step === 0) return usageError('seq', `invalid Zero increment value: ‘${numbers[1]}’`);
  const [before, after] = [format.slice(0, d.index).replace(/%%/g, '%'), format.slice(d.index! + d[0].length).replace(/%%/g, '%')];
  const out: string[] = [];
  // GNU steps by multiplying (first + i * step), so the numbers do not drift.
  for (let i = 0; out.length < 1_000_000; i++) {
    const x = first + i * step;
    if (step > 0 ? x > last : x < last) break;
    out.push(`${before}${formatFloat(x, spec[1]!, Number(spec[2] || 0), spec[3] === undefined ? null : Number(spec[3] || 0), d[2])}${after}`);
  }
  return { stdout: out.length ? `${out.join(separator)}\n` : '', stderr: '', exitCode: 0 };
};

/**
 * GNU find -size N (in 512-byte blocks, or k, M, G, w units) rounds a file's size up to whole
 * units before it compares; just-bash's compares bytes. Each such test becomes the byte test
 * that selects the same files (`-size -1k`: empty files only).
 */
const UNITS: Record<string, number> = { '': 512, b: 512, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };
const find: Fix = async (args, c) => {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = args[i] === '-size' ? /^([+-]?)(\d+)([bwkMG]?)$/.exec(args[i + 1] ?? '') : null;
    if (!m) {
      out.push(args[i]!);
      continue;
    }
    i++;
    const [n, unit] = [Number(m[2]), UNITS[m[3]!]!];
    if (m[1] === '-') out.push('-size', `-${Math.max(0, (n - 1) * unit + 1)}c`);
    else if (m[1] === '+') out.push('-size', `+${n * unit}c`);
    else if (n === 0) out.push('-size', '-1c');
    else out.push('(', '-size', `+${(n - 1) * unit}c`, '-size', `-${n * unit + 1}c`, ')');
  }
  return c.origCommand!(out);
};

/** awk's special variables: just-bash's awk ignores them as `-v` assignments. */
const AWK_SPECIALS = new Set(['FS', 'OFS', 'ORS', 'RS', 'SUBSEP', 'CONVFMT', 'OFMT']);

/** awk -v OFS=…: set in a BEGIN put before an inline program (a -v value reads escapes as a string literal does). */
const awk: Fix = async (args, c) => {
  if (args.some((a) => a.startsWith('-f'))) return c.origCommand!(args);
  const specials: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(a);
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('-v')) {
      const value = a === '-v' ? (args[++i] ?? '') : a.slice(2);
      const m = /^([A-Z]+)=(.*)$/s.exec(value);
      if (m && AWK_SPECIALS.has(m[1]!)) specials.push(`${m[1]} = "${m[2]!.replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
      else rest.push('-v', value);
    } else {
      rest.push(a);
      if (a === '-F') rest.push(args[++i] ?? '');
    }
  }
  if (!specials.length || i >= args.length) return c.origCommand!(args);
  return c.origCommand!([...rest, `BEGIN { ${specials.join('; ')} }\n${args[i]}`, ...args.slice(i + 1)]);
};

/** od -c: just-bash puts one space more after each line's offset than GNU's 4-wide columns. */
const od: Fix = async (args, c) => {
  const r = await c.origCommand!(args);
  return splitShortOptions(args, 'AjNtw').includes('-c') ? { ...r, stdout: r.stdout.replace(/^([0-7]{7}) /gm, '$1') } : r;
};

export const GNU_FIXES: Record<string, Fix> = { paste, mkdir, sed, xargs, dirname, basename, seq, od, find, awk };
