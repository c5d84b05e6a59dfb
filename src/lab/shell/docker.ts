// `docker` in the lab's shell: build an image from the project (dockerBuild.ts),
// list images, run containers, list them, read their logs, stop and remove
// them. Images and containers are kept in the project's `.lab/docker.json`
// (the lab's own files, see isLabInternal). A container's answer on its
// published port follows from the image's command as uvicorn and Docker decide
// it (checks/dockerfile.ts serverOf): 0.0.0.0 inside and the port published
// answers; uvicorn's default 127.0.0.1 refuses, as on a laptop. Where the lab
// can (a ContainerHost: the worker's Python), the container's app is really
// imported from the image's files and served by the lab's uvicorn; elsewhere
// docker run says it keeps the container without running its program. What
// Docker has beyond these commands (networks, volumes, exec, compose…) it
// names as missing.
import { reachableFromOutside, serverOf, type Server } from '../checks/dockerfile';
import { PYTHON_MODULES } from '../worker/labFiles';
import { build, canonical, type ImageRecord, type LabPackages } from './dockerBuild';
import { mkdirp, normalize } from './fs';
import { md5 } from './md5';
import { err, ok, text, type CommandResult, type Program, type ShellContext } from './shell';
import type { ContainerTrial, ContainerTrialSpec, HttpExchange, HttpRequest } from '../types';
import type { LabFs } from './fs';

/** The lab's modules pip can install, at the versions they say they are (their `__version__`). */
export const LAB_PACKAGES: LabPackages = Object.fromEntries(
  (
    [
      ['fastapi', 'fastapi/__init__.py'],
      ['mlflow', 'mlflow/__init__.py'],
      ['pydantic', 'pydantic.py'],
      ['uvicorn', 'uvicorn.py'],
    ] as const
  ).flatMap(([name, file]) => {
    const version = /^(?:__version__|VERSION) = "([^"]+)"/m.exec(PYTHON_MODULES[file] ?? '')?.[1];
    return version ? [[canonical(name), version]] : [];
  }),
);

/**
 * What installing one of the lab's packages brings with it (their own requirements: FastAPI's
 * pydantic; MLflow 3's skinny client needs fastapi, uvicorn and pydantic), so the image's Python
 * can import them. The lab's pip does not print these as pip's "Collecting … (from …)" lines.
 */
const BRINGS: Record<string, string[]> = { fastapi: ['pydantic'], mlflow: ['fastapi', 'uvicorn', 'pydantic'] };

/** The lab's modules an image's Python can import: what pip installed in it, and what those need. */
export function importableIn(installed: Record<string, string>): Set<string> {
  const found = new Set<string>();
  const add = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    for (const needed of BRINGS[name] ?? []) add(needed);
  };
  for (const name of Object.keys(installed)) add(canonical(name));
  return found;
}

/** A uvicorn app to serve from an image's files, as `docker run` starts it. */
export interface ServeSpec {
  id: string;
  /** The image's Python files: image path → source. */
  sources: Record<string, string>;
  /** Where uvicorn imports from: the WORKDIR, or its --app-dir. */
  folder: string;
  app: string;
  host: string;
  port: number;
  /** Why the host's requests would not reach the server (bound inside the container, or not published), or null. */
  refused: string | null;
  /** The lab's modules the image did not install: its app cannot import them. */
  missing: string[];
}

/** A Python program to run as a container's command (`python app.py`, `python -m app`, `python -c …`). */
export interface ProgramSpec {
  id: string;
  /** The image's Python files: image path → source. */
  sources: Record<string, string>;
  /** The WORKDIR, where the program starts. */
  folder: string;
  /** The command, `python` first. */
  argv: string[];
  /** The container's environment (the image's ENV and `docker run -e`). */
  env: Record<string, string>;
  /** The lab's modules the image did not install: the program cannot import them. */
  missing: string[];
  /** Why the host's requests would not reach a server on that address (bound inside, or not published), or null. */
  refusedFor(address: { host: string; port: number }): string | null;
}

/** What runs a container's program: the lab's Python in the worker (pythonRuntime.ts containerHost). */
export interface ContainerHost {
  /** Serve the app; the container's log and its exit status (null while it serves). */
  serve(spec: ServeSpec): { log: string; exitCode: number | null };
  /** Run the program; its log, its exit status (null while it serves) and what its uvicorn.run() serves. */
  program(spec: ProgramSpec): { log: string; exitCode: number | null; address: { host: string; port: number } | null };
  /** The container stops: its app is no longer served. */
  stop(id: string): void;
  /** What the container's app logged answering requests since it started (uvicorn's access log, tracebacks). */
  requestLog(id: string): string;
  /** A check's own container: the program's server, and what the run recorded, are kept while `during` runs and are back after it. */
  aside<T>(during: () => T): T;
  /** A request from the host to the app served now (quiet: nothing reaches the console). */
  request(request: HttpRequest): HttpExchange;
}

interface Port {
  ip: string;
  host: number;
  container: number;
}

interface ContainerRecord {
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string[];
  created: number;
  /** running, or exited with its code at `finished`. */
  state: 'running' | 'exited';
  exitCode: number;
  finished: number | null;
  ports: Port[];
  server: Server;
  /** What the container's program printed, when the lab ran it. */
  log: string | null;
}

interface DockerState {
  images: ImageRecord[];
  containers: ContainerRecord[];
}

const STATE = '.lab/docker.json';
const SIMULATED = ['build', 'images', 'run', 'ps', 'logs', 'stop', 'rm'];
/** Docker's other commands: named as missing from the lab rather than unknown. */
const NOT_SIMULATED: Record<string, string> = {
  network: 'networks',
  volume: 'volumes',
  exec: 'running commands in a container (exec)',
  compose: 'Compose',
  push: 'registries (push)',
  pull: 'registries (pull)',
  login: 'registries (login)',
  tag: 'tagging an image after its build (tag)',
  rmi: 'removing images (rmi)',
  inspect: 'inspect',
  start: 'restarting a stopped container (start)',
  restart: 'restart',
  kill: 'kill',
  cp: 'copying files (cp)',
  attach: 'attach',
  system: 'system',
  image: 'the image command group',
  container: 'the container command group',
  buildx: 'buildx',
  save: 'save',
  load: 'load',
  create: 'create',
  top: 'top',
  stats: 'stats',
  swarm: 'swarm',
  service: 'services',
  stack: 'stacks',
  context: 'contexts',
  info: 'info',
  version: 'version',
  history: 'history',
  commit: 'commit',
  export: 'export',
  import: 'import',
  port: 'port',
  rename: 'rename',
  update: 'update',
  wait: 'wait',
  pause: 'pause',
  unpause: 'unpause',
  diff: 'diff',
  events: 'events',
  search: 'search',
};
const notSimulated = (what: string) => err(`docker: the lab does not simulate ${what}; its docker has: ${SIMULATED.join(', ')}`);

function readState(ctx: ShellContext): DockerState {
  const data = ctx.fs.readFile(`${ctx.home}/${STATE}`);
  if (!data) return { images: [], containers: [] };
  try {
    const parsed = JSON.parse(text(data)) as DockerState;
    return { images: parsed.images ?? [], containers: parsed.containers ?? [] };
  } catch {
    return { images: [], containers: [] };
  }
}

function writeState(ctx: ShellContext, state: DockerState) {
  mkdirp(ctx.fs, `${ctx.home}/.lab`);
  ctx.fs.writeFile(`${ctx.home}/${STATE}`, `${JSON.stringify(state, null, 1)}\n`);
}

/** `name` → `name:latest`, as Docker names a reference without a tag. */
const withTag = (ref: string) => (/:[^/]+$/.test(ref) ? ref : `${ref}:latest`);
const findImage = (state: DockerState, ref: string) =>
  state.images.find((i) => i.tags.includes(withTag(ref))) ?? (/^[0-9a-f]{4,64}$/.test(ref) ? state.images.find((i) => i.id.startsWith(ref)) : undefined);
const findContainer = (state: DockerState, ref: string) => state.containers.find((c) => c.name === ref) ?? (/^[0-9a-f]{1,64}$/.test(ref) ? state.containers.find((c) => c.id.startsWith(ref)) : undefined);

/** go-units HumanDuration, as `docker ps` and `docker images` print ages. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(m / 60);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  return `${Math.floor(h / 24)} days`;
}

/** go-units HumanSize (decimal units, 3 significant digits), as `docker images` prints sizes. */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${Number(value.toPrecision(3))}${units[i]}`;
}

/** Docker's tables: text/tabwriter with min width 10 and padding 3 (cli/command/formatter). */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(Math.max(widths[c]! + 3, 10)))).join('').trimEnd() + '\n').join('');
}

interface Parsed {
  flags: Record<string, string[]>;
  rest: string[];
}

/** Options before the first operand; `withValue` take one (`-t x`, `-t=x`, `--tag x`, `--tag=x`). */
function parseOptions(args: string[], withValue: string[], bare: string[], stopAtOperand: boolean): Parsed | string {
  const flags: Record<string, string[]> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (rest.length && stopAtOperand) {
      rest.push(a);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    // Joined short flags (-it, -dp 8000:8000): each letter a flag, a value-taking one last.
    if (!a.startsWith('--') && a.length > 2 && !withValue.includes(a.slice(0, 2))) {
      const letters = a.slice(1).split('').map((l) => `-${l}`);
      const unknown = letters.find((l) => !bare.includes(l) && !withValue.includes(l));
      if (unknown) return unknown;
      for (const [j, l] of letters.entries()) {
        if (withValue.includes(l)) {
          if (j !== letters.length - 1) return l;
          (flags[l] ??= []).push(args[++i] ?? '');
        } else (flags[l] ??= []).push('');
      }
      continue;
    }
    if (withValue.includes(name)) (flags[name] ??= []).push(a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : a.length > 2 && !a.startsWith('--') ? a.slice(2) : (args[++i] ?? ''));
    else if (bare.includes(name)) (flags[name] ??= []).push('');
    else return name;
  }
  return { flags, rest };
}

const unknownFlag = (flag: string, sub: string) => err(`unknown flag: ${flag}\nSee 'docker ${sub} --help'.`, 125);
/** Options Docker has that the lab names as not simulated, by what they are for. */
const UNSIMULATED_RUN: Record<string, string> = {
  '-v': 'volumes (-v)',
  '--volume': 'volumes (--volume)',
  '--mount': 'mounts (--mount)',
  '--network': 'networks (--network)',
  '--net': 'networks (--net)',
  '--gpus': 'GPUs (--gpus)',
  '--restart': 'restart policies (--restart)',
  '--env-file': 'env files (--env-file)',
  '-u': 'users (-u)',
  '--user': 'users (--user)',
  '-w': 'working folders (-w)',
  '--workdir': 'working folders (--workdir)',
  '--entrypoint': 'another entrypoint (--entrypoint)',
};

function dockerBuild(args: string[], ctx: ShellContext): CommandResult {
  const parsed = parseOptions(args, ['-t', '--tag', '-f', '--file', '--build-arg', '--progress', '--platform', '--target'], ['--no-cache', '--pull', '-q', '--quiet'], false);
  if (typeof parsed === 'string') return unknownFlag(parsed, 'buildx build');
  const { flags, rest } = parsed;
  if (flags['--platform'] || flags['--target']) return notSimulated(flags['--platform'] ? 'other platforms (--platform)' : 'building one stage (--target)');
  if (rest.length !== 1) return err(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build`, 1);
  const contextDir = normalize(ctx.cwd, rest[0]!);
  if (ctx.fs.stat(contextDir)?.type !== 'dir') return err(`ERROR: failed to build: unable to prepare context: path "${rest[0]}" not found`);
  const tags = [...(flags['-t'] ?? []), ...(flags['--tag'] ?? [])].map(withTag);
  for (const tag of tags) {
    if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?$/.test(tag)) {
      return err(`ERROR: failed to build: invalid tag "${tag.replace(/:latest$/, '')}": repository name must be lowercase`);
    }
  }
  const buildArgs: Record<string, string> = {};
  for (const a of flags['--build-arg'] ?? []) {
    const eq = a.indexOf('=');
    if (eq > 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const dockerfile = (flags['-f'] ?? flags['--file'] ?? ['Dockerfile']).at(-1)!;
  const result = build(ctx.fs, { contextDir, dockerfile: normalize(ctx.cwd, dockerfile).startsWith(contextDir) ? normalize(ctx.cwd, dockerfile).slice(contextDir.length + 1) : dockerfile, tags, buildArgs }, LAB_PACKAGES, ctx.now);
  const quiet = flags['-q'] || flags['--quiet'];
  if (!result.image) return { stdout: '', stderr: result.output, code: result.code };
  const state = readState(ctx);
  // A tag moves to the new image; an image left without tags stays as <none> (a dangling image).
  for (const image of state.images) image.tags = image.tags.filter((t) => !tags.includes(t));
  state.images = state.images.filter((i) => i.id !== result.image!.id);
  state.images.unshift(result.image);
  writeState(ctx, state);
  // BuildKit writes its progress to stderr; `-q` prints only the image id, on stdout.
  return quiet ? ok(`sha256:${result.image.id}\n`) : { stdout: '', stderr: result.output, code: 0 };
}

function images(args: string[], ctx: ShellContext): CommandResult {
  const parsed = parseOptions(args, [], ['-a', '--all', '-q', '--quiet'], false);
  if (typeof parsed === 'string') return unknownFlag(parsed, 'images');
  const state = readState(ctx);
  if (parsed.flags['-q'] || parsed.flags['--quiet']) return ok(state.images.map((i) => `${i.id.slice(0, 12)}\n`).join(''));
  const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']];
  for (const image of state.images) {
    const age = `${humanDuration(ctx.now() - image.created)} ago`;
    const tags = image.tags.length ? image.tags : ['<none>:<none>'];
    for (const tag of tags) {
      const at = tag.lastIndexOf(':');
      rows.push([tag.slice(0, at), tag.slice(at + 1), image.id.slice(0, 12), age, humanSize(image.size)]);
    }
  }
  return ok(table(rows));
}

/** Docker's generated names: an adjective and a scientist (moby namesgenerator), chosen from the container id. */
const ADJECTIVES = ['admiring', 'bold', 'brave', 'clever', 'eager', 'focused', 'gifted', 'happy', 'jolly', 'keen', 'loving', 'nifty', 'quirky', 'serene', 'vibrant', 'zealous'];
const SCIENTISTS = ['curie', 'darwin', 'euler', 'franklin', 'hopper', 'lovelace', 'noether', 'pascal', 'ritchie', 'turing', 'wozniak', 'yalow'];

function parsePort(spec: string): Port | null {
  const m = /^(?:(\d+\.\d+\.\d+\.\d+):)?(?:(\d+):)?(\d+)(?:\/tcp)?$/.exec(spec);
  if (!m) return null;
  return { ip: m[1] ?? '0.0.0.0', host: m[2] ? Number(m[2]) : 0, container: Number(m[3]) };
}

const portsText = (c: ContainerRecord) => c.ports.map((p) => `${p.ip}:${p.host}->${p.container}/tcp`).join(', ');

/** What a request from the host to a published port meets, by what the container's server binds. */
function answerOn(c: ContainerRecord): string[] {
  const server = c.server;
  const command = c.command.join(' ');
  if (server.kind !== 'uvicorn') {
    return [`lab: the container runs \`${command}\`, which serves nothing the lab can tell: no port of it answers.`];
  }
  const listen = `uvicorn listens on ${server.host}:${server.port} inside the container${server.hostFrom === 'default' ? ' (its default --host)' : ''}`;
  const published = c.ports.find((p) => p.container === server.port);
  if (!reachableFromOutside(server.host)) {
    const where = published ? `localhost:${published.host}` : 'its port';
    const fix = server.hostFrom === 'program' ? 'host="0.0.0.0" in the program\'s uvicorn.run()' : '--host 0.0.0.0 in CMD';
    return [`lab: ${listen}, which nothing outside the container reaches: a request to ${where} is refused (connection refused). Bind 0.0.0.0: ${fix}.`];
  }
  if (!published) {
    const others = c.ports.map((p) => `${p.container}`).join(', ');
    return [`lab: ${listen}, but ${c.ports.length ? `only port ${others} is published` : 'no port is published'}: nothing on your machine reaches it. Publish it: docker run -p ${server.port}:${server.port} ${c.image}.`];
  }
  return [`lab: ${listen}, published on localhost:${published.host}: the container answers there.`];
}

function run(args: string[], ctx: ShellContext, host: ContainerHost | undefined): CommandResult {
  const parsed = parseOptions(
    args,
    ['-p', '--publish', '--name', '-e', '--env', ...Object.keys(UNSIMULATED_RUN)],
    ['-d', '--detach', '--rm', '-i', '--interactive', '-t', '--tty', '-P', '--publish-all'],
    true,
  );
  if (typeof parsed === 'string') return unknownFlag(parsed, 'run');
  const { flags, rest } = parsed;
  const unsimulated = Object.keys(UNSIMULATED_RUN).find((f) => flags[f]);
  if (unsimulated) return notSimulated(UNSIMULATED_RUN[unsimulated]!);
  const [ref, ...override] = rest;
  if (!ref) return err(`docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information`, 125);
  const state = readState(ctx);
  const image = findImage(state, ref);
  if (!image) {
    return err(`Unable to find image '${withTag(ref)}' locally\ndocker: the lab has no registry to pull '${withTag(ref)}' from: build it first, docker build -t ${ref.replace(/:latest$/, '')} .`, 125);
  }
  const name = flags['--name']?.at(-1);
  if (name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return err(`docker: Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`, 125);
  const id = md5(new TextEncoder().encode(`${image.id}:${state.containers.length}:${ctx.now()}`)) + md5(new TextEncoder().encode(`${ctx.now()}:${image.id}`));
  const taken = name !== undefined ? state.containers.find((c) => c.name === name) : undefined;
  if (taken) {
    return err(`docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information`, 125);
  }
  const ports: Port[] = [];
  let ephemeral = 32768;
  const used = new Set(state.containers.filter((c) => c.state === 'running').flatMap((c) => c.ports.map((p) => p.host)));
  for (const spec of [...(flags['-p'] ?? []), ...(flags['--publish'] ?? [])]) {
    const port = parsePort(spec);
    if (!port) return err(`docker: invalid containerPort: ${spec}\n\nRun 'docker run --help' for more information`, 125);
    if (port.host === 0) {
      while (used.has(ephemeral)) ephemeral++;
      port.host = ephemeral;
    }
    ports.push(port);
  }
  if (flags['-P'] || flags['--publish-all']) {
    for (const exposed of image.exposed) {
      while (used.has(ephemeral)) ephemeral++;
      ports.push({ ip: '0.0.0.0', host: ephemeral++, container: exposed });
    }
  }
  const containerName = name ?? `${ADJECTIVES[Number.parseInt(id.slice(0, 2), 16) % ADJECTIVES.length]}_${SCIENTISTS[Number.parseInt(id.slice(2, 4), 16) % SCIENTISTS.length]}`;
  const clash = ports.find((p) => used.has(p.host));
  if (clash) {
    return err(`docker: Error response from daemon: driver failed programming external connectivity on endpoint ${containerName} (${id}): Bind for ${clash.ip}:${clash.host} failed: port is already allocated.\n\nRun 'docker run --help' for more information`, 125);
  }
  const env = { ...image.env };
  for (const e of [...(flags['-e'] ?? []), ...(flags['--env'] ?? [])]) {
    const eq = e.indexOf('=');
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  // Arguments after the image replace CMD; an exec ENTRYPOINT keeps them as its arguments (lab: it is not stored apart).
  const command = override.length ? override : image.command;
  const server = serverOf(command, env);
  // A program that serves nothing ends at once: the python images' `python3` reads an empty stdin and exits 0.
  // A Python program serves what its uvicorn.run() starts, known once it has run.
  const serving = server.kind === 'uvicorn' || (server.kind === 'python' && host !== undefined);
  const container: ContainerRecord = {
    id,
    name: containerName,
    image: ref,
    imageId: image.id,
    command,
    created: ctx.now(),
    state: serving ? 'running' : 'exited',
    exitCode: 0,
    finished: serving ? null : ctx.now(),
    ports,
    server,
    log: null,
  };
  const answer = `${answerOn(container).join('\n')}\n`;
  let note = `lab: the lab keeps this container's state but does not run its program (\`${command.join(' ')}\`); to try the app, run it in the editor.\n`;
  const importable = importableIn(image.packages ?? {});
  const missing = Object.keys(LAB_PACKAGES).filter((name) => !importable.has(name));
  const notFound =
    execNotFound(command, importable, image) ??
    (server.kind === 'uvicorn' && !importable.has('uvicorn') ? uvicornNotFound(command) : null) ??
    (server.kind === 'uvicorn' && !server.app ? uvicornWithoutApp(command) : null);
  if (notFound?.daemon) {
    // The image has no uvicorn executable: the container is made but its process cannot start.
    Object.assign(container, { state: 'exited', exitCode: 127, finished: ctx.now(), log: '' });
    state.containers.unshift(container);
    writeState(ctx, state);
    return err(notFound.daemon, 127);
  }
  if (notFound?.log !== undefined) {
    Object.assign(container, { state: 'exited', exitCode: notFound.code, finished: ctx.now(), log: notFound.log });
    note = '';
  } else if (host && server.kind === 'uvicorn') {
    // The image's app, imported from its own files, served by the lab's uvicorn as the container's server.
    const folder = server.appDir ? normalize(image.workdir, server.appDir) : image.workdir;
    const published = container.ports.some((p) => p.container === server.port);
    const refused = reachableFromOutside(server.host) && published ? null : answer.replace(/^lab: /, '').trim();
    const served = host.serve({ id, sources: image.sources ?? {}, folder, app: server.app, host: server.host, port: server.port, refused, missing });
    container.log = served.log;
    if (served.exitCode !== null) Object.assign(container, { state: 'exited', exitCode: served.exitCode, finished: ctx.now() });
    note = '';
  } else if (host && server.kind === 'python') {
    // The image's Python program, run from its own files; it serves what its uvicorn.run() starts.
    const asServer = (address: { host: string; port: number }): Server => ({ kind: 'uvicorn', app: command.join(' '), ...address, hostFrom: 'program', appDir: null });
    const refusedFor = (address: { host: string; port: number }) => {
      const published = container.ports.some((p) => p.container === address.port);
      return reachableFromOutside(address.host) && published ? null : answerOn({ ...container, server: asServer(address) }).join('\n').replace(/^lab: /, '');
    };
    const ran = host.program({ id, sources: image.sources ?? {}, folder: image.workdir, argv: server.argv, env, missing, refusedFor });
    container.log = ran.log;
    if (ran.address) container.server = asServer(ran.address);
    else Object.assign(container, { state: 'exited', exitCode: ran.exitCode ?? 0, finished: ctx.now() });
    note = '';
  }
  // One served app at a time in the lab: a new container's server replaces the one before.
  if (container.log !== null && container.state === 'running') {
    for (const other of state.containers) if (other.state === 'running' && other.log !== null) Object.assign(other, { state: 'exited', exitCode: 0, finished: ctx.now() });
  }
  if (!(flags['--rm'] && container.state === 'exited')) state.containers.unshift(container);
  writeState(ctx, state);
  const said = container.state === 'running' || container.log === null ? `${note}${answerOn(container).join('\n')}\n` : '';
  if (flags['-d'] || flags['--detach']) return { stdout: `${id}\n`, stderr: said, code: 0 };
  const background = container.state === 'running' ? `lab: the lab has no keyboard to press CTRL+C in: the container goes on in the background (docker stop ${containerName}).\n` : '';
  return { stdout: '', stderr: `${container.log ?? ''}${said}${background}`, code: container.state === 'exited' ? container.exitCode : 0 };
}

/** uvicorn started without the app to serve: click's usage error (uvicorn/main.py's APP argument), status 2. */
function uvicornWithoutApp(command: string[]): { daemon?: string; log?: string; code: number } {
  const prog = /(^|\s|\/)python[0-9.]*\s+-m\s+uvicorn\b/.test(command.join(' ')) ? 'python -m uvicorn' : 'uvicorn';
  return { log: `Usage: ${prog} [OPTIONS] APP\nTry '${prog} --help' for help.\n\nError: Missing argument 'APP'.\n`, code: 2 };
}

/** What runc says when an exec-form command's program is not in the image. */
const ociNotFound = (program: string) =>
  `docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown.`;

/**
 * An exec-form command (not the shell form's /bin/sh -c) whose program the image does not have:
 * the python images have python, pip and the shells on their PATH, and pip adds the scripts of
 * what it installs (uvicorn, mlflow); a whole command line written as one string is no program.
 */
function execNotFound(command: string[], importable: Set<string>, image: ImageRecord): { daemon?: string; log?: string; code: number } | null {
  const program = command[0];
  if (program === undefined || (program === '/bin/sh' && command[1] === '-c')) return null;
  const name = program.replace(/^.*\//, '');
  const version = /^python:(\d+\.\d+)/.exec(image.base.replace(/^(docker\.io\/)?(library\/)?/, ''))?.[1];
  const onPath = new Set(['python', 'python3', `python${version ?? '3'}`, 'pip', 'pip3', `pip${version ?? '3'}`, 'sh', 'bash', 'dash', 'env']);
  for (const script of ['uvicorn', 'mlflow']) if (importable.has(script)) onPath.add(script);
  const inImage = program.includes('/') && program in (image.files ?? {});
  if (onPath.has(name) && !/\s/.test(program)) return null;
  if (inImage) return null;
  // uvicorn itself has its own cases below (shell and python -m forms say so differently).
  if (name === 'uvicorn') return null;
  return { daemon: ociNotFound(program), code: 127 };
}

/**
 * A command that starts uvicorn in an image without it: an exec-form `uvicorn` cannot be started
 * by the runtime (docker run fails, status 127); a shell form is started and its shell (dash in
 * the python images) says so; `python -m uvicorn` is started and Python says so.
 */
function uvicornNotFound(command: string[]): { daemon?: string; log?: string; code: number } {
  const [program = '', flag, script = ''] = command;
  const python = (name: string) => ({ log: `/usr/local/bin/${name.replace(/^.*\//, '')}: No module named uvicorn\n`, code: 1 });
  if (program === '/bin/sh' && flag === '-c') {
    const viaPython = /(?:^|[\s;&|/])(python[0-9.]*)\s+-m\s+uvicorn\b/.exec(script);
    return viaPython ? python(viaPython[1]!) : { log: '/bin/sh: 1: uvicorn: not found\n', code: 127 };
  }
  if (/(^|\/)python[0-9.]*$/.test(program)) return python(program);
  return { daemon: ociNotFound(program), code: 127 };
}

function ps(args: string[], ctx: ShellContext): CommandResult {
  const parsed = parseOptions(args, [], ['-a', '--all', '-q', '--quiet'], false);
  if (typeof parsed === 'string') return unknownFlag(parsed, 'ps');
  const all = parsed.flags['-a'] || parsed.flags['--all'];
  const shown = readState(ctx).containers.filter((c) => all || c.state === 'running');
  if (parsed.flags['-q'] || parsed.flags['--quiet']) return ok(shown.map((c) => `${c.id.slice(0, 12)}\n`).join(''));
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const c of shown) {
    const command = c.command.join(' ');
    // cli/command/formatter/container.go: the command quoted and cut to 20 characters with an ellipsis.
    const quoted = `"${command.length > 20 ? `${command.slice(0, 19)}…` : command}"`;
    const status = c.state === 'running' ? `Up ${humanDuration(ctx.now() - c.created)}` : `Exited (${c.exitCode}) ${humanDuration(ctx.now() - (c.finished ?? c.created))} ago`;
    rows.push([c.id.slice(0, 12), c.image, quoted, `${humanDuration(ctx.now() - c.created)} ago`, status, c.state === 'running' ? portsText(c) : '', c.name]);
  }
  return ok(table(rows));
}

function withContainers(args: string[], ctx: ShellContext, sub: string, bare: string[], act: (c: ContainerRecord, state: DockerState, flags: Parsed['flags']) => string | null): CommandResult {
  const parsed = parseOptions(args, ['-t', '--time', '-s', '--signal'], bare, false);
  if (typeof parsed === 'string') return unknownFlag(parsed, sub);
  if (parsed.rest.length === 0) return err(`docker: '${sub}' requires at least 1 argument\n\nUsage:  docker ${sub} [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker ${sub} --help' for more information`, 1);
  const state = readState(ctx);
  let stdout = '';
  let stderr = '';
  for (const ref of parsed.rest) {
    const c = findContainer(state, ref);
    if (!c) {
      stderr += `Error response from daemon: No such container: ${ref}\n`;
      continue;
    }
    const problem = act(c, state, parsed.flags);
    if (problem) stderr += `${problem}\n`;
    else stdout += `${ref}\n`;
  }
  writeState(ctx, state);
  return { stdout, stderr, code: stderr ? 1 : 0 };
}

function logs(args: string[], ctx: ShellContext, host: ContainerHost | undefined): CommandResult {
  const parsed = parseOptions(args, ['-n', '--tail', '--since', '--until'], ['-f', '--follow', '-t', '--timestamps'], false);
  if (typeof parsed === 'string') return unknownFlag(parsed, 'logs');
  if (parsed.rest.length !== 1) return err(`docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nSee 'docker logs --help' for more information`, 1);
  const c = findContainer(readState(ctx), parsed.rest[0]!);
  if (!c) return err(`Error response from daemon: No such container: ${parsed.rest[0]}`);
  // What the lab's Python printed when it ran the container's program (uvicorn logs to stderr).
  if (c.log !== null) return { stdout: '', stderr: `${c.log}${host?.requestLog(c.id) ?? ''}`, code: 0 };
  return { stdout: '', stderr: `lab: the lab does not run \`${c.command.join(' ')}\`, so the container has no logs of its own.\n${answerOn(c).join('\n')}\n`, code: 0 };
}

/** `docker` with a host that runs containers' programs (the worker's Python), or without one. */
export const createDockerProgram = (host?: ContainerHost): Program => (args, ctx) => {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    return ok(`Usage:  docker [OPTIONS] COMMAND\n\nThe lab's docker has these commands (Docker has more):\n  build   Build an image from the project's Dockerfile\n  images  List images\n  run     Create and run a container from an image\n  ps      List containers\n  logs    What a container would log\n  stop    Stop running containers\n  rm      Remove containers\n`);
  }
  if (sub === '--version' || sub === '-v') return notSimulated('version');
  switch (sub) {
    case 'build':
      return dockerBuild(rest, ctx);
    case 'images':
      return images(rest, ctx);
    case 'run':
      return run(rest, ctx, host);
    case 'ps':
      return ps(rest, ctx);
    case 'logs':
      return logs(rest, ctx, host);
    case 'stop':
      return withContainers(rest, ctx, 'stop', [], (c) => {
        // uvicorn ends on SIGTERM with status 0.
        if (c.state === 'running') {
          Object.assign(c, { state: 'exited', exitCode: 0, finished: ctx.now() });
          if (c.log !== null) host?.stop(c.id);
        }
        return null;
      });
    case 'rm':
      return withContainers(rest, ctx, 'rm', ['-f', '--force'], (c, state, flags) => {
        if (c.state === 'running' && !flags['-f'] && !flags['--force']) {
          return `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`;
        }
        state.containers = state.containers.filter((x) => x !== c);
        return null;
      });
    default:
      if (NOT_SIMULATED[sub]) return notSimulated(NOT_SIMULATED[sub]);
      return err(`docker: unknown command: docker ${sub}\n\nRun 'docker --help' for more information`);
  }
};

/** `docker` where nothing runs a container's program (the shell alone). */
export const dockerProgram: Program = createDockerProgram();

const TRIAL_TAG = 'lab-check';

/**
 * The image of the project as `docker build -t lab-check .` makes it, run as `docker run -d -p
 * PUBLISH lab-check`, asked each request on the host's port, then stopped. It uses the learner's
 * files but none of their images or containers (a state of its own, in memory), and the program's
 * own server is back afterwards (host.aside).
 */
export function tryContainer(fs: LabFs, home: string, now: () => number, host: ContainerHost, spec: ContainerTrialSpec): ContainerTrial {
  const statePath = `${home}/${STATE}`;
  let scratch: Uint8Array | null = null;
  const scratchFs: LabFs = {
    readdir: (path) => fs.readdir(path),
    stat: (path) => fs.stat(path),
    unlink: (path) => fs.unlink(path),
    rmdir: (path) => fs.rmdir(path),
    rename: (from, to) => fs.rename(from, to),
    readFile: (path) => (path === statePath ? scratch : fs.readFile(path)),
    writeFile: (path, data) => {
      if (path === statePath) scratch = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      else fs.writeFile(path, data);
    },
    mkdir: (path) => {
      if (!fs.stat(path)) fs.mkdir(path);
    },
  };
  const ctx: ShellContext = { fs: scratchFs, cwd: home, home, now, programs: {} };
  const trial: ContainerTrial = { publish: spec.publish, commands: [], exited: null, exchanges: [] };
  const typed = (line: string, result: CommandResult) => {
    trial.commands.push({ line, code: result.code, output: `${result.stdout}${result.stderr}` });
    return result.code === 0;
  };
  return host.aside(() => {
    if (!typed(`docker build -t ${TRIAL_TAG} .`, dockerBuild(['-t', TRIAL_TAG, '.'], ctx))) return trial;
    if (!typed(`docker run -d -p ${spec.publish} ${TRIAL_TAG}`, run(['-d', '-p', spec.publish, TRIAL_TAG], ctx, host))) return trial;
    const container = readState(ctx).containers[0];
    if (container && container.state === 'exited') {
      trial.exited = { code: container.exitCode, log: container.log ?? '', command: container.command.join(' ') };
      return trial;
    }
    trial.exchanges = spec.requests.map((r) => host.request(r));
    return trial;
  });
}
