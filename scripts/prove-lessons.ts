// The Node side of the lesson proof (src/lab/checks/prove.ts): each lesson in a fresh
// lab of its own (real Pyodide from node_modules and the TS shell), one line per
// trial. `npm run content:check -- --run` loads this through Vite's module runner.
import type { Lesson } from '../src/content/model';
import { formatVerdict, proveLesson, trialName, type LessonProof } from '../src/lab/checks/prove';
import { startWorldFor } from './lab-world';
import type { ContentFile } from '../src/content/parse';
import { createNodeLab, provingLab } from './node-lab';

/**
 * Prove each lesson in a lab made from its own start project (`files`: the content folder's files);
 * `print` gets every line (paths as written in the lesson, "content/…"). With `step`, only that
 * step of each lesson is proved, after the earlier steps' solutions have built its project.
 */
export async function proveLessons(lessons: Lesson[], files: ContentFile[], print: (line: string) => void, step?: string): Promise<LessonProof[]> {
  const proofs: LessonProof[] = [];
  for (const lesson of lessons) {
    print(`lesson ${lesson.id} (${step ? `step ${step}` : `${lesson.steps.length} step(s)`}):`);
    const lab = provingLab(await createNodeLab(null, startWorldFor(lesson, files)));
    proofs.push(
      await proveLesson(
        lesson,
        lab,
        {
          issue: (i) => print(`✗ ${i.where} ${i.step}: ${i.message}`),
          verdict: (v) => print(formatVerdict(v)),
          setup: (s) => print(`  (running ${s.slug}'s solution to build the project)`),
        },
        step,
      ),
    );
  }
  return proofs;
}

/** The failures of these proofs, each naming the lesson, where it is written, the trial and the check. */
export function proofFailures(proofs: LessonProof[]): string[] {
  return proofs.flatMap((p) => [
    ...p.issues.map((i) => `lesson ${p.lesson}, ${i.where} (step ${i.step}): ${i.message}`),
    ...p.verdicts
      .filter((v) => !v.ok)
      .map((v) => {
        const t = v.trial;
        return `lesson ${p.lesson}, ${t.where} (step ${t.step.slug}), ${trialName(t)}: ${v.problem}`;
      }),
  ]);
}
