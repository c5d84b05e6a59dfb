// A Dockerfile read with a real parser (dockerfile-ast) and turned into what
// Docker would do with it: its build args, stages, the files each COPY/ADD
// puts where in the image, the pip installs its RUN lines make, and the
// command the container starts with ENTRYPOINT and CMD combined as Docker
// combines them — down to the address the server binds. The serving step's
// checks (checks.ts) and the lab's `docker build`/`docker run` (shell/docker.ts)
// both judge by this model, never by the Dockerfile's text.
// Docker's rules: docs.docker.com/reference/dockerfile/ (docs/tool-facts.md, "Docker").
import '../bufferGlobal';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parse as shellWords } from 'shell-quote';

/** Where a problem is, 1-based as Docker numbers Dockerfile lines. */
export interface Located {
  line: number;
}

/** A command as an image stores it: exec form (a JSON list) as written, shell form wrapped in `/bin/sh -c`. */
export interface ImageCommand extends Located {
  form: 'exec' | 'shell';
  /** The argv Docker runs. */
  argv: string[];
  /** The instruction's arguments as written (for messages). */
  text: string;
}

export interface PipInstall extends Located {
  /** `-r`/`--requirement` files, as absolute paths in the image (pip reads them from RUN's working folder). */
  requirementFiles: string[];
  /** `-r` files as written, for messages and pip's "(from -r X (line N))". */
  requirementArgs: string[];
  /** Packages named on the command line (`pip install fastapi uvicorn`). */
  packages: string[];
}

export type Step =
  | ({ kind: 'WORKDIR'; dir: string } & Located)
  | ({ kind: 'ENV'; vars: Record<string, string> } & Located)
  | ({ kind: 'ARG'; name: string; value: string | null } & Located)
  | ({ kind: 'COPY' | 'ADD'; sources: string[]; dest: string; fromStage: string | null; text: string } & Located)
  | ({ kind: 'RUN'; form: 'exec' | 'shell'; text: string; cwd: string; env: Record<string, string>; pip: PipInstall[] } & Located)
  | ({ kind: 'EXPOSE'; ports: number[] } & Located)
  | ({ kind: 'CMD' | 'ENTRYPOINT'; command: ImageCommand } & Located)
  | ({ kind: 'OTHER'; keyword: string; text: string } & Located);

export interface Stage extends Located {
  /** The image FROM names, its variables expanded. */
  image: string;
  /** `FROM … AS name`. */
  name: string | null;
  steps: Step[];
}

export interface DockerfileModel {
  /** Why Docker would refuse this Dockerfile before building anything (parse errors), in its words. */
  error: (Located & { message: string }) | null;
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string | null>;
  stages: Stage[];
  /** The Dockerfile's lines, for BuildKit's excerpt around an error. */
  lines: string[];
}

/** What the server in the container listens on, as its own defaults and options decide. */
export type Server =
  | { kind: 'uvicorn'; app: string; host: string; port: number; hostFrom: 'option' | 'env' | 'default' | 'program'; appDir: string | null }
  /** A Python program (`python app.py`, `-m`, `-c`): what it serves is known once it runs (its uvicorn.run). */
  | { kind: 'python'; argv: string[] }
  | { kind: 'unknown'; program: string }
  | { kind: 'none' };

/** The image a Dockerfile's last stage makes: what `docker run` starts and where. */
export interface ImageConfig {
  base: string;
  workdir: string;
  env: Record<string, string>;
  exposed: number[];
  entrypoint: ImageCommand | null;
  cmd: ImageCommand | null;
  /** What the container runs: ENTRYPOINT and CMD combined (null: the base image's own command). */
  command: string[];
  /** Files in the image that came from the build context: image path → context path (relative). */
  files: Map<string, string>;
  server: Server;
}

/** The build context as Docker sees it: the project's files (relative paths), .dockerignore applied. */
export interface BuildContext {
  files: string[];
}

// The instructions Docker knows (buildkit frontend/dockerfile/command/command.go).
const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
/** The python images' own CMD (docker-library/python): a container with no command of its own runs the interpreter, which exits at once without a terminal. */
export const PYTHON_IMAGE_CMD = ['python3'];
const UVICORN_DEFAULT_HOST = '127.0.0.1';
const UVICORN_DEFAULT_PORT = 8000;

/** buildkit util/suggest: the instruction within two edits of what was typed, in its case. */
function suggestion(word: string): string | null {
  let best: string | null = null;
  let min = 3;
  for (const name of INSTRUCTIONS) {
    const d = levenshtein(word.toUpperCase(), name);
    if (d === 0) return null;
    if (d < min) {
      min = d;
      best = name;
    }
  }
  if (!best) return null;
  // suggest.matchCase: lower or upper as typed, else the lowercased name.
  return word === word.toUpperCase() ? best : best.toLowerCase();
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** Docker's variable substitution in instructions ($VAR, ${VAR}, ${VAR:-default}, ${VAR:+alt}, `\$` kept). */
export function expand(text: string, vars: Record<string, string | null | undefined>): string {
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced?: string, op?: string, word?: string, bare?: string) => {
    if (all === '\\$') return '$';
    const value = vars[(braced ?? bare)!];
    if (op === '-') return value ? value : (word ?? '');
    if (op === '+') return value ? (word ?? '') : '';
    return value ?? '';
  });
}

/** Exec form is a JSON list of strings; anything else is shell form (moby parser parseMaybeJSON). */
function execForm(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

const joinPath = (dir: string, path: string) => normalizeAbsolute(path.startsWith('/') ? path : `${dir}/${path}`);
function normalizeAbsolute(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const lineOf = (i: Instruction) => i.getRange().start.line + 1;
const argsText = (i: Instruction) => (i.getArgumentsContent() ?? '').trim();

/** Read a Dockerfile as Docker's frontend does; `buildArgs` are `docker build --build-arg`s. */
export function readDockerfile(text: string, buildArgs: Record<string, string> = {}): DockerfileModel {
  const parsed = DockerfileParser.parse(text);
  const model: DockerfileModel = { error: null, globalArgs: {}, stages: [], lines: text.replace(/\r\n?/g, '\n').split('\n') };
  // What an ARG without a default gets: a --build-arg, else the global ARG's value, else nothing.
  const argValue = (name: string, declared: string | null, outer: Record<string, string | null>) => buildArgs[name] ?? declared ?? outer[name] ?? null;
  let vars: Record<string, string | null> = {}; // ARG and ENV values in scope
  let env: Record<string, string> = {};
  let workdir = '/';
  for (const ins of parsed.getInstructions()) {
    const keyword = ins.getKeyword();
    const line = lineOf(ins);
    const raw = argsText(ins);
    const stage = model.stages.at(-1);
    const fail = (message: string) => {
      model.error = { line, message: `dockerfile parse error on line ${line}: ${message}` };
    };
    if (!INSTRUCTIONS.includes(keyword)) {
      const hint = suggestion(ins.getInstruction());
      fail(`unknown instruction: ${ins.getInstruction()}${hint ? ` (did you mean ${hint}?)` : ''}`);
      break;
    }
    if (keyword === 'FROM') {
      const words = raw.split(/\s+/).filter((w) => !w.startsWith('--'));
      if (!words[0]) {
        fail('FROM requires either one or three arguments');
        break;
      }
      const image = expand(words[0], { ...model.globalArgs, ...pick(buildArgs, Object.keys(model.globalArgs)) });
      const name = words[1]?.toUpperCase() === 'AS' ? (words[2] ?? null) : null;
      model.stages.push({ line, image, name, steps: [] });
      vars = {};
      env = {};
      workdir = '/';
      continue;
    }
    if (keyword === 'ARG') {
      const property = (ins as unknown as { getProperty(): { getName(): string; getValue(): string | null } | null }).getProperty();
      if (!property) {
        fail('ARG requires at least one argument');
        break;
      }
      const name = property.getName();
      const declared = property.getValue();
      if (!stage) {
        model.globalArgs[name] = buildArgs[name] ?? (declared === null ? null : expand(declared, model.globalArgs));
        continue;
      }
      const value = argValue(name, declared === null ? null : expand(declared, vars), model.globalArgs);
      vars[name] = value;
      stage.steps.push({ kind: 'ARG', name, value, line });
      continue;
    }
    if (!stage) {
      // buildkit instructions/parse.go: only ARG may come before the first FROM.
      model.error = { line, message: 'no build stage in current context' };
      break;
    }
    switch (keyword) {
      case 'WORKDIR':
        if (!raw) return withError(model, fail, 'WORKDIR requires exactly one argument');
        workdir = joinPath(workdir, expand(raw, { ...vars, ...env }));
        stage.steps.push({ kind: 'WORKDIR', dir: workdir, line });
        break;
      case 'ENV': {
        const properties = (ins as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
        if (properties.length === 0) return withError(model, fail, 'ENV requires at least one argument');
        const set: Record<string, string> = {};
        for (const p of properties) set[p.getName()] = expand(p.getValue() ?? '', { ...vars, ...env, ...set });
        Object.assign(env, set);
        Object.assign(vars, set);
        stage.steps.push({ kind: 'ENV', vars: set, line });
        break;
      }
      case 'COPY':
      case 'ADD': {
        const flags = ins.getArguments().map((a) => a.getValue()).filter((v) => v.startsWith('--'));
        const rest = raw.split(/\s+/).filter((w, i, all) => !(w.startsWith('--') && all.slice(0, i).every((x) => x.startsWith('--'))));
        const restText = rest.join(' ');
        const words = (execForm(restText) ?? rest).map((w) => expand(w, { ...vars, ...env }));
        if (words.length < 2) return withError(model, fail, `${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
        const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null;
        const destWord = words.at(-1)!;
        const dest = joinPath(workdir, destWord) + (destWord.endsWith('/') || destWord === '.' ? '/' : '');
        stage.steps.push({ kind: keyword, sources: words.slice(0, -1), dest, fromStage: from, text: raw, line });
        break;
      }
      case 'RUN': {
        const exec = execForm(raw);
        const runEnv: Record<string, string> = { ...env };
        for (const [k, v] of Object.entries(vars)) if (v !== null && !(k in runEnv)) runEnv[k] = v;
        stage.steps.push({ kind: 'RUN', form: exec ? 'exec' : 'shell', text: raw, cwd: workdir, env: runEnv, pip: pipInstalls(exec ?? ['/bin/sh', '-c', raw], workdir, runEnv, line), line });
        break;
      }
      case 'EXPOSE': {
        const ports = expand(raw, { ...vars, ...env })
          .split(/\s+/)
          .filter(Boolean)
          .map((p) => Number.parseInt(p, 10))
          .filter((p) => Number.isFinite(p));
        stage.steps.push({ kind: 'EXPOSE', ports, line });
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const exec = execForm(raw);
        const command: ImageCommand = exec ? { form: 'exec', argv: exec, text: raw, line } : { form: 'shell', argv: ['/bin/sh', '-c', raw], text: raw, line };
        stage.steps.push({ kind: keyword, command, line });
        break;
      }
      default:
        stage.steps.push({ kind: 'OTHER', keyword, text: raw, line });
    }
  }
  if (!model.error && model.stages.length === 0) {
    // buildkit: a Dockerfile with only ARGs (or nothing) has no stage to build.
    // buildkit dockerfile2llb "the Dockerfile cannot be empty"; parser.go "file with no instructions" (only comments).
    model.error = { line: 1, message: parsed.getInstructions().length ? 'no build stage in current context' : text.length === 0 ? 'the Dockerfile cannot be empty' : 'file with no instructions' };
  }
  return model;
}

function withError(model: DockerfileModel, fail: (m: string) => void, message: string): DockerfileModel {
  fail(message);
  return model;
}

const pick = (from: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in from).map((k) => [k, from[k]!]));

// pip install's options that take a value (pip/_internal/cli/cmdoptions.py), other than -r and -c.
const PIP_VALUE_OPTIONS = new Set([
  '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform', '--python-version', '--implementation', '--abi', '--root', '--prefix',
  '--src', '--upgrade-strategy', '--progress-bar', '--root-user-action', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '--trusted-host', '--no-binary', '--only-binary', '--log', '--timeout', '--retries', '--cache-dir', '--proxy', '--cert', '--client-cert',
  '--exists-action', '--report', '--config-settings', '-C', '--global-option', '--python', '--keyring-provider', '--group',
]);

/** Each command of a shell line: words, operators split out, variables expanded as the shell does. */
function shellCommands(text: string, env: Record<string, string>): string[][] {
  const out: string[][] = [[]];
  for (const token of shellWords(text, (key) => env[key] ?? '')) {
    if (typeof token === 'string') out.at(-1)!.push(token);
    else if ('op' in token && token.op !== 'glob') out.push([]);
    else if ('pattern' in token) out.at(-1)!.push(token.pattern);
    else if ('comment' in token) break;
  }
  return out.filter((c) => c.length > 0);
}

/** What a command runs once `sh -c`, `exec` and leading `VAR=value` are taken off. */
function unwrap(argv: string[], env: Record<string, string>): string[][] {
  const shell = /(^|\/)(ba|da)?sh$/.test(argv[0] ?? '') && argv[1] === '-c';
  const commands = shell ? shellCommands(argv[2] ?? '', env) : [argv];
  return commands.map((c) => {
    let i = 0;
    while (i < c.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(c[i]!) || c[i] === 'exec')) i++;
    return c.slice(i);
  });
}

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const isPython = (word: string) => /^python(3(\.\d+)?)?$/.test(base(word));

/** `pip install …` (pip, pip3, python -m pip): its requirement files and packages. */
function pipInstalls(argv: string[], workdir: string, env: Record<string, string>, line: number): PipInstall[] {
  const installs: PipInstall[] = [];
  let cwd = workdir;
  for (const command of unwrap(argv, env)) {
    if (command[0] === 'cd' && command[1]) {
      cwd = joinPath(cwd, command[1]);
      continue;
    }
    let rest: string[];
    if (/^pip(3(\.\d+)?)?$/.test(base(command[0] ?? ''))) rest = command.slice(1);
    else if (isPython(command[0] ?? '') && command[1] === '-m' && command[2] === 'pip') rest = command.slice(3);
    else continue;
    if (rest[0] !== 'install') continue;
    const install: PipInstall = { line, requirementFiles: [], requirementArgs: [], packages: [] };
    for (let i = 1; i < rest.length; i++) {
      const word = rest[i]!;
      let file: string | undefined;
      if (word === '-r' || word === '--requirement') file = rest[++i];
      else if (word.startsWith('--requirement=')) file = word.slice('--requirement='.length);
      else if (/^-r./.test(word)) file = word.slice(2);
      else if (PIP_VALUE_OPTIONS.has(word)) i++;
      else if (!word.startsWith('-')) install.packages.push(word);
      if (file !== undefined) {
        install.requirementArgs.push(file);
        install.requirementFiles.push(joinPath(cwd, file));
      }
    }
    installs.push(install);
  }
  return installs;
}

/** A Go filepath.Match pattern as a regular expression (COPY sources may be globs). */
function globRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export interface CopyResult {
  /** image path → context path */
  placed: [string, string][];
  /** A source that matched nothing in the context (BuildKit: "not found"). */
  missing: string | null;
}

/** Folders every python image has, so COPY into them copies into a folder. */
const IMAGE_DIRS = ['/', '/usr', '/usr/local', '/usr/src', '/tmp', '/opt', '/srv', '/home', '/root', '/etc', '/var'];

/**
 * Where one COPY/ADD puts the context's files in the image (docs: "COPY", the
 * rules for <src> and <dest>): a folder's contents go into <dest>; a file goes
 * into <dest> when it ends in `/`, is an existing folder or there are several
 * sources, else it becomes <dest>.
 */
export function resolveCopy(step: Extract<Step, { kind: 'COPY' | 'ADD' }>, context: BuildContext, imageDirs: ReadonlySet<string> = new Set(IMAGE_DIRS)): CopyResult {
  const placed: [string, string][] = [];
  const destDir = step.dest.replace(/(.)\/$/, '$1');
  for (const source of step.sources) {
    const src = normalizeAbsolute(source).slice(1); // relative to the context root; `..` cannot leave it
    const matcher = /[*?[]/.test(src) ? globRegex(src) : null;
    const depth = src.split('/').length;
    // Each match: a file, or a folder (whose files are under it).
    const matches = new Map<string, 'file' | 'dir'>();
    for (const f of context.files) {
      if (src === '') matches.set('', 'dir');
      else if (matcher) {
        const top = f.split('/').slice(0, depth).join('/');
        if (matcher.test(top)) matches.set(top, top === f ? 'file' : 'dir');
      } else if (f === src) matches.set(f, 'file');
      else if (f.startsWith(`${src}/`)) matches.set(src, 'dir');
    }
    if (matches.size === 0) return { placed, missing: source };
    const several = step.sources.length > 1 || matches.size > 1;
    const into = step.dest.endsWith('/') || several || imageDirs.has(destDir);
    for (const [match, type] of matches) {
      if (type === 'dir') {
        for (const f of context.files) if (match === '' || f.startsWith(`${match}/`)) placed.push([joinPath(destDir, match === '' ? f : f.slice(match.length + 1)), f]);
      } else placed.push([into ? joinPath(destDir, base(match)) : destDir, match]);
    }
  }
  return { placed, missing: null };
}

/** The image's files (image path → context path) and folders after the steps before line `until`. */
function imageFiles(stage: Stage, context: BuildContext, until = Infinity) {
  const files = new Map<string, string>();
  const dirs = new Set<string>(IMAGE_DIRS);
  for (const step of stage.steps) {
    if (step.line >= until) break;
    if (step.kind === 'WORKDIR') dirs.add(step.dir);
    if ((step.kind !== 'COPY' && step.kind !== 'ADD') || step.fromStage !== null) continue;
    for (const [to, from] of resolveCopy(step, context, dirs).placed) {
      files.set(to, from);
      for (let d = to.slice(0, to.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
    }
  }
  return { files, dirs };
}

/** The image the last stage makes, its files resolved against the build context. */
export function imageConfig(model: DockerfileModel, context: BuildContext): ImageConfig | null {
  const stage = model.stages.at(-1);
  if (!stage) return null;
  let workdir = '/';
  const env: Record<string, string> = {};
  const exposed: number[] = [];
  let entrypoint: ImageCommand | null = null;
  let cmd: ImageCommand | null = null;
  for (const step of stage.steps) {
    if (step.kind === 'WORKDIR') workdir = step.dir;
    else if (step.kind === 'ENV') Object.assign(env, step.vars);
    else if (step.kind === 'EXPOSE') exposed.push(...step.ports);
    else if (step.kind === 'CMD') cmd = step.command;
    else if (step.kind === 'ENTRYPOINT') entrypoint = step.command;
  }
  const { files } = imageFiles(stage, context);
  const command = combine(entrypoint, cmd);
  return { base: stage.image, workdir, env, exposed, entrypoint, cmd, command, files, server: serverOf(command, env) };
}

/**
 * ENTRYPOINT and CMD as Docker combines them (docs: "Understand how CMD and
 * ENTRYPOINT interact"): an exec ENTRYPOINT takes CMD as its arguments, a
 * shell-form ENTRYPOINT ignores CMD; with neither, the base image's CMD.
 */
export function combine(entrypoint: ImageCommand | null, cmd: ImageCommand | null): string[] {
  if (entrypoint) return entrypoint.form === 'shell' ? entrypoint.argv : [...entrypoint.argv, ...(cmd?.argv ?? [])];
  return cmd ? cmd.argv : PYTHON_IMAGE_CMD;
}

// uvicorn's options without a value (uvicorn/main.py: is_flag); every other option takes one.
const UVICORN_FLAGS = /^--(no-)?(reload|access-log|use-colors|proxy-headers|server-header|date-header|version|factory|help)$/;

/** What a command serves and on which address, by uvicorn's own options and defaults (uvicorn/main.py). */
export function serverOf(command: string[], env: Record<string, string>): Server {
  const commands = unwrap(command, env);
  if (commands.length === 0) return { kind: 'none' };
  for (const c of commands) {
    let args: string[] | null = null;
    if (base(c[0] ?? '') === 'uvicorn') args = c.slice(1);
    else if (isPython(c[0] ?? '') && c[1] === '-m' && c[2] === 'uvicorn') args = c.slice(3);
    if (!args) continue;
    // click's auto_envvar_prefix="UVICORN": UVICORN_HOST and UVICORN_PORT stand in for the options.
    let host: string | null = null;
    let port: number | null = null;
    let app: string | null = env.UVICORN_APP ?? null;
    let appDir: string | null = null;
    for (let i = 0; i < args.length; i++) {
      const word = args[i]!;
      const [name, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
      if (!name.startsWith('-')) {
        app = name;
        continue;
      }
      if (UVICORN_FLAGS.test(name)) continue;
      const value = inline ?? args[++i] ?? '';
      if (name === '--host') host = value;
      else if (name === '--port') port = Number.parseInt(value, 10);
      else if (name === '--app-dir') appDir = value;
    }
    const hostFrom = host !== null ? 'option' : env.UVICORN_HOST ? 'env' : 'default';
    return {
      kind: 'uvicorn',
      app: app ?? '',
      host: host ?? env.UVICORN_HOST ?? UVICORN_DEFAULT_HOST,
      port: port ?? (env.UVICORN_PORT ? Number.parseInt(env.UVICORN_PORT, 10) : UVICORN_DEFAULT_PORT),
      hostFrom,
      appDir,
    };
  }
  // One Python program with something to run (a bare `python3` reads stdin, which a container has empty).
  const only = commands.length === 1 ? commands[0]! : null;
  if (only && isPython(only[0] ?? '') && only.length > 1 && !(only[1] === '-m' && /^pip$/.test(only[2] ?? ''))) return { kind: 'python', argv: only };
  return { kind: 'unknown', program: commands.map((c) => c.join(' ')).join(' && ') };
}

/** Whether a bound address is reachable from outside the container (0.0.0.0 or :: listen on every interface). */
export const reachableFromOutside = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]';

export type DockerfileRule = 'from' | 'requirements';

const quoteCode = (text: string) => `\`${text}\``;

/** Why the image breaks a rule, or null when it keeps it; each mistake has its own message saying what to change. */
export function dockerfileProblem(model: DockerfileModel, context: BuildContext, rule: DockerfileRule): string | null {
  const stage = model.stages.at(-1);
  if (!stage) return 'The Dockerfile has no FROM: start it with a base image, e.g. `FROM python:3.12-slim`.';
  switch (rule) {
    case 'from': {
      // python, library/python, docker.io/library/python; any tag or digest.
      const repo = stage.image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
      if (/^((docker\.io|index\.docker\.io)\/)?(library\/)?python$/.test(repo)) return null;
      return `${quoteCode(`FROM ${stage.image}`)} (line ${stage.line}) is not a Python image, so the image has no Python to run the app: use e.g. \`FROM python:3.12-slim\`.`;
    }
    case 'requirements':
      return requirementsProblem(stage, context);
  }
}

function requirementsProblem(stage: Stage, context: BuildContext): string | null {
  const installs = stage.steps.flatMap((s) => (s.kind === 'RUN' ? s.pip : []));
  const fromFile = installs.find((p) => p.requirementFiles.some((f) => base(f) === 'requirements.txt'));
  if (!fromFile) {
    const named = installs.find((p) => p.packages.length > 0);
    if (named) {
      return `\`RUN pip install ${named.packages.join(' ')}\` (line ${named.line}) names the packages itself, so the image can drift from requirements.txt: copy requirements.txt in and install from it with \`RUN pip install --no-cache-dir -r requirements.txt\`.`;
    }
    return 'Nothing installs the app’s dependencies: copy requirements.txt in, then `RUN pip install --no-cache-dir -r requirements.txt`.';
  }
  // Which files the image has when that RUN runs.
  const { files } = imageFiles(stage, context, fromFile.line);
  const wholeProject = stage.steps.find(
    (s): s is Extract<Step, { kind: 'COPY' | 'ADD' }> => (s.kind === 'COPY' || s.kind === 'ADD') && s.line < fromFile.line && s.fromStage === null && s.sources.some((src) => normalizeAbsolute(src) === '/'),
  );
  const wanted = fromFile.requirementFiles.find((f) => base(f) === 'requirements.txt')!;
  const written = fromFile.requirementArgs[fromFile.requirementFiles.indexOf(wanted)]!;
  if (!files.has(wanted)) {
    const copiedLater = stage.steps.find(
      (s) => (s.kind === 'COPY' || s.kind === 'ADD') && s.line > fromFile.line && resolveCopy(s, context).placed.some(([, from]) => base(from) === 'requirements.txt'),
    );
    const elsewhere = [...files.entries()].find(([, from]) => base(from) === 'requirements.txt');
    if (elsewhere) {
      return `\`pip install -r ${written}\` (line ${fromFile.line}) reads ${wanted}, but requirements.txt was copied to ${elsewhere[0]}: copy it into the folder the RUN works in (the WORKDIR), e.g. \`COPY requirements.txt .\`.`;
    }
    if (copiedLater) {
      return `\`pip install -r ${written}\` (line ${fromFile.line}) runs before requirements.txt is copied into the image (line ${copiedLater.line}), so pip finds no such file: put \`COPY requirements.txt .\` before the RUN.`;
    }
    return `\`pip install -r ${written}\` (line ${fromFile.line}) reads ${wanted}, which no COPY before it puts in the image: add \`COPY requirements.txt .\` before the RUN.`;
  }
  if (wholeProject) {
    return `\`${wholeProject.kind} ${wholeProject.text}\` (line ${wholeProject.line}) copies the whole project before pip install (line ${fromFile.line}), so every code change re-installs the dependencies: copy requirements.txt alone first, install, then copy the code.`;
  }
  return null;
}

/** The first COPY/ADD whose source is not in the build context, with BuildKit's words for it; null when all are there. */
export function missingSource(model: DockerfileModel, context: BuildContext): { step: Extract<Step, { kind: 'COPY' | 'ADD' }>; source: string } | null {
  for (const step of model.stages.at(-1)?.steps ?? []) {
    if ((step.kind === 'COPY' || step.kind === 'ADD') && step.fromStage === null) {
      const { missing } = resolveCopy(step, context);
      if (missing !== null) return { step, source: missing };
    }
  }
  return null;
}

/**
 * .dockerignore as Docker reads it (moby/patternmatcher, ignorefile.ReadAll):
 * `#` lines are comments, patterns are cleaned and rooted at the context,
 * `!` re-includes, `**` spans folders, `*` and `?` stay within one; a file is
 * excluded when it or a folder above it matches, the last matching pattern winning.
 */
export function dockerignore(text: string | null): (path: string) => boolean {
  const patterns = (text ?? '')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const exclusion = l.startsWith('!');
      const cleaned = normalizeAbsolute(exclusion ? l.slice(1).trim() : l).slice(1) || '.';
      return { exclusion, dirs: cleaned.split('/').length, regex: patternRegex(cleaned) };
    });
  return (path) => {
    const parents = path.split('/').slice(0, -1);
    let matched = false;
    for (const p of patterns) {
      if (p.exclusion !== matched) continue;
      let match = p.regex.test(path);
      // patternmatcher.Matches: a pattern also matches a file below the folder it names.
      if (!match && parents.length >= p.dirs) match = p.regex.test(parents.slice(0, p.dirs).join('/'));
      if (match) matched = !p.exclusion;
    }
    return matched;
  };
}

/** patternmatcher's Pattern.compile as a JavaScript regular expression. */
function patternRegex(pattern: string): RegExp {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') i++;
      out += i + 1 >= pattern.length ? '.*' : '(.*/)?';
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else if (c === '[' || c === ']') out += c;
    else out += c.replace(/[.+()|{}$^]/g, '\\$&');
  }
  try {
    return new RegExp(`${out}$`);
  } catch {
    return /$^/; // a malformed class matches nothing (Docker refuses the pattern)
  }
}

/** The build context of a project: its files less what .dockerignore excludes and the lab's own files. */
export function buildContext(paths: string[], dockerignoreText: string | null): BuildContext {
  const ignored = dockerignore(dockerignoreText);
  return { files: paths.filter((p) => !ignored(p)).sort() };
}
