// Build-time content plugin: the parsed, validated, highlighted lessons as
// virtual modules. A content error fails the build, and shows in the dev overlay
// with its file and line (the dev app keeps the lessons that parse); editing a lesson in `npm run dev` hot-updates the page
// (see src/content/course.ts).
//
// So that the first load does not grow with the course (issue 9 §4), there are two kinds:
// - `virtual:lifecycle-content`: the course index (src/content/summary.ts), in
//   the entry chunk, and `loadLesson(id)`, which imports a lesson's module;
// - `virtual:lifecycle-lesson/<id>`: one lesson's full content, its own chunk.
//   What a lesson's pages need besides the lesson goes in `lessonModule`.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Lesson } from '../src/content/model.ts';
import { formatIssue, type ParseResult } from '../src/content/parse.ts';
import { courseIndex } from '../src/content/summary.ts';
import { loadCourse } from './content-files.ts';
import { importLessonFiles } from './content-assets.ts';

const INDEX_ID = 'virtual:lifecycle-content';
const LESSON_PREFIX = 'virtual:lifecycle-lesson/';
const RESOLVED_INDEX = `\0${INDEX_ID}`;
const RESOLVED_LESSON = `\0${LESSON_PREFIX}`;

/** Large literals evaluate faster as JSON.parse of a string than as object literals. */
const literal = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** The module of one lesson: everything its lesson and step pages load. */
function lessonModule(lesson: Lesson): string {
  return `export const lesson = ${literal(lesson)};\n`;
}

/**
 * The index module. In dev each lesson's import carries a revision, so a hot
 * update imports the edited lesson afresh rather than the cached module.
 */
function indexModule(lessons: Lesson[], dev: boolean): string {
  const loaders = lessons.map((lesson) => {
    const rev = dev ? `?rev=${createHash('sha1').update(lessonModule(lesson)).digest('hex').slice(0, 10)}` : '';
    return `  ${JSON.stringify(lesson.id)}: () => import(${JSON.stringify(`${LESSON_PREFIX}${lesson.id}${rev}`)}),`;
  });
  return [
    `export const index = ${literal(courseIndex(lessons))};`,
    `const lessons = {\n${loaders.join('\n')}\n};`,
    'export function loadLesson(id) {',
    '  const load = Object.hasOwn(lessons, id) ? lessons[id] : undefined;',
    '  return load ? load().then((m) => m.lesson) : Promise.resolve(undefined);',
    '}',
    '',
  ].join('\n');
}

export function contentPlugin(options: { dir?: string } = {}): Plugin {
  let root = '';
  let dev = false;
  let server: ViteDevServer | undefined;
  // Parsed once per change, not once per module.
  let parsed: ParseResult | undefined;
  const course = () => (parsed ??= loadCourse(root));

  const isContent = (file: string) => file.startsWith(root) && file.endsWith('.md');
  const invalidate = () => {
    parsed = undefined;
    const mod = server?.moduleGraph.getModuleById(RESOLVED_INDEX);
    if (mod) server?.moduleGraph.invalidateModule(mod);
    return mod;
  };

  return {
    name: 'lifecycle-lab:content',
    configResolved(config) {
      root = resolve(config.root, options.dir ?? 'content');
      dev = config.command === 'serve';
    },
    configureServer(devServer) {
      server = devServer;
      devServer.watcher.add(root);
      // New or deleted lesson files change the set of files, not just one module.
      const onAddOrRemove = (file: string) => {
        // Any file: an image a lesson shows may be what was missing.
        if (!file.startsWith(root) || !invalidate()) return;
        devServer.ws.send({ type: 'full-reload' });
      };
      devServer.watcher.on('add', onAddOrRemove);
      devServer.watcher.on('unlink', onAddOrRemove);
    },
    resolveId(id) {
      if (id === INDEX_ID) return RESOLVED_INDEX;
      if (id.startsWith(LESSON_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_INDEX) {
        const { course: built, errors, warnings } = course();
        for (const w of warnings) this.warn(formatIssue(w));
        const first = errors[0];
        if (first) {
          parsed = undefined; // read again next time: the author is fixing it
          const file = resolve(root, first.file);
          const problem = {
            message: `Lesson content has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors
              .map((e) => formatIssue(e))
              .join('\n')}`,
            id: file,
            loc: { file, line: first.line, column: first.column },
          };
          if (!server) this.error(problem);
          // Under `npm run dev` the app keeps running on the lessons that parse, so a reload never leaves
          // a blank page and /author (which lists the problems itself) stays usable; every other page
          // shows them in Vite's overlay until they are fixed.
          server.ws.send({ type: 'error', err: { ...problem, stack: '', plugin: 'lifecycle-lab:content' } });
          const broken = new Set(errors.map((e) => e.file.split('/')[0]));
          return indexModule(built.lessons.filter((l) => !broken.has(l.id)), dev);
        }
        return indexModule(built.lessons, dev);
      }
      if (id.startsWith(RESOLVED_LESSON)) {
        const lessonId = id.slice(RESOLVED_LESSON.length).split('?')[0];
        const lesson = course().course.lessons.find((l) => l.id === lessonId);
        if (!lesson) this.error(`There is no lesson "${lessonId}" in ${root}.`);
        return importLessonFiles(lessonModule(lesson), root);
      }
      return undefined;
    },
    handleHotUpdate(ctx) {
      if (!isContent(ctx.file)) return undefined;
      const mod = invalidate();
      return mod ? [mod] : [];
    },
  };
}
