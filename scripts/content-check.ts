// `npm run content:check [folder]`: validate every lesson and print problems as
// file:line:column — field: message. Exit code 1 when anything is wrong.
import { resolve } from 'node:path';
import { formatIssue } from '../src/content/parse.ts';
import { loadCourse } from './content-files.ts';

const root = resolve(process.argv[2] ?? 'content');
const { course, errors, warnings } = loadCourse(root);
const shown = process.argv[2] ?? 'content';

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
