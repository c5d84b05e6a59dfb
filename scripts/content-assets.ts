// Images from a lesson's folder, for the content plugin: the parser writes each
// as LESSON_FILE_PREFIX + its path in the content folder; here each becomes an
// import of the file, so Vite serves it in dev and, in a build, emits it with a
// content hash in its name. `?no-inline`: even a small image stays a file (a
// fingerprinted URL), never a data: URL inside the script.
import { resolve } from 'node:path';
import { LESSON_FILE_PREFIX } from '../src/content/parse.ts';

const MARKER = new RegExp(`${LESSON_FILE_PREFIX.replace(/[/@-]/g, '\\$&')}([A-Za-z0-9._/-]+)`, 'g');

/**
 * `code` is a module that holds the course as JSON string literals; returns it
 * with an import per lesson file and each marker replaced by that import's URL.
 */
export function importLessonFiles(code: string, root: string): string {
  const names = new Map<string, string>();
  const body = code.replace(MARKER, (_, path: string) => {
    let name = names.get(path);
    if (!name) {
      name = `lessonFile${names.size}`;
      names.set(path, name);
    }
    // The marker sits inside a JSON string: close it, add the URL, open it again.
    return `" + ${name} + "`;
  });
  const imports = [...names].map(([path, name]) => `import ${name} from ${JSON.stringify(`${resolve(root, path)}?no-inline`)};`);
  return [...imports, body].join('\n');
}
