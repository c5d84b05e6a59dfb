// This lesson's dataset, generated from a fixed seed so every number in the
// lesson is reproducible and free of licence questions.
//   npx tsx content/beyond-accuracy/generate-data.ts          write lab/data/
//   npx tsx content/beyond-accuracy/generate-data.ts --check  exit 1 if the files differ
// Card payments → was this payment fraud? About one payment in seventeen is:
// fraud tends to be larger, at night, far from the card holder's home and at
// riskier merchants, but every one of those also happens to honest payments.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'lab', 'data');

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number) {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function payments(seed: number, n: number, fraudShare: number): string {
  const rand = mulberry32(seed);
  const lines = ['amount,night,km_from_home,merchant_risk,fraud'];
  for (let i = 0; i < n; i++) {
    const fraud = rand() < fraudShare ? 1 : 0;
    // Amounts are log-normal; fraudsters spend more, but with a wide overlap.
    const amount = Math.exp((fraud ? 4.7 : 3.6) + 0.9 * gaussian(rand));
    const night = rand() < (fraud ? 0.5 : 0.1) ? 1 : 0;
    const km = Math.max(0, Math.exp((fraud ? 3.3 : 2.0) + 1.1 * gaussian(rand)));
    const risk = Math.min(1, Math.max(0, (fraud ? 0.55 : 0.3) + 0.18 * gaussian(rand)));
    lines.push([amount.toFixed(2), night, km.toFixed(1), risk.toFixed(2), fraud].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export const DATASETS: Record<string, string> = {
  'payments.csv': payments(20261201, 1600, 0.06),
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [name, text] of Object.entries(DATASETS)) {
  const path = join(OUT, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (current !== text) {
      console.error(`${path} is not what the generator makes: run npx tsx ${fileURLToPath(import.meta.url)}`);
      stale++;
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path} (${text.split('\n').length - 2} rows)`);
  }
}
if (stale) process.exit(1);
