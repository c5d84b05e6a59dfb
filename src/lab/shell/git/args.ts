// Options of one git command, parsed the way git's parse-options does
// (`-am msg`, `-n5`, `--max-count=5`, `--`), with every option the lab does
// not implement refused by name rather than ignored.
import { err, type CommandResult } from '../shell';

export interface OptionSpec {
  /** Option spellings → key, for options without a value. */
  flags?: Record<string, string>;
  /** Option spellings → key, for options taking a value (`-m msg`, `-mmsg`, `--message=msg`). */
  values?: Record<string, string>;
  /** Short options whose value is optional and must be attached (`-uall`); alone they get `bare`. */
  optional?: Record<string, { key: string; bare: string }>;
  /** `-<number>` (log's `-3`) sets this key. */
  number?: string;
}

export interface Parsed {
  flags: Set<string>;
  values: Map<string, string[]>;
  args: string[];
  /** Arguments after `--`, or null when there was no `--`. */
  afterDashDash: string[] | null;
}

export const unsupported = (command: string, option: string): CommandResult => err(`the lab's git ${command} does not support \`${option}\``);

export function parseOptions(command: string, argv: string[], spec: OptionSpec): Parsed | CommandResult {
  const out: Parsed = { flags: new Set(), values: new Map(), args: [], afterDashDash: null };
  const flags = spec.flags ?? {};
  const values = spec.values ?? {};
  const put = (key: string, value: string) => out.values.set(key, [...(out.values.get(key) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.afterDashDash = argv.slice(i + 1);
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.args.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (values[name] !== undefined) {
        if (eq >= 0) put(values[name], a.slice(eq + 1));
        else if (i + 1 < argv.length) put(values[name], argv[++i]!);
        else return err(`error: option \`${name.slice(2)}' requires a value`, 129);
      } else if (flags[name] !== undefined && eq < 0) out.flags.add(flags[name]);
      else return unsupported(command, name);
      continue;
    }
    if (spec.number && /^-\d+$/.test(a)) {
      put(spec.number, a.slice(1));
      continue;
    }
    // A cluster of short options: `-am`, `-SW`, `-n5`, `-uall`.
    for (let j = 1; j < a.length; j++) {
      const name = `-${a[j]}`;
      const rest = a.slice(j + 1);
      if (values[name] !== undefined) {
        if (rest) put(values[name], rest);
        else if (i + 1 < argv.length) put(values[name], argv[++i]!);
        else return err(`error: switch \`${a[j]}' requires a value`, 129);
        break;
      }
      const optional = spec.optional?.[name];
      if (optional) {
        put(optional.key, rest || optional.bare);
        break;
      }
      if (flags[name] !== undefined) out.flags.add(flags[name]);
      else return unsupported(command, j === 1 && a.length === 2 ? a : name);
    }
  }
  return out;
}

export const isResult = (x: Parsed | CommandResult): x is CommandResult => 'code' in x;
