// Regenerate the README screenshot: `npm run build && npx tsx scripts/screenshot.ts`.
// Needs Debian's chromium (apt-get install -y chromium).
import { preview } from 'vite';
import { launch } from '../tests/e2e/browser.ts';

const server = await preview({ preview: { port: 4319, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto('http://127.0.0.1:4319/lessons/ml-lifecycle/steps/track-experiments');
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}
