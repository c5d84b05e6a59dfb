// The content parser: lesson folders (markdown with YAML frontmatter) → the
// typed Course model, or a list of problems that each name the file, the line
// and the field, and say what was expected. Pure: it takes file texts, so the
// Vite plugin, the CLI and tests share it.
import type { Code, Definition, Link, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { LineCounter, isMap, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { matchesGlob } from '../lib/glob.ts';
import { LESSON_PAGE_SECTIONS, headingSlugs, highlightCode, inlineMarkdownToHtml, markdownToHtml, mdastToHtml, parseMarkdown } from './markdown.ts';
import type { CodeFile, CodeLanguage, Course, GlossaryTerm, Lesson, SkillNode, Step, ValidAlternative, WrongAttempt } from './model.ts';
import { buildQuizQuestion, quizQuestionIssues } from './quiz.ts';
import {
  FILE_NAME_RULE,
  MEDIA_EXTENSION,
  faqFrontmatterSchema,
  glossaryFrontmatterSchema,
  isLocalUrl,
  isValidCodeFileName,
  labSpecSchema,
  lessonFrontmatterSchema,
  quizFrontmatterSchema,
  skillsFrontmatterSchema,
  stepFrontmatterSchema,
} from './schema.ts';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes: "ml-lifecycle/quiz.md". */
  path: string;
  text: string;
  /** Why the file cannot be used, as its reader found (a lab start file that is binary, a symbolic link). */
  problem?: string;
}

/** A lab start file's size limit, and the whole lab/ folder's: the lesson's chunk and every saved project carry them. */
export const START_FILE_MAX_BYTES = 512 * 1024;
export const START_FILES_MAX_BYTES = 2 * 1024 * 1024;
/** Folders of the project the lab makes itself: git's and the lab's own store. */
const RESERVED_START_FOLDERS = ['.git', '.lab'];

export interface ContentIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field at fault, e.g. "questions[2].answer"; "" for the whole file. */
  field: string;
  message: string;
}

export interface ParseResult {
  course: Course;
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

type Path = (string | number)[];

export function formatField(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

export function formatIssue(issue: ContentIssue, root = 'content'): string {
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${root}/${issue.file}:${issue.line}:${issue.column} —${field} ${issue.message}`;
}

/** One markdown file split into frontmatter (with positions) and body. */
class SourceFile {
  readonly doc: Document | undefined;
  readonly body: string;
  /** Line number (1-based) of the first body line. */
  readonly bodyLine: number;
  private readonly lineCounter = new LineCounter();

  constructor(
    readonly path: string,
    text: string,
    private readonly report: (issue: ContentIssue) => void,
  ) {
    const normalized = text.replace(/\r\n?/g, '\n');
    const match = /^---\n([\s\S]*?)\n?^---[ \t]*$\n?/m.exec(normalized);
    if (!normalized.startsWith('---\n') || !match) {
      this.body = normalized;
      this.bodyLine = 1;
      this.error([], 'expected YAML frontmatter: the file must start with a line "---", the fields, then another "---"', 1);
      return;
    }
    this.body = normalized.slice(match[0].length);
    this.bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
    this.doc = parseDocument(match[1] ?? '', { lineCounter: this.lineCounter, prettyErrors: true });
    // A line indented deeper than the field above it reads, to YAML, as more of that field's
    // value, and the parser's complaint is about the line above: name the line that is off.
    const indent = misindentedLine(match[1] ?? '', this.doc.errors);
    if (indent) {
      this.report({ file: path, line: indent.line + 1, column: indent.column, field: '', message: indent.message });
      return;
    }
    // Only the first YAML error: the rest are usually echoes of it.
    for (const err of this.doc.errors.slice(0, 1)) {
      const pos = err.linePos?.[0];
      this.report({
        file: path,
        line: (pos?.line ?? 1) + 1,
        column: pos?.col ?? 1,
        field: '',
        message: `invalid YAML: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}${yamlAdvice(err.code)}`,
      });
    }
  }

  get hasValidYaml(): boolean {
    return this.doc !== undefined && this.doc.errors.length === 0;
  }

  /** Position of a frontmatter field, or of its closest existing parent. */
  position(path: Path): { line: number; column: number } {
    if (!this.doc) return { line: 1, column: 1 };
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) {
        // For a missing field, point at the key of the parent map entry rather than its first child.
        let offset = range[0];
        if (depth > 0 && depth < path.length) offset = this.keyOffset(path.slice(0, depth)) ?? offset;
        const pos = this.lineCounter.linePos(offset);
        return { line: pos.line + 1, column: pos.col }; // +1: the opening "---" line
      }
    }
    return { line: 2, column: 1 };
  }

  private keyOffset(path: Path): number | undefined {
    const parentPath = path.slice(0, -1);
    const parent = parentPath.length === 0 ? this.doc?.contents : this.doc?.getIn(parentPath, true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
      return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    if (isSeq(parent) && typeof last === 'number') {
      return (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    return undefined;
  }

  error(path: Path, message: string, line?: number, column?: number): void {
    const pos = line === undefined ? this.position(path) : { line, column: column ?? 1 };
    this.report({ file: this.path, line: pos.line, column: pos.column, field: formatField(path), message });
  }

  /** Validate the frontmatter against a schema; undefined (and issues reported) if invalid. */
  validate<S extends z.ZodType>(schema: S): z.infer<S> | undefined {
    if (!this.hasValidYaml || !this.doc) return undefined;
    const data: unknown = this.doc.toJS() ?? {};
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const at = this.keyOffset([...path, key]);
          const pos = at === undefined ? undefined : this.lineCounter.linePos(at);
          this.error([...path, key], `unknown field "${key}" — check its spelling (see content/README.md)`, pos && pos.line + 1, pos?.col);
        }
        continue;
      }
      this.error(path, describeIssue(issue, valueAt(data, path)));
    }
    return undefined;
  }
}

/**
 * The line a "multi-line implicit key" error is really about: the next line
 * after the error's, when it is indented deeper than the field the error's
 * line starts. Line and column are 1-based within the YAML text.
 */
function misindentedLine(yaml: string, errors: readonly YAMLError[]): { line: number; column: number; message: string } | undefined {
  const err = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
  const at = err?.linePos?.[0]?.line;
  if (!at) return undefined;
  const lines = yaml.split('\n');
  const field = /^(\s*(?:-\s+)*)([^\s:#][^:#]*?):(?:\s|$)/.exec(lines[at - 1] ?? '');
  if (!field) return undefined;
  const fieldColumn = (field[1] ?? '').length + 1;
  for (let i = at; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (!text.trim()) continue;
    const column = text.length - text.trimStart().length + 1;
    if (column <= fieldColumn) return undefined;
    return {
      line: i + 1,
      column,
      message:
        `invalid YAML: bad indentation — this line starts at column ${column}, deeper than "${field[2]}" on the line above (column ${fieldColumn}), ` +
        `so it is read as more of that field's value; start it at column ${fieldColumn} like the fields beside it (a value that goes on over several lines must be quoted)`,
    };
  }
  return undefined;
}

function yamlAdvice(code: string): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'UNEXPECTED_TOKEN') {
    return ' — if a value contains ": ", "{", "[" or "#", put it in quotes';
  }
  if (code === 'BAD_INDENT' || code === 'BAD_INDENT_TAB' || code === 'TAB_AS_INDENT') return ' — bad indentation: indent with spaces, the items of one list or map to the same column';
  return '';
}

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return `is required (expected ${issue.expected})`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeValue(value)}`;
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
  }
  if (issue.code === 'invalid_union' && 'options' in issue) {
    const kinds = (issue.options as unknown[]).map(String).join(', ');
    return `unknown check kind ${JSON.stringify(value)} (expected one of: ${kinds})`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex') return `expected ${issue.message}, got ${describeValue(value)}`;
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

const STEP_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const LESSON_PARTS = ['lesson.md', 'quiz.md', 'glossary.md', 'faq.md', 'skills.md'] as const;

const LANGUAGES: Record<string, CodeLanguage> = {
  python: 'python',
  py: 'python',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  console: 'shell',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  text: 'text',
};

const DEFAULT_FILE: Record<CodeLanguage, string> = {
  python: 'main.py',
  shell: 'commands.sh',
  dockerfile: 'Dockerfile',
  yaml: 'config.yaml',
  json: 'data.json',
  text: 'notes.txt',
};

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

/** A link to a page of the app, to check once every lesson and step is known. */
interface LinkRef {
  src: SourceFile;
  /** The frontmatter field it is in, or [] with line/column for the body. */
  path: Path;
  line?: number;
  column?: number;
  url: string;
  /** The link resolved against the page it is shown on: "/lessons/x/steps/y". */
  target: string;
  /** Its #fragment, decoded, or "" without one. */
  fragment: string;
}

const APP_ORIGIN = 'https://lab.invalid';


/** Where a local link leads, as the browser would resolve it on `page`; undefined for other sites and schemes. */
function appPath(url: string, page: string): { target: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url === '') return undefined;
  const resolved = new URL(url, `${APP_ORIGIN}${page}`);
  if (resolved.origin !== APP_ORIGIN) return undefined;
  return { target: decodeURIComponent(resolved.pathname), fragment: decodeURIComponent(resolved.hash.slice(1)) };
}

/** The ids a link's #fragment may name on each page ("/lessons/x", "/lessons/x/steps/y"). */
type PageAnchors = Map<string, string[]>;

function checkLessonLinks(links: LinkRef[], lessons: Lesson[], anchors: PageAnchors): void {
  const steps = new Map(lessons.map((l) => [l.id, l.steps.map((s) => s.slug)]));
  for (const ref of links) {
    const parts = ref.target.replace(/\/$/, '').split('/').slice(1); // "", "lessons", id, "steps", slug
    if (parts[0] !== 'lessons') continue;
    const [, id, stepsWord, slug, ...rest] = parts;
    let message: string | undefined;
    if (!id || (stepsWord !== undefined && (stepsWord !== 'steps' || !slug)) || rest.length > 0) {
      message = `link "${ref.url}" leads to ${ref.target}, which is no page of the lab (pages are /lessons/<id> and /lessons/<id>/steps/<slug>)`;
    } else if (!steps.has(id)) {
      message = `link "${ref.url}" names no lesson "${id}" (lessons: ${[...steps.keys()].join(', ') || 'none'})`;
    } else if (slug !== undefined && !steps.get(id)?.includes(slug)) {
      message = `link "${ref.url}" names no step "${slug}" in lesson "${id}" (steps: ${steps.get(id)?.join(', ') || 'none'})`;
    } else if (ref.fragment) {
      const page = `/lessons/${id}${slug === undefined ? '' : `/steps/${slug}`}`;
      const ids = anchors.get(page);
      if (ids && !ids.includes(ref.fragment)) {
        message = `link "${ref.url}" names no heading "#${ref.fragment}" on ${page} (headings: ${ids.map((h) => `#${h}`).join(', ') || 'none'})`;
      }
    }
    if (message) ref.src.error(ref.path, message, ref.line, ref.column);
  }
}

function parseLesson(
  folder: string,
  files: ContentFile[],
  report: (i: ContentIssue) => void,
  warn: (i: ContentIssue) => void,
  links: LinkRef[],
  existing: ReadonlySet<string> | undefined,
  anchors: PageAnchors,
): { lesson: Lesson; lessonFile: SourceFile } | undefined {
  const find = (name: string) => files.find((f) => f.path === `${folder}/${name}`);
  const lessonSrc = find('lesson.md');
  if (!lessonSrc) {
    report({ file: `${folder}/lesson.md`, line: 1, column: 1, field: '', message: 'missing: every lesson folder needs a lesson.md' });
    return undefined;
  }
  for (const f of files) {
    const name = f.path.slice(folder.length + 1);
    if (name.startsWith('lab/')) continue; // the lab's start files, checked below
    const known = (LESSON_PARTS as readonly string[]).includes(name) || name.startsWith('steps/');
    if (!known && name.endsWith('.md')) {
      warn({ file: f.path, line: 1, column: 1, field: '', message: `not part of the lesson format and ignored (expected ${LESSON_PARTS.join(', ')} or steps/NN-slug.md)` });
    }
  }

  const open = (f: ContentFile) => new SourceFile(f.path, f.text, report);
  const lessonPage = `/lessons/${folder}`;
  /** Images are found relative to the markdown file they are written in. */
  const imagesOf = (src: SourceFile): ImageContext => ({ lesson: folder, dir: src.path.replace(/\/[^/]*$/, ''), existing });
  const renderBody = (src: SourceFile, page = lessonPage) =>
    renderProse(src, warn, page, links, page === lessonPage ? LESSON_PAGE_SECTIONS : [], imagesOf(src), anchors);
  /** Markdown of a frontmatter field as HTML, its lesson images pointed at their files (checkField reported their problems). */
  const md = (src: SourceFile | undefined, markdown: string, inline = false) => {
    const edit = src && ((tree: Root) => void lessonImages(tree, imagesOf(src)));
    return inline ? inlineMarkdownToHtml(markdown, edit) : markdownToHtml(markdown, edit);
  };
  /** A markdown field of the frontmatter: its media and its links to lessons and steps. */
  const checkField = (src: SourceFile, path: Path, markdown: string, page = lessonPage) => {
    checkMedia(src, path, markdown);
    for (const found of lessonImages(parseMarkdown(markdown), imagesOf(src))) src.error(path, found.message);
    for (const link of localLinks(parseMarkdown(markdown))) {
      const target = appPath(link.url, page);
      if (target) links.push({ src, path, url: link.url, ...target });
    }
  };

  const lessonFile = open(lessonSrc);
  const meta = lessonFile.validate(lessonFrontmatterSchema);
  if (meta) {
    checkField(lessonFile, ['callout', 'text'], meta.callout.text);
    if (meta.instructor.bio) checkField(lessonFile, ['instructor', 'bio'], meta.instructor.bio);
  }
  if (meta && meta.id !== folder) {
    lessonFile.error(['id'], `must match the folder name "${folder}", got "${meta.id}"`);
  }
  // The loop's phases: always the lesson's own (lesson.md `phases:`, required).
  const phases = meta?.phases ?? [];
  if (meta) checkUnique(lessonFile, meta.phases, 'phases', (p) => p.id, 'id');
  const phaseIds = new Set(phases.map((p) => p.id));

  checkStartFiles(folder, files, lessonFile, meta, report);

  // Steps
  const steps: Step[] = [];
  const stepFiles = files.filter((f) => f.path.startsWith(`${folder}/steps/`)).sort((a, b) => a.path.localeCompare(b.path));
  const seenSlugs = new Map<string, string>();
  const seenOrders = new Map<number, string>();
  for (const f of stepFiles) {
    const name = f.path.slice(`${folder}/steps/`.length);
    const match = STEP_FILE.exec(name);
    if (!match) {
      report({ file: f.path, line: 1, column: 1, field: '', message: 'step file names must look like "01-my-step.md" (two digits, a dash, a lowercase slug)' });
      continue;
    }
    const order = Number(match[1]);
    const slug = match[2] as string;
    const src = open(f);
    if (seenSlugs.has(slug)) src.error([], `duplicate step slug "${slug}" (also used by ${seenSlugs.get(slug)})`, 1);
    else seenSlugs.set(slug, f.path);
    if (seenOrders.has(order)) src.error([], `duplicate step number ${match[1]} (also used by ${seenOrders.get(order)})`, 1);
    else seenOrders.set(order, f.path);

    const fm = src.validate(stepFrontmatterSchema);
    const stepPage = `${lessonPage}/steps/${slug}`;
    const { html, blocks } = renderBody(src, stepPage);
    backtickedFences(src);
    const starter = collectCode(src, blocks, 'starter');
    const solution = collectCode(src, blocks, 'solution');
    if (starter.length === 0) src.error([], 'needs a starter code block: a fence such as ```python starter', src.bodyLine);
    if (solution.length === 0) src.error([], 'needs a solution code block: a fence such as ```python solution', src.bodyLine);
    for (const s of solution) {
      if (!starter.some((t) => t.file === s.file)) src.error([], `solution file "${s.file}" has no starter block with the same file name`, src.bodyLine);
    }
    if (fm) {
      const { hints, checks, rerun, predict, takeaways, ...rest } = fm;
      checks.forEach((c, i) => checkField(src, ['checks', i, 'says'], c.says, stepPage));
      hints.forEach((h, i) => checkField(src, ['hints', i], h, stepPage));
      takeaways.forEach((t, i) => checkField(src, ['takeaways', i], t, stepPage));
      if (rerun) checkField(src, ['rerun'], rerun, stepPage);
      // A prediction is a quiz question of the step's own (its id is the step's slug), checked by the same rules.
      const prediction = predict && { ...predict, id: `predict-${slug}` };
      if (prediction) {
        checkField(src, ['predict', 'prompt'], prediction.prompt, stepPage);
        prediction.options?.forEach((o, j) => checkField(src, ['predict', 'options', j], o, stepPage));
        checkField(src, ['predict', 'explanation'], prediction.explanation, stepPage);
        for (const [path, message] of quizQuestionIssues(prediction)) src.error(['predict', ...path], message);
      }
      const mainLanguage = starter[0]?.language;
      const expected = fm.runtime === 'shell' ? 'shell' : 'python';
      if (mainLanguage && mainLanguage !== expected) {
        src.error(['runtime'], `is "${fm.runtime}" but the first starter block is ${mainLanguage}; put the ${expected} file first`);
      }
      if (meta && !phaseIds.has(fm.phase)) {
        src.error(['phase'], `"${fm.phase}" is not one of the lesson's phases (${[...phaseIds].join(', ')}; lesson.md \`phases:\`)`);
      }
      const wrong = collectWrong(src, blocks, checks, [...starter, ...solution]);
      const valid = collectValid(src, blocks, [...starter, ...solution]);
      const at = (line: number) => `content/${f.path}:${line}`;
      const firstLine = (role: MarkedBlock['role']) => blocks.find((b) => b.role === role)?.line ?? src.bodyLine;
      steps.push({
        ...rest,
        slug,
        order,
        source: `content/${f.path}`,
        html,
        checks: checks.map((c) => ({ saysHtml: md(src, c.says, true), expect: c.expect })),
        hintsHtml: hints.map((h) => md(src, h)),
        ...(rerun ? { rerunHtml: md(src, rerun, true) } : {}),
        ...(prediction ? { prediction: buildQuizQuestion(prediction, (text, inline) => md(src, text, inline)) } : {}),
        takeawaysHtml: takeaways.map((t) => md(src, t, true)),
        starter,
        solution,
        wrong,
        valid,
        where: {
          starter: at(firstLine('starter')),
          solution: at(firstLine('solution')),
          checks: checks.map((_, i) => at(src.position(['checks', i]).line)),
        },
      });
    }
  }
  if (stepFiles.length === 0) {
    report({ file: `${folder}/steps`, line: 1, column: 1, field: '', message: 'a lesson needs at least one step file in steps/ (e.g. steps/01-first-step.md)' });
  }

  // Quiz
  const quizSrc = find('quiz.md');
  const quizFile = quizSrc && open(quizSrc);
  const quiz = quizFile?.validate(quizFrontmatterSchema)?.questions ?? [];
  if (quizFile) {
    checkUnique(quizFile, quiz, 'questions', (q) => q.id, 'id');
    quiz.forEach((q, i) => {
      checkField(quizFile, ['questions', i, 'prompt'], q.prompt);
      q.options?.forEach((o, j) => checkField(quizFile, ['questions', i, 'options', j], o));
      checkField(quizFile, ['questions', i, 'explanation'], q.explanation);
      if (typeof q.feedback === 'string') checkField(quizFile, ['questions', i, 'feedback'], q.feedback);
      else for (const [option, text] of Object.entries(q.feedback ?? {})) checkField(quizFile, ['questions', i, 'feedback', option], text);
    });
    quiz.forEach((q, i) => {
      for (const [path, message] of quizQuestionIssues(q)) quizFile.error(['questions', i, ...path], message);
    });
  }

  // Glossary
  const glossarySrc = find('glossary.md');
  const glossaryFile = glossarySrc && open(glossarySrc);
  const terms = glossaryFile?.validate(glossaryFrontmatterSchema)?.terms ?? [];
  if (glossaryFile) {
    checkUnique(glossaryFile, terms, 'terms', (t) => t.id, 'id');
    terms.forEach((t, i) => checkField(glossaryFile, ['terms', i, 'definition'], t.definition));
  }

  // FAQ
  const faqSrc = find('faq.md');
  const faqFile = faqSrc && open(faqSrc);
  const faq = faqFile?.validate(faqFrontmatterSchema)?.items ?? [];
  if (faqFile) {
    faq.forEach((item, i) => {
      checkField(faqFile, ['items', i, 'question'], item.question);
      checkField(faqFile, ['items', i, 'answer'], item.answer);
    });
  }

  meta?.recap?.facts.forEach((f, i) => {
    if (f.fact === 'drift' && f.step !== undefined && seenSlugs.size > 0 && !seenSlugs.has(f.step)) {
      lessonFile.error(['recap', 'facts', i, 'step'], `no step has the slug "${f.step}" (steps: ${[...seenSlugs.keys()].join(', ')})`);
    }
  });

  // Skills, with references to terms, steps and each other
  const skillsSrc = find('skills.md');
  const skillsFile = skillsSrc && open(skillsSrc);
  const nodes: SkillNode[] = skillsFile?.validate(skillsFrontmatterSchema)?.nodes ?? [];
  if (skillsFile) {
    checkUnique(skillsFile, nodes, 'nodes', (n) => n.id, 'id');
    const nodeIds = new Set(nodes.map((n) => n.id));
    const termIds = new Set(terms.map((t) => t.id));
    const stepSlugs = new Set(seenSlugs.keys()); // from file names, so one bad step file does not cascade
    nodes.forEach((n, i) => {
      n.requires.forEach((r, j) => {
        if (!nodeIds.has(r)) skillsFile.error(['nodes', i, 'requires', j], `no skill node has the id "${r}"`);
        if (r === n.id) skillsFile.error(['nodes', i, 'requires', j], 'a node cannot require itself');
      });
      n.terms.forEach((t, j) => {
        if (!termIds.has(t)) skillsFile.error(['nodes', i, 'terms', j], `no glossary term has the id "${t}"${glossaryFile ? '' : ' (this lesson has no glossary.md)'}`);
      });
      if (stepSlugs.size > 0 && !stepSlugs.has(n.masteredBy)) {
        skillsFile.error(['nodes', i, 'masteredBy'], `no step has the slug "${n.masteredBy}" (steps: ${[...stepSlugs].join(', ')})`);
      }
    });
    const cycle = findCycle(nodes);
    if (cycle) {
      const i = nodes.findIndex((n) => n.id === cycle[0]);
      skillsFile.error(['nodes', i, 'requires'], `prerequisites form a loop: ${cycle.join(' → ')}`);
    }
  }

  if (!meta) return undefined;
  return {
    lessonFile,
    lesson: {
      id: meta.id,
      title: meta.title,
      summary: meta.summary,
      skill: typeof meta.skill === 'string' ? meta.skill : meta.skill.id,
      skillName: typeof meta.skill === 'string' ? meta.skill : meta.skill.name,
      hub: {
        title: meta.hub?.title ?? meta.title,
        ...(meta.hub?.caption ? { caption: meta.hub.caption } : {}),
        intro: meta.hub?.intro ?? 'The lesson\'s phases, one loop. Each links to its step.',
      },
      phases,
      lab: meta.lab ?? labSpecSchema.parse({}),
      ...(meta.recap ? { recap: { title: meta.recap.title, introHtml: md(lessonFile, meta.recap.intro), facts: meta.recap.facts } } : {}),
      ...(meta.minutes === undefined ? {} : { minutes: meta.minutes }),
      ...(meta.order === undefined ? {} : { order: meta.order }),
      instructor: {
        name: meta.instructor.name,
        role: meta.instructor.role,
        ...(meta.instructor.bio ? { bioHtml: md(lessonFile, meta.instructor.bio) } : {}),
      },
      callout: { title: meta.callout.title, html: md(lessonFile, meta.callout.text) },
      next: meta.next,
      introHtml: renderBody(lessonFile).html,
      steps: steps.sort((a, b) => a.order - b.order),
      quiz: quiz.map((q) => buildQuizQuestion(q, (text, inline) => md(quizFile, text, inline))),
      glossary: terms.map(
        (t): GlossaryTerm => ({
          id: t.id,
          term: t.term,
          definitionHtml: md(glossaryFile, t.definition),
          code: { ...t.code, html: highlightCode(t.code.source, t.code.language) },
          xp: t.xp,
        }),
      ),
      faq: faq.map((item) => ({ question: item.question, questionHtml: md(faqFile, item.question, true), answerHtml: md(faqFile, item.answer) })),
      skills: nodes,
    },
  };
}

/**
 * The lab's start files (content/<lesson>/lab/): each one text, under its size
 * limit, at a plain relative path outside the lab's own folders; every glob of
 * lesson.md's `lab.committed` names at least one of them.
 */
function checkStartFiles(
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

function checkUnique<T>(file: SourceFile, items: T[], listField: string, key: (t: T) => string, keyField: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) file.error([listField, i, keyField], `duplicate ${keyField} "${k}" (first used at ${listField}[${first}])`);
    else seen.set(k, i);
  });
}

function findCycle(nodes: SkillNode[]): string[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const r of byId.get(id)?.requires ?? []) {
      if (r === id) continue; // reported separately
      const found = visit(r);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const n of nodes) {
    const found = visit(n.id);
    if (found) return found;
  }
  return undefined;
}

type BlockRole = 'starter' | 'solution' | 'wrong' | 'valid';
const ROLES: readonly BlockRole[] = ['starter', 'solution', 'wrong', 'valid'];
/** The attributes each role's fence may carry. */
const ROLE_ATTRS: Record<BlockRole, readonly string[]> = { starter: ['file'], solution: ['file'], wrong: ['file', 'fails', 'mistake'], valid: ['file', 'note'] };

interface MarkedBlock {
  role: BlockRole;
  file: CodeFile;
  line: number;
  /** The fence's key="value" attributes (file=, fails=, mistake=, note=). */
  attrs: Record<string, string>;
}

/** Render a file's body, pulling out the starter/solution code blocks. */
function renderProse(
  src: SourceFile,
  warn: (i: ContentIssue) => void,
  page: string,
  links: LinkRef[],
  pageAnchors: string[],
  images: ImageContext,
  anchors: PageAnchors,
): { html: string; blocks: MarkedBlock[] } {
  const tree = parseMarkdown(src.body);
  const blocks: MarkedBlock[] = [];
  const lineOf = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + src.bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  for (const found of lessonImages(tree, images)) {
    const pos = lineOf(found.node);
    src.error([], found.message, pos.line, pos.column);
  }
  for (const found of remoteMedia(tree)) {
    const pos = lineOf(found.node);
    src.error([], found.message, pos.line, pos.column);
  }
  const headings = headingSlugs(tree);
  anchors.set(page, [...headings, ...pageAnchors]);
  for (const link of localLinks(tree)) {
    const pos = lineOf(link);
    if (link.url.startsWith('#')) {
      const fragment = decodeURIComponent(link.url.slice(1));
      if (fragment && !headings.includes(fragment) && !pageAnchors.includes(fragment)) {
        src.error([], `link "${link.url}" names no heading on this page (headings: ${headings.map((h) => `#${h}`).join(', ') || 'none'})`, pos.line, pos.column);
      }
      continue;
    }
    const target = appPath(link.url, page);
    if (target) links.push({ src, path: [], ...pos, url: link.url, ...target });
  }
  const walk = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((node): RootContent[] => {
      if (node.type === 'html') {
        const pos = lineOf(node);
        warn({ file: src.path, ...pos, field: '', message: 'raw HTML is not allowed in lesson markdown and was removed' });
        return [];
      }
      if (node.type === 'link' && /^\s*(javascript|vbscript|data):/i.test(node.url)) {
        const pos = lineOf(node);
        warn({ file: src.path, ...pos, field: '', message: `unsafe link "${node.url.slice(0, 40)}" was removed` });
      }
      if (node.type === 'code') {
        const marked = readMarkedBlock(node, src, lineOf(node).line);
        if (marked) {
          blocks.push(marked);
          return [];
        }
      }
      if ('children' in node && Array.isArray(node.children)) {
        (node as { children: RootContent[] }).children = walk(node.children as RootContent[]);
      }
      return [node];
    });
  const children = walk(tree.children);
  return { html: mdastToHtml(children), blocks };
}

function readMarkedBlock(node: Code, src: SourceFile, line: number): MarkedBlock | undefined {
  // Words and key=value / key="value with spaces" attributes after the language.
  const words = [...(node.meta ?? '').matchAll(/(\w+)="([^"]*)"|(\S+)/g)].map((m) => (m[1] ? `${m[1]}=${m[2]}` : m[3]!));
  const role = words.find((w): w is BlockRole => (ROLES as readonly string[]).includes(w));
  if (!role) return undefined;
  // A typo in a marked fence would otherwise drop what it says without a word (the attempt unproved).
  for (const w of words) {
    if (w === role) continue;
    const key = /^(\w+)=/.exec(w)?.[1];
    if (key === undefined) src.error([], `the ${role} block's fence has "${w}", which it does not understand: write attributes as key="value" (${ROLE_ATTRS[role].map((a) => `${a}=`).join(', ')})`, line);
    else if (!ROLE_ATTRS[role].includes(key)) src.error([], `the ${role} block's fence has ${key}=, which a ${role} block does not take (it takes ${ROLE_ATTRS[role].map((a) => `${a}=`).join(', ')})`, line);
    else if (/^\w+="/.test(w) && !/^\w+="[^"]*"$/.test(w)) src.error([], `the ${role} block's ${key}="… has no closing quote`, line);
    else if (/^\w+='/.test(w)) src.error([], `the ${role} block's ${key}= is in single quotes: write ${key}="…" with double quotes`, line);
  }
  const language = LANGUAGES[(node.lang ?? '').toLowerCase()];
  if (!language) {
    src.error([], `the ${role} block needs a language after the fence: one of ${Object.keys(LANGUAGES).join(', ')}`, line);
    return undefined;
  }
  const fileWord = words.find((w) => w.startsWith('file='));
  const file = fileWord ? fileWord.slice('file='.length) : DEFAULT_FILE[language];
  if (!file) src.error([], `the ${role} block has an empty file= name`, line);
  else if (!isValidCodeFileName(file)) {
    // Point at the name itself: the fence line is in the body, after the frontmatter.
    const fence = src.body.split('\n')[line - src.bodyLine] ?? '';
    const column = fence.indexOf(`file=${file}`) + 1 || 1;
    src.error([], `the ${role} block's file name "${file}" is not allowed: use ${FILE_NAME_RULE}`, line, column);
  }
  const attrs = Object.fromEntries(words.filter((w) => /^\w+=/.test(w)).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { role, line, attrs, file: { file, language, code: node.value.endsWith('\n') ? node.value : `${node.value}\n` } };
}

/**
 * A fence whose info string holds a backtick is no fence in CommonMark: the block
 * would silently become prose the learner reads. Found on the raw lines, since the
 * parser never sees a code block there.
 */
function backtickedFences(src: SourceFile) {
  const lines = src.body.split('\n');
  let open: string | null = null;
  lines.forEach((text, i) => {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text);
    if (!fence) return;
    const [, marks, info] = fence as unknown as [string, string, string];
    if (open) {
      if (marks[0] === open[0] && marks.length >= open.length && !info.trim()) open = null;
      return;
    }
    if (marks[0] === '`' && info.includes('`')) {
      const role = ROLES.find((r) => new RegExp(`\\b${r}\\b`).test(info));
      if (role) src.error([], `this ${role} block's fence holds a backtick, so Markdown reads it as text, not code: write the words without backticks (or fence it with ~~~)`, i + src.bodyLine);
      return;
    }
    open = marks;
  });
}

/** The step's valid blocks: correct work written differently, each with a note of how it differs. */
function collectValid(src: SourceFile, blocks: MarkedBlock[], files: CodeFile[]): ValidAlternative[] {
  const out: ValidAlternative[] = [];
  for (const b of blocks.filter((x) => x.role === 'valid')) {
    const note = b.attrs.note;
    if (!note) src.error([], 'the valid block needs note="…" saying in a few words how it differs from the solution', b.line);
    const twin = files.find((f) => f.file === b.file.file);
    if (!twin) src.error([], `the valid block's file "${b.file.file}" is not one of the step's files (${[...new Set(files.map((f) => f.file))].join(', ')})`, b.line);
    else if (twin.language !== b.file.language) src.error([], `the valid block for "${b.file.file}" is ${b.file.language}, but that file is ${twin.language}`, b.line);
    if (note && twin) out.push({ file: b.file, note, where: `content/${src.path}:${b.line}` });
  }
  return out;
}

/** The step's wrong blocks: each names the check it must fail (fails=<check id or 1-based number>) and its mistake. */
function collectWrong(src: SourceFile, blocks: MarkedBlock[], checks: { id?: string | undefined }[], files: CodeFile[]): WrongAttempt[] {
  const out: WrongAttempt[] = [];
  for (const b of blocks.filter((x) => x.role === 'wrong')) {
    const fails = b.attrs.fails;
    const mistake = b.attrs.mistake;
    const known = checks.map((c, i) => c.id ?? String(i + 1)).join(', ');
    const index = fails === undefined ? -1 : /^\d+$/.test(fails) ? Number(fails) - 1 : checks.findIndex((c) => c.id === fails);
    if (fails === undefined) src.error([], `the wrong block needs fails=<check id or number> naming the check it must fail (checks: ${known})`, b.line);
    else if (!checks[index]) src.error([], `the wrong block's fails="${fails}" names no check (checks: ${known})`, b.line);
    if (!mistake) src.error([], 'the wrong block needs mistake="…" saying in a few words what it gets wrong', b.line);
    const twin = files.find((f) => f.file === b.file.file);
    if (!twin) src.error([], `the wrong block's file "${b.file.file}" is not one of the step's files (${[...new Set(files.map((f) => f.file))].join(', ')})`, b.line);
    else if (twin.language !== b.file.language) src.error([], `the wrong block for "${b.file.file}" is ${b.file.language}, but that file is ${twin.language}`, b.line);
    if (fails !== undefined && checks[index] && mistake && twin) out.push({ file: b.file, fails: index, mistake, where: `content/${src.path}:${b.line}` });
  }
  return out;
}

function collectCode(src: SourceFile, blocks: MarkedBlock[], role: 'starter' | 'solution'): CodeFile[] {
  const out: CodeFile[] = [];
  for (const b of blocks.filter((x) => x.role === role)) {
    if (out.some((f) => f.file === b.file.file)) {
      src.error([], `two ${role} blocks for the file "${b.file.file}"; give each a different file=name`, b.line);
      continue;
    }
    out.push(b.file);
  }
  return out;
}

/** Links and link definitions, with their positions. */
function localLinks(tree: Root): (Link | Definition)[] {
  const out: (Link | Definition)[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') out.push(node);
  });
  return out;
}

/**
 * Images (and links to media files) that would load from another origin. Each
 * names the node, so the caller can say where it is.
 */
function remoteMedia(tree: Root): { node: RootContent; message: string }[] {
  const found: { node: RootContent; message: string }[] = [];
  const imageRefs = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageRefs.add(node.identifier);
  });
  const advice = 'lessons load media only from this site: put the file in the lesson\'s folder and write its relative path, such as "images/chart.png"';
  const isMediaFile = (url: string) => MEDIA_EXTENSION.test(url.split(/[?#]/)[0] ?? '');
  const shown = (url: string) => JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}...` : url);
  visit(tree, (node) => {
    if (node.type === 'image' && !isLocalUrl(node.url)) {
      found.push({ node, message: `image ${shown(node.url)} is not local — ${advice}` });
    } else if (node.type === 'definition' && imageRefs.has(node.identifier) && !isLocalUrl(node.url)) {
      found.push({ node, message: `image ${shown(node.url)} (used as ![…][${node.label ?? node.identifier}]) is not local — ${advice}` });
    } else if ((node.type === 'link' || node.type === 'definition') && isMediaFile(node.url) && !isLocalUrl(node.url)) {
      found.push({ node, message: `link to the media file ${shown(node.url)} is not local — ${advice}` });
    }
  });
  return found;
}

/** A markdown field of the frontmatter: remote media are reported at the field. */
function checkMedia(src: SourceFile, path: Path, markdown: string): void {
  for (const found of remoteMedia(parseMarkdown(markdown))) src.error(path, found.message);
}

/**
 * Images from a lesson's folder are written into the HTML as this prefix and
 * their path in the content folder; the content plugin (scripts/content-assets.ts)
 * turns each into the URL of the fingerprinted file.
 */
export const LESSON_FILE_PREFIX = '/@lesson-file/';
/** What a lesson's folder may show as an image (an svg is shown by <img>, so its scripts never run). */
const LESSON_IMAGE = /\.(?:png|jpe?g|gif|webp|svg)$/i;
const LESSON_FILE_CHARS = /^[A-Za-z0-9._/-]+$/;

interface ImageContext {
  lesson: string;
  /** The markdown file's folder in the content folder: "ml-lifecycle/steps". */
  dir: string;
  existing: ReadonlySet<string> | undefined;
}

/** "a/b/../c/./d" → "a/c/d"; undefined when it climbs above its start. */
function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/**
 * Images without alt text, and images from the lesson's folder (a relative
 * URL: "./chart.png", "images/x.svg"): each must be an image file inside the
 * lesson folder that exists. Those that are get their URL pointed at the file
 * (LESSON_FILE_PREFIX), in place.
 */
function lessonImages(tree: Root, images: ImageContext): { node: RootContent; message: string }[] {
  const found: { node: RootContent; message: string }[] = [];
  const imageRefs = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageRefs.add(node.identifier);
  });
  const point = (node: Extract<RootContent, { url: string }>) => {
    const url = node.url.trim();
    if (!isLocalUrl(url) || url.startsWith('/') || url.startsWith('\\') || url.startsWith('#') || url.startsWith('?') || url === '') return;
    const shown = JSON.stringify(url);
    let decoded = url;
    try {
      decoded = decodeURI(url.split(/[?#]/)[0] ?? '');
    } catch {
      // keep it as written: the checks below name it
    }
    const path = normalizePath(`${images.dir}/${decoded}`);
    if (path === undefined || !path.startsWith(`${images.lesson}/`)) {
      found.push({ node, message: `image ${shown} is outside the lesson's folder: put the file in content/${images.lesson}/ and write its path relative to this file` });
    } else if (!LESSON_IMAGE.test(path)) {
      found.push({ node, message: `image ${shown} is not an image a lesson can show: use a .png, .jpg, .jpeg, .gif, .webp or .svg file` });
    } else if (!LESSON_FILE_CHARS.test(path)) {
      found.push({ node, message: `image ${shown}: name lesson files with letters, digits, ".", "_", "-" and "/" only` });
    } else if (images.existing && !images.existing.has(path)) {
      found.push({ node, message: `image ${shown} names content/${path}, which does not exist` });
    } else node.url = `${LESSON_FILE_PREFIX}${path}`;
  };
  visit(tree, (node) => {
    if ((node.type === 'image' || node.type === 'imageReference') && !(node.alt ?? '').trim()) {
      const url = node.type === 'image' ? node.url : `[${node.label ?? node.identifier}]`;
      found.push({ node, message: `image ${JSON.stringify(url)} has no alt text: say what it shows between the brackets, ![Loss falling over 30 epochs](${node.type === 'image' ? url : 'chart.png'})` });
    }
    if (node.type === 'image' || (node.type === 'definition' && imageRefs.has(node.identifier))) point(node);
  });
  return found;
}
