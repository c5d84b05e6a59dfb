// Return visits restore the lab's Python from its memory snapshot
// (src/lab/worker/snapshot.ts): the first visit has one made in the background,
// the next start restores it and runs the learner's code, keeps the project
// between runs and stops on Stop; a corrupt snapshot costs one failed try, the
// lab starts as before and a new snapshot replaces it.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser, typeIntoEditor } from './browser';

const baseURL = inject('baseURL');
const browser = sharedBrowser();

const LOADS_PYTHON = 180_000;
const STEP = `${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`;
const CACHE = 'lab-python-snapshot';

const previewStatus = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('status').first();
const pythonReady = (page: Page) => page.getByText(/^Python ready/).waitFor({ timeout: LOADS_PYTHON });

/** How this page's engine started, as its ready mark records it: 'used' (restored), 'missing' (no usable snapshot). */
const startedWith = (page: Page) =>
  page.evaluate(() => ((performance.getEntriesByName('lab:engine-ready')[0] as PerformanceMark | undefined)?.detail as { snapshot?: string } | null)?.snapshot ?? null);

/** The first four bytes of the kept snapshot (Pyodide's magic number when it is one), or null while there is none. */
const keptSnapshotHead = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return null;
    const cache = await caches.open(name);
    const [request] = await cache.keys();
    if (!request) return null;
    return Array.from(new Uint8Array(await (await cache.match(request))!.arrayBuffer()).subarray(0, 4));
  }, CACHE);

async function waitForSnapshot(page: Page, not?: number[]) {
  await expect
    .poll(async () => {
      const head = await keptSnapshotHead(page);
      return head !== null && JSON.stringify(head) !== JSON.stringify(not);
    }, { timeout: LOADS_PYTHON, interval: 1000 })
    .toBe(true);
}

async function run(page: Page, code: string) {
  await typeIntoEditor(page, code);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/Ran in \d+ ms · finished/);
  return page.getByRole('log', { name: 'Console' }).innerText();
}

describe('the lab’s Python snapshot', () => {
  it('a return visit restores it: Python runs, the project is kept between runs, Stop stops; a corrupt one is replaced', async () => {
    const { page, errors } = await openPage(browser(), baseURL);
    await page.goto(STEP);
    await pythonReady(page);
    expect(await startedWith(page)).toBe('missing');
    await waitForSnapshot(page);
    const magic = await keptSnapshotHead(page);

    await page.reload();
    await pythonReady(page);
    expect(await startedWith(page)).toBe('used');

    // Computed now: a cached answer could not know it.
    const a = 1000 + Math.floor(Math.random() * 9000);
    expect(await run(page, `left = ${a}\nopen("note.txt", "w").write("kept-${a}")\nprint("first", left * 7)`)).toContain(`first ${a * 7}`);
    expect(await run(page, 'print(open("note.txt").read(), "left" in globals())')).toContain(`kept-${a} False`);

    await typeIntoEditor(page, 'n = 0\nwhile True:\n    n += 1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toBe('Running…');
    await page.waitForTimeout(1_000);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 5_000 }).toMatch(/· stopped$/);
    expect(await page.getByRole('log', { name: 'Console' }).innerText()).toContain('KeyboardInterrupt');

    // Corrupt the kept snapshot (same length, so only restoring it can fail).
    await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const [request] = await cache.keys();
      const response = (await cache.match(request!))!;
      const length = (await response.arrayBuffer()).byteLength;
      await cache.put(request!, new Response(new Uint8Array(length).fill(7), { headers: response.headers }));
    }, CACHE);
    await page.reload();
    await pythonReady(page);
    expect(await startedWith(page)).toBe('missing');
    expect(await run(page, `print("fresh", ${a} + 1)`)).toContain(`fresh ${a + 1}`);

    // A new snapshot replaces it, and the next visit restores that one.
    await waitForSnapshot(page, [7, 7, 7, 7]);
    expect(await keptSnapshotHead(page)).toEqual(magic);
    await page.reload();
    await pythonReady(page);
    expect(await startedWith(page)).toBe('used');
    expect(await run(page, 'import lab\nprint("again", len(lab.load_dataset("data/raw_data.csv")))')).toContain('again 400');
    expect(errors).toEqual([]);
  });
});
