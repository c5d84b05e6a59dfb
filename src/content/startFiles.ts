// The lab's start files of a lesson (content/<lesson>/lab/): what the lab's
// project holds when a learner starts, checked for what the lab can carry.
import type { z } from 'zod';
import { matchesGlob } from '../lib/index.ts';
import { FILE_NAME_RULE, isValidCodeFileName, type lessonFrontmatterSchema } from './schema.ts';
import type { ContentFile, ContentIssue, SourceFile } from './sourceFile.ts';

/** A lab start file's size limit, and the whole lab/ folder's: the lesson's chunk and every saved project carry them. */
export const START_FILE_MAX_BYTES = 512 * 1024;
export const START_FILES_MAX_BYTES = 2 * 1024 * 1024;
/** Folders of the project the lab makes itself: git's and the lab's own store. */
const RESERVED_START_FOLDERS = ['.git', '.lab'];

/**
 * The lab's start files (content/<lesson>/lab/): each one text, under its size
 * limit, at a plain relative path outside the lab's own folders; every glob of
 * lesson.md's `lab.committed` names at least one of them.
 */
export function checkStartFiles(
  folder: string,
  files: ContentFile[],
  lessonFile: SourceFile,
  meta: z.infer<typeof lessonFrontmatterSchema> | undefined,
  report: (i: ContentIssue) => void,
): void {
  const prefix = `${folder}/lab/`;
  const startFiles = files.filter((f) => f.path.startsWith(prefix));
  const problem = (file: string, message: string) => report({ file, line: 1, column: 1, field: '', message });
  let total = 0;
  for (const f of startFiles) {
    const path = f.path.slice(prefix.length);
    const bytes = new TextEncoder().encode(f.text).length;
    total += bytes;
    if (f.problem) problem(f.path, f.problem);
    else if (!isValidCodeFileName(path)) problem(f.path, `is not a usable start file name: ${FILE_NAME_RULE}`);
    else if (RESERVED_START_FOLDERS.includes(path.split('/')[0]!)) problem(f.path, `is inside ${path.split('/')[0]}/, which the lab makes itself: leave it out of lab/`);
    else if (bytes > START_FILE_MAX_BYTES) problem(f.path, `is ${Math.ceil(bytes / 1024)} KB: a lab start file may be at most ${START_FILE_MAX_BYTES / 1024} KB`);
  }
  if (total > START_FILES_MAX_BYTES) {
    problem(`${folder}/lab`, `holds ${Math.ceil(total / 1024)} KB: a lesson's lab start files may be at most ${START_FILES_MAX_BYTES / 1024} KB in all`);
  }
  const committed = meta?.lab?.committed;
  if (!committed) return;
  const paths = startFiles.map((f) => f.path.slice(prefix.length));
  committed.forEach((glob, i) => {
    if (!paths.some((p) => matchesGlob(glob, p))) {
      lessonFile.error(['lab', 'committed', i], `"${glob}" names no file in ${folder}/lab/ (files: ${paths.join(', ') || 'none'})`);
    }
  });
}
