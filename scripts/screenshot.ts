// Regenerate the README screenshots: `npm run build && npx tsx scripts/screenshot.ts`.
// Needs Debian's chromium (apt-get install -y chromium). One page goes through
// the whole lesson with each step's solution (Python loads once) and is resized
// for each shot: a step after its runs, a prediction before Run, the lesson
// summary at the end, and the review queue once the page's clock has moved on
// past a missed question's wait.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { preview } from 'vite';
import { launch } from '../tests/e2e/chromium.ts';

/** Keep the committed PNGs small (< 300 KB): 256 colours with pngquant (apt-get install -y pngquant) when it is there. */
function shrink(path: string) {
  try {
    execFileSync('pngquant', ['--quality=70-95', '--speed=1', '--force', '--ext=.png', path]);
  } catch {
    console.warn(`pngquant did not run: ${path} is left as the browser wrote it`);
  }
}

const BASE = 'http://127.0.0.1:4319/lessons/ml-lifecycle';
const server = await preview({ preview: { port: 4319, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1250 }, colorScheme: 'dark' });
  await page.clock.install(); // time runs as usual until the review queue's shots move it on
  const runButton = page.getByRole('button', { name: 'Run', exact: true });

  /** Run the step's reference solution and wait until it passes. */
  const runSolution = async (slug: string, order: number) => {
    await page.goto(`${BASE}/steps/${slug}`);
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Use the solution' }).click();
    await runButton.click();
    await page.getByRole('region', { name: `Step ${order} complete` }).waitFor({ timeout: 180_000 });
  };

  /**
   * Shoot the page at each size, `show` scrolled into view first: at the top of
   * its pane on wide screens (`wide: 'top'`, or the page's top), at the top of the screen on phones.
   */
  const shoot = async (name: string, sizes: [number, number][], show?: { selector: string; wide: 'top' | 'page'; phoneEnd?: string }) => {
    for (const [width, height] of sizes) {
      const path = name.startsWith('docs/') ? name : `docs/screenshots/${name}-${width}x${height}.png`;
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(500); // the layout switches between split and stacked
      await page.evaluate(
        ({ selector, wide, phoneEnd }) => {
          const target = selector ? document.querySelector(selector) : null;
          const phone = window.innerWidth < 1024;
          if (target && (phone || wide === 'top')) target.scrollIntoView({ block: 'start' });
          else window.scrollTo(0, 0);
          // A phone's sticky run bar would cover the top of what lies outside it (the recap): show that under the bar.
          const bar = document.querySelector('[data-sticky-run-bar]');
          if (phone && target && bar && !target.contains(bar)) window.scrollBy(0, -bar.getBoundingClientRect().height);
          // On a phone, the sticky bar's button named `phoneEnd` (Run, under the prediction) is brought to the bar's bottom.
          const end = phoneEnd ? [...document.querySelectorAll(`[data-sticky-run-bar] button`)].find((b) => b.textContent?.trim() === phoneEnd) : undefined;
          if (phone) end?.scrollIntoView({ block: 'end' });
        },
        { selector: show?.selector ?? '', wide: show?.wide ?? 'page', phoneEnd: show?.phoneEnd ?? '' },
      );
      await page.waitForTimeout(300);
      await page.screenshot({ path });
      shrink(path);
      console.log(`wrote ${path} (${Math.round(statSync(path).size / 1024)} KB)`);
    }
  };
  const WIDE_AND_PHONE: [number, number][] = [
    [1280, 800],
    [390, 844],
  ];

  await runSolution('ingest-and-version', 1);

  // A prediction, answered before Run and judged.
  await page.goto(`${BASE}/steps/the-training-loop`);
  const predict = page.getByRole('region', { name: 'Predict before you run' });
  await predict.getByRole('radio', { name: /It barely moves/ }).check();
  await predict.getByRole('button', { name: 'Check answer' }).click();
  await predict.getByText(/^Correct\./).waitFor();
  await page.getByText(/Python ready/).waitFor({ timeout: 150_000 });
  await page.waitForTimeout(4000); // let the XP toast fade
  await shoot('prediction', WIDE_AND_PHONE, { selector: '[aria-label="Workspace"]', wide: 'page', phoneEnd: 'Run' });
  await runSolution('the-training-loop', 2);

  // The step after runs: the reference solution (learning rate 0.5) and then 0.1, so the tracking UI has runs to compare.
  await page.setViewportSize({ width: 1360, height: 1250 });
  await page.goto(`${BASE}/steps/track-experiments`);
  // Monaco takes over from the static code view when the pointer comes onto it, as a learner's does.
  await page.locator('[data-static-code]').first().hover();
  await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
  for (const lr of ['0.5', '0.1']) {
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Use the solution' }).click();
    if (lr !== '0.5') {
      await page.locator('.monaco-editor').first().click();
      await page.keyboard.press('ControlOrMeta+H');
      await page.keyboard.type('0.5');
      await page.keyboard.press('Tab');
      await page.keyboard.type(lr);
      await page.keyboard.press('ControlOrMeta+Alt+Enter');
      await page.keyboard.press('Escape');
    }
    await runButton.click();
    await page.getByRole('region', { name: 'Runs' }).waitFor({ timeout: 120_000 });
  }
  await page.waitForTimeout(4000); // let the XP toast fade
  // On a phone the workspace follows the text: show Run, the verdict, the editor and the start of the preview.
  const workspace = { selector: '[aria-label="Workspace"]', wide: 'page' } as const;
  await shoot('docs/screenshot.png', [[1360, 1250]], workspace);
  await shoot('step', [[1280, 800], [1920, 1080], [390, 844]], workspace);

  // The lesson summary on the last step, once every step is done.
  await runSolution('serving-at-scale', 4);
  await runSolution('the-feedback-loop', 5);
  await page.getByRole('region', { name: 'Recap: the whole loop' }).waitFor();
  await page.waitForTimeout(4000);
  await shoot('summary', WIDE_AND_PHONE, { selector: '#recap', wide: 'top' });

  // The review queue: two questions missed in the quiz, due again ten minutes later.
  await page.goto(BASE);
  const quiz = page.getByRole('region', { name: 'Quick Quiz' });
  const miss = async (index: number, wrong: string[], right?: string) => {
    const card = quiz.locator('ol > li').nth(index);
    for (const option of [...wrong, ...(right ? [right] : [])]) {
      await card.getByRole('radio', { name: option, exact: true }).check();
      await card.getByRole('button', { name: /^(Check answer|Try again)$/ }).click();
    }
  };
  await miss(0, ['DVC', 'Docker']);
  await miss(2, ['The learning rate is too small'], 'The learning rate is too large');
  await page.clock.fastForward(11 * 60_000);
  await page.getByRole('list', { name: 'Due for review' }).getByRole('listitem').nth(1).waitFor();
  await page.waitForTimeout(4000);
  await shoot('review', WIDE_AND_PHONE, { selector: '#review', wide: 'top' });
} finally {
  await browser.close();
  await server.close();
}
