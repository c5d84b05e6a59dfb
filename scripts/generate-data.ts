// Runs each lesson's seeded data generator (content/<lesson>/generate-data.ts,
// which exports DATASETS: project path → text) and writes the files into that
// lesson's lab/ folder, where the lab's start project comes from.
//   npx tsx scripts/generate-data.ts [lesson…]          write content/<lesson>/lab/…
//   npx tsx scripts/generate-data.ts --check [lesson…]  exit 1 if a file differs
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = 'content';
const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((a) => a !== '--check');
const lessons = named.length
  ? named
  : readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(ROOT, e.name, 'generate-data.ts')))
      .map((e) => e.name);

let stale = 0;
for (const lesson of lessons) {
  const generator = join(ROOT, lesson, 'generate-data.ts');
  if (!existsSync(generator)) {
    console.error(`${generator}: no such generator`);
    stale++;
    continue;
  }
  const { DATASETS } = (await import(pathToFileURL(resolve(generator)).href)) as { DATASETS: Record<string, string> };
  for (const [name, text] of Object.entries(DATASETS)) {
    const path = join(ROOT, lesson, 'lab', name);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        /* missing counts as stale */
      }
      if (current !== text) {
        console.error(`${path} is not what the generator makes: run npx tsx scripts/generate-data.ts ${lesson}`);
        stale++;
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${path} (${text.split('\n').length - 2} rows)`);
    }
  }
}
if (stale) process.exit(1);
