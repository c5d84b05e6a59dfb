// Content is code: every lesson in content/ is proved in the lab (src/lab/checks/prove.ts)
// — in lesson order, in one lab per lesson, every step's starter fails a check,
// each of its wrong attempts fails the check it names with that check's message
// and the solution right after it (no reset) passes, each valid alternative
// (correct work written differently) passes every check, and its solution
// passes every check twice in a row, judged on the real outcome of running
// them in the lab's CPython and shell.
// `npm run content:check -- --run` runs the same proof from a terminal.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatVerdict, proveStep, unsatisfiableChecks, type ProvingLab } from '../../src/lab/checks/prove';
import { loadCourse, readContentFiles } from '../../scripts/content-files';
import { startWorldFor } from '../../scripts/lab-world';
import { createNodeLab, provingLab } from '../../scripts/node-lab';

const { course } = loadCourse('content');
const files = readContentFiles('content');

it('finds the lessons to prove', () => {
  expect(course.lessons.length).toBeGreaterThan(0);
});

for (const lesson of course.lessons) {
  describe(`lesson ${lesson.id}, proved step by step`, () => {
    let lab: ProvingLab;
    beforeAll(async () => {
      lab = provingLab(await createNodeLab(null, startWorldFor(lesson, files)));
    }, 180_000); // loading Pyodide on a busy 2-core machine

    it('has no check that no solution can satisfy', async () => {
      expect(unsatisfiableChecks(lesson, Object.keys(await lab.snapshot())).map((i) => `${i.where}: ${i.message}`)).toEqual([]);
    });

    for (const step of lesson.steps) {
      it(`${step.slug}: the starter fails a check, each wrong attempt fails its check and is recovered from, each valid alternative and the solution pass them all`, async () => {
        // The course's own lessons show the mistakes learners make, and correct work as
        // different learners write it (content/README.md, "Wrong attempts", "Valid alternatives").
        expect(step.wrong.length, `${step.source} has no wrong attempts`).toBeGreaterThan(0);
        const verdicts = await proveStep(step, lab, (v) => {
          if (process.env.PROOF_VERBOSE) console.log(formatVerdict(v));
        });
        expect(verdicts.map((v) => v.trial.kind)).toEqual(['starter', ...step.wrong.flatMap(() => ['wrong', 'recovery']), ...step.valid.map(() => 'valid'), 'solution', 'again']);
        expect(verdicts.filter((v) => !v.ok).map(formatVerdict)).toEqual([]);
        expect(step.valid.length, `${step.source} has ${step.valid.length} valid alternatives; write at least three`).toBeGreaterThanOrEqual(3);
      }, 120_000);
    }
  });
}
