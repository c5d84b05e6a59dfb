// A lesson's lab start project (src/lab/startWorld.ts), made at build time from
// content/<lesson>/lab/ (checked by src/content/parse.ts) and lesson.md's `lab:`.
import type { ContentFile } from '../src/content/parse.ts';
import type { Lesson } from '../src/content/model.ts';
import type { StartWorld } from '../src/lab/startWorld.ts';
import { formatIssue } from '../src/content/parse.ts';
import { loadCourse, readContentFiles } from './content-files.ts';

/** Lab-internal files (the tracking store) and Python caches stay out of git. */
const LAB_GITIGNORE = '/.lab/\n__pycache__/\n';

/** The start project of `lesson`, from the content files read with it (readContentFiles). */
export function startWorldFor(lesson: Lesson, files: ContentFile[]): StartWorld {
  const prefix = `${lesson.id}/lab/`;
  const own = files.filter((f) => f.path.startsWith(prefix) && !f.problem);
  // A lesson without a lab/ folder: an empty project with a README (and the lab's .gitignore).
  const start = own.length
    ? Object.fromEntries(own.map((f) => [f.path.slice(prefix.length), f.text]))
    : { 'README.md': `# ${lesson.title}\n`, '.gitignore': LAB_GITIGNORE };
  const checks = files.find((f) => f.path === `${lesson.id}/checks.py` && !f.problem)?.text;
  return { files: start, commit: lesson.lab.commit, committed: lesson.lab.committed, modules: lesson.lab.modules, ...(checks === undefined ? {} : { checks }) };
}

/** Read a content folder and make one lesson's start project; throws if the content has errors. */
export function loadStartWorld(root: string, lessonId: string): StartWorld {
  const files = readContentFiles(root);
  const { course, errors } = loadCourse(root);
  if (errors.length) throw new Error(errors.map((e) => formatIssue(e, root)).join('\n'));
  const lesson = course.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`${root} has no lesson "${lessonId}"`);
  return startWorldFor(lesson, files);
}
