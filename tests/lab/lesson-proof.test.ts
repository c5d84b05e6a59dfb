// Content is code (STYLE.md 4): every Python step's reference solution passes
// all of its checks, and its starter fails at least one — judged on the real
// outcome of running them in the lab's CPython, in lesson order, in one lab.
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, probesFor } from '../../src/lab/checks';
import type { RunResult } from '../../src/lab/types';
import { loadCourse } from '../../scripts/content-files';
import { createNodeLab, type NodeLab } from './python';

const lesson = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle');
if (!lesson) throw new Error('ml-lifecycle missing');

const pythonSteps = lesson.steps.filter((s) => s.runtime === 'python');
const shellSteps = lesson.steps.filter((s) => s.runtime === 'shell');

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

function verdicts(step: (typeof pythonSteps)[number], which: 'starter' | 'solution') {
  const [file, ...others] = step[which];
  for (const other of others) lab.write(other.file, other.code);
  const ran = lab.run(file!.code, { filename: file!.file, ...probesFor(step.checks) });
  const result: RunResult = {
    outcome: ran,
    output: [
      { stream: 'stdout', text: ran.stdout },
      { stream: 'stderr', text: ran.stderr },
    ],
    truncatedLines: 0,
    durationMs: 0,
  };
  return { verdicts: judgeAll(step.checks, { result, files: lab.snapshot() }), ran };
}

describe('the ML Lifecycle lesson, step by step', () => {
  for (const step of shellSteps) {
    it(`${step.slug}: the starter fails a check, the solution passes them all (shell)`, async () => {
      const starter = await lab.shell(step.starter[0]!.code);
      expect(judgeAll(step.checks, { result: starter, files: lab.snapshot() }).some((v) => !v.pass)).toBe(true);
      const solution = await lab.shell(step.solution[0]!.code);
      const verdicts = judgeAll(step.checks, { result: solution, files: lab.snapshot() });
      expect(verdicts.map((v, i) => (v.pass ? 'pass' : `${step.checks[i]?.saysHtml}: ${v.detail}`))).toEqual(step.checks.map(() => 'pass'));
    }, 180_000);
  }

  for (const step of pythonSteps) {
    it(`${step.slug}: the starter fails a check, the solution passes them all`, () => {
      const starter = verdicts(step, 'starter');
      expect(starter.verdicts.some((v) => !v.pass), `starter of ${step.slug} passes every check`).toBe(true);

      const solution = verdicts(step, 'solution');
      expect(solution.ran.error, solution.ran.stderr).toBeNull();
      expect(
        solution.verdicts.map((v, i) => (v.pass ? 'pass' : `${step.checks[i]?.saysHtml}: ${v.detail}`)),
      ).toEqual(step.checks.map(() => 'pass'));
    }, 180_000);
  }
});
