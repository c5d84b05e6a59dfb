// Node side of the content pipeline: read every markdown file under a content
// folder, and every file of each lesson's lab/ folder (its lab's start project,
// scripts/lab-world.ts), and hand them to the shared parser (src/content/parse.ts).
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseCourse, type ContentFile, type ParseResult } from '../src/content/parse.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A start file as the parser gets it: its text, or why it cannot be one. */
function readStartFile(full: string, path: string): ContentFile {
  if (lstatSync(full).isSymbolicLink()) return { path, text: '', problem: 'is a symbolic link: put the file itself in lab/' };
  const bytes = readFileSync(full);
  let text: string | null = null;
  if (!bytes.includes(0)) {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      /* not text */
    }
  }
  return text === null ? { path, text: '', problem: 'is not UTF-8 text: a lab start file must be text (binary files are not supported)' } : { path, text };
}

export function readContentFiles(root: string): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (dir: string, inLab: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = relative(root, full).split(sep).join('/');
      // content/<lesson>/lab/ is the lab's start project: every file in it, not only markdown.
      const lab = inLab || (entry.isDirectory() && /^[^/]+\/lab$/.test(path));
      if (entry.isDirectory()) walk(full, lab);
      else if (lab) out.push(readStartFile(full, path));
      else if (entry.name.endsWith('.md')) out.push({ path, text: readFileSync(full, 'utf8') });
      // content/<lesson>/checks.py: the helpers its assert checks share (loaded by the judge, never by the learner's lab).
      else if (/^[^/]+\/checks\.py$/.test(path)) out.push(readStartFile(full, path));
    }
  };
  walk(root, false);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every file under the content folder that is not markdown (images a lesson shows), relative to it. */
export function listLessonFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.md')) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function loadCourse(root: string): ParseResult {
  return parseCourse(readContentFiles(root), { lessonFiles: listLessonFiles(root) });
}
