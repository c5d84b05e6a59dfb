// Images from a lesson's folder reach the page as files of the build, with a
// content hash in their names (scripts/content-assets.ts, the content plugin), and
// the dev server serves them. Runs Vite on a fixture lesson: seconds on a busy machine.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { contentPlugin } from '../../scripts/vite-plugin-content';

const CONTENT = resolve('tests/fixtures/media-content');
const scratch = mkdtempSync(join(tmpdir(), 'lesson-files-'));
const entry = join(scratch, 'entry.js');
// The lesson's own chunk holds its HTML (the content plugin's per-lesson module).
writeFileSync(entry, "import { loadLesson } from 'virtual:lifecycle-content';\nexport default () => loadLesson('media-lab');\n");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Out {
  type: 'asset' | 'chunk';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
}

describe('images from a lesson folder', { timeout: 180_000 }, () => {
  it('are emitted into the build under a content-hashed name, and the lesson HTML points at them', async () => {
    const result = await build({
      configFile: false,
      root: scratch,
      logLevel: 'silent',
      plugins: [contentPlugin({ dir: CONTENT })],
      build: { write: false, rollupOptions: { input: entry, preserveEntrySignatures: 'exports-only' } },
    });
    const output = (Array.isArray(result) ? result[0] : result) as { output: Out[] };
    const files = output.output;
    const png = files.find((f) => /^assets\/chart-[\w-]{8}\.png$/.test(f.fileName));
    const svg = files.find((f) => /^assets\/pipeline-[\w-]{8}\.svg$/.test(f.fileName));
    expect(files.map((f) => f.fileName)).toEqual(expect.arrayContaining([expect.stringMatching(/chart-.*\.png$/)]));
    expect(png, 'chart.png emitted').toBeDefined();
    expect(svg, 'pipeline.svg emitted').toBeDefined();
    // The very bytes of the lesson's file, not a copy of something else.
    expect(Buffer.from(png!.source as Uint8Array)).toEqual(readFileSync(join(CONTENT, 'media-lab/images/chart.png')));
    const code = files.filter((f) => f.type === 'chunk').map((f) => f.code).join('\n');
    expect(code).toContain(`/${png!.fileName}`);
    expect(code).toContain(`/${svg!.fileName}`);
    expect(code).not.toContain('@lesson-file');
    expect(code).not.toContain('data:image');
  });

  it('are served by the dev server at the URL the lesson HTML names', async () => {
    const server = await createServer({
      configFile: false,
      root: scratch,
      logLevel: 'silent',
      plugins: [contentPlugin({ dir: CONTENT })],
      server: { port: 0, strictPort: false, hmr: false, watch: null, fs: { allow: [scratch, CONTENT] } },
    });
    try {
      await server.listen();
      const base = server.resolvedUrls?.local[0];
      if (!base) throw new Error('the dev server has no address');
      const mod = await server.transformRequest('virtual:lifecycle-lesson/media-lab');
      const url = /import lessonFile0 from "([^"]+)"/.exec(mod?.code ?? '')?.[1];
      expect(url, mod?.code.slice(0, 300)).toMatch(/chart\.png\?(import&)?no-inline$/);
      // What the page gets for that import: a module whose default export is the image's URL.
      const imported = await (await fetch(new URL(url!, base))).text();
      const served = /export default "([^"]+)"/.exec(imported)?.[1];
      expect(served).toMatch(/chart\.png(\?no-inline)?$/);
      const image = await fetch(new URL(served!, base));
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await image.arrayBuffer())).toEqual(readFileSync(join(CONTENT, 'media-lab/images/chart.png')));
    } finally {
      await server.close();
    }
  });
});
