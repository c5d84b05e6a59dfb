// `npm run content:check [folder] [-- --run [--lesson ID [--step SLUG]]]`: validate every
// lesson and print problems as file:line:column — field: message, and checks that no
// solution can satisfy (found by reading the lesson). With --run, also prove the lessons
// in the lab (src/lab/checks/prove.ts): one line per run; --lesson proves one lesson,
// --step one of its steps (after running the earlier steps' solutions). Exit code 1 when
// anything is wrong.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { formatIssue } from '../src/content/parse.ts';
import { loadCourse, readContentFiles } from './content-files.ts';
import { startWorldFor } from './lab-world.ts';
import { unsatisfiableChecks } from '../src/lab/checks/prove.ts';
import type * as ProveLessons from './prove-lessons.ts';

const args = process.argv.slice(2);
const prove = args.includes('--run');
/** The value after a flag (`--lesson ml-lifecycle`), or undefined. */
const option = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const onlyLesson = option('--lesson');
const onlyStep = option('--step');
const values = new Set([onlyLesson, onlyStep].filter((v) => v !== undefined));
const folder = args.find((a) => !a.startsWith('--') && !values.has(a));
const root = resolve(folder ?? 'content');
const { course, errors, warnings } = loadCourse(root);
const shown = folder?.replace(/\/+$/, '') ?? 'content';

for (const w of warnings) console.warn(`warning: ${formatIssue(w, shown)}`);
for (const e of errors) console.error(`error: ${formatIssue(e, shown)}`);

if (errors.length > 0) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} in ${shown}/ — see content/README.md for the format.`);
  process.exit(1);
}
// Checks no solution can satisfy, found without running anything (--run reports them with its proof).
const files = readContentFiles(root);
const unsatisfiable = prove ? [] : course.lessons.flatMap((lesson) => unsatisfiableChecks(lesson, Object.keys(startWorldFor(lesson, files).files)));
for (const i of unsatisfiable) console.error(`error: ${i.where.replace(/^content\//, `${shown}/`)} (step ${i.step}): ${i.message}`);
if (unsatisfiable.length > 0) {
  console.error(`\n${unsatisfiable.length} check${unsatisfiable.length === 1 ? '' : 's'} no solution can pass — see content/README.md, "Proving a lesson".`);
  process.exit(1);
}
const steps = course.lessons.reduce((n, l) => n + l.steps.length, 0);
console.log(
  `content ok: ${course.lessons.length} lesson(s), ${steps} step(s)` +
    (warnings.length ? `, ${warnings.length} warning(s)` : ''),
);
if ((onlyLesson || onlyStep) && !prove) {
  console.error('--lesson and --step choose what --run proves: add --run.');
  process.exit(1);
}
const chosen = onlyLesson ? course.lessons.filter((l) => l.id === onlyLesson) : course.lessons;
if (onlyLesson && chosen.length === 0) {
  console.error(`no lesson "${onlyLesson}" in ${shown}/ (lessons: ${course.lessons.map((l) => l.id).join(', ')})`);
  process.exit(1);
}
if (onlyStep && !onlyLesson) {
  console.error('--step needs --lesson: the step is proved after the earlier steps of that lesson.');
  process.exit(1);
}
if (onlyStep && !chosen[0]!.steps.some((s) => s.slug === onlyStep)) {
  console.error(`lesson ${onlyLesson} has no step "${onlyStep}" (steps: ${chosen[0]!.steps.map((s) => s.slug).join(', ')})`);
  process.exit(1);
}

if (prove) {
  // The lab's modules are bundled with Vite's import.meta.glob: load the runner through Vite.
  const runner = fileURLToPath(new URL('./prove-lessons.ts', import.meta.url));
  const { module } = await runnerImport<typeof ProveLessons>(runner, { configFile: false, logLevel: 'warn' });
  // The parser writes "content/…"; say the folder that was checked.
  const relocate = (line: string) => (shown === 'content' ? line : line.replace(/(^|[\s(])content\//g, `$1${shown}/`));
  console.log(`\nproving ${onlyStep ? `step ${onlyStep} of ${onlyLesson}` : onlyLesson ? `lesson ${onlyLesson}` : 'every lesson'} in the lab:`);
  const proofs = await module.proveLessons(chosen, files, (line) => console.log(relocate(line)), onlyStep);
  const failures = module.proofFailures(proofs);
  if (failures.length > 0) {
    console.error(`\n${failures.length} lesson proof failure${failures.length === 1 ? '' : 's'}:`);
    for (const f of failures) console.error(`  ${relocate(f)}`);
    process.exit(1);
  }
  const trials = proofs.reduce((n, p) => n + p.verdicts.length, 0);
  console.log(`\nlessons proved: ${proofs.length} lesson(s), ${trials} run(s) in the lab`);
}
