// Budget: the JavaScript a browser must load before it can paint the lesson
// route — the entry chunk and everything it imports statically (dynamic
// imports such as Monaco are excluded, as they load later). Prints gzip sizes
// and fails if the total exceeds the budget or Monaco slipped in.
// Usage: npm run build && npm run budget
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 120;
const MONACO_MARKERS = ['MonacoEnvironment', 'monaco-editor', 'vs/editor/'];

let manifest;
try {
  manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
} catch {
  console.error('No dist/.vite/manifest.json: run `npm run build` first.');
  process.exit(1);
}

const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
const seen = new Set();
const queue = [entry];
while (queue.length) {
  const chunk = queue.shift();
  if (!chunk || seen.has(chunk.file)) continue;
  seen.add(chunk.file);
  for (const key of chunk.imports ?? []) queue.push(manifest[key]);
}

let total = 0;
const problems = [];
for (const file of seen) {
  const bytes = readFileSync(`dist/${file}`);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB gzip  ${file}`);
  const text = bytes.toString('utf8');
  for (const marker of MONACO_MARKERS) if (text.includes(marker)) problems.push(`${file} contains Monaco ("${marker}")`);
}
const lazy = Object.values(manifest).filter((c) => !seen.has(c.file) && c.file.endsWith('.js'));
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB gzip  total before first paint (budget ${BUDGET_KB} KB)`);
console.log(`        ${lazy.length} chunks load later, on demand (${lazy.map((c) => c.name ?? c.file).join(', ')})`);

if (total / 1024 > BUDGET_KB) problems.push(`over budget by ${(total / 1024 - BUDGET_KB).toFixed(1)} KB`);
if (problems.length) {
  for (const p of problems) console.error(`budget: ${p}`);
  process.exit(1);
}
console.log('budget ok');
