// A Run sends what the program did to the project, found from the file system's own reports,
// not from a walk of every file (issue 22): each way a learner's program or script changes
// files is seen, and an untouched project sends nothing without being walked.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { runLearnerCode, runPythonArgv, setupLab, snapshotWorld, WorldTracker, type WorldChanges } from '../../src/lab/worker/pythonRuntime';
import { pyodideFs } from '../../src/lab/worker/pyodideFs';
import { HOME } from '../../src/lab/worker/labFiles';
import { runShell } from '../../src/lab/worker/shellRuntime';
import type { WorldFiles } from '../../src/lab/types';
import { lifecycleStart } from './python';

let py: PyodideAPI;
let tracker: WorldTracker;
/** What the page holds: the first snapshot, with every change applied. */
let held: WorldFiles;

beforeAll(async () => {
  py = await loadPyodide();
  await setupLab(py, null, lifecycleStart());
  tracker = new WorldTracker(py);
  held = tracker.all();
}, 180_000);

/** The changes of one step, checked against the truth (a full snapshot after it): applied to what the page holds, they give exactly the project. */
function changesOf(step: () => void | Promise<void>): Promise<WorldChanges> {
  return (async () => {
    await step();
    const changes = tracker.changes();
    for (const [path, value] of Object.entries(changes.files)) held[path] = value;
    for (const path of changes.removed) delete held[path];
    expect(held).toEqual(snapshotWorld(py));
    return changes;
  })();
}

const python = (code: string) => () => {
  const outcome = runLearnerCode(py, code, 'main.py', []);
  expect(outcome.error).toBeNull();
};
const shellIn = async (folder: string, script: string) => {
  const { transcript } = await runShell(pyodideFs(py), folder, script, () => Date.UTC(2026, 11, 7), { python: (argv, options) => runPythonArgv(py, argv, options) });
  expect(transcript.filter((entry) => entry.code !== 0)).toEqual([]);
};
const shell = (script: string) => () => shellIn(HOME, script);
/** The paths a step sent, changed and removed (main.py, the program itself, left out). */
const sent = (changes: WorldChanges) => ({ files: Object.keys(changes.files).filter((p) => p !== 'main.py').sort(), removed: [...changes.removed].sort() });

describe('a Python Run sends what the program changed', () => {
  it("open(..., 'w') and open(..., 'a'), in a new folder", async () => {
    expect(sent(await changesOf(python('import os\nos.makedirs("out/deep", exist_ok=True)\nopen("out/deep/a.txt", "w").write("one\\n")\nopen("notes.txt", "w").write("n")\n')))).toEqual({ files: ['notes.txt', 'out/deep/a.txt'], removed: [] });
    const appended = await changesOf(python('with open("notes.txt", "a") as f:\n    f.write("+more")\n'));
    expect(appended.files['notes.txt']).toBe('n+more');
  });

  it('an empty file made by opening it, and a file cut short by truncate', async () => {
    expect(sent(await changesOf(python('open("empty.txt", "w").close()\nos_ = __import__("os")\nos_.truncate("notes.txt", 1)\n')))).toEqual({ files: ['empty.txt', 'notes.txt'], removed: [] });
    expect(held['notes.txt']).toBe('n');
  });

  it('a file written through a handle opened before it was moved is seen at its new path', async () => {
    const changes = await changesOf(python('import os\nf = open("moving.txt", "w")\nf.write("a")\nf.flush()\nos.rename("moving.txt", "moved.txt")\nf.write("b")\nf.close()\n'));
    expect(sent(changes)).toEqual({ files: ['moved.txt'], removed: [] });
    expect(changes.files['moved.txt']).toBe('ab');
  });

  it('a handle kept open from an earlier Run (an app’s log file): its later writes and truncation are seen', async () => {
    await changesOf(python('import sys\nsys.kept = open("kept.log", "w")\nsys.kept.write("first\\n")\nsys.kept.flush()\n'));
    expect((await changesOf(python('import sys\nsys.kept.write("later\\n")\nsys.kept.flush()\n'))).files['kept.log']).toBe('first\nlater\n');
    expect((await changesOf(python('import sys\nsys.kept.truncate(5)\nsys.kept.close()\n'))).files['kept.log']).toBe('first');
  });

  it('os.rename and os.replace of a file and of a folder, over an existing file', async () => {
    expect(sent(await changesOf(python('import os\nos.rename("out/deep/a.txt", "out/b.txt")\nos.replace("out/b.txt", "notes.txt")\n')))).toEqual({ files: ['notes.txt'], removed: ['out/deep/a.txt'] });
    await changesOf(python('open("out/deep/c.txt", "w").write("c")\n'));
    expect(sent(await changesOf(python('import os\nos.rename("out", "renamed")\n')))).toEqual({ files: ['renamed/deep/c.txt'], removed: ['out/deep/c.txt'] });
  });

  it('os.remove, shutil.rmtree, and a folder where a file was', async () => {
    expect(sent(await changesOf(python('import os, shutil\nos.remove("empty.txt")\nshutil.rmtree("renamed")\n')))).toEqual({ files: [], removed: ['empty.txt', 'renamed/deep/c.txt'] });
    expect(sent(await changesOf(python('import os\nos.remove("notes.txt")\nos.makedirs("notes.txt")\nopen("notes.txt/inside.txt", "w").write("i")\n')))).toEqual({ files: ['notes.txt/inside.txt'], removed: ['notes.txt'] });
    expect(sent(await changesOf(python('import shutil\nshutil.rmtree("notes.txt")\nopen("notes.txt", "w").write("back")\n')))).toEqual({ files: ['notes.txt'], removed: ['notes.txt/inside.txt'] });
  });

  it('csv.writer and binary writes, and shutil.copy and shutil.move', async () => {
    const changes = await changesOf(python('import csv, shutil\nwith open("table.csv", "w", newline="") as f:\n    csv.writer(f).writerows([["a", "b"], [1, 2]])\nopen("blob.bin", "wb").write(bytes(range(256)))\nshutil.copy("table.csv", "copy.csv")\nshutil.move("copy.csv", "moved.csv")\n'));
    expect(sent(changes)).toEqual({ files: ['blob.bin', 'moved.csv', 'table.csv'], removed: [] });
  });

  it('MLflow logging writes the tracking store, and the store alone', async () => {
    const changes = await changesOf(python('import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric("accuracy", 0.9)\n'));
    expect(sent(changes).files.filter((p) => p.startsWith('.lab/')).length).toBeGreaterThan(0);
    expect(sent(changes).files.every((p) => p.startsWith('.lab/'))).toBe(true);
  });

  it('a file rewritten with the same content, or written outside the project, is no change', async () => {
    expect(sent(await changesOf(python('open("notes.txt", "w").write("back")\nopen("/tmp/elsewhere.txt", "w").write("x")\n')))).toEqual({ files: [], removed: [] });
  });

  it('a symbolic link in the project makes the next look a walk, so a write through it is seen at both paths', async () => {
    await changesOf(python('import os\nos.symlink("notes.txt", "link.txt")\n'));
    expect(sent(await changesOf(python('open("notes.txt", "w").write("through")\n')))).toEqual({ files: ['link.txt', 'notes.txt'], removed: [] });
    await changesOf(python('import os\nos.remove("link.txt")\n'));
  });
});

describe('a shell Run sends what the script changed', () => {
  it('redirections, mkdir, cp, mv, rm -r, touch, and git add and commit', async () => {
    expect(sent(await changesOf(shell('mkdir -p sh/a\necho hi > sh/a/x.txt\necho more >> sh/a/x.txt\ncp sh/a/x.txt sh/y.txt\n')))).toEqual({ files: ['sh/a/x.txt', 'sh/y.txt'], removed: [] });
    expect(sent(await changesOf(shell('mv sh/a sh/b\nrm sh/y.txt\n')))).toEqual({ files: ['sh/b/x.txt'], removed: ['sh/a/x.txt', 'sh/y.txt'] });
    const committed = sent(await changesOf(shell('git add sh\ngit commit -q -m "sh"\n')));
    expect(committed.files).toContain('.git/index');
    expect(committed.files.every((p) => p.startsWith('.git/'))).toBe(true);
    expect(sent(await changesOf(shell('rm -r sh\n')))).toEqual({ files: [], removed: ['sh/b/x.txt'] });
  });

  it('python run from the shell', async () => {
    expect(sent(await changesOf(shell('python -c "open(\'from-shell.txt\', \'w\').write(\'s\')"\n')))).toEqual({ files: ['from-shell.txt'], removed: [] });
  });
});

describe('an untouched project', () => {
  it('of 10,000 files sends nothing, and is not walked to find that out', async () => {
    await changesOf(python('import os\nfor i in range(10000):\n    os.makedirs(f"many/d{i // 1000}", exist_ok=True)\n    open(f"many/d{i // 1000}/f{i}.txt", "w").write(f"file {i}\\n")\n'));
    expect(Object.keys(held).filter((p) => p.startsWith('many/'))).toHaveLength(10000);
    python('print("hello")\n')();
    const FS = py.FS as { readdir: (path: string) => string[] };
    const readdir = FS.readdir;
    const read: string[] = [];
    FS.readdir = (path: string) => (read.push(path), readdir.call(FS, path));
    let changes: WorldChanges;
    try {
      changes = tracker.changes();
    } finally {
      FS.readdir = readdir;
    }
    expect(sent(changes)).toEqual({ files: [], removed: [] });
    expect(read).toEqual([]);
  }, 120_000);
});

describe("git status over Python's file system trusts its record of what changed", () => {
  const dir = '/tmp/record-repo';
  /** The same files without their record: git walks them. */
  const unrecorded = () => ({ ...pyodideFs(py), record: undefined });
  /** `git status --porcelain` with the record, checked against one that walks. */
  const status = async () => {
    const out = async (fs: ReturnType<typeof pyodideFs>) =>
      (await runShell(fs, dir, 'git status --porcelain', () => Date.UTC(2026, 11, 7))).transcript.map((e) => e.output.map((o) => o.text).join('')).join('');
    const seen = await out(pyodideFs(py));
    expect(seen).toBe(await out(unrecorded()));
    return seen;
  };

  it("sees Python's writes, removals and a folder's move, and a symbolic link makes it walk for good", async () => {
    expect(pyodideFs(py).record).toBeDefined();
    python(`import os\nos.makedirs("${dir}/sub", exist_ok=True)\nfor p in ("a.txt", "b.txt", "sub/c.txt"):\n    open(f"${dir}/{p}", "w").write(p)\n`)();
    await shellIn(dir, 'git init -q && git add . && git commit -q -m Start');
    expect(await status()).toBe('');
    python(`import os\nopen("${dir}/a.txt", "a").write("+")\nos.remove("${dir}/b.txt")\nos.rename("${dir}/sub", "${dir}/moved")\n`)();
    expect(await status()).toBe(' M a.txt\n D b.txt\n D sub/c.txt\n?? moved/\n');
    python(`import os, shutil\nshutil.rmtree("${dir}/moved")\nopen("${dir}/b.txt", "w").write("b.txt")\n`)();
    expect(await status()).toBe(' M a.txt\n D sub/c.txt\n');
    python(`import os\nos.symlink("${dir}/a.txt", "${dir}/link.txt")\nopen("${dir}/link.txt", "a").write("!")\n`)();
    const record = pyodideFs(py).record!;
    expect(record.since(record.mark())).toBeNull();
    expect(await status()).toBe(' M a.txt\n D sub/c.txt\n?? link.txt\n');
  }, 60_000);
});
