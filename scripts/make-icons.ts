// Renders the app's install icons (public/icons/*.png) from the favicon's mark
// in headless Chromium, so the PNGs are made here rather than fetched.
// Usage: npx tsx scripts/make-icons.ts  (the PNGs are committed; rerun after changing the mark)
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/chromium.ts';

const MARK = readFileSync('public/favicon.svg', 'utf8');
const BG = '#0b1020'; // the dark theme's --bg (src/index.css)

/** "any" icons: the mark on a rounded tile. Maskable: full-bleed, the mark inside the 80 % safe zone. */
const ICONS = [
  { file: 'icon-192.png', size: 192, radius: 0.22, mark: 0.72 },
  { file: 'icon-512.png', size: 512, radius: 0.22, mark: 0.72 },
  { file: 'icon-maskable-512.png', size: 512, radius: 0, mark: 0.56 },
];

const browser = await launch();
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inset = (icon.size * (1 - icon.mark)) / 2;
    await page.setContent(
      `<body style="margin:0;background:transparent"><div style="width:${icon.size}px;height:${icon.size}px;background:${BG};border-radius:${icon.radius * icon.size}px;box-sizing:border-box;padding:${inset}px">${MARK.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
    );
    await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
