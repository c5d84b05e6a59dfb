// Benchmark, not a test (issue 9 §2): Lighthouse's mobile performance for the
// home page, the lesson page and every step page of the production build.
// It builds nothing: run `npm run build` first. It serves dist/ with
// `vite preview` on a free port, runs Lighthouse three times per route and
// prints the median score, LCP, TBT and CLS. Not run in CI (it takes minutes).
// Usage: npm run build && npm run bench:lighthouse [route…]   (no route: all of them;
// CHROME_PATH picks the browser; tsx runs it, for the content loader's TypeScript)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { loadCourse } from './content-files.ts';

const RUNS = 3;
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

/** End a process started `detached` and everything it started (npx's vite, Chromium's helpers): else the script never exits. */
const stop = (child) => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};

async function startPreview(port) {
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(base)).ok) return { child, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop(child);
  throw new Error('vite preview did not start');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { course, errors } = loadCourse(process.env.LIFECYCLE_CONTENT_DIR ?? 'content');
if (errors.length) throw new Error('content has errors: run npm run content:check');
const allRoutes = ['/'];
for (const lesson of course.lessons) {
  allRoutes.push(`/lessons/${lesson.id}`);
  for (const step of lesson.steps) allRoutes.push(`/lessons/${lesson.id}/steps/${step.slug}`);
}
const asked = process.argv.slice(2);
const unknown = asked.filter((r) => !allRoutes.includes(r));
if (unknown.length) throw new Error(`not a route of the course: ${unknown.join(', ')}`);
const routes = asked.length ? asked : allRoutes;

/** Chromium with its DevTools port open, which Lighthouse drives. */
async function startChrome(port) {
  const chrome = spawn(
    CHROME_PATH,
    ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, '--no-first-run', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'lighthouse-chrome-'))}`, 'about:blank'],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return chrome;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop(chrome);
  throw new Error(`${CHROME_PATH} did not open its DevTools port`);
}

const { child, base } = await startPreview(await freePort());
const chromePort = await freePort();
const chrome = await startChrome(chromePort);
const rows = [];
try {
  for (const route of routes) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // Mobile preset (Lighthouse's default form factor and throttling), performance only.
      const result = await lighthouse(`${base}${route}`, { port: chromePort, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${route}`);
      runs.push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcp: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
        tbt: lhr.audits['total-blocking-time'].numericValue ?? NaN,
        cls: lhr.audits['cumulative-layout-shift'].numericValue ?? NaN,
      });
    }
    const row = {
      route,
      score: median(runs.map((r) => r.score)),
      lcp: median(runs.map((r) => r.lcp)),
      tbt: median(runs.map((r) => r.tbt)),
      cls: median(runs.map((r) => r.cls)),
    };
    rows.push(row);
    console.log(`${String(row.score).padStart(3)}  LCP ${(row.lcp / 1000).toFixed(1)} s  TBT ${Math.round(row.tbt)} ms  CLS ${row.cls.toFixed(3)}  ${route}  (runs: ${runs.map((r) => r.score).join(', ')})`);
  }
} finally {
  stop(chrome);
  stop(child);
}

console.log('\n| Route | Performance | LCP | TBT | CLS |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| \`${r.route}\` | ${r.score} | ${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`);
