// Build-time content plugin: `import { course } from 'virtual:lifecycle-content'`
// gives the parsed, validated, highlighted lessons. A content error fails the
// build and shows in the dev overlay with its file and line; editing a lesson
// in `npm run dev` hot-updates the page (see src/content/course.ts).
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatIssue } from '../src/content/parse.ts';
import { loadCourse } from './content-files.ts';
import { importLessonFiles } from './content-assets.ts';

const PUBLIC_ID = 'virtual:lifecycle-content';
const RESOLVED_ID = `\0${PUBLIC_ID}`;

export function contentPlugin(options: { dir?: string } = {}): Plugin {
  let root = '';
  let server: ViteDevServer | undefined;

  const isContent = (file: string) => file.startsWith(root) && file.endsWith('.md');
  const invalidate = () => {
    const mod = server?.moduleGraph.getModuleById(RESOLVED_ID);
    if (mod) server?.moduleGraph.invalidateModule(mod);
    return mod;
  };

  return {
    name: 'lifecycle-lab:content',
    configResolved(config) {
      root = resolve(config.root, options.dir ?? 'content');
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
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { course, errors, warnings } = loadCourse(root);
      for (const w of warnings) this.warn(formatIssue(w));
      const first = errors[0];
      if (first) {
        this.error({
          message: `Lesson content has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors
            .map((e) => formatIssue(e))
            .join('\n')}`,
          id: resolve(root, first.file),
          loc: { file: resolve(root, first.file), line: first.line, column: first.column },
        });
      }
      return importLessonFiles(`export const course = ${JSON.stringify(course)};`, root);
    },
    handleHotUpdate(ctx) {
      if (!isContent(ctx.file)) return undefined;
      const mod = invalidate();
      return mod ? [mod] : [];
    },
  };
}
