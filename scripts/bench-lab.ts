// Lab benchmarks in headless Chromium against the production build:
//   npm run build && npm run bench
// Prints: engine start from navigation, first visit (empty cache) and return
// visit (service worker cache warm), with Python restored from its memory snapshot
// and, interleaved, with the snapshot set aside; Run → preview updated (warm: after the
// engine's own warm-up and one run; p50/p95 of 30 runs,
// for a one-line program and for the training step's solution); Stop → stopped;
// the first Run 10 s after opening a step (the engine was prefetched).
// BENCH_ONLY=engine stops after the engine start; BENCH_ONLY=growth runs only the growth tables
// (issue 22): the project grows one thing at a time (MLflow runs, files, one 100 MB file) and a
// one-line Run and the training solution are timed at each size, with the ratio to the smallest.
// BENCH_STAGES=1 prints the worker's marks per start.
import { preview } from 'vite';
import type { Page, Worker } from 'playwright-core';
import { launch } from '../tests/e2e/chromium.ts';

const PORT = 4320;
const BASE = `http://127.0.0.1:${PORT}`;
const STEP = `${BASE}/lessons/ml-lifecycle/steps/the-training-loop`;

const server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/**
 * In the page: click a button, return the ms until the preview's status line
 * matches and, when `drawn` is given, also until the frame after the preview's
 * view (that selector) is back on screen: the chart is redrawn after the
 * status line changes, so "preview updated" is that later moment.
 */
function clickUntil(page: Page, button: string, pattern: string, drawn?: string): Promise<{ status: number; drawn: number }> {
  return page.evaluate(
    ([name, source, view]) =>
      new Promise<{ status: number; drawn: number }>((resolve) => {
        const status = document.querySelector('section[aria-label="Preview"] [role="status"]')!;
        const re = new RegExp(source!);
        const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
        // The line always passes through another state ("Running…"), so the
        // first match after any change is the new result, even if its text repeats.
        let changed = false;
        const observer = new MutationObserver(() => {
          if (!re.test(status.textContent ?? '')) changed = true;
          else if (changed || name === 'Stop') {
            observer.disconnect();
            const statusAt = performance.now() - t0;
            if (!view) {
              resolve({ status: statusAt, drawn: statusAt });
              return;
            }
            // Once the view is back in the DOM, the frame after next has painted it. (No named
            // functions in here: tsx would wrap them in a helper the page does not have.)
            void new Promise<void>((ready) => {
              if (document.querySelector(view)) ready();
              else {
                const watcher = new MutationObserver(() => {
                  if (!document.querySelector(view)) return;
                  watcher.disconnect();
                  ready();
                });
                watcher.observe(document.body, { childList: true, subtree: true });
              }
            }).then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve({ status: statusAt, drawn: performance.now() - t0 }))));
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        const t0 = performance.now();
        target.click();
      }),
    [button, pattern, drawn] as const,
  );
}

async function setCode(page: Page, code: string) {
  // Drafts are what Run reads: set one through the app's own storage and reload.
  await page.evaluate((text) => {
    const key = 'lifecycle-lab:progress';
    const saved = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":1}');
    saved.state.drafts = { ...(saved.state.drafts ?? {}), 'ml-lifecycle/the-training-loop': { 'train.py': text } };
    localStorage.setItem(key, JSON.stringify(saved));
  }, code);
  await page.reload();
  await engineWarm(page);
}

/** Ready, and its warm-up (src/lab/worker/worker.ts) over: "warm" runs are measured from here. */
async function engineWarm(page: Page) {
  await page.getByText('Python ready').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('lab:engine-warm').length > 0, null, { timeout: 60_000, polling: 100 });
}

try {
  // 1. Engine start, first visit: a new browser context, so nothing is cached.
  const cold = await freshPage();
  // The lab worker of the current page, for its own marks (its clock starts at its own timeOrigin).
  let labWorker: Worker | null = null;
  cold.on('worker', (w) => {
    if (w.url().includes('/worker-')) labWorker = w;
  });
  const engineReady = async (page: Page) => {
    await page.getByText('Python ready').waitFor({ timeout: 120_000 });
    const marks = await page.evaluate(() => {
      const start = performance.getEntriesByName('lab:engine-start')[0]!.startTime;
      const ready = performance.getEntriesByName('lab:engine-ready')[0]!.startTime;
      const readyMark = performance.getEntriesByName('lab:engine-ready')[0] as PerformanceMark;
      const snapshot = (readyMark.detail as { snapshot?: string | null } | null)?.snapshot ?? 'none';
      return { fromNavigation: ready, fromEngineStart: ready - start, start: performance.timeOrigin + start, snapshot };
    });
    // Where the worker's time went, from the page's lab:engine-start: each mark's end time.
    // Only asked for: the lab's worker closes every way of running code from text, which evaluate needs (then no stages).
    const stages =
      labWorker && process.env.BENCH_STAGES
        ? await (labWorker as Worker)
            .evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('lab:')).map((m) => [m.name, performance.timeOrigin + m.startTime] as const))
            .catch(() => [] as (readonly [string, number])[])
        : [];
    if (process.env.BENCH_STAGES) console.log(`  snapshot ${marks.snapshot}: ` + stages.map(([name, at]) => `${name.slice(4)} +${(at - marks.start).toFixed(0)}`).join(', '));
    return { fromNavigation: marks.fromNavigation, fromEngineStart: marks.fromEngineStart, snapshot: marks.snapshot };
  };
  if (process.env.BENCH_ONLY === 'growth') {
    await growth(cold);
    process.exit(0);
  }
  await cold.goto(STEP);
  const load = await engineReady(cold);
  console.log(`engine start, first visit (empty cache): ${ms(load.fromNavigation)} from navigation to ready (${ms(load.fromEngineStart)} from worker start)`);

  // 1b. Return visits: the service worker (and HTTP cache) hold the runtime.
  await cold.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 180_000, polling: 250 });
  // The first visit has Python's memory snapshot made in the background (src/lab/worker/snapshot.ts); a return visit restores it.
  const snapshotSaved = () => cold.evaluate(async () => (await caches.has('lab-python-snapshot')) && (await (await caches.open('lab-python-snapshot')).keys()).length > 0);
  const since = Date.now();
  while (!(await snapshotSaved())) {
    if (Date.now() - since > 180_000) throw new Error('no Python snapshot was saved within 180 s of the first visit');
    await cold.waitForTimeout(500);
  }
  console.log(`  Python snapshot saved ${((Date.now() - since) / 1000).toFixed(1)} s after the first visit's ready`);
  // Interleaved on the same page: a return visit that restores the snapshot, then one with the
  // snapshot moved aside (a start as before snapshots), then the snapshot moved back.
  const moveCache = (from: string, to: string) =>
    cold.evaluate(
      async ([a, b]) => {
        const source = await caches.open(a!);
        await caches.delete(b!);
        const target = await caches.open(b!);
        for (const request of await source.keys()) await target.put(request, (await source.match(request))!);
        await caches.delete(a!);
      },
      [from, to] as const,
    );
  const visits = { snapshot: { nav: [] as number[], worker: [] as number[] }, none: { nav: [] as number[], worker: [] as number[] } };
  for (let i = 0; i < 5; i++) {
    for (const kind of ['snapshot', 'none'] as const) {
      if (kind === 'none') await moveCache('lab-python-snapshot', 'bench-snapshot-aside');
      await cold.goto(STEP);
      const again = await engineReady(cold);
      if (again.snapshot !== (kind === 'snapshot' ? 'used' : 'missing')) throw new Error(`a ${kind} return visit started with snapshot ${again.snapshot}`);
      visits[kind].nav.push(again.fromNavigation);
      visits[kind].worker.push(again.fromEngineStart);
      if (kind === 'none') await moveCache('bench-snapshot-aside', 'lab-python-snapshot');
    }
  }
  for (const [kind, label] of [
    ['snapshot', 'Python restored from its memory snapshot'],
    ['none', 'snapshot set aside: a full Python start'],
  ] as const) {
    const { nav, worker } = visits[kind];
    console.log(
      `engine start, return visit (service worker cache, ${label}): p50 ${ms(pct(nav, 50))}, max ${ms(Math.max(...nav))} from navigation to ready (p50 ${ms(pct(worker, 50))}, max ${ms(Math.max(...worker))} from worker start) (n=5)`,
    );
  }
  // BENCH_ONLY=engine: stop after the engine-start figures (iterating on the engine's start).
  if (process.env.BENCH_ONLY !== 'engine') await benchRuns(cold);
} finally {
  await browser.close();
  await server.close();
}

async function benchRuns(cold: Page) {

  // 2. Warm Run → preview updated.
  for (const [label, code, drawn] of [
    ['one-line program', 'print("hello")\n', 'section[aria-label="Preview"] [role="log"]'],
    // The training report's loss chart.
    ['training-loop solution', null, 'section[aria-label="Preview"] .recharts-surface'],
  ] as const) {
    if (code) await setCode(cold, code);
    else {
      await cold.evaluate(() => localStorage.removeItem('lifecycle-lab:progress'));
      await cold.reload();
      await engineWarm(cold);
      await cold.getByRole('button', { name: 'Show solution' }).click();
      await cold.getByRole('button', { name: 'Use the solution' }).click();
    }
    await clickUntil(cold, 'Run', '^Ran in', drawn); // warm-up
    const times: { status: number; drawn: number }[] = [];
    for (let i = 0; i < 30; i++) times.push(await clickUntil(cold, 'Run', '^Ran in', drawn));
    const status = times.map((t) => t.status);
    if (process.env.BENCH_RAW) console.log(`  each run, ms: ${status.map((s) => s.toFixed(0)).join(' ')}`);
    const painted = times.map((t) => t.drawn);
    console.log(
      `Run → preview updated, warm, ${label}: status line p50 ${ms(pct(status, 50))}, p95 ${ms(pct(status, 95))}; view drawn p50 ${ms(pct(painted, 50))}, p95 ${ms(pct(painted, 95))} (n=30)`,
    );
  }

  // 3. Stop → stopped, cross-origin isolated.
  const isolated = await cold.evaluate(() => crossOriginIsolated);
  await setCode(cold, 'n = 0\nwhile True:\n    n += 1\n');
  const stops: number[] = [];
  for (let i = 0; i < 5; i++) {
    await cold.getByRole('button', { name: 'Run', exact: true }).click();
    await cold.getByTestId('step-preview').getByText('Running…').waitFor();
    await cold.waitForTimeout(300);
    stops.push((await clickUntil(cold, 'Stop', 'stopped$')).status);
  }
  console.log(`Stop → stopped (cross-origin isolated: ${isolated}): p50 ${ms(pct(stops, 50))}, max ${ms(Math.max(...stops))} (n=5)`);

  // 4. First Run 10 s after opening the step in a fresh context (prefetch).
  const first = await freshPage();
  await first.goto(STEP);
  await first.waitForTimeout(10_000);
  const firstRun = (await clickUntil(first, 'Run', '^Ran in')).status;
  console.log(`first Run 10 s after opening the step: ${ms(firstRun)} (starter code, includes its 30 training epochs)`);
}

/** Run the code in the editor (set through the draft, so the page reloads) and wait for its result. */
async function runOnce(page: Page, code: string, timeout = 120_000) {
  await setCode(page, code);
  await clickUntil(page, 'Run', '^(Ran in|.*stopped)', undefined);
  await page.waitForTimeout(200);
  void timeout;
}

/** p50 of five warm Runs of `code` (after one not counted). */
async function timed(page: Page, code: string): Promise<number> {
  await setCode(page, code);
  await clickUntil(page, 'Run', '^Ran in');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await clickUntil(page, 'Run', '^Ran in')).status);
  return pct(times, 50);
}

function table(title: string, rows: { size: string; oneLine: number; training: number }[]) {
  const [first] = rows;
  console.log(`\n${title}\n| size | one-line Run (p50) | ratio | training solution (p50) | ratio |\n|---|---|---|---|---|`);
  for (const r of rows) {
    console.log(`| ${r.size} | ${ms(r.oneLine)} | ${(r.oneLine / first!.oneLine).toFixed(2)}× | ${ms(r.training)} | ${(r.training / first!.training).toFixed(2)}× |`);
  }
}

/** Grow one thing at a time; each dimension starts from a reset lab. */
async function growth(page: Page) {
  await page.goto(STEP);
  await engineWarm(page);
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('button', { name: 'Use the solution' }).click();
  const solution = await page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('lifecycle-lab:progress') ?? '{}');
    return saved.state.drafts['ml-lifecycle/the-training-loop']['train.py'] as string;
  });
  const reset = async () => {
    await page.getByRole('button', { name: 'Reset lab…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset lab' }).click();
    await engineWarm(page);
  };
  const measure = async (size: string) => ({ size, oneLine: await timed(page, 'print("hello")\n'), training: await timed(page, solution) });

  const dimensions: [string, [string, number][], (from: number, to: number) => string[]][] = [
    [
      'MLflow runs in the project',
      [['10', 10], ['1,000', 1000], ['5,000', 5000]],
      (from, to) => {
        const out: string[] = [];
        for (let at = from; at < to; at += 1000) {
          const n = Math.min(1000, to - at);
          out.push(`import mlflow\nmlflow.set_experiment("bench")\nfor i in range(${n}):\n    with mlflow.start_run():\n        mlflow.log_param("i", i)\n        mlflow.log_metric("accuracy", i / ${n})\n`);
        }
        return out;
      },
    ],
    [
      'small files in the project',
      [['10', 10], ['1,000', 1000], ['10,000', 10000]],
      (from, to) => [`import os\nos.makedirs("bench", exist_ok=True)\nfor i in range(${from}, ${to}):\n    open(f"bench/f{i}.txt", "w").write(f"file {i}\\n")\n`],
    ],
    ['one large file', [['none', 0], ['100 MB text', 1]], (from, to) => (to > from ? ['open("big.txt", "w").write(("x" * 99 + "\\n") * 1_000_000)\n'] : [])],
  ];
  for (const [title, sizes, grow] of dimensions) {
    await reset();
    const rows = [];
    let at = 0;
    for (const [label, size] of sizes) {
      for (const code of grow(at, size)) await runOnce(page, code);
      at = size;
      rows.push(await measure(label));
    }
    table(title, rows);
  }
}
