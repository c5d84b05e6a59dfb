// The tools learners reach for with data — cat, head, tail, wc, grep, sort,
// uniq, cut, ls, md5sum, diff — with GNU coreutils 9.1 / grep 3.8 / diffutils 3.8
// output and messages (C.UTF-8 locale: sort compares code points). bash.ts runs
// them in place of just-bash's own, whose output differs from GNU's (uniq -c's
// padding, sort's order, diff's format…). They read files or the text piped in;
// options they lack are named as missing, never ignored.
import { normalize } from './fs';
import { unifiedHunks } from './git/textdiff';
import { md5 } from './md5';
import { err, ok, text, type CommandResult, type Io, type Program, type ShellContext } from './shell';

const encoder = new TextEncoder();

/** A GNU tool's usage error status: grep, sort, diff and ls use 2, the others 1. */
const USAGE_STATUS: Record<string, number> = { grep: 2, sort: 2, diff: 2, ls: 2 };
const lacks = (tool: string, option: string) => err(`${tool}: the lab's ${tool} does not support ${option}`, USAGE_STATUS[tool] ?? 1);
const noKeyboard = (tool: string) =>
  err(`${tool}: the lab's shell has no keyboard input: name a file, or pipe text into ${tool} (e.g. cat data/raw_data.csv | ${tool})`);

/** The options GNU's tools have (coreutils 9.1, grep 3.8, diffutils 3.8 --help): one the lab lacks is said to be missing, any other gets GNU's usage error. */
const GNU_OPTIONS: Record<string, { short: string; long: string }> = {
  cat: { short: 'AbeEnstTuv', long: 'number number-nonblank show-all show-ends show-nonprinting show-tabs squeeze-blank help version' },
  wc: { short: 'clLmw', long: 'bytes chars files0-from lines max-line-length words total help version' },
  grep: {
    short: 'ABCDEFGHILNPRTUVZabcdefhilmnoqrsuvwxyz0123456789',
    long: 'after-context basic-regexp before-context binary binary-files byte-offset color colour context count dereference-recursive devices directories exclude exclude-dir exclude-from extended-regexp file files-with-matches files-without-match fixed-strings group-separator ignore-case include initial-tab invert-match label line-buffered line-number line-regexp max-count no-filename no-group-separator no-ignore-case no-messages null null-data only-matching perl-regexp quiet recursive regexp silent text with-filename word-regexp help version',
  },
  sort: {
    short: 'bcCdfghiklmMnorRsStTuVz',
    long: 'batch-size buffer-size check compress-program debug dictionary-order field-separator files0-from general-numeric-sort human-numeric-sort ignore-case ignore-leading-blanks ignore-nonprinting key merge month-sort numeric-sort output parallel random-sort random-source reverse sort stable temporary-directory unique version-sort zero-terminated help version',
  },
  uniq: { short: 'cdDfisuwz', long: 'all-repeated check-chars count group ignore-case repeated skip-chars skip-fields unique zero-terminated help version' },
  cut: { short: 'bcdfnsz', long: 'bytes characters complement delimiter fields only-delimited output-delimiter zero-terminated help version' },
  head: { short: 'cnqvz', long: 'bytes lines quiet silent verbose zero-terminated help version' },
  tail: { short: 'cfFnqsvz', long: 'bytes follow lines max-unchanged-stats pid quiet retry silent sleep-interval verbose zero-terminated help version' },
  md5sum: { short: 'bctwz', long: 'binary check ignore-missing quiet status strict tag text warn zero help version' },
  diff: {
    short: 'abBcCdDeEfFhiIlnNpPqrsStTuUvwWxXyZ0123456789',
    long: 'brief color context ed exclude exclude-from expand-tabs from-file horizon-lines ifdef ignore-all-space ignore-blank-lines ignore-case ignore-file-name-case ignore-matching-lines ignore-space-change ignore-tab-expansion ignore-trailing-space initial-tab label left-column line-format minimal new-file no-dereference no-ignore-file-name-case normal paginate palette rcs recursive report-identical-files show-c-function show-function-line side-by-side speed-large-files starting-file strip-trailing-cr suppress-blank-empty suppress-common-lines tabsize text to-file unidirectional-new-file unified width help version',
  },
  ls: {
    short: '1aAbBcCdDfFgGhHiIklLmnNopqQrRsStTuUvwxXZ',
    long: 'all almost-all author block-size classify color context dereference dereference-command-line dereference-command-line-symlink-to-dir directory dired escape file-type format full-time group-directories-first hide hide-control-chars human-readable hyperlink ignore ignore-backups indicator-style inode kibibytes literal no-group numeric-uid-gid quote-name quoting-style recursive reverse show-control-chars si size sort tabsize time time-style width zero help version',
  },
};

/** An option the lab's tool does not take: missing in the lab if GNU's has it (a long one by an unambiguous start, as getopt_long allows), else GNU's usage error. */
function unknownOption(tool: string, option: string): CommandResult {
  const gnu = GNU_OPTIONS[tool];
  const long = option.startsWith('--');
  const name = option.slice(2).split('=')[0]!;
  if (!gnu || (long ? gnu.long.split(' ').some((n) => n.startsWith(name)) : gnu.short.includes(option[1]!))) return lacks(tool, long ? `--${name}` : option);
  const why = long ? `unrecognized option '${option.split('=')[0]}'` : `invalid option -- '${option[1]}'`;
  const usage = tool === 'grep' ? 'Usage: grep [OPTION]... PATTERNS [FILE]...\n' : '';
  return err(`${tool}: ${why}\n${usage}${tool === 'diff' ? 'diff: ' : ''}Try '${tool} --help' for more information.`, USAGE_STATUS[tool] ?? 1);
}

interface Parsed {
  flags: Set<string>;
  values: Map<string, string[]>;
  operands: string[];
}

/**
 * getopt as GNU tools use it: clustered short flags (`-in`), values attached
 * or separate (`-d,` / `-d ,`), options after operands, `--` ending options;
 * `long` names the long options the lab takes, each as the flag or valued key it sets.
 */
function getopt(tool: string, args: string[], flags: string, valued: string, long: Record<string, string> = {}): Parsed | CommandResult {
  const parsed: Parsed = { flags: new Set(), values: new Map(), operands: [] };
  const setValue = (key: string, value: string) => parsed.values.set(key, [...(parsed.values.get(key) ?? []), value]);
  const missing = (what: string) => err(`${tool}: option ${what}\n${tool === 'grep' ? 'Usage: grep [OPTION]... PATTERNS [FILE]...\n' : ''}Try '${tool} --help' for more information.`, USAGE_STATUS[tool] ?? 1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      parsed.operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      parsed.operands.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const [name, ...value] = a.slice(2).split('=');
      const key = long[name!];
      if (key === undefined) return unknownOption(tool, a);
      if (valued.includes(key)) {
        const v = value.length ? value.join('=') : args[++i];
        if (v === undefined) return missing(`'--${name}' requires an argument`);
        setValue(key, v);
      } else parsed.flags.add(key);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (flags.includes(c)) parsed.flags.add(c);
      else if (valued.includes(c)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return missing(`requires an argument -- '${c}'`);
        setValue(c, value);
        break;
      } else return unknownOption(tool, `-${c}`);
    }
  }
  return parsed;
}
const failed = (x: unknown): x is CommandResult => typeof x === 'object' && x !== null && 'code' in x && 'stderr' in x;

interface Input {
  name: string;
  text?: string;
  error?: string;
  /** Piped stdin, not a regular file (wc pads to 7 then). */
  pipe?: boolean;
  /** A folder: it cannot be read, but it exists (wc still prints a row of zeros for it). */
  folder?: boolean;
}

/** The operands as inputs (`-` or none: stdin), each with its text or GNU's error. */
function inputs(tool: string, ctx: ShellContext, files: string[], io: Io | undefined, openMessage = false): Input[] | CommandResult {
  const names = files.length ? files : ['-'];
  if (names.includes('-') && io?.stdin === undefined) return noKeyboard(tool);
  return names.map((name) => {
    if (name === '-') return { name, text: io!.stdin!, pipe: !io!.stdinIsFile };
    const path = normalize(ctx.cwd, name);
    const s = ctx.fs.stat(path);
        const why = !s ? 'No such file or directory' : s.type === 'dir' ? 'Is a directory' : null;
    // head and tail open a folder, then fail to read it.
    if (why && openMessage) return { name, error: !s ? `${tool}: cannot open '${name}' for reading: ${why}` : `${tool}: error reading '${name}': ${why}` };
    if (why) return { name, error: `${tool}: ${name}: ${why}`, folder: s?.type === 'dir' };
    return { name, text: text(ctx.fs.readFile(path)!) };
  });
}

/** Lines with their terminators kept, so a last line without one stays without. */
const splitLines = (s: string) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const bytes = (s: string) => encoder.encode(s).length;
const decoder = new TextDecoder();

/** cat -v's notation of one byte: ^X for controls, ^? for DEL, M- before a byte above 127. */
function visible(byte: number, tabs: boolean): string {
  if (byte >= 128) return `M-${visible(byte - 128, true)}`;
  if (byte === 9) return tabs ? '^I' : '\t';
  if (byte === 10) return '\n';
  if (byte < 32) return `^${String.fromCharCode(byte + 64)}`;
  return byte === 127 ? '^?' : String.fromCharCode(byte);
}

/** cat: -n, -b (number non-blank lines), -s (squeeze blank lines), -E ($ at line ends), -T (^I), -v (^X, M-x); -A = -vET, -e = -vE, -t = -vT. */
function cat(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('cat', args, 'nbsETvAet', '', {
    number: 'n', 'number-nonblank': 'b', 'squeeze-blank': 's', 'show-ends': 'E', 'show-tabs': 'T', 'show-nonprinting': 'v', 'show-all': 'A',
  });
  if (failed(o)) return o;
  const f = o.flags;
  const [ends, tabs, nonprinting] = [f.has('E') || f.has('A') || f.has('e'), f.has('T') || f.has('A') || f.has('t'), f.has('v') || f.has('A') || f.has('e') || f.has('t')];
  const ins = inputs('cat', ctx, o.operands, io);
  if (failed(ins)) return ins;
  let stdout = '';
  let stderr = '';
  let n = 0;
  let blank = false;
  for (const input of ins) {
    if (input.error) {
      stderr += `${input.error}\n`;
      continue;
    }
    if (![...f].some((x) => x !== 'u')) {
      stdout += input.text!;
      continue;
    }
    for (const raw of splitLines(input.text!)) {
      const isBlank = raw === '\n';
      if (f.has('s') && isBlank && blank) continue;
      blank = isBlank;
      const newline = raw.endsWith('\n');
      let line = newline ? raw.slice(0, -1) : raw;
      if (nonprinting) line = [...encoder.encode(line)].map((b) => visible(b, tabs)).join('');
      else if (tabs) line = line.replace(/\t/g, '^I');
      const numbered = f.has('b') ? !isBlank : f.has('n');
      stdout += `${numbered ? `${String(++n).padStart(6)}\t` : ''}${line}${newline ? `${ends ? '$' : ''}\n` : ''}`;
    }
  }
  return { stdout, stderr, code: stderr ? 1 : 0 };
}

/** head and tail: -n N, -N, -c N; head -n -N (all but the last N), tail -n +N (from line N). */
function headTail(tool: 'head' | 'tail'): Program {
  return (args, ctx, io) => {
    let mode: 'lines' | 'bytes' = 'lines';
    let count = '10';
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const m = /^-([nc])(.*)$/.exec(a);
      if (m) {
        mode = m[1] === 'n' ? 'lines' : 'bytes';
        const value = m[2] || args[++i];
        if (value === undefined) return err(`${tool}: option requires an argument -- '${m[1]}'\nTry '${tool} --help' for more information.`);
        count = value;
      } else if (/^-\d+$/.test(a)) count = a.slice(1);
      else rest.push(a);
    }
    const o = getopt(tool, rest, '', '');
    if (failed(o)) return o;
    const sign = /^[+-]/.test(count) ? count[0] : '';
    const n = Number(count.replace(/^[+-]/, ''));
    // GNU: a sign means something only where it changes the count (head -N…, tail +N…).
    if (!/^[+-]?\d+$/.test(count)) return err(`${tool}: invalid number of ${mode}: ‘${count}’`);
    const ins = inputs(tool, ctx, o.operands, io, true);
    if (failed(ins)) return ins;
    let stdout = '';
    let stderr = '';
    ins.forEach((input, i) => {
      if (input.error) {
        stderr += `${input.error}\n`;
        return;
      }
      if (ins.length > 1) stdout += `${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`;
      const pick = <T>(units: T[]): T[] => {
        if (tool === 'head') return sign === '-' ? units.slice(0, Math.max(0, units.length - n)) : units.slice(0, n);
        return sign === '+' ? units.slice(Math.max(0, n - 1)) : n === 0 ? [] : units.slice(-n);
      };
      stdout += mode === 'lines' ? pick(splitLines(input.text!)).join('') : decoder.decode(new Uint8Array(pick([...encoder.encode(input.text!)])));
    });
    return { stdout, stderr, code: stderr ? 1 : 0 };
  };
}

/** wc -L: the widest line, a tab reaching the next multiple of 8 columns. */
function maxLineWidth(s: string): number {
  let widest = 0;
  for (const line of s.split(/[\n\r\f]/)) {
    let width = 0;
    for (const ch of line) width = ch === '\t' ? width + 8 - (width % 8) : width + 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

function wc(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('wc', args, 'lwmcL', '', { lines: 'l', words: 'w', chars: 'm', bytes: 'c', 'max-line-length': 'L' });
  if (failed(o)) return o;
  const ins = inputs('wc', ctx, o.operands, io);
  if (failed(ins)) return ins;
  const chosen = ['l', 'w', 'm', 'c', 'L'].filter((f) => o.flags.has(f));
  const shown = chosen.length ? chosen : ['l', 'w', 'c'];
  const count = (s: string): Record<string, number> => ({
    l: (s.match(/\n/g) ?? []).length,
    w: (s.match(/[^ \t\n\v\f\r]+/g) ?? []).length,
    m: [...s].length,
    c: bytes(s),
    L: maxLineWidth(s),
  });
  // wc.c compute_number_width: one count of one input is not padded; otherwise the width of
  // the regular files' total size, at least 7 for what is not a regular file (a pipe, a folder),
  // 1 if the first input could not be found.
  let width = 1;
  if (!(shown.length === 1 && ins.length === 1) && !(ins[0]!.error && !ins[0]!.folder)) {
    const found = ins.filter((i) => !i.error || i.folder);
    const total = found.filter((i) => i.text !== undefined && !i.pipe).reduce((sum, i) => sum + bytes(i.text!), 0);
    width = Math.max(String(total).length, found.some((i) => i.pipe || i.folder) ? 7 : 1);
  }
  const totals: Record<string, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  const row = (counts: Record<string, number>, name: string | null) => `${shown.map((f) => String(counts[f]).padStart(width)).join(' ')}${name === null ? '' : ` ${name}`}\n`;
  let stdout = '';
  let stderr = '';
  for (const input of ins) {
    if (input.error) {
      stderr += `${input.error}\n`;
      // wc reads a folder as empty after its error: a row of zeros.
      if (input.folder) stdout += row({ l: 0, w: 0, m: 0, c: 0, L: 0 }, input.name);
      continue;
    }
    const c = count(input.text!);
    // The total of -L is the longest line of all.
    for (const f of shown) totals[f] = f === 'L' ? Math.max(totals[f]!, c[f]!) : totals[f]! + c[f]!;
    stdout += row(c, o.operands.length ? input.name : null);
  }
  if (ins.length > 1) stdout += row(totals, 'total');
  return { stdout, stderr, code: stderr ? 1 : 0 };
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/** A POSIX regular expression (basic, or extended with -E) as a JavaScript one, GNU extensions included. */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let i = 0;
  let depth = 0; // open groups: an ERE `)` with none open is a literal for GNU
  // Where `*` is literal and `^` an anchor: at the start and after a group or alternative opens.
  const atStart = () => out === '' || out.endsWith('(') || out.endsWith('|');
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') {
        body += '^';
        j++;
      }
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      while (j < pattern.length && pattern[j] !== ']') {
        const cls = /^\[:(\w+):\]/.exec(pattern.slice(j));
        if (cls && Object.hasOwn(CLASSES, cls[1]!)) {
          body += CLASSES[cls[1]!];
          j += cls[0].length;
        } else {
          body += pattern[j] === '\\' || pattern[j] === '[' ? `\\${pattern[j]}` : pattern[j];
          j++;
        }
      }
      if (j >= pattern.length) throw new Error('Unmatched [, [^, [:, [., or [=');
      out += `[${body}]`;
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      i += 2;
      if (n === undefined) throw new Error('Trailing backslash');
      if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(n) || /\d/.test(n)) out += `\\${n}`;
      else if (!extended && '(){}|+?'.includes(n)) {
        if (n === '(') depth++;
        if (n === ')' && depth === 0) throw new Error('Unmatched ) or \\)');
        if (n === ')') depth--;
        out += n;
      } else out += `\\${n}`;
      continue;
    }
    i++;
    if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      out += depth > 0 ? c : '\\)';
      depth = Math.max(0, depth - 1);
    }
    else if (c === '*' && atStart()) out += '\\*';
    else if (c === '^' && !atStart() && !extended) out += '\\^';
    else if (c === '$' && !extended && i < pattern.length && !pattern.startsWith('\\)', i) && !pattern.startsWith('\\|', i)) out += '\\$';
    else if (c === '/') out += '\\/';
    else out += c;
  }
  return out;
}

/** A shell glob (`*.csv`, `data?`, `[ab]*`) as a whole-name test, as grep's --include and --exclude match names. */
function globTest(glob: string): (name: string) => boolean {
  const body = glob.replace(/[.+^${}()|\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^');
  const re = new RegExp(`^${body}$`, 's');
  return (name) => re.test(name);
}

const GREP_LONG: Record<string, string> = {
  'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G',
  'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', quiet: 'q', silent: 'q', 'files-with-matches': 'l', 'no-filename': 'h',
  'with-filename': 'H', recursive: 'r', 'dereference-recursive': 'R', 'no-messages': 's', regexp: 'e', 'max-count': 'm', 'after-context': 'A',
  'before-context': 'B', context: 'C', include: 'I', exclude: 'X', 'exclude-dir': 'D',
};

function grep(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('grep', args, 'ivcnEFGwxoqlhHrRs', 'emABCIXD', GREP_LONG);
  if (failed(o)) return o;
  const f = o.flags;
  const patterns = o.values.get('e') ?? [];
  const operands = [...o.operands];
  if (!patterns.length) {
    if (!operands.length) return err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.", 2);
    patterns.push(operands.shift()!);
  }
  const number = (key: string, what: string): number | CommandResult => {
    const v = o.values.get(key)?.at(-1);
    if (v === undefined) return key === 'm' ? Infinity : 0;
    return /^\d+$/.test(v) ? Number(v) : err(`grep: ${what.replace('%s', v)}`, 2);
  };
  const max = number('m', 'invalid max count');
  const context = number('C', '%s: invalid context length argument');
  if (failed(max)) return max;
  if (failed(context)) return context;
  const after = o.values.has('A') ? number('A', '%s: invalid context length argument') : context;
  const before = o.values.has('B') ? number('B', '%s: invalid context length argument') : context;
  if (failed(after)) return after;
  if (failed(before)) return before;
  let re: RegExp;
  try {
    const alternatives = patterns.flatMap((p) => p.split('\n')).map((p) => (f.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixToJs(p, f.has('E'))));
    let body = alternatives.map((a) => `(?:${a})`).join('|');
    if (f.has('w')) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
    if (f.has('x')) body = `^(?:${body})$`;
    // dotAll: GNU's `.` matches a carriage return too (CRLF files).
    re = new RegExp(body, f.has('i') ? 'gis' : 'gs');
  } catch (e) {
    // GNU's own words where the lab knows them; otherwise say plainly the pattern was not understood.
    const message = (e as Error).message;
    if (/Unterminated group/.test(message)) return err('grep: Unmatched ( or \\(', 2);
    if (/^Unmatched [[)]/.test(message) || /Trailing backslash/.test(message)) return err(`grep: ${message}`, 2);
    return err(`grep: the lab's grep cannot read the pattern '${patterns.join("', '")}'`, 2);
  }
  const recursive = f.has('r') || f.has('R');
  const included = (o.values.get('I') ?? []).map(globTest);
  const excluded = (o.values.get('X') ?? []).map(globTest);
  const excludedDirs = (o.values.get('D') ?? []).map(globTest);
  const wanted = (name: string) => {
    const base = name.slice(name.lastIndexOf('/') + 1);
    return (!included.length || included.some((t) => t(base))) && !excluded.some((t) => t(base));
  };
  // -r: each folder's files, in name order (GNU's follows the folder's own order), `.` when no file is named.
  const walk = (name: string, shown: string, out: string[]) => {
    const path = normalize(ctx.cwd, name);
    if (ctx.fs.stat(path)?.type !== 'dir') {
      if (wanted(shown)) out.push(shown);
      return;
    }
    for (const child of [...(ctx.fs.readdir(path) ?? [])].sort()) {
      const inner = `${name.replace(/\/+$/, '')}/${child}`;
      const innerShown = shown ? `${shown.replace(/\/+$/, '')}/${child}` : child;
      if (ctx.fs.stat(normalize(ctx.cwd, inner))?.type === 'dir' && excludedDirs.some((t) => t(child))) continue;
      walk(inner, innerShown, out);
    }
  };
  const names: string[] = [];
  if (!recursive) names.push(...operands.filter((n) => n === '-' || wanted(n)));
  else if (!operands.length) walk('.', '', names);
  else for (const name of operands) if (name === '-') names.push(name); else walk(name, name, names);
  if (!names.length && operands.length) return { stdout: '', stderr: '', code: 1 };
  const ins = inputs('grep', ctx, names, io);
  if (failed(ins)) return ins;
  const named = f.has('H') || (!f.has('h') && (ins.length > 1 || (recursive && (!operands.length || operands.some((n) => ctx.fs.stat(normalize(ctx.cwd, n))?.type === 'dir')))));
  const withContext = (before > 0 || after > 0) && !f.has('o') && !f.has('c') && !f.has('l') && !f.has('q');
  let stdout = '';
  let stderr = '';
  let troubled = false;
  let any = false;
  let printedGroup = false;
  for (const input of ins) {
    if (input.error) {
      troubled = true;
      if (!f.has('s')) stderr += `${input.error}\n`;
      continue;
    }
    const label = input.name === '-' ? '(standard input)' : input.name;
    const lines = splitLines(input.text!).map((raw) => raw.replace(/\n$/, ''));
    // GNU's grep prints no lines of a binary file (a NUL byte, or bytes that are not UTF-8: a git object), only that it matches.
    const binary = /[\0\uFFFD]/.test(input.text!) && !f.has('c') && !f.has('l') && !f.has('q');
    let selected = 0;
    let lastShown = -1;
    let afterLeft = 0;
    const show = (index: number, mark: ':' | '-') => {
      if (withContext && lastShown !== -1 && index > lastShown + 1) stdout += '--\n';
      else if (withContext && lastShown === -1 && printedGroup) stdout += '--\n';
      stdout += `${named ? `${label}${mark}` : ''}${f.has('n') ? `${index + 1}${mark}` : ''}${lines[index]}\n`;
      lastShown = index;
      printedGroup = true;
    };
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (selected >= max) {
        // After the last match -m allows, GNU still prints its trailing context, then stops reading.
        if (afterLeft-- > 0 && withContext) show(index, '-');
        else break;
        continue;
      }
      re.lastIndex = 0;
      const hit = re.test(line) !== f.has('v');
      if (!hit) {
        if (withContext && afterLeft > 0) {
          afterLeft--;
          show(index, '-');
        }
        continue;
      }
      selected++;
      if (binary) {
        stderr += `grep: ${label}: binary file matches\n`;
        break;
      }
      if (f.has('c') || f.has('q') || f.has('l')) continue;
      if (withContext) for (let k = Math.max(lastShown + 1, index - before); k < index; k++) show(k, '-');
      afterLeft = after;
      if (f.has('o') && !f.has('v')) {
        const where = `${named ? `${label}:` : ''}${f.has('n') ? `${index + 1}:` : ''}`;
        re.lastIndex = 0; // matchAll starts where test() left off
        for (const m of line.matchAll(re)) if (m[0]) stdout += `${where}${m[0]}\n`;
      } else show(index, ':');
    }
    if (selected) any = true;
    if (f.has('q')) continue;
    if (f.has('l')) stdout += selected ? `${label}\n` : '';
    else if (f.has('c')) stdout += `${named ? `${label}:` : ''}${selected}\n`;
  }
  if (f.has('q')) return { stdout: '', stderr: any ? '' : stderr, code: any ? 0 : troubled ? 2 : 1 };
  return { stdout, stderr, code: troubled ? 2 : any ? 0 : 1 };
}

interface SortKey {
  startField: number;
  endField: number | null;
  numeric: boolean;
  version: boolean;
  reverse: boolean;
}

/** GNU sort's numeric value of a key: leading blanks, a sign, digits, a decimal point; anything else is 0. */
function numericValue(s: string): number {
  const m = /^[ \t]*(-?(\d+\.?\d*|\.\d+))/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** Field offsets [start, end) of a line: split at the -t character, or at blank-to-nonblank (blanks lead a field). */
function fields(line: string, sep: string | null): [number, number][] {
  const out: [number, number][] = [];
  if (sep !== null) {
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        out.push([start, i]);
        start = i + 1;
      }
    }
    return out;
  }
  const re = /[ \t]*[^ \t]+/g;
  for (const m of line.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** gnulib's filevercmp `order`: the end first, then `~`, digits, letters, then the other characters. */
function versionOrder(s: string, i: number): number {
  if (i >= s.length) return -1;
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  return s[i] === '~' ? -2 : c + 256;
}

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** gnulib's verrevcmp: runs of non-digits by versionOrder, runs of digits by value. */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a, i)) || (j < b.length && !isDigit(b, j))) {
      const [ac, bc] = [versionOrder(a, i), versionOrder(b, j)];
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a, i) && isDigit(b, j)) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a, i)) return 1;
    if (isDigit(b, j)) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** How much of a name comes before its suffix: a run of `.x…` parts (a letter or `~`, then letters, digits, `~`) at its end. */
function versionPrefix(s: string): number {
  const m = /(?:\.[A-Za-z~][A-Za-z0-9~]*)*$/.exec(s.slice(1));
  return s.length - (m?.[0].length ?? 0);
}

/** sort -V: gnulib's filevercmp (coreutils 9.1): empty, `.`, `..`, hidden names first; suffixes only break ties. */
export function filevercmp(a: string, b: string): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  if (a[0] === '.' || b[0] === '.') {
    if (a[0] !== b[0]) return a[0] === '.' ? -1 : 1;
    for (const special of ['.', '..']) if ((a === special) !== (b === special)) return a === special ? -1 : 1;
  }
  const [ap, bp] = [versionPrefix(a), versionPrefix(b)];
  const result = verrevcmp(a.slice(0, ap), b.slice(0, bp));
  return result || (ap === a.length && bp === b.length) ? result : verrevcmp(a, b);
}

function sortTool(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('sort', args, 'nruV', 'tk', { 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'version-sort': 'V', 'field-separator': 't', key: 'k' });
  if (failed(o)) return o;
  const sepValues = o.values.get('t') ?? [];
  const sep = sepValues.at(-1) ?? null;
  if (sep !== null && sep.length !== 1) return err(`sort: multi-character tab ‘${sep}’`, 2);
  const globalNumeric = o.flags.has('n');
  const globalVersion = o.flags.has('V');
  const globalReverse = o.flags.has('r');
  const keys: SortKey[] = [];
  for (const spec of o.values.get('k') ?? []) {
    const m = /^(\d+)([a-zA-Z]*)(?:,(\d+)([a-zA-Z]*))?$/.exec(spec);
    if (!m) return /^\d+\.\d+/.test(spec) || /,\d+\./.test(spec) ? lacks('sort', 'character positions in -k (such as -k2.3)') : err(`sort: invalid number at field start: invalid count at start of ‘${spec}’`, 2);
    const letters = `${m[2]}${m[4] ?? ''}`;
    const bad = letters.replace(/[nrV]/g, '');
    if (bad) return lacks('sort', `the key option '${bad[0]}' in -k ${spec}`);
    if (Number(m[1]) === 0) return err(`sort: field number is zero: invalid field specification ‘${spec}’`, 2);
    const own = letters.length > 0;
    keys.push({
      startField: Number(m[1]),
      endField: m[3] ? Number(m[3]) : null,
      numeric: own ? letters.includes('n') : globalNumeric,
      version: own ? letters.includes('V') : globalVersion,
      reverse: own ? letters.includes('r') : globalReverse,
    });
  }
  if (!keys.length) keys.push({ startField: 1, endField: null, numeric: globalNumeric, version: globalVersion, reverse: globalReverse });
  const ins = inputs('sort', ctx, o.operands, io);
  if (failed(ins)) return ins;
  const bad = ins.find((i) => i.error);
  if (bad) return err(bad.error!.replace(/^sort: /, 'sort: cannot read: '), 2);
  const lines = ins.flatMap((i) => splitLines(i.text!).map((l) => l.replace(/\n$/, '')));
  const keyText = (line: string, k: SortKey) => {
    const fs = fields(line, sep);
    const start = fs[k.startField - 1]?.[0] ?? line.length;
    const end = k.endField === null ? line.length : (fs[k.endField - 1]?.[1] ?? line.length);
    return line.slice(start, Math.max(start, end));
  };
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const compareKeys = (a: string, b: string) => {
    for (const k of keys) {
      const ka = keyText(a, k);
      const kb = keyText(b, k);
      const c = k.numeric ? Math.sign(numericValue(ka) - numericValue(kb)) : k.version ? Math.sign(filevercmp(ka, kb)) : byCodePoint(ka, kb);
      if (c) return k.reverse ? -c : c;
    }
    return 0;
  };
  // Equal keys fall back to the whole line (reversed by -r), except under -u, which keeps the first.
  const unique = o.flags.has('u');
  const sorted = lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => compareKeys(a.line, b.line) || (unique ? a.index - b.index : (globalReverse ? -1 : 1) * byCodePoint(a.line, b.line)) || a.index - b.index)
    .map((x) => x.line);
  const out = unique ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1]!, l) !== 0) : sorted;
  return ok(out.map((l) => `${l}\n`).join(''));
}

function uniq(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('uniq', args, 'cdui', '');
  if (failed(o)) return o;
  if (o.operands.length > 1) return lacks('uniq', 'an output file operand (use > instead)');
  const ins = inputs('uniq', ctx, o.operands, io);
  if (failed(ins)) return ins;
  if (ins[0]!.error) return err(ins[0]!.error);
  const lines = splitLines(ins[0]!.text!).map((l) => l.replace(/\n$/, ''));
  const same = (a: string, b: string) => (o.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  let stdout = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && same(lines[i]!, lines[j]!)) j++;
    const n = j - i;
    const keep = o.flags.has('d') ? n > 1 : o.flags.has('u') ? n === 1 : true;
    if (keep && !(o.flags.has('d') && o.flags.has('u'))) stdout += `${o.flags.has('c') ? `${String(n).padStart(7)} ` : ''}${lines[i]}\n`;
    i = j;
  }
  return ok(stdout);
}

/** A cut list (`1,3`, `2-4`, `-3`, `5-`) as a test on 1-based positions. */
function cutList(spec: string, what: string): ((n: number) => boolean) | string {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return `cut: invalid ${what} range\nTry 'cut --help' for more information.`;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0 || hi === 0) return `cut: ${what}s are numbered from 1\nTry 'cut --help' for more information.`;
    if (hi < lo) return `cut: invalid decreasing range\nTry 'cut --help' for more information.`;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

function cut(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('cut', args, 's', 'dfcbO', { fields: 'f', characters: 'c', bytes: 'b', delimiter: 'd', 'only-delimited': 's', 'output-delimiter': 'O' });
  if (failed(o)) return o;
  const outputDelimiter = o.values.get('O')?.at(-1);
  const fieldSpec = o.values.get('f')?.at(-1);
  const charSpec = o.values.get('c')?.at(-1) ?? o.values.get('b')?.at(-1);
  const delim = o.values.get('d')?.at(-1);
  const usage = (m: string) => err(`cut: ${m}\nTry 'cut --help' for more information.`);
  if (fieldSpec === undefined && charSpec === undefined) return usage('you must specify a list of bytes, characters, or fields');
  if (fieldSpec !== undefined && charSpec !== undefined) return usage('only one list may be specified');
  if (delim !== undefined && delim.length !== 1) return usage('the delimiter must be a single character');
  if (delim !== undefined && fieldSpec === undefined) return usage('an input delimiter may be specified only when operating on fields');
  const pick = cutList(fieldSpec ?? charSpec!, fieldSpec !== undefined ? 'field' : 'byte/character position');
  if (typeof pick === 'string') return err(pick);
  const ins = inputs('cut', ctx, o.operands, io);
  if (failed(ins)) return ins;
  const sep = delim ?? '\t';
  let stdout = '';
  let stderr = '';
  for (const input of ins) {
    if (input.error) {
      stderr += `${input.error}\n`;
      continue;
    }
    for (const raw of splitLines(input.text!)) {
      const line = raw.replace(/\n$/, '');
      if (fieldSpec === undefined) {
        let picked = '';
        [...line].forEach((ch, i) => {
          // --output-delimiter goes between separate ranges of characters.
          if (pick(i + 1)) picked += (picked && outputDelimiter !== undefined && !pick(i) ? outputDelimiter : '') + ch;
        });
        stdout += `${picked}\n`;
      } else if (!line.includes(sep)) {
        if (!o.flags.has('s')) stdout += `${line}\n`;
      } else stdout += `${line.split(sep).filter((_f, i) => pick(i + 1)).join(outputDelimiter ?? sep)}\n`;
    }
  }
  return { stdout, stderr, code: stderr ? 1 : 0 };
}


// ls, GNU coreutils 9.1's: columns on the terminal, one name per line into a pipe or a file.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function lsDate(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function ls(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const parsed = getopt('ls', args, 'adl1', '', { all: 'a', directory: 'd' });
  if (failed(parsed)) return parsed;
  const { flags: set, operands: rest } = parsed;
  // ls writes one name per line when its output is not a terminal (`ls | wc -l`).
  const oneColumn = set.has('1') || io?.stdoutIsTerminal === false;
  const targets = (rest.length ? rest : ['.']).map((t) => ({ t, s: ctx.fs.stat(normalize(ctx.cwd, t)) }));
  let stderr = '';
  let code = 0;
  for (const { t, s } of targets) {
    if (s) continue;
    stderr += `ls: cannot access '${t}': No such file or directory\n`;
    code = 2;
  }
  // GNU: the files named, sorted, as one listing; then each folder, sorted, under its name when several were named.
  const asFile = (x: (typeof targets)[number]) => x.s && (x.s.type === 'file' || set.has('d'));
  const files = targets.filter(asFile).map((x) => x.t).sort();
  const dirs = targets.filter((x) => x.s && !asFile(x)).map((x) => x.t).sort();
  const render = (names: string[], where: (n: string) => string) => {
    if (set.has('l')) {
      const rows = names.map((n) => {
        const st = ctx.fs.stat(where(n)) ?? { type: 'dir' as const, size: 4096, mtimeMs: ctx.now() };
        const size = st.type === 'dir' ? 4096 : st.size;
        return { line: `${st.type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--'} 1 learner learner ${String(size)} ${lsDate(st.mtimeMs || ctx.now())} ${n}`, size };
      });
      const width = Math.max(0, ...rows.map((r) => String(r.size).length));
      return { rows: rows.map((r) => `${r.line.replace(/ (\d+) (\w{3} )/, (_m, size: string, rest: string) => ` ${size.padStart(width)} ${rest}`)}\n`).join(''), total: rows.reduce((sum, r) => sum + Math.ceil(r.size / 1024) * 4, 0) };
    }
    return { rows: names.length ? (oneColumn ? names.map((n) => `${n}\n`).join('') : `${names.join('  ')}\n`) : '', total: 0 };
  };
  const sections: string[] = [];
  if (files.length) sections.push(render(files, (n) => normalize(ctx.cwd, n)).rows);
  for (const d of dirs) {
    const path = normalize(ctx.cwd, d);
    const all = ctx.fs.readdir(path) ?? [];
    const names = set.has('a') ? ['.', '..', ...all] : all.filter((n) => !n.startsWith('.'));
    const listing = render(names, (n) => normalize(path, n));
    sections.push(`${targets.length > 1 ? `${d}:\n` : ''}${set.has('l') ? `total ${listing.total}\n` : ''}${listing.rows}`);
  }
  return { stdout: sections.join('\n'), stderr, code };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** md5sum FILE…, and -c (--check) of `HASH  NAME` lines with --quiet and --status, in GNU's words. */
function md5sum(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('md5sum', args, 'cbtQS', '', { check: 'c', binary: 'b', text: 't', quiet: 'Q', status: 'S' });
  if (failed(o)) return o;
  const hashOf = (name: string): string | { error: string } => {
    if (name === '-') return io?.stdin === undefined ? { error: "md5sum: the lab's shell has no keyboard input: name a file, or pipe text into md5sum" } : md5(encoder.encode(io.stdin));
    const s = ctx.fs.stat(normalize(ctx.cwd, name));
    if (!s) return { error: `md5sum: ${name}: No such file or directory` };
    if (s.type === 'dir') return { error: `md5sum: ${name}: Is a directory` };
    return md5(ctx.fs.readFile(normalize(ctx.cwd, name))!);
  };
  let stdout = '';
  let stderr = '';
  let code = 0;
  if (!o.flags.has('c')) {
    for (const f of o.operands.length ? o.operands : ['-']) {
      const h = hashOf(f);
      if (typeof h === 'string') stdout += `${h}  ${f}\n`;
      else [stderr, code] = [`${stderr}${h.error}\n`, 1];
    }
    return { stdout, stderr, code };
  }
  const ins = inputs('md5sum', ctx, o.operands, io);
  if (failed(ins)) return ins;
  const [quiet, status] = [o.flags.has('Q'), o.flags.has('S')];
  for (const input of ins) {
    if (input.error) {
      [stderr, code] = [`${stderr}${input.error}\n`, 1];
      continue;
    }
    let [formatted, bad, unread, mismatched] = [0, 0, 0, 0];
    for (const line of splitLines(input.text!).map((l) => l.replace(/\n$/, ''))) {
      const m = /^([0-9a-fA-F]{32}) [ *](.+)$/.exec(line);
      if (!m) {
        bad++;
        continue;
      }
      formatted++;
      const h = hashOf(m[2]!);
      if (typeof h !== 'string') {
        unread++;
        stderr += `${h.error}\n`;
        if (!status) stdout += `${m[2]}: FAILED open or read\n`;
      } else if (h !== m[1]!.toLowerCase()) {
        mismatched++;
        if (!status) stdout += `${m[2]}: FAILED\n`;
      } else if (!quiet && !status) stdout += `${m[2]}: OK\n`;
    }
    if (!formatted) {
      [stderr, code] = [`${stderr}md5sum: ${input.name === '-' ? "'standard input'" : input.name}: no properly formatted checksum lines found\n`, 1];
      continue;
    }
    if (unread || mismatched) code = 1;
    if (status) continue;
    if (bad) stderr += `md5sum: WARNING: ${plural(bad, 'line is', 'lines are')} improperly formatted\n`;
    if (unread) stderr += `md5sum: WARNING: ${plural(unread, 'listed file', 'listed files')} could not be read\n`;
    if (mismatched) stderr += `md5sum: WARNING: ${plural(mismatched, 'computed checksum', 'computed checksums')} did NOT match\n`;
  }
  return { stdout, stderr, code };
}

/** The lab's file time as GNU diff -u prints it (`2026-11-27 09:30:00.000000000 +0000`). */
function diffTime(ms: number) {
  return `${new Date(ms).toISOString().replace('T', ' ').replace(/\.(\d+)Z$/, (_m, f: string) => `.${f.padEnd(9, '0')}`)} +0000`;
}

/** Two texts in diff's normal format (`2c2`, `< old`, `---`, `> new`), or unified (-u) with the files' times. */
function diffTexts(a: Input, b: Input, unified: boolean, time: (name: string) => string): string {
  if (unified) {
    const hunks = unifiedHunks(a.text!, b.text!, 3).replace(/^(@@ [^@]* @@).*$/gm, '$1');
    return `--- ${a.name}\t${time(a.name)}\n+++ ${b.name}\t${time(b.name)}\n${hunks}`;
  }
  // The normal format from zero-context hunks: each is one run of changed lines.
  let stdout = '';
  const hunks = unifiedHunks(a.text!, b.text!, 0).split(/^(?=@@ )/m).filter(Boolean);
  for (const hunk of hunks) {
    const [head, ...body] = hunk.split(/(?<=\n)/);
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(head!)!;
    const [os, ol, ns, nl] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    const range = (s: number, l: number) => (l <= 1 ? `${s}` : `${s},${s + l - 1}`);
    const kind = ol === 0 ? 'a' : nl === 0 ? 'd' : 'c';
    stdout += `${kind === 'a' ? os : range(os, ol)}${kind}${kind === 'd' ? ns : range(ns, nl)}\n`;
    const old = body.filter((l, i) => l.startsWith('-') || (l.startsWith('\\') && body[i - 1]?.startsWith('-')));
    const added = body.filter((l, i) => l.startsWith('+') || (l.startsWith('\\') && body[i - 1]?.startsWith('+')));
    const mark = (lines: string[], sign: string) => lines.map((l) => (l.startsWith('\\') ? l : `${sign} ${l.slice(1)}`)).join('');
    stdout += mark(old, '<');
    if (old.length && added.length) stdout += '---\n';
    stdout += mark(added, '>');
  }
  return stdout;
}

/**
 * diff, GNU diffutils 3.8's: the normal format, -u (unified) and -q; two folders (with -r, their
 * folders too) name by name, `Only in …` what one lacks; a file and a folder: the folder's file of
 * that name. Exit 0 same, 1 different, 2 trouble.
 */
function diff(args: string[], ctx: ShellContext, io?: Io): CommandResult {
  const o = getopt('diff', args, 'uqr', '', { unified: 'u', brief: 'q', recursive: 'r' });
  if (failed(o)) return { ...o, code: 2 };
  if (o.operands.length !== 2) {
    const why = o.operands.length < 2 ? `missing operand after '${o.operands.at(-1) ?? 'diff'}'` : `extra operand '${o.operands[2]}'`;
    return err(`diff: ${why}\ndiff: Try 'diff --help' for more information.`, 2);
  }
  const time = (name: string) => diffTime(name === '-' ? ctx.now() : (ctx.fs.stat(normalize(ctx.cwd, name))?.mtimeMs ?? ctx.now()));
  const isDir = (name: string) => name !== '-' && ctx.fs.stat(normalize(ctx.cwd, name))?.type === 'dir';
  // GNU's header of each pair of files in folders repeats the options as they were typed.
  const options = args.filter((a) => a.startsWith('-') && a !== '-' && !o.operands.includes(a)).join(' ');
  let stdout = '';
  let stderr = '';
  let code = 0;
  const pair = (aName: string, bName: string, inFolders: boolean) => {
    const ins = inputs('diff', ctx, [aName, bName], io);
    if (failed(ins)) return void ([stderr, code] = [`${stderr}${ins.stderr}`, 2]);
    const bad = ins.find((i) => i.error);
    if (bad) return void ([stderr, code] = [`${stderr}${bad.error}\n`, 2]);
    const [a, b] = ins as [Input, Input];
    if (a.text === b.text) return;
    code = Math.max(code, 1);
    if (o.flags.has('q')) stdout += `Files ${a.name} and ${b.name} differ\n`;
    else stdout += `${inFolders ? `diff ${options ? `${options} ` : ''}${a.name} ${b.name}\n` : ''}${diffTexts(a, b, o.flags.has('u'), time)}`;
  };
  const folders = (aDir: string, bDir: string) => {
    const names = (d: string) => ctx.fs.readdir(normalize(ctx.cwd, d)) ?? [];
    const [aNames, bNames] = [names(aDir), names(bDir)];
    const join = (d: string, n: string) => `${d.replace(/\/+$/, '')}/${n}`;
    for (const name of [...new Set([...aNames, ...bNames])].sort()) {
      const [a, b] = [join(aDir, name), join(bDir, name)];
      if (!aNames.includes(name) || !bNames.includes(name)) {
        stdout += `Only in ${aNames.includes(name) ? aDir : bDir}: ${name}\n`;
        code = Math.max(code, 1);
      } else if (isDir(a) && isDir(b)) {
        if (o.flags.has('r')) folders(a, b);
        else stdout += `Common subdirectories: ${a} and ${b}\n`;
      } else if (isDir(a) !== isDir(b)) {
        const kind = (p: string) => (isDir(p) ? 'directory' : 'regular file');
        stdout += `File ${a} is a ${kind(a)} while file ${b} is a ${kind(b)}\n`;
        code = Math.max(code, 1);
      } else pair(a, b, true);
    }
  };
  const [aName, bName] = o.operands as [string, string];
  if (isDir(aName) && isDir(bName)) folders(aName, bName);
  else if (isDir(aName) !== isDir(bName) && aName !== '-' && bName !== '-') {
    const inside = (d: string, f: string) => `${d.replace(/\/+$/, '')}/${f.slice(f.lastIndexOf('/') + 1)}`;
    pair(isDir(aName) ? inside(aName, bName) : aName, isDir(bName) ? inside(bName, aName) : bName, false);
  } else pair(aName, bName, false);
  return { stdout, stderr, code };
}

export const TEXT_TOOLS: Record<string, Program> = {
  ls,
  md5sum,
  diff,
  cat,
  head: headTail('head'),
  tail: headTail('tail'),
  wc,
  grep,
  sort: sortTool,
  uniq,
  cut,
};
