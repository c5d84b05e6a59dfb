// Setting up and driving CPython (Pyodide) for the lab; used by the Web Worker
// in the browser and directly by the Node tests, so both run the same code.
import type { PyodideAPI } from 'pyodide';
import { HOME, LIB_DIR, writeFile, writeLabModules } from './labFiles';
import { RerunJournal } from './rerunJournal';
import { fsRecords, isUnfollowedLink, pyodideFs } from './pyodideFs';
import { ChangeRecord } from '../shell/fs';
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
    return runner.probe(ask, new RerunJournal(py)) as string;
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

type EmscriptenFs = PyodideAPI['FS'];
type FsNode = object;
type Stream = { node: FsNode };
/** The hooks this Pyodide's Emscripten FS calls (FS.trackingDelegate; its library_fs.js). */
interface TrackingDelegate {
  onOpenFile?: (path: string | FsNode, flags: number) => void;
  onMovePath?: (from: string, to: string) => void;
  onDeletePath?: (path: string) => void;
  onMakeSymlink?: (target: string, path: string) => void;
}
/** The parts of Emscripten's FS the tracker hooks (Pyodide's typings leave them out). */
interface HookedFs {
  trackingDelegate: TrackingDelegate;
  getPath(node: FsNode): string;
  write(stream: Stream, ...rest: unknown[]): number;
  doTruncate(stream: Stream | null, node: FsNode, len: number): void;
  msync(stream: Stream, ...rest: unknown[]): number;
}
/** open(2) flags that can change a file: write-only, read-write, create, truncate. */
const CHANGING_OPEN = 1 | 2 | 64 | 512;

/**
 * Every file of the project (skipping the lab's caches and links to folders), to persist the
 * world; `changes` sends what changed since the last look. It does not walk the project: the
 * file system reports what was done to it (Emscripten's FS.trackingDelegate for opens that can
 * write, moves, deletes and links; FS.write, FS.doTruncate and FS.msync wrapped for the file each
 * write reaches, wherever it has moved since it was opened), and only those paths are looked at,
 * so a Run costs what it changed, not the project's size (issue 22). Everything that changes a
 * file goes through those: Python's open/write/os.rename/os.replace/os.remove/shutil.rmtree
 * (and pandas, MLflow, … on top of them), the shell's commands, git and DVC (pyodideFs), and the
 * lab's own writes. A symbolic link in the project (a write through it changes the link's path
 * too) or a move or delete of the project folder itself makes the next look a walk.
 */
export class WorldTracker {
  private seen = new Map<string, Seen>();
  /** Absolute paths and files (nodes: a moved file's path is found when it is looked at) touched since the last look. */
  private paths = new Set<string>();
  private nodes = new Set<FsNode>();
  /** Look at everything next time (a link in the project, the project folder itself moved). */
  private walkNext = false;
  private alwaysWalk = false;
  private readonly FS: EmscriptenFs;

  /** `watch`: false for a one-off look at every file (snapshotWorld), which needs no reports. */
  constructor(py: PyodideAPI, watch = true) {
    this.FS = py.FS;
    if (watch) this.listen();
  }

  private listen() {
    const FS = this.FS as unknown as HookedFs;
    if (!FS.trackingDelegate || typeof FS.doTruncate !== 'function') {
      // A Pyodide whose file system reports nothing: every look is a walk, as before.
      this.alwaysWalk = true;
      return;
    }
    // Every path the hooks see goes into the file system's record too (git status's, anywhere in the file system).
    const record = new ChangeRecord();
    fsRecords.set(this.FS, record);
    const touch = (path: string) => {
      this.touch(path);
      record.touch(path);
    };
    const touchNode = (node: FsNode) => {
      this.nodes.add(node);
      if (!this.FS.isFile((node as { mode: number }).mode)) return; // a write to the console, not to a file
      try {
        record.touch(FS.getPath(node));
      } catch {
        record.lose();
      }
    };
    const delegate = FS.trackingDelegate;
    const before = { ...delegate };
    delegate.onOpenFile = (path, flags) => {
      before.onOpenFile?.(path, flags);
      if (flags & CHANGING_OPEN) touch(typeof path === 'string' ? path : FS.getPath(path));
    };
    delegate.onMovePath = (from, to) => {
      before.onMovePath?.(from, to);
      touch(from);
      touch(to);
    };
    delegate.onDeletePath = (path) => {
      before.onDeletePath?.(path);
      touch(path);
    };
    delegate.onMakeSymlink = (target, path) => {
      before.onMakeSymlink?.(target, path);
      record.lose(true);
      if (path.startsWith(`${HOME}/`) || !path.startsWith('/')) this.walkNext = true;
    };
    // A write names the path the file was opened at (stream.path, stale after a move): keep the file itself.
    const { write, doTruncate, msync } = FS;
    FS.write = (stream, ...rest) => {
      touchNode(stream.node);
      return write.call(FS, stream, ...rest);
    };
    FS.doTruncate = (stream, node, len) => {
      touchNode(node);
      doTruncate.call(FS, stream, node, len);
    };
    FS.msync = (stream, ...rest) => {
      touchNode(stream.node);
      return msync.call(FS, stream, ...rest);
    };
  }

  private touch(path: string) {
    if (!path.startsWith('/')) this.walkNext = true; // relative to a folder not known here
    else if (path === HOME || HOME.startsWith(`${path}/`)) this.walkNext = true; // the project folder itself (or one of its parents)
    else if (path.startsWith(`${HOME}/`)) this.paths.add(path);
  }

  /** The file at `full`, for `visit`; a link to a folder or to nowhere is skipped, a link to a file is read as that file. */
  private statOf(full: string): { dir: boolean; mtime: number; size: number; link: boolean } | null {
    const FS = this.FS;
    let st;
    try {
      st = FS.lstat(full);
    } catch {
      return null;
    }
    const link = FS.isLink(st.mode);
    if (link) {
      if (isUnfollowedLink(FS, full)) return null;
      st = FS.stat(full);
    }
    if (!FS.isDir(st.mode) && !FS.isFile(st.mode)) return null;
    return { dir: FS.isDir(st.mode), mtime: st.mtime instanceof Date ? st.mtime.getTime() : Number(st.mtime), size: st.size, link };
  }

  /** Every file under `full` (at `rel` in the project): a link on the way makes the next look a walk. */
  private walk(full: string, rel: string, visit: (path: string, full: string, mtime: number, size: number) => void) {
    for (const name of this.FS.readdir(full) as string[]) {
      if (name === '.' || name === '..' || name === '__pycache__') continue;
      const child = `${full}/${name}`;
      const path = rel ? `${rel}/${name}` : name;
      const st = this.statOf(child);
      if (!st) continue;
      if (st.link) this.walkNext = true;
      if (st.dir) this.walk(child, path, visit);
      else visit(path, child, st.mtime, st.size);
    }
  }

  private read(full: string): string {
    return encodeFile(this.FS.readFile(full) as Uint8Array);
  }

  private remember(path: string, mtime: number, size: number, value: string) {
    this.seen.set(path, { mtime, size, value: value.length <= REMEMBER_CHARS ? value : null });
  }

  /** A file as it is now, into `files` when its content is not what was last seen. */
  private look(files: WorldFiles, path: string, full: string, mtime: number, size: number) {
    const before = this.seen.get(path);
    if (before && before.mtime === mtime && before.size === size) return;
    const value = this.read(full);
    if (before?.value !== value) files[path] = value;
    this.remember(path, mtime, size, value);
  }

  private forget() {
    this.paths.clear();
    this.nodes.clear();
    this.walkNext = false;
  }

  /** Every file, as the start of what later changes are measured against. */
  all(): WorldFiles {
    const files: WorldFiles = {};
    this.seen.clear();
    this.forget();
    this.walk(HOME, '', (path, full, mtime, size) => {
      const value = this.read(full);
      files[path] = value;
      this.remember(path, mtime, size, value);
    });
    return files;
  }

  changes(): WorldChanges {
    for (const node of this.nodes) {
      try {
        this.touch((this.FS as unknown as HookedFs).getPath(node));
      } catch {
        /* a node with no path any more: its removal was reported */
      }
    }
    return this.walkNext || this.alwaysWalk ? this.walkAll() : this.lookAtTouched();
  }

  /** The whole project compared with what was seen (where the file system's reports cannot say what changed). */
  private walkAll(): WorldChanges {
    this.forget();
    const files: WorldFiles = {};
    const present = new Set<string>();
    this.walk(HOME, '', (path, full, mtime, size) => {
      present.add(path);
      this.look(files, path, full, mtime, size);
    });
    const removed = [...this.seen.keys()].filter((path) => !present.has(path));
    for (const path of removed) this.seen.delete(path);
    return { files, removed };
  }

  /** Only the paths the file system reported: each file, or each file under a folder, as it is now. */
  private lookAtTouched(): WorldChanges {
    const touched = [...this.paths];
    this.forget();
    const files: WorldFiles = {};
    const removed = new Set<string>();
    /** Folders (or files now) where seen files may have been: any seen file under one that is not there now is gone. */
    const gone = new Set<string>();
    const present = new Set<string>();
    for (const full of touched) {
      const path = full.slice(HOME.length + 1);
      if (path.split('/').includes('__pycache__')) continue;
      const st = this.statOf(full);
      if (st?.link) this.walkNext = true;
      if (!st) {
        if (this.seen.delete(path)) removed.add(path);
        gone.add(path);
      } else if (st.dir) {
        if (this.seen.delete(path)) removed.add(path);
        gone.add(path);
        this.walk(full, path, (file, child, mtime, size) => {
          present.add(file);
          this.look(files, file, child, mtime, size);
        });
      } else {
        if (!this.seen.has(path)) gone.add(path); // it may have been a folder
        present.add(path);
        this.look(files, path, full, st.mtime, st.size);
      }
    }
    if (gone.size) {
      for (const path of this.seen.keys()) {
        if (present.has(path)) continue;
        for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
          if (gone.has(path.slice(0, cut))) {
            removed.add(path);
            break;
          }
        }
      }
      for (const path of removed) this.seen.delete(path);
    }
    for (const path of removed) delete files[path];
    return { files, removed: [...removed] };
  }
}

/** Every file of the project, once (tests and the lesson proof). */
export function snapshotWorld(py: PyodideAPI): WorldFiles {
  return new WorldTracker(py, false).all();
}

/**
 * `docker run` in the lab's Python: the image's Python files laid out under
 * /lab/containers/<id>, its app imported from there and served by the lab's
 * uvicorn (uvicorn._serve_container), or its Python program run there
 * (lab_runner.container_program), so the preview's requests reach the
 * container's own code. A container bound inside itself is served but refuses them.
 */
export function containerHost(py: PyodideAPI): ContainerHost {
  const layOut = (spec: { id: string; sources: Record<string, string>; folder: string }) => {
    const root = `/lab/containers/${spec.id.slice(0, 12)}`;
    for (const [path, source] of Object.entries(spec.sources)) writeFile(py, `${root}${path}`, source);
    py.FS.mkdirTree(`${root}${spec.folder}`);
    return root;
  };
  return {
    serve(spec) {
      const root = layOut(spec);
      const uvicorn = py.pyimport('uvicorn');
      try {
        // undefined, not null: Pyodide passes JS null as jsnull, which is not None.
        const answer = uvicorn._serve_container(`${root}${spec.folder}`, spec.app, spec.host, spec.port, spec.refused ?? undefined, spec.missing, spec.id);
        const [log, exitCode] = answer.toJs() as [string, number | undefined];
        answer.destroy();
        return { log, exitCode: exitCode ?? null };
      } finally {
        uvicorn.destroy();
      }
    },
    program(spec) {
      const root = layOut(spec);
      const runner = py.pyimport('lab_runner');
      const uvicorn = py.pyimport('uvicorn');
      try {
        const ran = JSON.parse(runner.container_program(JSON.stringify(spec.argv), `${root}${spec.folder}`, JSON.stringify(spec.env), JSON.stringify(spec.missing), root, spec.id) as string) as {
          log: string;
          code: number;
          address: [string, number] | null;
        };
        if (!ran.address) return { log: ran.log, exitCode: ran.code, address: null };
        const address = { host: ran.address[0], port: ran.address[1] };
        uvicorn._refuse(spec.refusedFor(address) ?? undefined);
        return { log: ran.log, exitCode: null, address };
      } finally {
        uvicorn.destroy();
        runner.destroy();
      }
    },
    requestLog(id) {
      const uvicorn = py.pyimport('uvicorn');
      try {
        return uvicorn._container_log(id) as string;
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
