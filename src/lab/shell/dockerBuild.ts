// `docker build` in the lab: the project folder as the build context, the
// Dockerfile read by the shared model (checks/dockerfile.ts), and output in
// BuildKit's plain progress style (moby/buildkit progressui printer.go: `#N`
// vertices, `#N DONE 0.0s`, log lines with their seconds, the error box and
// the Dockerfile excerpt of solver/errdefs/source.go). The lab has no registry
// and no network: FROM python:* is the lab's own Python, and RUN runs pip
// installs against the lab's own modules; anything else it says it does not run.
import { buildContext, expand, readDockerfile, resolveCopy, imageConfig, type DockerfileModel, type Stage, type Step } from '../checks/dockerfile';
import { md5 } from './md5';
import { normalize, type LabFs } from './fs';
import { text } from './shell';

/** A requirement pip can install: a name the lab offers and its version. */
export type LabPackages = Record<string, string>;

export interface ImageRecord {
  /** sha256 of the image's config, 64 hex. */
  id: string;
  tags: string[];
  created: number;
  /** Bytes copied in from the project (the lab's images hold nothing else). */
  size: number;
  base: string;
  workdir: string;
  env: Record<string, string>;
  exposed: number[];
  command: string[];
  /** Files in the image: image path → md5 of the project file copied there. */
  files: Record<string, string>;
  /** The Python files' text (image path → source): what a container of it imports. */
  sources: Record<string, string>;
  packages: Record<string, string>;
}

export interface BuildOptions {
  contextDir: string;
  dockerfile: string;
  tags: string[];
  buildArgs: Record<string, string>;
}

export interface BuildResult {
  output: string;
  code: number;
  image: ImageRecord | null;
}

/** pip's name normalisation (PEP 503). */
export const canonical = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** Every file under `dir` (relative paths), skipping the lab's own `.lab` folder. */
export function walk(fs: LabFs, dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of fs.readdir(rel ? `${dir}/${rel}` : dir) ?? []) {
    const path = rel ? `${rel}/${name}` : name;
    if (path === '.lab') continue;
    if (fs.stat(`${dir}/${path}`)?.type === 'dir') out.push(...walk(fs, dir, path));
    else out.push(path);
  }
  return out;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const hexOf = (seed: string, length: number) => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += md5(new TextEncoder().encode(`${seed}:${i}`));
  return out.slice(0, length);
};

/** docker.io/library/python:3.12-slim for `python:3.12-slim` (how BuildKit names the base). */
export function fullImageName(image: string): string {
  const hasTag = /:[^/]+$/.test(image) || image.includes('@');
  const named = hasTag ? image : `${image}:latest`;
  const parts = named.split('/');
  if (parts.length === 1) return `docker.io/library/${named}`;
  if (!parts[0]!.includes('.') && !parts[0]!.includes(':') && parts[0] !== 'localhost') return `docker.io/${named}`;
  return named;
}

/** BuildKit's excerpt of the Dockerfile around a failing line (errdefs Source.Print: two lines either side). */
function excerpt(model: DockerfileModel, file: string, line: number): string {
  const lines = model.lines;
  let start = line;
  let end = line;
  for (let p = 0; p < 4; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
  }
  let out = `${file}:${line}\n--------------------\n`;
  for (let i = start; i <= end; i++) out += ` ${String(i).padStart(3)} | ${i === line ? '>>>' : '   '} ${lines[i - 1] ?? ''}\n`;
  return `${out}--------------------\n`;
}

/** One requirement line: its name, extras dropped, and its version specifiers. */
interface Requirement {
  text: string;
  name: string;
  specifiers: [string, string][];
  from: string;
}

function parseRequirement(line: string, from: string): Requirement | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)/.exec(line);
  if (!m) return null;
  const specifiers = m[3]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => /^(===|~=|==|!=|<=|>=|<|>)\s*(.+)$/.exec(s))
    .filter((s): s is RegExpExecArray => s !== null)
    .map((s) => [s[1]!, s[2]!.trim()] as [string, string]);
  return { text: line.split(';')[0]!.trim(), name: m[1]!, specifiers, from };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** PEP 440 comparisons for plain release versions. */
export function satisfies(version: string, specifiers: [string, string][]): boolean {
  return specifiers.every(([op, want]) => {
    if (want.endsWith('.*')) {
      const prefix = `${want.slice(0, -2)}.`;
      const matches = `${version}.`.startsWith(prefix);
      return op === '!=' ? !matches : matches;
    }
    const c = compareVersions(version, want);
    switch (op) {
      case '==':
      case '===':
        return c === 0;
      case '!=':
        return c !== 0;
      case '>=':
        return c >= 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '<':
        return c < 0;
      default: {
        // ~=X.Y: >= X.Y and == X.*
        const parts = want.split('.');
        return c >= 0 && satisfies(version, [['==', `${parts.slice(0, -1).join('.')}.*`]]);
      }
    }
  });
}

interface PipRun {
  lines: string[];
  code: number;
  installed: Record<string, string>;
}

/** pip install against the lab's modules, in pip's words (resolvelib factory.py, req_file.py, commands/install.py). */
function pip(
  install: Extract<Step, { kind: 'RUN' }>['pip'][number],
  readImageFile: (path: string) => string | null,
  packages: LabPackages,
): PipRun {
  const lines: string[] = [];
  const reqs: Requirement[] = [];
  const readRequirements = (path: string, shown: string): string | null => {
    const content = readImageFile(path);
    if (content === null) return `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${shown}'`;
    for (const [i, raw] of content.split('\n').entries()) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      const nested = /^(?:-r|--requirement)(?:\s+|=)(\S+)$/.exec(line);
      if (nested) {
        const problem = readRequirements(normalize(path.slice(0, path.lastIndexOf('/')) || '/', nested[1]!), nested[1]!);
        if (problem) return problem;
        continue;
      }
      if (line.startsWith('-')) continue; // index options (-i, --extra-index-url): the lab has one index
      const req = parseRequirement(line, `-r ${shown} (line ${i + 1})`);
      if (req) reqs.push(req);
    }
    return null;
  };
  for (const [i, file] of install.requirementFiles.entries()) {
    const problem = readRequirements(file, install.requirementArgs[i]!);
    if (problem) return { lines: [problem], code: 1, installed: {} };
  }
  for (const spec of install.packages) {
    const req = parseRequirement(spec, '');
    if (req) reqs.push(req);
  }
  const installed: Record<string, string> = {};
  for (const req of reqs) {
    lines.push(`Collecting ${req.text}${req.from ? ` (from ${req.from})` : ''}`);
    const version = packages[canonical(req.name)];
    if (version === undefined || !satisfies(version, req.specifiers)) {
      lines.push(`ERROR: Could not find a version that satisfies the requirement ${req.text} (from versions: ${version ?? 'none'})`);
      lines.push(`ERROR: No matching distribution found for ${req.text}`);
      if (version === undefined) lines.push(`lab: the lab's package index has only the lab's own modules: ${Object.keys(packages).sort().join(', ')}`);
      return { lines, code: 1, installed: {} };
    }
    installed[req.name] = version;
  }
  const names = Object.keys(installed);
  if (names.length) {
    lines.push(`Installing collected packages: ${names.join(', ')}`);
    lines.push(`Successfully installed ${[...names].sort((a, b) => canonical(a).localeCompare(canonical(b))).map((n) => `${n}-${installed[n]}`).join(' ')}`);
  }
  lines.push("lab: pip installs the lab's own modules into the image; nothing is downloaded");
  return { lines, code: 0, installed };
}

/** Build the image; its output is what `docker build --progress=plain` prints. */
export function build(fs: LabFs, options: BuildOptions, packages: LabPackages, now: () => number): BuildResult {
  let out = '#0 building with "default" instance using docker driver\n\n';
  let n = 0;
  const vertex = (name: string, body: string[] = [], end = 'DONE 0.0s') => {
    n++;
    out += `#${n} ${name}\n${body.map((l) => `#${n} ${l}\n`).join('')}#${n} ${end}\n\n`;
    return n;
  };
  const dockerfilePath = normalize(options.contextDir, options.dockerfile);
  const shownFile = options.dockerfile.replace(/^\.\//, '');
  const data = fs.readFile(dockerfilePath);
  if (!data) {
    vertex(`[internal] load build definition from ${shownFile}`, ['transferring dockerfile: 2B done']);
    return { output: `${out.trimEnd()}\nERROR: failed to build: failed to solve: failed to read dockerfile: open ${shownFile}: no such file or directory\n`, code: 1, image: null };
  }
  const dockerfile = text(data);
  vertex(`[internal] load build definition from ${shownFile}`, [`transferring dockerfile: ${data.length}B done`]);
  const model = readDockerfile(dockerfile, options.buildArgs);
  if (model.error) {
    out = out.trimEnd() + '\n';
    return { output: `${out}${excerpt(model, shownFile, model.error.line)}ERROR: failed to build: failed to solve: ${model.error.message}\n`, code: 1, image: null };
  }
  const stage = model.stages.at(-1)!;
  const base = fullImageName(stage.image);
  vertex(`[internal] load metadata for ${base}`);
  const ignoreData = fs.readFile(`${options.contextDir}/.dockerignore`);
  vertex('[internal] load .dockerignore', [`transferring context: ${ignoreData?.length ?? 2}B done`]);
  const repo = stage.image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
  if (!/^((docker\.io|index\.docker\.io)\/)?(library\/)?python$/.test(repo)) {
    const id = vertex(`[1/${buildSteps(stage).length + 1}] FROM ${base}`, [], `ERROR: ${base}: the lab has no registry and only Python images (python:<tag>)`);
    void id;
    return { output: `${out.trimEnd()}\n${excerpt(model, shownFile, stage.line)}ERROR: failed to build: failed to solve: ${base}: the lab has no registry and only Python images (python:<tag>)\n`, code: 1, image: null };
  }
  const context = buildContext(walk(fs, options.contextDir), ignoreData ? text(ignoreData) : null);
  const steps = buildSteps(stage);
  const total = steps.length + 1;
  const label = (i: number) => `[${model.stages.length > 1 ? `${stage.name ?? `stage-${model.stages.length - 1}`} ` : ''}${i}/${total}]`;
  vertex(`${label(1)} FROM ${base}`, ['lab: the lab\'s own Python image (no registry, nothing pulled)']);
  const contextBytes = context.files.reduce((sum, f) => sum + (fs.readFile(`${options.contextDir}/${f}`)?.length ?? 0), 0);
  if (steps.some((s) => s.kind === 'COPY' || s.kind === 'ADD')) vertex('[internal] load build context', [`transferring context: ${contextBytes}B done`]);
  // The image's files as the steps make them: image path → project path.
  const files = new Map<string, string>();
  const dirs = new Set<string>(['/', '/usr', '/usr/local', '/tmp', '/opt', '/srv', '/home', '/root', '/etc', '/var']);
  const installed: Record<string, string> = {};
  const started = now();
  // progressui printErrorLogs: the failed vertex's last logs in a box, then the excerpt and the error.
  const fail = (step: Step, name: string, logs: string[], error: string, solveError = error) => {
    n++;
    out += `#${n} ${name}\n${logs.map((l) => `#${n} ${l}\n`).join('')}#${n} ERROR: ${error}\n`;
    out += `------\n > ${name}:\n${logs.slice(-10).map((l) => `${l}\n`).join('')}------\n`;
    return { output: `${out}${excerpt(model, shownFile, step.line)}ERROR: failed to build: failed to solve: ${solveError}\n`, code: 1, image: null };
  };
  for (const [i, step] of steps.entries()) {
    const name = `${label(i + 2)} ${step.kind} ${'text' in step ? step.text : step.kind === 'WORKDIR' ? step.dir : ''}`.trimEnd();
    if (step.kind === 'WORKDIR') {
      dirs.add(step.dir);
      vertex(name);
    } else if (step.kind === 'COPY' || step.kind === 'ADD') {
      if (step.fromStage !== null) {
        vertex(name, [`lab: the lab's build copies nothing from other stages (--from=${step.fromStage})`]);
        continue;
      }
      const { placed, missing } = resolveCopy(step, context, dirs);
      if (missing !== null) {
        const ref = `${hexOf(`${dockerfile}ref`, 25)}::${hexOf(`${dockerfile}snap`, 25)}`;
        const error = `failed to calculate checksum of ref ${ref}: "/${missing.replace(/^\.?\//, '')}": not found`;
        return fail(step, name, [], error, `failed to compute cache key: ${error}`);
      }
      for (const [to, from] of placed) {
        files.set(to, from);
        for (let d = to.slice(0, to.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
      }
      vertex(name);
    } else if (step.kind === 'RUN') {
      const at = () => `${((now() - started) / 1000).toFixed(3)} `;
      if (step.pip.length === 0) {
        vertex(name, [`${at()}lab: the lab's build runs only pip installs; \`${step.text}\` is not run`]);
        continue;
      }
      const logs: string[] = [];
      for (const install of step.pip) {
        const result = pip(install, (path) => {
          const from = files.get(path);
          const bytes = from === undefined ? null : fs.readFile(`${options.contextDir}/${from}`);
          return bytes ? text(bytes) : null;
        }, packages);
        logs.push(...result.lines.map((l) => `${at()}${l}`));
        if (result.code !== 0) {
          const process = step.form === 'exec' ? JSON.parse(step.text).join(' ') : `/bin/sh -c ${step.text}`;
          return fail(step, name, logs, `process "${process}" did not complete successfully: exit code: ${result.code}`);
        }
        Object.assign(installed, result.installed);
      }
      vertex(name, logs);
    }
  }
  const config = imageConfig(model, context)!;
  const imageFiles: Record<string, string> = {};
  const sources: Record<string, string> = {};
  let size = 0;
  for (const [to, from] of files) {
    const bytes = fs.readFile(`${options.contextDir}/${from}`) ?? new Uint8Array();
    imageFiles[to] = md5(bytes);
    if (to.endsWith('.py')) sources[to] = text(bytes);
    size += bytes.length;
  }
  const record = {
    base: config.base,
    workdir: config.workdir,
    env: expandAll(config.env),
    exposed: config.exposed,
    command: config.command,
    files: imageFiles,
    sources,
    packages: installed,
  };
  const id = hexOf(JSON.stringify(record), 64);
  const image: ImageRecord = { id, tags: options.tags, created: now(), size, ...record };
  const naming = options.tags.map((t) => `naming to ${fullImageName(t)} done`);
  vertex('exporting to image', ['exporting layers done', `writing image sha256:${id} done`, ...naming], `DONE ${seconds(0)}s`);
  return { output: out.trimEnd() + '\n', code: 0, image };
}

const expandAll = (env: Record<string, string>) => Object.fromEntries(Object.entries(env).map(([k, v]) => [k, expand(v, env)]));

/** The steps BuildKit shows as numbered vertices: those that change the image's files. */
function buildSteps(stage: Stage) {
  return stage.steps.filter((s): s is Extract<Step, { kind: 'WORKDIR' | 'COPY' | 'ADD' | 'RUN' }> => s.kind === 'WORKDIR' || s.kind === 'COPY' || s.kind === 'ADD' || s.kind === 'RUN');
}
