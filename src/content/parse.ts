// The content parser: lesson folders (markdown with YAML frontmatter) → the
// typed Course model, or a list of problems that each name the file, the line
// and the field, and say what was expected. Pure: it takes file texts, so the
// Vite plugin, the CLI and tests share it. This file is the parser's face: the
// course-wide checks live here, each part of a lesson in a module of its own
// (lesson.ts → steps.ts, fences.ts, prose.ts, media.ts, links.ts, skills.ts,
// startFiles.ts; sourceFile.ts reads a file's frontmatter with positions).
import { checkLessonLinks, type LinkRef, type PageAnchors } from './links.ts';
import { parseLesson } from './lesson.ts';
import type { Course, Lesson } from './model.ts';
import type { ContentFile, ContentIssue, SourceFile } from './sourceFile.ts';

export { formatIssue, type ContentFile, type ContentIssue } from './sourceFile.ts';
export { LESSON_FILE_PREFIX } from './media.ts';
export { START_FILE_MAX_BYTES } from './startFiles.ts';

export interface ParseResult {
  course: Course;
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

export interface ParseOptions {
  /**
   * Every other file under the content folder ("ml-lifecycle/images/chart.png"), so
   * that an image naming a missing file is an error. Without it, images from a
   * lesson's folder are not checked for existence.
   */
  lessonFiles?: readonly string[];
}

export function parseCourse(files: ContentFile[], options: ParseOptions = {}): ParseResult {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const report = (issue: ContentIssue) => errors.push(issue);
  const warn = (issue: ContentIssue) => warnings.push(issue);

  const byLesson = new Map<string, ContentFile[]>();
  for (const file of files) {
    const [folder, ...rest] = file.path.split('/');
    if (!folder || rest.length === 0) continue; // top-level files such as content/README.md
    byLesson.set(folder, [...(byLesson.get(folder) ?? []), file]);
  }

  const lessons: Lesson[] = [];
  const fileOf = new Map<Lesson, SourceFile>();
  const nextRefs: { file: SourceFile; index: number; id: string }[] = [];
  const links: LinkRef[] = [];
  const anchors: PageAnchors = new Map();
  for (const [folder, lessonFiles] of [...byLesson].sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseLesson(folder, lessonFiles, report, warn, links, options.lessonFiles && new Set(options.lessonFiles), anchors);
    if (parsed) {
      lessons.push(parsed.lesson);
      fileOf.set(parsed.lesson, parsed.lessonFile);
      parsed.lesson.next.forEach((id, index) => nextRefs.push({ file: parsed.lessonFile, index, id }));
    }
  }

  // The course's order is the instructors' (lesson.md `order`), not the folders' alphabet.
  const byOrder = new Map<number, string>();
  for (const [lesson, file] of fileOf) {
    if (lesson.order === undefined) continue;
    const taken = byOrder.get(lesson.order);
    if (taken) file.error(['order'], `lesson "${taken}" already has order ${lesson.order}: give each lesson its own place`);
    else byOrder.set(lesson.order, lesson.id);
  }
  lessons.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));

  const ids = new Set(lessons.map((l) => l.id));
  for (const ref of nextRefs) {
    if (!ids.has(ref.id)) {
      ref.file.error(['next', ref.index], `no lesson has the id "${ref.id}" (known: ${[...ids].join(', ') || 'none'})`);
    }
  }

  checkLessonLinks(links, lessons, anchors);
  return { course: { lessons }, errors, warnings };
}
