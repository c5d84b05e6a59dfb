// Build-time plugin for the labs' start projects: `virtual:lifecycle-worlds`
// maps each lesson id to a dynamic import of `virtual:lifecycle-world/<id>`,
// that lesson's start files (scripts/lab-world.ts), so the data is a chunk of
// its own, fetched when the lesson's lab starts, never part of the entry.
// Content errors are reported by the content plugin (vite-plugin-content.ts).
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { parseCourse } from '../src/content/parse.ts';
import { readContentFiles } from './content-files.ts';
import { startWorldFor } from './lab-world.ts';

const INDEX_ID = 'virtual:lifecycle-worlds';
const WORLD_PREFIX = 'virtual:lifecycle-world/';

export function worldPlugin(options: { dir?: string } = {}): Plugin {
  let root = '';
  const read = () => {
    const files = readContentFiles(root);
    return { files, course: parseCourse(files).course };
  };

  return {
    name: 'lifecycle-lab:world',
    configResolved(config) {
      root = resolve(config.root, options.dir ?? 'content');
    },
    configureServer(server: ViteDevServer) {
      // A changed start file or lesson.md changes what a lab starts from: the next page load gets it.
      const onChange = (file: string) => {
        if (!file.startsWith(root)) return;
        for (const [id, mod] of server.moduleGraph.idToModuleMap) {
          if (id.startsWith('\0virtual:lifecycle-world')) server.moduleGraph.invalidateModule(mod);
        }
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
    resolveId(id) {
      return id === INDEX_ID || id.startsWith(WORLD_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${INDEX_ID}`) {
        const { course } = read();
        const entries = course.lessons.map((l) => `  ${JSON.stringify(l.id)}: () => import(${JSON.stringify(`${WORLD_PREFIX}${l.id}`)}),`);
        return `export const worlds = {\n${entries.join('\n')}\n};\n`;
      }
      if (!id.startsWith(`\0${WORLD_PREFIX}`)) return undefined;
      const lessonId = id.slice(1 + WORLD_PREFIX.length);
      const { files, course } = read();
      const lesson = course.lessons.find((l) => l.id === lessonId);
      if (!lesson) this.error(`no lesson "${lessonId}" in ${root}`);
      return `export const world = ${JSON.stringify(startWorldFor(lesson, files))};\n`;
    },
  };
}
