// `test` and `[` as bash evaluates them (bash's test.c: posixtest by the number of
// arguments, then the expression grammar), with its messages and statuses: 0 true,
// 1 false, 2 for a syntax error. just-bash's own builtin gets the truth right but
// not the errors (`[ $x -gt 3 ]` with x empty returned 1, silently), so the lab's
// shell runs this one instead (bash.ts renames the commands in the script).
import type { CommandResult } from './shell';

/** What `test` asks of the shell: a path's kind, size and age (relative to the shell's folder), and whether a variable is set. */
export interface TestWorld {
  stat(path: string): { type: 'file' | 'dir'; size: number; mtimeMs: number } | null;
  /** The same file (`-ef`): both exist and are one path. */
  same(a: string, b: string): boolean;
  isSet(variable: string): boolean;
}

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-o', '-p', '-r', '-s', '-t', '-u', '-v', '-w', '-x', '-z', '-G', '-L', '-N', '-O', '-R', '-S']);

class SyntaxError_ extends Error {}

/** bash's legal_number: blanks around an optional sign and digits. */
function integer(word: string): number {
  const m = /^[ \t\n]*([-+]?\d+)[ \t\n]*$/.exec(word);
  if (!m) throw new SyntaxError_(`${word}: integer expression expected`);
  return Number(m[1]);
}

/** `name argv…` (name `[` or `test`): its status and bash's message on a syntax error. */
export function runTest(name: '[' | 'test', argv: string[], world: TestWorld): CommandResult {
  {
    const fail = (message: string): CommandResult => ({ stdout: '', stderr: `bash: ${name}: ${message}\n`, code: 2 });
    let args = argv;
    if (name === '[') {
      if (args.at(-1) !== ']') return fail("missing `]'");
      args = args.slice(0, -1);
    }
    const stat = (word: string) => world.stat(word);
    const unary = (op: string, word: string): boolean => {
      const s = stat(word);
      switch (op) {
        case '-z':
          return word === '';
        case '-n':
          return word !== '';
        case '-a':
        case '-e':
          return s !== null;
        case '-f':
          return s?.type === 'file';
        case '-d':
          return s?.type === 'dir';
        case '-s':
          return s !== null && (s.type === 'dir' || s.size > 0);
        case '-r':
        case '-w':
          return s !== null; // the learner owns every file of the project
        case '-x':
          return s?.type === 'dir'; // folders can be entered; the lab's files carry no execute bit
        case '-O':
        case '-G':
          return s !== null;
        case '-v':
          return world.isSet(word);
        default:
          // -b -c -g -h -k -L -N -o -p -R -S -t -u: devices, links, set-id bits, terminals and options the lab's files do not have.
          return false;
      }
    };
    const binary = (left: string, op: string, right: string): boolean => {
      switch (op) {
        case '=':
        case '==':
          return left === right;
        case '!=':
          return left !== right;
        case '<':
          return left < right;
        case '>':
          return left > right;
        case '-nt':
        case '-ot': {
          const [a, b] = [stat(left), stat(right)];
          if (op === '-nt') return a !== null && (b === null || a.mtimeMs > b.mtimeMs);
          return b !== null && (a === null || a.mtimeMs < b.mtimeMs);
        }
        case '-ef':
          return world.same(left, right);
        default: {
          const [a, b] = [integer(left), integer(right)];
          return { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[op]!;
        }
      }
    };

    // The expression grammar (test.c expr/or/and/term), for four arguments or more.
    let pos = 0;
    const argc = args.length;
    const term = (): boolean => {
      if (pos >= argc) throw new SyntaxError_(`${args[pos - 1]}: argument expected`);
      const word = args[pos]!;
      if (word === '!') {
        pos++;
        return !term();
      }
      if (word === '(') {
        pos++;
        const value = or();
        // test.c reads argv[pos] past the end: for `[` that is its closing `]`.
        const found = pos < argc ? args[pos] : name === '[' ? ']' : undefined;
        if (args[pos] !== ')') throw new SyntaxError_(found !== undefined ? `\`)' expected, found ${found}` : "`)' expected");
        pos++;
        return value;
      }
      if (pos + 3 <= argc && BINARY.has(args[pos + 1]!)) {
        pos += 3;
        return binary(word, args[pos - 2]!, args[pos - 1]!);
      }
      if (UNARY.has(word) && pos + 1 < argc) {
        pos += 2;
        return unary(word, args[pos - 1]!);
      }
      if (UNARY.has(word)) throw new SyntaxError_(`${word}: unary operator expected`);
      pos++;
      return word !== '';
    };
    const and = (): boolean => {
      let value = term();
      while (args[pos] === '-a') {
        pos++;
        const right = term();
        value = value && right;
      }
      return value;
    };
    const or = (): boolean => {
      let value = and();
      while (args[pos] === '-o') {
        pos++;
        const right = and();
        value = value || right;
      }
      return value;
    };

    // posixtest: one to four arguments by the POSIX rules.
    const one = (w: string) => w !== '';
    const two = (a: string, b: string): boolean => {
      if (a === '!') return !one(b);
      if (UNARY.has(a)) return unary(a, b);
      throw new SyntaxError_(`${a}: unary operator expected`);
    };
    const three = (a: string, b: string, c: string): boolean => {
      if (BINARY.has(b)) return binary(a, b, c);
      if (b === '-a') return one(a) && one(c);
      if (b === '-o') return one(a) || one(c);
      if (a === '!') return !two(b, c);
      if (a === '(' && c === ')') return one(b);
      throw new SyntaxError_(`${b}: binary operator expected`);
    };
    try {
      let value: boolean;
      if (argc === 0) value = false;
      else if (argc === 1) value = one(args[0]!);
      else if (argc === 2) value = two(args[0]!, args[1]!);
      else if (argc === 3) value = three(args[0]!, args[1]!, args[2]!);
      else if (argc === 4 && args[0] === '!') value = !three(args[1]!, args[2]!, args[3]!);
      else if (argc === 4 && args[0] === '(' && args[3] === ')') value = two(args[1]!, args[2]!);
      else {
        value = or();
        if (pos < argc) throw new SyntaxError_(args[pos]!.startsWith('-') && args[pos] !== '-' ? `syntax error: \`${args[pos]}' unexpected` : 'too many arguments');
      }
      return { stdout: '', stderr: '', code: value ? 0 : 1 };
    } catch (e) {
      if (e instanceof SyntaxError_) return fail(e.message);
      throw e;
    }
  }
}
