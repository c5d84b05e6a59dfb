// The judge's rerun of a program puts the project back as it was (src/lab/worker/rerunJournal.ts):
// every way a program changes files is undone, a file it only read or never touched is not
// written again (its mtime stays), and what it costs is what it touched, not the project's size.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { probeLab, runLearnerCode, setupLab, snapshotWorld } from '../../src/lab/worker/pythonRuntime';
import { RerunJournal } from '../../src/lab/worker/rerunJournal';
import { HOME } from '../../src/lab/worker/labFiles';
import { lifecycleStart } from './python';

let py: PyodideAPI;

beforeAll(async () => {
  py = await loadPyodide();
  await setupLab(py, null, lifecycleStart());
}, 180_000);

const python = (code: string) => {
  const outcome = runLearnerCode(py, code, 'main.py', []);
  expect(outcome.error).toBeNull();
};

/** Every project file's mtime, by path. */
function mtimes(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const path of Object.keys(snapshotWorld(py))) out[path] = new Date(py.FS.stat(`${HOME}/${path}`).mtime).getTime();
  return out;
}

const SETUP = `
import os
os.makedirs("j/folder/inner", exist_ok=True)
for name in ("keep.txt", "overwrite.txt", "append.txt", "delete.txt", "move.txt", "truncate.txt", "touch.txt", "handle.txt", "same.txt"):
    open(f"j/{name}", "w").write(f"{name}\\n")
open("j/folder/a.txt", "w").write("a\\n")
open("j/folder/inner/b.txt", "w").write("b\\n")
`;

// Everything a program can do to files, through Python's own calls (each reaches Emscripten's FS).
const CHANGES = `
import os, shutil
open("j/overwrite.txt", "w").write("changed\\n")
open("j/append.txt", "a").write("more\\n")
open("j/new.txt", "w").write("new\\n")
os.makedirs("j/made", exist_ok=True)
open("j/made/x.txt", "w").write("x\\n")
os.remove("j/delete.txt")
os.replace("j/move.txt", "j/moved.txt")
os.truncate("j/truncate.txt", 2)
os.utime("j/touch.txt", (1, 1))
handle.write("through an old handle\\n")
handle.flush()
open("j/same.txt", "w").write("same.txt\\n")
shutil.move("j/folder", "j/elsewhere")
open("j/keep.txt").read()
`;

describe('a rerun’s journal', () => {
  it('puts back every change a program makes, and leaves the files it did not change unwritten', async () => {
    python(SETUP);
    // A handle opened before the rerun, written during it.
    py.runPython('import builtins\nbuiltins.handle = open("/home/lab/j/handle.txt", "a")');
    const before = snapshotWorld(py);
    const timesBefore = mtimes();
    // Later writes get a later mtime than the ones before.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const journal = new RerunJournal(py);
    journal.begin();
    python(CHANGES);
    expect(snapshotWorld(py)).not.toEqual(before);
    journal.restore();
    expect(snapshotWorld(py)).toEqual(before);
    expect(mtimes()).toEqual(timesBefore);
    py.runPython('builtins.handle.close()\ndel builtins.handle');
  });

  it('stops keeping at restore: later changes stay', () => {
    const journal = new RerunJournal(py);
    journal.begin();
    python('open("j/during.txt", "w").write("x\\n")');
    journal.restore();
    python('open("j/after.txt", "w").write("x\\n")');
    expect(snapshotWorld(py)['j/during.txt']).toBeUndefined();
    expect(snapshotWorld(py)['j/after.txt']).toBe('x\n');
  });

  it('is what the judge’s rerun uses: the program run again on other data leaves the project as it was', () => {
    python('open("j/out.txt", "w").write(open("j/keep.txt").read().upper())\n');
    const before = snapshotWorld(py);
    const answer = JSON.parse(probeLab(py, JSON.stringify({ kind: 'rerun', args: { files: { 'j/keep.txt': 'other\n' } } }))) as { failure: string | null };
    expect(answer.failure).toBeNull();
    expect(snapshotWorld(py)).toEqual(before);
  });
});
