// Issue 22's costs without a browser: `BENCH_ONLY=costs npm run bench` (no build needed).
// The lab's git over in-memory files as the project grows: `git status` over untracked files,
// over files in an ignored folder and over committed files; `git status` and `git add` after one
// edit; `git log` as files and commits grow;
// the repo summary a shell Run makes after its script; the committed-as-it-is-now check
// (uncommittedOf); and the page's merge of a Run's changed files into its file map. Each time is
// the p50 of 7 after one not counted; the ratio is to the smallest size's.
import 'fake-indexeddb/auto'; // the saved project's IndexedDB, in memory
import { MemoryFs, mkdirp } from '../src/lab/shell/fs';
import { gitProgram } from '../src/lab/shell/git';
import { runScript } from '../src/lab/shell/bash';
import { summariseRepo, uncommittedOf } from '../src/lab/shell/git/summary';
import { withChanges } from '../src/lab/worldFiles';
import { WorldStore } from '../src/lab/page/worldStore';
import type { WorldFiles } from '../src/lab/types';
import { createStore } from 'idb-keyval';

const idb = createStore('bench-costs', 'worlds');
const FILE_SIZES: [string, number][] = [['10', 10], ['100', 100], ['1,000', 1000], ['10,000', 10000]];
const COMMIT_SIZES: [string, number][] = [['10', 10], ['100', 100], ['500', 500]];

/** p50 of 7 timed calls after one not counted; a call that returns a number times itself (what it set up is left out). */
async function p50(work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const own = await work();
    times.push(typeof own === 'number' ? own : performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[3]!;
}

function table(title: string, columns: string[], rows: { size: string; values: number[] }[]) {
  const [first] = rows;
  console.log(`\n${title}\n| size | ${columns.map((c) => `${c} | ratio`).join(' | ')} |\n|---|${columns.map(() => '---|---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.size} | ${r.values.map((v, i) => `${v.toFixed(2)} ms | ${(v / first!.values[i]!).toFixed(2)}×`).join(' | ')} |`);
}

let labs = 0;

/** A repository with one commit of a start project, in a folder of its own, on a clock that moves a second per step. */
async function lab() {
  let clock = Date.UTC(2026, 11, 7, 9, 0, 0);
  const fs = new MemoryFs(() => clock);
  const home = `/home/costs${labs++}`;
  mkdirp(fs, `${home}/src`);
  const ctx = { fs, cwd: home, home, now: () => clock, programs: { git: gitProgram } };
  const sh = async (script: string) => {
    clock += 1000;
    const entries = await runScript(script, ctx);
    const last = entries.at(-1);
    if (last && last.code !== 0) throw new Error(`\`${script}\` failed: ${last.output.map((o) => o.text).join('')}`);
    return entries.map((e) => e.output.map((o) => o.text).join('')).join('');
  };
  /** Files `bench/d<i / 1000>/f<i>.txt` (folders of 1,000, as the browser bench makes them) under `root`. */
  const grow = (root: string, from: number, to: number) => {
    clock += 1000;
    for (let i = from; i < to; i++) {
      const folder = `${home}/${root}/d${Math.floor(i / 1000)}`;
      if (i === from || i % 1000 === 0) mkdirp(fs, folder);
      fs.writeFile(`${folder}/f${i}.txt`, `file ${i}\n`);
    }
  };
  fs.writeFile(`${home}/README.md`, '# Project\n');
  fs.writeFile(`${home}/src/train.py`, 'print("train")\n');
  fs.writeFile(`${home}/.gitignore`, 'data/\n*.log\n');
  await sh('git init -q && git add . && git commit -q -m "Start"');
  return { fs, home, sh, grow };
}

/** `git status` as untracked files grow (git lists their folder), and as files grow in an ignored folder. */
async function untrackedGrowth() {
  for (const [title, root] of [
    ['untracked files (`bench/`, not added)', 'bench'],
    ['files in an ignored folder (`data/` in .gitignore)', 'data'],
  ] as const) {
    const { sh, grow } = await lab();
    const rows = [];
    let at = 0;
    for (const [size, n] of FILE_SIZES) {
      grow(root, at, n);
      at = n;
      const out = await sh('git status --porcelain');
      if (out !== (root === 'bench' ? '?? bench/\n' : '')) throw new Error(`git status printed ${JSON.stringify(out)}`);
      rows.push({ size, values: [await p50(() => sh('git status')), await p50(() => sh('git status -s'))] });
    }
    table(title, ['git status', 'git status -s'], rows);
  }
}

/** Committed files: status, log, the summary after a script, and uncommittedOf of three paths. */
async function trackedGrowth() {
  const { fs, home, sh, grow } = await lab();
  const rows = [];
  let at = 0;
  for (const [size, n] of FILE_SIZES) {
    grow('bench', at, n);
    await sh(`git add bench && git commit -q -m "${n} files"`);
    at = n;
    await sh('git status'); // the stat data of the new files, recorded once as git's first status would
    const asked = ['bench/d0/f0.txt', 'README.md', 'src/train.py'];
    if ((await uncommittedOf(fs, home, asked)).length) throw new Error('committed files read as uncommitted');
    rows.push({
      size,
      values: [
        await p50(() => sh('git status')),
        await p50(() => sh('git log')),
        await p50(() => summariseRepo(fs, home, { files: [], removed: [] })),
        await p50(() => uncommittedOf(fs, home, asked)),
      ],
    });
  }
  table('files committed to git', ['git status', 'git log', 'repo summary (after a script)', 'uncommittedOf (3 paths)'], rows);
}

/**
 * After a file is edited, with files committed (a status looks again at what the file system's
 * record says changed) and with untracked files (`git add` of one file walks none of them).
 */
async function editGrowth() {
  for (const [title, commit] of [
    ['one file edited, with files committed', true],
    ['one file edited, with untracked files (`bench/`, not added)', false],
  ] as const) {
    const { sh, grow } = await lab();
    const rows = [];
    let at = 0;
    let edits = 0;
    /** Time `script` after an edit of README.md (the edit itself not counted). */
    const afterEdit = (script: string) =>
      p50(async () => {
        await sh(`echo ${edits++} >> README.md`);
        const t0 = performance.now();
        await sh(script);
        return performance.now() - t0;
      });
    for (const [size, n] of FILE_SIZES) {
      grow('bench', at, n);
      if (commit) await sh(`git add bench && git commit -q -m "${n} files"`);
      at = n;
      await sh('git status');
      const out = await sh('git status --porcelain');
      if (out !== (commit ? '' : '?? bench/\n')) throw new Error(`git status printed ${JSON.stringify(out)}`);
      rows.push({ size, values: [await afterEdit('git status'), await afterEdit('git add README.md'), await afterEdit(commit ? 'git add -A' : 'git add -u')] });
      await sh('git commit -q -m edits');
    }
    table(title, ['git status', 'git add README.md', commit ? 'git add -A' : 'git add -u'], rows);
  }
}

async function commitGrowth() {
  const { sh } = await lab();
  const rows = [];
  let commits = 1;
  for (const [size, n] of COMMIT_SIZES) {
    for (; commits < n; commits++) await sh(`echo ${commits} > bench.txt && git add bench.txt && git commit -q -m "Commit ${commits}"`);
    rows.push({ size, values: [await p50(() => sh('git status')), await p50(() => sh('git log -n 10')), await p50(() => sh('git log --oneline')), await p50(() => sh('git log'))] });
  }
  table('commits in the repository', ['git status', 'git log -n 10', 'git log --oneline (all)', 'git log (all)'], rows);
}

/**
 * The page after a Run that changed one file and removed none (src/lab/page/engine.ts onResult):
 * its merge into the file map, and the saved project's update (src/lab/page/worldStore.ts, over
 * fake-indexeddb: one file written, and whatever the store does to find it).
 */
async function mergeGrowth() {
  const rows = [];
  for (const [size, n] of FILE_SIZES) {
    let world: WorldFiles = {};
    for (let i = 0; i < n; i++) world[`bench/d${Math.floor(i / 1000)}/f${i}.txt`] = `file ${i}\n`;
    let run = 0;
    const change = () => ({ files: { 'train.py': `print(${run++})\n` }, removed: [] });
    const merge = await p50(() => (world = withChanges(world, change())));
    const store = new WorldStore(`bench-${size}`, { idb: () => idb });
    await store.save(world);
    const save = await p50(async () => {
      const changes = change();
      const from = world;
      world = withChanges(from, changes);
      const t0 = performance.now();
      await store.save(world, { from, ...changes });
      return performance.now() - t0;
    });
    rows.push({ size, values: [merge, save] });
  }
  table("the page after a Run that changed one file", ['merge into the file map', "the store's save"], rows);
}

await untrackedGrowth();
await trackedGrowth();
await editGrowth();
await commitGrowth();
await mergeGrowth();
