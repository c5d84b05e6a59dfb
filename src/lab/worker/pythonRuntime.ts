// Setting up and driving CPython (Pyodide) for the lab; used by the Web Worker
// in the browser and directly by the Node tests, so both run the same code.
import type { PyodideAPI } from 'pyodide';
import { HOME, LIB_DIR, writeFile, writeLabModules } from './labFiles';
import { isUnfollowedLink, pyodideFs } from './pyodideFs';
import { decodeFile, encodeFile, validateWorld } from '../worldFiles';
import { createStartProject } from '../shell/project';
import type { CommandResult, PythonOptions } from '../shell/shell';
import type { StartWorld } from '../startWorld';
import type { ContainerHost } from '../shell/docker';
import type { WireOutcome } from '../protocol';
import type { HttpExchange, HttpRequest, WorldFiles } from '../types';

function removeTree(py: PyodideAPI, path: string) {
  for (const name of py.FS.readdir(path) as string[]) {
    if (name === '.' || name === '..') continue;
    const full = `${path}/${name}`;
    if (py.FS.isDir(py.FS.stat(full).mode)) {
      removeTree(py, full);
      py.FS.rmdir(full);
    } else py.FS.unlink(full);
  }
}

/** How the lab was set up. */
export interface LabSetup {
  /**
   * Why the saved world could not be laid out whole, if it could not: its good
   * files were laid out (or, if none could be written, the start project). The
   * page should keep the saved world for recovery and tell the learner.
   */
  setAside: string[] | null;
}

/**
 * The lab is set up in two halves, and the worker locks itself down between
 * them (worker.ts), so nothing from the project is imported or run before the
 * network, the page's storage and messaging are cut:
 *
 * 1. prepareLab: the lab's own modules, written under LIB_DIR, and the runner
 *    imported with the project folder (and '', the current folder) off
 *    sys.path, so a project file named like a standard module (csv.py,
 *    email.py) is never what the lab's imports load;
 * 2. layOutProject: the learner's project.
 *
 * Each run puts the program's folder first on sys.path, as `python main.py`
 * does, and takes it off again (lab_runner.py `_as_program`).
 */
export function prepareLab(py: PyodideAPI) {
  writeLabModules(py);
  // No keyboard in the lab: input() meets the end of input (EOFError, as real Python does
  // with nothing on stdin) instead of Pyodide's default, which calls prompt() and fails in a worker.
  py.setStdin({ stdin: () => null, isatty: false });
  py.FS.mkdirTree(HOME);
  py.runPython(`
import importlib, os, sys
sys.path[:] = [p for p in sys.path if p not in ("", ${JSON.stringify(HOME)}, ${JSON.stringify(LIB_DIR)})] + [${JSON.stringify(LIB_DIR)}]
os.chdir(${JSON.stringify(HOME)})
sys.setrecursionlimit(800)
importlib.invalidate_caches()
import lab_runner
`);
}

/**
 * Lay out the project: the saved world's good files (validateWorld; the bad
 * entries are reported in `setAside`), else the lesson's start project (`start`: a git repository with one commit, the
 * other start files untracked). The project folder always exists, even when
 * the learner deleted every file in it. Only the modules `start` offers can be
 * imported by the learner's code (the runner itself uses them all).
 */
export async function layOutProject(py: PyodideAPI, world: WorldFiles | null, start: StartWorld): Promise<LabSetup> {
  let setAside: string[] | null = null;
  let laidOut = false;
  const check = world ? validateWorld(world) : null;
  if (check?.problems.length) setAside = check.problems; // the good files are still laid out
  if (check?.world) {
    try {
      for (const [path, value] of Object.entries(check.world)) writeFile(py, `${HOME}/${path}`, decodeFile(value));
      laidOut = true;
    } catch (error) {
      setAside = [`its files could not be written (${error instanceof Error ? error.message : String(error)})`];
    }
  }
  if (!laidOut) {
    removeTree(py, HOME);
    await createStartProject(pyodideFs(py), HOME, start);
  }
  const runner = py.pyimport('lab_runner');
  try {
    runner.offer(JSON.stringify(start.modules));
  } finally {
    runner.destroy();
  }
  return { setAside };
}

/** Both halves at once, where there is nothing to lock down (the Node lab of the tests and the lesson proof). */
export async function setupLab(py: PyodideAPI, world: WorldFiles | null, start: StartWorld): Promise<LabSetup> {
  prepareLab(py);
  return layOutProject(py, world, start);
}

/** When the learner's own program starts and ends inside a run (the rest is the lab's bookkeeping). */
export type ProgramClock = (phase: 'running' | 'ended') => void;

/** Run the learner's code; stdout/stderr go wherever the runtime's streams point. `record`: the step has assert checks, so the outcome carries the run's record for the judge. */
export function runLearnerCode(
  py: PyodideAPI,
  code: string,
  filename: string,
  variables: string[],
  requests: HttpRequest[] = [],
  record = false,
  clock?: ProgramClock,
): WireOutcome {
  writeFile(py, `${HOME}/${filename}`, code);
  const runner = py.pyimport('lab_runner');
  try {
    return JSON.parse(runner.run(code, filename, JSON.stringify(variables), JSON.stringify(requests), record, clock) as string) as WireOutcome;
  } finally {
    runner.destroy();
  }
}

/** What the judge asks of the last program (run it again, call a function, send its app a request): the answer as the runner wrote it (JSON the judge reads; NaN may be in it). */
export function probeLab(py: PyodideAPI, ask: string): string {
  const runner = py.pyimport('lab_runner');
  try {
    return runner.probe(ask) as string;
  } finally {
    runner.destroy();
  }
}

/** `python ARGS…` typed in the shell: runs in the lab's Python over the same files; output and status come back to the shell. */
export function runPythonArgv(py: PyodideAPI, argv: string[], options: PythonOptions): CommandResult {
  const runner = py.pyimport('lab_runner');
  try {
    return JSON.parse(runner.run_argv(JSON.stringify(argv), options.name, options.cwd, JSON.stringify(options.env), options.stdin) as string) as CommandResult;
  } finally {
    runner.destroy();
  }
}

/** Send one request to the app the last run is serving (the preview's request console). */
export function sendRequest(py: PyodideAPI, request: HttpRequest): HttpExchange {
  const runner = py.pyimport('lab_runner');
  try {
    const body = request.body === undefined ? '' : JSON.stringify(request.body);
    return JSON.parse(runner.request(request.method, request.path, body) as string) as HttpExchange;
  } finally {
    runner.destroy();
  }
}

/** The project's files since the last look: what changed or is new, and what is gone. */
export interface WorldChanges {
  files: WorldFiles;
  removed: string[];
}

type Seen = { mtime: number; size: number; value: string | null };
/** Files up to this size are remembered whole, so one rewritten with the same content (main.py on every Run) is no change. */
const REMEMBER_CHARS = 64 * 1024;

/**
 * Every file of the project (skipping the lab's caches and links to folders), to persist the
 * world; `changes` reads only the files whose size or modification time moved since the last
 * look, so a Run costs what it changed, not the project's size (issue 22).
 */
export class WorldTracker {
  private seen = new Map<string, Seen>();

  constructor(private readonly py: PyodideAPI) {}

  private walk(visit: (path: string, full: string, mtime: number, size: number) => void) {
    const FS = this.py.FS;
    const walk = (dir: string, rel: string) => {
      for (const name of FS.readdir(dir) as string[]) {
        if (name === '.' || name === '..' || name === '__pycache__') continue;
        const full = `${dir}/${name}`;
        // One lookup per entry (a file's lstat is its stat); a link is looked at again.
        let st = FS.lstat(full);
        if (FS.isLink(st.mode)) {
          if (isUnfollowedLink(FS, full)) continue;
          st = FS.stat(full);
        }
        const path = rel ? `${rel}/${name}` : name;
        if (FS.isDir(st.mode)) walk(full, path);
        else if (FS.isFile(st.mode)) visit(path, full, st.mtime instanceof Date ? st.mtime.getTime() : Number(st.mtime), st.size);
      }
    };
    walk(HOME, '');
  }

  private read(full: string): string {
    return encodeFile(this.py.FS.readFile(full) as Uint8Array);
  }

  /** Every file, as the start of what later changes are measured against. */
  all(): WorldFiles {
    const files: WorldFiles = {};
    this.seen.clear();
    this.walk((path, full, mtime, size) => {
      const value = this.read(full);
      files[path] = value;
      this.seen.set(path, { mtime, size, value: value.length <= REMEMBER_CHARS ? value : null });
    });
    return files;
  }

  changes(): WorldChanges {
    const files: WorldFiles = {};
    const present = new Set<string>();
    this.walk((path, full, mtime, size) => {
      present.add(path);
      const before = this.seen.get(path);
      if (before && before.mtime === mtime && before.size === size) return;
      const value = this.read(full);
      if (before?.value !== value) files[path] = value;
      this.seen.set(path, { mtime, size, value: value.length <= REMEMBER_CHARS ? value : null });
    });
    const removed = [...this.seen.keys()].filter((path) => !present.has(path));
    for (const path of removed) this.seen.delete(path);
    return { files, removed };
  }
}

/** Every file of the project, once (tests and the lesson proof). */
export function snapshotWorld(py: PyodideAPI): WorldFiles {
  return new WorldTracker(py).all();
}

/**
 * `docker run` in the lab's Python: the image's Python files laid out under
 * /lab/containers/<id>, its app imported from there and served by the lab's
 * uvicorn (uvicorn._serve_container), so the preview's requests reach the
 * container's own code. A container bound inside itself is served but refuses them.
 */
export function containerHost(py: PyodideAPI): ContainerHost {
  return {
    serve(spec) {
      const root = `/lab/containers/${spec.id.slice(0, 12)}`;
      for (const [path, source] of Object.entries(spec.sources)) writeFile(py, `${root}${path}`, source);
      py.FS.mkdirTree(`${root}${spec.folder}`);
      const uvicorn = py.pyimport('uvicorn');
      try {
        // undefined, not null: Pyodide passes JS null as jsnull, which is not None.
        const answer = uvicorn._serve_container(`${root}${spec.folder}`, spec.app, spec.host, spec.port, spec.refused ?? undefined, spec.missing);
        const [log, exitCode] = answer.toJs() as [string, number | undefined];
        answer.destroy();
        return { log, exitCode: exitCode ?? null };
      } finally {
        uvicorn.destroy();
      }
    },
    stop() {
      const uvicorn = py.pyimport('uvicorn');
      try {
        uvicorn._stop();
      } finally {
        uvicorn.destroy();
      }
    },
    aside(during) {
      const runner = py.pyimport('lab_runner');
      try {
        runner.container_check(true);
        try {
          return during();
        } finally {
          runner.container_check(false);
        }
      } finally {
        runner.destroy();
      }
    },
    request(request) {
      const runner = py.pyimport('lab_runner');
      try {
        return JSON.parse(runner.container_request(request.method, request.path, JSON.stringify(request.body ?? null)) as string) as HttpExchange;
      } finally {
        runner.destroy();
      }
    },
  };
}
