// Content is code: in lesson order, in one lab, every step's
// starter fails a check, each of its known wrong attempts (```python wrong
// blocks) fails the check it names, and its reference solution passes every
// check — judged on the real outcome of running them in the lab's CPython.
// Wrong attempts run after the starter and before the solution, and the lab's
// files are put back after each one, so a wrong attempt (a CSV committed to
// git, a version registered) never changes what the next attempt or step sees.
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, probesFor } from '../../src/lab/checks';
import type { RunResult, WorldFiles } from '../../src/lab/types';
import type { CodeFile, Step } from '../../src/content/model';
import { decodeFile } from '../../src/lab/worldFiles';
import { HOME } from '../../src/lab/labFiles';
import { loadCourse } from '../../scripts/content-files';
import { createNodeLab, type NodeLab } from './python';

const lesson = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle');
if (!lesson) throw new Error('ml-lifecycle missing');

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

/** Run one attempt (its files in place of the solution's of the same name) and judge the step's checks. */
async function attempt(step: Step, files: CodeFile[]) {
  if (step.runtime === 'shell') {
    const result = await lab.shell(files[0]!.code);
    return { verdicts: judgeAll(step.checks, { result, files: lab.snapshot() }), error: null, stderr: '' };
  }
  const [main, ...others] = files;
  for (const other of others) lab.write(other.file, other.code);
  const ran = lab.run(main!.code, { filename: main!.file, ...probesFor(step.checks) });
  const result: RunResult = {
    outcome: ran,
    output: [
      { stream: 'stdout', text: ran.stdout },
      { stream: 'stderr', text: ran.stderr },
    ],
    truncatedLines: 0,
    durationMs: 0,
  };
  return { verdicts: judgeAll(step.checks, { result, files: lab.snapshot() }), error: ran.error, stderr: ran.stderr };
}

/** Put the project back as it was: every file, and the tracking store re-read from it. */
function restore(world: WorldFiles) {
  const { FS } = lab.py;
  const clear = (dir: string) => {
    for (const name of FS.readdir(dir) as string[]) {
      if (name === '.' || name === '..') continue;
      const full = `${dir}/${name}`;
      if (FS.isDir(FS.stat(full).mode)) {
        clear(full);
        FS.rmdir(full);
      } else FS.unlink(full);
    }
  };
  clear(HOME);
  for (const [path, value] of Object.entries(world)) {
    FS.mkdirTree(`${HOME}/${path}`.replace(/\/[^/]*$/, ''));
    FS.writeFile(`${HOME}/${path}`, decodeFile(value));
  }
  lab.py.runPython('from mlflow import _store; _store._data = None');
}

const withFile = (files: CodeFile[], file: CodeFile) => {
  const out = files.map((f) => (f.file === file.file ? file : f));
  // The main file runs; keep it first.
  return out;
};

describe('the ML Lifecycle lesson, step by step', () => {
  for (const step of lesson.steps) {
    it(`${step.slug}: the starter fails a check, each wrong attempt fails its check, the solution passes them all`, async () => {
      const starter = await attempt(step, step.starter);
      expect(starter.verdicts.some((v) => !v.pass), `starter of ${step.slug} passes every check`).toBe(true);

      expect(step.wrong.length, `${step.slug} has no wrong attempts`).toBeGreaterThan(0);
      for (const wrong of step.wrong) {
        const before = lab.snapshot();
        const { verdicts } = await attempt(step, withFile(step.solution, wrong.file));
        restore(before);
        const check = step.checks[wrong.fails]!;
        expect(verdicts[wrong.fails]!.pass, `${wrong.where} (${wrong.mistake}) passes “${check.saysHtml}”`).toBe(false);
        // The verdict names the mistake: a message, never an empty failure.
        expect(verdicts[wrong.fails]!.detail).not.toBe('');
        if (process.env.PROOF_VERBOSE) console.log(`${wrong.where} ${wrong.mistake}\n  → ${verdicts[wrong.fails]!.detail}`);
      }

      const solution = await attempt(step, step.solution);
      expect(solution.error, solution.stderr).toBeNull();
      expect(solution.verdicts.map((v, i) => (v.pass ? 'pass' : `${step.checks[i]?.saysHtml}: ${v.detail}`))).toEqual(step.checks.map(() => 'pass'));
    }, 300_000);
  }
});
