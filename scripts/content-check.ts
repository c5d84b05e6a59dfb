// `npm run content:check [folder] [-- --run]`: validate every lesson and print
// problems as file:line:column — field: message. With --run, also prove every
// lesson in the lab (src/lab/checks/prove.ts): one line per starter, wrong attempt and
// solution. Exit code 1 when anything is wrong.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { formatIssue } from '../src/content/parse.ts';
import { loadCourse, readContentFiles } from './content-files.ts';
import type * as ProveLessons from './prove-lessons.ts';

const args = process.argv.slice(2);
const prove = args.includes('--run');
const folder = args.find((a) => !a.startsWith('--'));
const root = resolve(folder ?? 'content');
const { course, errors, warnings } = loadCourse(root);
const shown = folder?.replace(/\/+$/, '') ?? 'content';

for (const w of warnings) console.warn(`warning: ${formatIssue(w, shown)}`);
for (const e of errors) console.error(`error: ${formatIssue(e, shown)}`);

if (errors.length > 0) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} in ${shown}/ — see content/README.md for the format.`);
  process.exit(1);
}
const steps = course.lessons.reduce((n, l) => n + l.steps.length, 0);
console.log(
  `content ok: ${course.lessons.length} lesson(s), ${steps} step(s)` +
    (warnings.length ? `, ${warnings.length} warning(s)` : ''),
);

if (prove) {
  // The lab's modules are bundled with Vite's import.meta.glob: load the runner through Vite.
  const runner = fileURLToPath(new URL('./prove-lessons.ts', import.meta.url));
  const { module } = await runnerImport<typeof ProveLessons>(runner, { configFile: false, logLevel: 'warn' });
  // The parser writes "content/…"; say the folder that was checked.
  const relocate = (line: string) => (shown === 'content' ? line : line.replace(/(^|[\s(])content\//g, `$1${shown}/`));
  console.log('\nproving every lesson in the lab:');
  const proofs = await module.proveLessons(course.lessons, readContentFiles(root), (line) => console.log(relocate(line)));
  const failures = module.proofFailures(proofs);
  if (failures.length > 0) {
    console.error(`\n${failures.length} lesson proof failure${failures.length === 1 ? '' : 's'}:`);
    for (const f of failures) console.error(`  ${relocate(f)}`);
    process.exit(1);
  }
  const trials = proofs.reduce((n, p) => n + p.verdicts.length, 0);
  console.log(`\nlessons proved: ${proofs.length} lesson(s), ${trials} run(s) in the lab`);
}
