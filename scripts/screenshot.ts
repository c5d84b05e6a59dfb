// Regenerate the README screenshot: `npm run build && npx tsx scripts/screenshot.ts`.
// Needs Debian's chromium (apt-get install -y chromium).
import { preview } from 'vite';
import { launch } from '../tests/e2e/chromium.ts';

const server = await preview({ preview: { port: 4319, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1250 }, colorScheme: 'dark' });
  await page.goto('http://127.0.0.1:4319/lessons/ml-lifecycle/steps/track-experiments');
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  // Run the reference solution twice (two learning rates) so the tracking UI has runs to compare.
  for (const lr of ['0.1', '0.5']) {
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Use the solution' }).click();
    if (lr !== '0.1') {
      await page.locator('.monaco-editor').first().click();
      await page.keyboard.press('ControlOrMeta+H');
      await page.keyboard.type('0.1');
      await page.keyboard.press('Tab');
      await page.keyboard.type(lr);
      await page.keyboard.press('ControlOrMeta+Alt+Enter');
      await page.keyboard.press('Escape');
    }
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('region', { name: 'Runs' }).waitFor({ timeout: 60_000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(4000); // let the XP toast fade
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}
