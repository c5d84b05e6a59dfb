// `git` in the lab's shell, through isomorphic-git over the lab's files: real
// objects and SHA-1 hashes; author and time from the lab's clock, so a
// transcript is reproducible. Output follows git's own wording.
import * as git from 'isomorphic-git';
import { unifiedHunks } from './diff';
import { gitFsAdapter, normalize, type LabFs } from './fs';
import { err, ok, type CommandResult, type Program, type ShellContext } from './shell';

export const AUTHOR = { name: 'Learner', email: 'learner@lifecycle.lab' };


/** The folder holding .git, searching up from cwd, or null. */
export function repoRoot(fs: LabFs, cwd: string): string | null {
  for (let dir = cwd; ; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
    if (fs.stat(`${dir === '/' ? '' : dir}/.git`)?.type === 'dir') return dir;
    if (dir === '/') return null;
  }
}

const NOT_A_REPO = 'fatal: not a git repository (or any of the parent directories): .git';

type Row = [string, number, number, number];

async function headCommit(fs: LabFs, dir: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: gitFsAdapter(fs), dir, ref: 'HEAD' });
  } catch {
    return null;
  }
}

async function currentBranch(fs: LabFs, dir: string) {
  return (await git.currentBranch({ fs: gitFsAdapter(fs), dir, fullname: false })) ?? 'main';
}

/** git's two-letter status (XY) for a statusMatrix row, or null when unchanged. */
function shortCode([, head, work, stage]: Row): string | null {
  if (head === 0 && work === 2 && stage === 0) return '??';
  if (head === 1 && work === 1 && stage === 1) return null;
  const x = stage === head ? ' ' : head === 0 ? 'A' : stage === 0 ? 'D' : 'M';
  const y = work === 0 && stage !== 0 ? 'D' : (work === 2 && stage === 2) || (work === 1 && stage === 1) || stage === 0 ? ' ' : stage === 3 || work !== stage ? 'M' : ' ';
  return `${x}${y}`;
}

/** Untracked paths collapsed to their top untracked folder, as git prints them. */
function collapseUntracked(untracked: string[], tracked: Set<string>): string[] {
  const out = new Set<string>();
  for (const path of untracked) {
    const parts = path.split('/');
    let shown = path;
    for (let i = 1; i < parts.length; i++) {
      const prefix = `${parts.slice(0, i).join('/')}/`;
      if (![...tracked].some((t) => t.startsWith(prefix))) {
        shown = prefix;
        break;
      }
    }
    out.add(shown);
  }
  return [...out].sort();
}

async function status(fs: LabFs, dir: string, short: boolean): Promise<CommandResult> {
  const gfs = gitFsAdapter(fs);
  const matrix = (await git.statusMatrix({ fs: gfs, dir })) as Row[];
  const rows = matrix.map((r) => ({ path: r[0], code: shortCode(r) })).filter((r): r is { path: string; code: string } => r.code !== null);
  const tracked = new Set(matrix.filter((r) => r[1] === 1 || r[3] !== 0).map((r) => r[0]));
  const untracked = collapseUntracked(rows.filter((r) => r.code === '??').map((r) => r.path), tracked);
  if (short) {
    const changed = rows.filter((r) => r.code !== '??').map((r) => `${r.code} ${r.path}\n`);
    return ok(changed.join('') + untracked.map((u) => `?? ${u}\n`).join(''));
  }
  const branch = await currentBranch(fs, dir);
  const hasCommits = (await headCommit(fs, dir)) !== null;
  const label = (c: string) => (c === 'A' ? 'new file:   ' : c === 'D' ? 'deleted:    ' : 'modified:   ');
  const staged = rows.filter((r) => r.code !== '??' && r.code[0] !== ' ');
  const unstaged = rows.filter((r) => r.code !== '??' && r.code[1] !== ' ');
  let out = `On branch ${branch}\n`;
  if (!hasCommits) out += '\nNo commits yet\n';
  if (staged.length) {
    out += `\nChanges to be committed:\n  (use "git ${hasCommits ? 'restore --staged' : 'rm --cached'} <file>..." to unstage)\n`;
    out += staged.map((r) => `\t${label(r.code[0]!)}${r.path}\n`).join('');
  }
  if (unstaged.length) {
    out += '\nChanges not staged for commit:\n  (use "git add <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n';
    out += unstaged.map((r) => `\t${label(r.code[1]!)}${r.path}\n`).join('');
  }
  if (untracked.length) {
    out += '\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n';
    out += untracked.map((u) => `\t${u}\n`).join('');
  }
  if (!staged.length && !unstaged.length) {
    out += untracked.length
      ? `\nnothing added to commit but untracked files present (use "git add" to track)\n`
      : hasCommits
        ? 'nothing to commit, working tree clean\n'
        : '\nnothing to commit (create/copy files and use "git add" to track)\n';
  } else if (!staged.length) {
    out += '\nno changes added to commit (use "git add" and/or "git commit -a")\n';
  }
  return ok(out);
}

async function add(fs: LabFs, dir: string, cwd: string, paths: string[]): Promise<CommandResult> {
  const gfs = gitFsAdapter(fs);
  if (paths.length === 0) return err('Nothing specified, nothing added.\nhint: Maybe you wanted to say \'git add .\'?', 0);
  const matrix = (await git.statusMatrix({ fs: gfs, dir })) as Row[];
  const ignored: string[] = [];
  for (const raw of paths) {
    const abs = normalize(cwd, raw);
    const rel = abs === dir ? '' : abs.slice(dir.length + 1);
    const inside = (p: string) => rel === '' || p === rel || p.startsWith(`${rel}/`);
    const rows = matrix.filter((r) => inside(r[0]));
    if (rows.length === 0) {
      if (fs.stat(abs) && (await git.isIgnored({ fs: gfs, dir, filepath: rel }))) {
        ignored.push(rel);
        continue;
      }
      return err(`fatal: pathspec '${raw}' did not match any files`, 128);
    }
    for (const [path, , work] of rows) {
      if (work === 0) await git.remove({ fs: gfs, dir, filepath: path });
      else await git.add({ fs: gfs, dir, filepath: path });
    }
  }
  if (ignored.length) {
    return err(`The following paths are ignored by one of your .gitignore files:\n${ignored.join('\n')}\nhint: Use -f if you really want to add them.`);
  }
  return ok();
}

/** Line-level insertions and deletions between two texts (LCS; large files count whole). */
function lineChanges(before: string, after: string): [number, number] {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  if (a.at(-1) === '') a.pop();
  if (b.at(-1) === '') b.pop();
  if (a.length * b.length > 4_000_000) return [b.length, a.length];
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  const common = prev[b.length]!;
  return [b.length - common, a.length - common];
}

async function commit(fs: LabFs, dir: string, args: string[], now: number): Promise<CommandResult> {
  const m = args.indexOf('-m');
  const message = m >= 0 ? args[m + 1] : undefined;
  if (message === undefined) return err('error: the lab\'s git needs a message: git commit -m "your message"');
  const gfs = gitFsAdapter(fs);
  const matrix = (await git.statusMatrix({ fs: gfs, dir })) as Row[];
  const staged = matrix.filter(([, head, , stage]) => stage !== head && !(head === 1 && stage === 1) && !(head === 0 && stage === 0));
  const branch = await currentBranch(fs, dir);
  const parent = await headCommit(fs, dir);
  if (staged.length === 0) {
    const s = await status(fs, dir, false);
    return { stdout: s.stdout, stderr: '', code: 1 };
  }
  let insertions = 0;
  let deletions = 0;
  const modes: string[] = [];
  const decoder = new TextDecoder();
  for (const [path, head, , stage] of staged) {
    let before = '';
    if (head === 1 && parent) {
      const { blob } = await git.readBlob({ fs: gfs, dir, oid: parent, filepath: path });
      before = decoder.decode(blob);
    }
    const after = stage === 0 ? '' : decoder.decode(fs.readFile(`${dir}/${path}`) ?? new Uint8Array());
    const [ins, del] = lineChanges(before, after);
    insertions += ins;
    deletions += del;
    if (head === 0) modes.push(` create mode 100644 ${path}\n`);
    if (stage === 0) modes.push(` delete mode 100644 ${path}\n`);
  }
  const oid = await git.commit({
    fs: gfs,
    dir,
    message,
    author: { ...AUTHOR, timestamp: Math.floor(now / 1000), timezoneOffset: 0 },
  });
  const files = `${staged.length} file${staged.length === 1 ? '' : 's'} changed`;
  const ins = insertions ? `, ${insertions} insertion${insertions === 1 ? '' : 's'}(+)` : '';
  const del = deletions ? `, ${deletions} deletion${deletions === 1 ? '' : 's'}(-)` : '';
  return ok(`[${branch}${parent ? '' : ' (root-commit)'} ${oid.slice(0, 7)}] ${message.split('\n')[0]}\n ${files}${ins}${del}\n${modes.join('')}`);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function gitDate(seconds: number) {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} +0000`;
}

async function log(fs: LabFs, dir: string, args: string[]): Promise<CommandResult> {
  const branch = await currentBranch(fs, dir);
  if (!(await headCommit(fs, dir))) return err(`fatal: your current branch '${branch}' does not have any commits yet`, 128);
  const commits = await git.log({ fs: gitFsAdapter(fs), dir });
  const decorate = (i: number) => (i === 0 ? ` (HEAD -> ${branch})` : '');
  if (args.includes('--oneline')) {
    return ok(commits.map((c, i) => `${c.oid.slice(0, 7)}${decorate(i)} ${c.commit.message.split('\n')[0]}\n`).join(''));
  }
  return ok(
    commits
      .map(
        (c, i) =>
          `commit ${c.oid}${decorate(i)}\nAuthor: ${c.commit.author.name} <${c.commit.author.email}>\nDate:   ${gitDate(c.commit.author.timestamp)}\n\n${c.commit.message
            .replace(/\n$/, '')
            .split('\n')
            .map((l) => `    ${l}`)
            .join('\n')}\n`,
      )
      .join('\n'),
  );
}

async function branchCommand(fs: LabFs, dir: string, args: string[]): Promise<CommandResult> {
  const gfs = gitFsAdapter(fs);
  if (args[0]) {
    if (!(await headCommit(fs, dir))) return err(`fatal: not a valid object name: '${await currentBranch(fs, dir)}'`, 128);
    try {
      await git.branch({ fs: gfs, dir, ref: args[0] });
    } catch {
      return err(`fatal: a branch named '${args[0]}' already exists`, 128);
    }
    return ok();
  }
  const current = await currentBranch(fs, dir);
  const branches = await git.listBranches({ fs: gfs, dir });
  return ok([...new Set([current, ...branches])].sort().map((b) => `${b === current ? '*' : ' '} ${b}\n`).join(''));
}

const decoder = new TextDecoder();

/** One file's diff block as git prints it. */
async function fileDiff(path: string, a: { oid: string | null; text: string }, b: { oid: string | null; text: string }) {
  const hunks = unifiedHunks(a.text, b.text);
  if (!hunks && a.oid && b.oid) return '';
  const short = (oid: string | null) => (oid ?? '0000000').slice(0, 7);
  let head = `diff --git a/${path} b/${path}\n`;
  if (!a.oid) head += 'new file mode 100644\n';
  if (!b.oid) head += 'deleted file mode 100644\n';
  head += `index ${short(a.oid)}..${short(b.oid)}${a.oid && b.oid ? ' 100644' : ''}\n`;
  head += `--- ${a.oid ? `a/${path}` : '/dev/null'}\n+++ ${b.oid ? `b/${path}` : '/dev/null'}\n`;
  return head + hunks;
}

/** Blob oids of every path in HEAD, the index and (hashing) the working tree. */
async function snapshotOids(fs: LabFs, dir: string) {
  const gfs = gitFsAdapter(fs);
  const rows = (await git.walk({
    fs: gfs,
    dir,
    trees: [git.TREE({ ref: 'HEAD' }), git.STAGE(), git.WORKDIR()],
    map: async (filepath, entries) => {
      if (filepath === '.') return undefined;
      const [head, stage, work] = entries ?? [];
      const types = await Promise.all([head?.type(), stage?.type(), work?.type()]);
      if (types.every((t) => t === 'tree' || t === undefined)) return undefined;
      return {
        path: filepath,
        head: types[0] === 'blob' ? ((await head?.oid()) ?? null) : null,
        stage: types[1] === 'blob' ? ((await stage?.oid()) ?? null) : null,
        work: types[2] === 'blob' ? ((await work?.oid()) ?? null) : null,
      };
    },
  }).catch(async () => {
    // No commits yet: walk the index and the working tree only.
    return git.walk({
      fs: gfs,
      dir,
      trees: [git.STAGE(), git.WORKDIR()],
      map: async (filepath, entries) => {
        if (filepath === '.') return undefined;
        const [stage, work] = entries ?? [];
        const types = await Promise.all([stage?.type(), work?.type()]);
        if (types.every((t) => t === 'tree' || t === undefined)) return undefined;
        return { path: filepath, head: null, stage: types[0] === 'blob' ? ((await stage?.oid()) ?? null) : null, work: types[1] === 'blob' ? ((await work?.oid()) ?? null) : null };
      },
    });
  })) as { path: string; head: string | null; stage: string | null; work: string | null }[];
  return rows.filter(Boolean);
}

async function blobText(fs: LabFs, dir: string, oid: string | null) {
  if (!oid) return '';
  const { blob } = await git.readBlob({ fs: gitFsAdapter(fs), dir, oid });
  return decoder.decode(blob);
}

async function diff(fs: LabFs, dir: string, args: string[]): Promise<CommandResult> {
  const staged = args.includes('--staged') || args.includes('--cached');
  const paths = args.filter((a) => !a.startsWith('-'));
  const gfs = gitFsAdapter(fs);
  let out = '';
  for (const row of await snapshotOids(fs, dir)) {
    if (paths.length && !paths.some((p) => row.path === p || row.path.startsWith(`${p}/`))) continue;
    if (await git.isIgnored({ fs: gfs, dir, filepath: row.path })) continue;
    if (staged) {
      if (row.head === row.stage) continue;
      out += await fileDiff(row.path, { oid: row.head, text: await blobText(fs, dir, row.head) }, { oid: row.stage, text: await blobText(fs, dir, row.stage) });
    } else {
      if (!row.stage || row.stage === row.work) continue; // untracked files are not in `git diff`
      const work = row.work ? decoder.decode(fs.readFile(`${dir}/${row.path}`) ?? new Uint8Array()) : '';
      out += await fileDiff(row.path, { oid: row.stage, text: await blobText(fs, dir, row.stage) }, { oid: row.work, text: work });
    }
  }
  return ok(out);
}

async function show(fs: LabFs, dir: string, args: string[]): Promise<CommandResult> {
  const gfs = gitFsAdapter(fs);
  const ref = args.find((a) => !a.startsWith('-')) ?? 'HEAD';
  let oid: string;
  try {
    oid = await git.expandOid({ fs: gfs, dir, oid: ref }).catch(() => git.resolveRef({ fs: gfs, dir, ref }));
  } catch {
    return err(`fatal: ambiguous argument '${ref}': unknown revision or path not in the working tree.`, 128);
  }
  const { commit } = await git.readCommit({ fs: gfs, dir, oid });
  const parent = commit.parent[0];
  const files = async (treeRef: string | undefined) => {
    if (!treeRef) return new Map<string, string>();
    const list = await git.listFiles({ fs: gfs, dir, ref: treeRef });
    const map = new Map<string, string>();
    for (const path of list) map.set(path, (await git.readBlob({ fs: gfs, dir, oid: treeRef, filepath: path })).oid);
    return map;
  };
  const [before, after] = await Promise.all([files(parent), files(oid)]);
  let out = `commit ${oid}\nAuthor: ${commit.author.name} <${commit.author.email}>\nDate:   ${gitDate(commit.author.timestamp)}\n\n${commit.message
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n\n`;
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path) ?? null;
    const b = after.get(path) ?? null;
    if (a === b) continue;
    out += await fileDiff(path, { oid: a, text: await blobText(fs, dir, a) }, { oid: b, text: await blobText(fs, dir, b) });
  }
  return ok(out);
}

async function checkoutFiles(fs: LabFs, dir: string, cwd: string, args: string[]): Promise<CommandResult> {
  const paths = args.filter((a) => a !== '--');
  if (paths.length === 0 || paths.some((p) => p.startsWith('-'))) return err("error: the lab's git checks out files only: git checkout <file>");
  const rows = await snapshotOids(fs, dir);
  for (const raw of paths) {
    const abs = normalize(cwd, raw);
    const rel = abs.slice(dir.length + 1);
    const row = rows.find((r) => r.path === rel);
    if (!row?.stage) return err(`error: pathspec '${raw}' did not match any file(s) known to git`);
    const { blob } = await git.readBlob({ fs: gitFsAdapter(fs), dir, oid: row.stage });
    fs.writeFile(abs, blob);
  }
  return ok();
}

export const gitProgram: Program = async (args: string[], ctx: ShellContext) => {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === 'help') {
    return ok(
      'usage: git <command> [<args>]\n\nThe lab supports:\n   init       Create an empty Git repository\n   status     Show the working tree status (-s for short)\n   add        Add file contents to the index\n   commit     Record changes to the repository (-m "message")\n   log        Show commit logs (--oneline)\n   branch     List or create branches\n   diff       Show changes (--staged for the index)\n   show       Show a commit and its changes\n   checkout   Restore a file from the index: git checkout <file>\n',
    );
  }
  if (sub === 'init') {
    const existed = ctx.fs.stat(`${ctx.cwd}/.git`)?.type === 'dir';
    await git.init({ fs: gitFsAdapter(ctx.fs), dir: ctx.cwd, defaultBranch: 'main' });
    return ok(`${existed ? 'Reinitialized existing' : 'Initialized empty'} Git repository in ${ctx.cwd}/.git/\n`);
  }
  const dir = repoRoot(ctx.fs, ctx.cwd);
  if (!dir) return err(NOT_A_REPO, 128);
  switch (sub) {
    case 'status':
      return status(ctx.fs, dir, rest.includes('-s') || rest.includes('--short'));
    case 'add':
      return add(ctx.fs, dir, ctx.cwd, rest);
    case 'commit':
      return commit(ctx.fs, dir, rest, ctx.now());
    case 'log':
      return log(ctx.fs, dir, rest);
    case 'branch':
      return branchCommand(ctx.fs, dir, rest);
    case 'diff':
      return diff(ctx.fs, dir, rest);
    case 'show':
      return show(ctx.fs, dir, rest);
    case 'checkout':
      return checkoutFiles(ctx.fs, dir, ctx.cwd, rest);
    default:
      return err(`git: '${sub}' is not a git command. See 'git --help'.`);
  }
};
