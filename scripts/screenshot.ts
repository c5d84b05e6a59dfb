// Regenerate the README screenshots: `npm run build && npx tsx scripts/screenshot.ts`.
// Needs Debian's chromium (apt-get install -y chromium). One page runs the step
// (Python loads once), then is resized for each shot: the run's preview stays.
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

const server = await preview({ preview: { port: 4319, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1250 }, colorScheme: 'dark' });
  await page.goto('http://127.0.0.1:4319/lessons/ml-lifecycle/steps/track-experiments');
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  // Run the reference solution (learning rate 0.5) and then with 0.1, so the tracking UI has runs to compare.
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
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('region', { name: 'Runs' }).waitFor({ timeout: 120_000 });
  }
  await page.waitForTimeout(4000); // let the XP toast fade

  const shots: { path: string; width: number; height: number }[] = [
    { path: 'docs/screenshot.png', width: 1360, height: 1250 },
    { path: 'docs/screenshots/step-1280x800.png', width: 1280, height: 800 },
    { path: 'docs/screenshots/step-1920x1080.png', width: 1920, height: 1080 },
    { path: 'docs/screenshots/step-390x844.png', width: 390, height: 844 },
  ];
  for (const shot of shots) {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.waitForTimeout(500); // the layout switches between split and stacked
    // On a phone the workspace follows the text: show Run, the verdict, the editor and the start of the preview.
    await page.evaluate(() => {
      const work = document.querySelector('[aria-label="Workspace"]');
      if (window.innerWidth < 1024) work?.scrollIntoView({ block: 'start' });
      else window.scrollTo(0, 0);
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot.path });
    shrink(shot.path);
    console.log(`wrote ${shot.path} (${Math.round(statSync(shot.path).size / 1024)} KB)`);
  }
} finally {
  await browser.close();
  await server.close();
}
