// Commands that move file versions between the working tree, the index and
// commits: add, rm, commit, restore, reset, and `checkout <paths>`.
// Messages are git 2.39's (builtin/add.c, rm.c, commit.c, checkout.c, reset.c).
import * as git from 'isomorphic-git';
import { isResult, parseOptions, unsupported } from './args';
import {
  AUTHOR,
  anyMatch,
  commitFiles,
  currentBranch,
  fatal,
  headOid,
  indexFiles,
  isIgnored,
  outsideRepo,
  pathspecMatches,
  readCommit,
  readWorktree,
  recordStat,
  removeWorktree,
  repoPath,
  resolveRev,
  setBranch,
  setIndex,
  setIndexEntry,
  short,
  statVouches,
  unknownRevision,
  visibleWorktree,
  worktreeOid,
  worktreePaths,
  writeWorktree,
  type Files,
  type Repo,
} from './repo';
import { quoted } from './quote';
import { changeTotals, compare, renameName, worktreeSnapshot } from './snapshot';
import { longStatus, statusData } from './status';
import { lookAtWorktree } from './watch';
import { summaryLine } from './textdiff';
import { mkdirp, normalize } from '../fs';
import { err, ok, type CommandResult } from '../shell';

/** What `git add` of the whole tree stages: the tracked files status finds changed or gone, and (unless `update`) every untracked file it lists or lists the folder of. */
async function changedPaths(repo: Repo, index: Files, update: boolean): Promise<string[]> {
  const look = await lookAtWorktree(repo, index);
  const tracked = look.unstaged.map((c) => c.path);
  if (update) return tracked;
  const folders = look.untracked.filter((u) => u.endsWith('/')).map((u) => u.slice(0, -1));
  return [...tracked, ...look.untracked.filter((u) => !u.endsWith('/')), ...visibleWorktree(repo, index, folders).untracked];
}

/** Command-line paths as pathspecs from the root; an error if one is outside the repository. */
function toSpecs(repo: Repo, args: string[]): string[] | CommandResult {
  const specs: string[] = [];
  for (const a of args) {
    const p = repoPath(repo, a);
    if (p === null) return outsideRepo(repo, a);
    specs.push(p);
  }
  return specs;
}

/**
 * Stage the working tree's version of each path (or its deletion), skipping files the index
 * already holds as they are, whose stat data vouches for them (others are staged again, which
 * refreshes it, as git add does). The index is written once for all of them: isomorphic-git
 * writes the whole index on each updateIndex, which made `git add` of N files cost N².
 */
async function stage(repo: Repo, paths: Iterable<string>, index: Files) {
  const files = new Map<string, string>();
  for (const path of paths) {
    const oid = await worktreeOid(repo, path);
    if (oid === null) await setIndexEntry(repo, path, null);
    else if (oid !== index.get(path) || !statVouches(repo, path)) files.set(path, oid);
  }
  if (!files.size) return;
  await git.add({ fs: repo.gfs, dir: repo.dir, filepath: [...files.keys()], force: true, parallel: false });
  for (const [path, oid] of files) recordStat(repo, path, oid);
}

export async function add(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('add', argv, { flags: { '-A': 'all', '--all': 'all', '-u': 'update', '--update': 'update', '-f': 'force', '--force': 'force' } });
  if (isResult(opts)) return opts;
  const args = [...opts.args, ...(opts.afterDashDash ?? [])];
  const update = opts.flags.has('update');
  if (args.length === 0 && !update && !opts.flags.has('all')) {
    return err('Nothing specified, nothing added.\nhint: Maybe you wanted to say \'git add .\'?\nhint: Turn this message off by running\nhint: "git config advice.addEmptyPathspec false"', 0);
  }
  const specs = toSpecs(repo, args.length ? args : [repo.dir]);
  if (!Array.isArray(specs)) return specs;
  const index = await indexFiles(repo);
  // -f: ignored files are added as any others.
  const force = opts.flags.has('force');
  // The whole tree (`git add .` at the root, -A, -u): only what status's view of it says changed can change the index.
  if (specs.every((s) => s === '') && !force && index.size) return stage(repo, await changedPaths(repo, index, update), index).then(() => ok());
  // Literal paths: only their files are looked at (a glob is matched against every file).
  const under = specs.some((s) => s === '' || /[*?[]/.test(s)) ? undefined : specs;
  const work = visibleWorktree(repo, index, under);
  const tracked = under ? under.flatMap((s) => (index.has(s) ? [s] : [...index.keys()].filter((p) => p.startsWith(`${s}/`)))) : index.keys();
  const candidates = [...new Set([...tracked, ...(update ? [] : work.all), ...(force && !update ? work.ignored : [])])];
  const chosen = new Set<string>();
  const ignored: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const hits = candidates.filter((p) => pathspecMatches(spec, p));
    if (hits.length === 0) {
      if (!update && work.ignored.some((p) => pathspecMatches(spec, p))) {
        ignored.push(spec);
        continue;
      }
      return fatal(`pathspec '${args[i] ?? '.'}' did not match any files`);
    }
    for (const p of hits) chosen.add(p);
  }
  await stage(repo, [...chosen].filter((path) => force || index.has(path) || !isIgnored(repo, path)), index);
  if (ignored.length) {
    return err(
      `The following paths are ignored by one of your .gitignore files:\n${ignored.join('\n')}\nhint: Use -f if you really want to add them.\nhint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"`,
    );
  }
  return ok();
}

export async function rm(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('rm', argv, { flags: { '--cached': 'cached', '-r': 'recursive', '-f': 'force', '--force': 'force', '-q': 'quiet', '--quiet': 'quiet' } });
  if (isResult(opts)) return opts;
  const args = [...opts.args, ...(opts.afterDashDash ?? [])];
  if (args.length === 0) return fatal('No pathspec was given. Which files should I remove?');
  const specs = toSpecs(repo, args);
  if (!Array.isArray(specs)) return specs;
  const index = await indexFiles(repo);
  const chosen = new Set<string>();
  for (const [i, spec] of specs.entries()) {
    const hits = [...index.keys()].filter((p) => pathspecMatches(spec, p));
    if (hits.length === 0) return fatal(`pathspec '${args[i]}' did not match any files`);
    if (!opts.flags.has('recursive') && hits.some((p) => p !== spec && !/[*?[]/.test(spec))) return fatal(`not removing '${args[i]}' recursively without -r`);
    for (const p of hits) chosen.add(p);
  }
  const paths = [...chosen].sort();
  if (!opts.flags.has('force')) {
    const head = await commitFiles(repo, await headOid(repo));
    const both: string[] = [];
    const staged: string[] = [];
    const local: string[] = [];
    for (const path of paths) {
      const work = await worktreeOid(repo, path);
      const idx = index.get(path);
      const stagedChange = head.get(path) !== idx;
      const localChange = work !== null && work !== idx;
      if (stagedChange && localChange && head.get(path) !== work) both.push(path);
      else if (!opts.flags.has('cached')) {
        if (stagedChange) staged.push(path);
        else if (localChange) local.push(path);
      }
    }
    const list = (names: string[], one: string, many: string, hint: string) =>
      names.length ? `error: ${names.length === 1 ? one : many}\n${names.map((n) => `    ${n}\n`).join('')}${hint}\n` : '';
    const message =
      list(both, 'the following file has staged content different from both the\nfile and the HEAD:', 'the following files have staged content different from both the\nfile and the HEAD:', '(use -f to force removal)') +
      list(staged, 'the following file has changes staged in the index:', 'the following files have changes staged in the index:', '(use --cached to keep the file, or -f to force removal)') +
      list(local, 'the following file has local modifications:', 'the following files have local modifications:', '(use --cached to keep the file, or -f to force removal)');
    if (message) return err(message, 1);
  }
  let out = '';
  for (const path of paths) {
    if (!opts.flags.has('quiet')) out += `rm '${path}'\n`;
    await setIndexEntry(repo, path, null);
    if (!opts.flags.has('cached')) removeWorktree(repo, path);
  }
  return ok(out);
}

/** git's default commit-message cleanup for -m ("whitespace"): trailing spaces, blank lines at the ends and repeated blank lines go. */
function cleanMessage(message: string): string {
  const lines = message.split('\n').map((l) => l.replace(/\s+$/, ''));
  const out: string[] = [];
  for (const line of lines) if (line !== '' || (out.length && out.at(-1) !== '')) out.push(line);
  while (out.at(-1) === '') out.pop();
  return out.length ? `${out.join('\n')}\n` : '';
}

/** A commit's subject as `%s` shows it: its first paragraph on one line. */
export function subject(message: string): string {
  const para: string[] = [];
  for (const line of message.replace(/^\n+/, '').split('\n')) {
    if (line.trim() === '') break;
    para.push(line.trimEnd());
  }
  return para.join(' ');
}

export async function commit(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('commit', argv, {
    flags: { '-a': 'all', '--all': 'all', '--allow-empty': 'allowEmpty', '-q': 'quiet', '--quiet': 'quiet' },
    values: { '-m': 'message', '--message': 'message' },
  });
  if (isResult(opts)) return opts;
  if (opts.args.length || opts.afterDashDash?.length) return unsupported('commit', '<pathspec>');
  const messages = opts.values.get('message');
  if (!messages) return err('the lab\'s git commit does not support writing the message in an editor: give it with -m, as in git commit -m "Add the data"');
  const head = await headOid(repo);
  let index = await indexFiles(repo);
  if (opts.flags.has('all')) {
    await stage(repo, index.keys(), index);
    index = await indexFiles(repo);
  }
  const headFiles = await commitFiles(repo, head);
  const changes = compare(headFiles, index);
  if (changes.length === 0 && !opts.flags.has('allowEmpty')) {
    return { stdout: longStatus(repo, await statusData(repo), true), stderr: '', code: 1 };
  }
  const message = cleanMessage(messages.join('\n\n'));
  if (!message) return err('Aborting commit due to empty commit message.');
  const branch = currentBranch(repo);
  const oid = await git.commit({
    fs: repo.gfs,
    dir: repo.dir,
    message,
    author: { ...AUTHOR, timestamp: repo.now, timezoneOffset: 0 },
    committer: { ...AUTHOR, timestamp: repo.now, timezoneOffset: 0 },
  });
  if (opts.flags.has('quiet')) return ok();
  const totals = await changeTotals(repo, { files: headFiles, worktree: false }, { files: index, worktree: false }, changes);
  const modes = changes
    .filter((c) => c.from || c.a === null || c.b === null)
    .map((c) => (c.from ? ` rename ${renameName(quoted(c.from), quoted(c.path))} (100%)\n` : ` ${c.a === null ? 'create' : 'delete'} mode 100644 ${quoted(c.path)}\n`));
  // An empty commit has no summary line (diff.c prints no stat for an empty diff).
  const summary = changes.length ? summaryLine(totals.files, totals.insertions, totals.deletions) : '';
  return ok(`[${branch}${head ? '' : ' (root-commit)'} ${short(oid)}] ${subject(message)}\n${summary}${modes.join('')}`);
}

/** Write the chosen paths of `source` into the index and/or the working tree; paths `source` lacks are removed (no-overlay). */
async function restoreFrom(repo: Repo, source: Files, paths: string[], where: { index: boolean; worktree: boolean }, index: Files) {
  for (const path of paths) {
    const oid = source.get(path) ?? null;
    if (where.index) await setIndexEntry(repo, path, oid);
    if (where.worktree) {
      if (oid) {
        if ((await worktreeOid(repo, path)) !== oid) await writeWorktree(repo, path, oid);
      } else if (index.has(path) || where.index) removeWorktree(repo, path);
    }
  }
}

/** Error lines for pathspecs that match nothing, as checkout and restore report them. */
function unmatched(args: string[], specs: string[], known: string[]): string {
  return specs
    .map((spec, i) => (known.some((p) => pathspecMatches(spec, p)) ? '' : `error: pathspec '${args[i]}' did not match any file(s) known to git\n`))
    .join('');
}

export async function restore(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('restore', argv, {
    flags: { '-S': 'staged', '--staged': 'staged', '-W': 'worktree', '--worktree': 'worktree', '-q': 'quiet', '--quiet': 'quiet' },
    values: { '-s': 'source', '--source': 'source' },
  });
  if (isResult(opts)) return opts;
  const args = [...opts.args, ...(opts.afterDashDash ?? [])];
  if (args.length === 0) return fatal('you must specify path(s) to restore');
  const specs = toSpecs(repo, args);
  if (!Array.isArray(specs)) return specs;
  const staged = opts.flags.has('staged');
  const worktree = opts.flags.has('worktree') || !staged;
  const sourceRev = opts.values.get('source')?.at(-1);
  const index = await indexFiles(repo);
  let source: Files;
  if (sourceRev !== undefined) {
    const oid = await resolveRev(repo, sourceRev);
    if (!oid) return fatal(`could not resolve ${sourceRev}`);
    source = await commitFiles(repo, oid);
  } else if (staged) {
    const head = await headOid(repo);
    if (!head) return fatal('could not resolve HEAD');
    source = await commitFiles(repo, head);
  } else source = index;
  const known = [...new Set([...source.keys(), ...index.keys()])];
  const errors = unmatched(args, specs, known);
  if (errors) return err(errors);
  await restoreFrom(repo, source, known.filter((p) => anyMatch(specs, p)).sort(), { index: staged, worktree }, index);
  return ok();
}

/** `M\tpath` lines for the working tree against the index ("Unstaged changes after reset"). */
async function unstagedList(repo: Repo): Promise<string> {
  const index = await indexFiles(repo);
  const work = await worktreeSnapshot(repo, index.keys());
  return compare(index, work.files, (p) => index.has(p))
    .map((c) => `${c.b === null ? 'D' : 'M'}\t${c.path}\n`)
    .join('');
}

export async function reset(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('reset', argv, { flags: { '--soft': 'soft', '--mixed': 'mixed', '--hard': 'hard', '-q': 'quiet', '--quiet': 'quiet' } });
  if (isResult(opts)) return opts;
  let rev: string | null = null;
  let pathArgs: string[];
  if (opts.afterDashDash) {
    if (opts.args.length > 1) return unknownRevision(opts.args[1]!);
    rev = opts.args[0] ?? null;
    pathArgs = opts.afterDashDash;
  } else {
    const [first, ...rest] = opts.args;
    if (first !== undefined && (await resolveRev(repo, first))) {
      rev = first;
      pathArgs = rest;
    } else pathArgs = opts.args;
    // Without `--`, each path must exist (setup.c verify_filename).
    for (const p of pathArgs) if (!repo.fs.stat(normalize(repo.cwd, p))) return unknownRevision(p);
  }
  const mode = opts.flags.has('hard') ? 'hard' : opts.flags.has('soft') ? 'soft' : 'mixed';
  let target: string | null;
  if (rev === null) target = await headOid(repo);
  else {
    target = await resolveRev(repo, rev);
    if (!target) return pathArgs.length || opts.afterDashDash ? fatal(`Failed to resolve '${rev}' as a valid ${pathArgs.length ? 'tree' : 'revision'}.`) : unknownRevision(rev);
  }
  const targetFiles = await commitFiles(repo, target);
  const index = await indexFiles(repo);
  if (pathArgs.length) {
    if (mode !== 'mixed') return fatal(`Cannot do ${mode} reset with paths.`);
    if (opts.flags.has('mixed')) return unsupported('reset', '--mixed <paths>');
    const specs = toSpecs(repo, pathArgs);
    if (!Array.isArray(specs)) return specs;
    const paths = [...new Set([...index.keys(), ...targetFiles.keys()])].filter((p) => anyMatch(specs, p));
    for (const path of paths) await setIndexEntry(repo, path, targetFiles.get(path) ?? null);
  } else {
    if (!target) return fatal("Failed to resolve 'HEAD' as a valid ref.");
    await setBranch(repo, currentBranch(repo), target);
    if (mode !== 'soft') await setIndex(repo, targetFiles, index);
    if (mode === 'hard') {
      for (const path of index.keys()) if (!targetFiles.has(path)) removeWorktree(repo, path);
      for (const [path, oid] of targetFiles) if ((await worktreeOid(repo, path)) !== oid) await writeWorktree(repo, path, oid);
      const c = await readCommit(repo, target);
      return ok(`HEAD is now at ${short(target)} ${subject(c.message)}\n`);
    }
  }
  if (mode === 'mixed' && !opts.flags.has('quiet')) {
    const list = await unstagedList(repo);
    if (list) return ok(`Unstaged changes after reset:\n${list}`);
  }
  return ok();
}

/** `git checkout [<rev>] [--] <paths>`: files from the index, or from a commit into the index and the working tree. */
export async function checkoutPaths(repo: Repo, rev: string | null, args: string[], dashDash: boolean): Promise<CommandResult> {
  const specs = toSpecs(repo, args);
  if (!Array.isArray(specs)) return specs;
  const index = await indexFiles(repo);
  let source: Files = index;
  let treeOid = '';
  if (rev !== null) {
    const oid = await resolveRev(repo, rev);
    if (!oid) return fatal(`invalid reference: ${rev}`);
    source = await commitFiles(repo, oid);
    treeOid = (await readCommit(repo, oid)).tree;
  }
  const errors = unmatched(args, specs, [...source.keys()]);
  if (errors) return err(errors);
  const paths = [...source.keys()].filter((p) => anyMatch(specs, p)).sort();
  let count = 0;
  for (const path of paths) {
    const oid = source.get(path)!;
    if (rev !== null) await setIndexEntry(repo, path, oid);
    if (rev !== null || (await worktreeOid(repo, path)) !== oid) {
      await writeWorktree(repo, path, oid);
      count++;
    }
  }
  // Without `--`, git counts what it wrote (checkout.c: count_checkout_paths).
  if (dashDash) return ok();
  return err(`Updated ${count} path${count === 1 ? '' : 's'} from ${rev === null ? 'the index' : short(treeOid)}`, 0);
}

/** `git mv <source>... <destination>`: move files (or a folder) in the working tree and the index (builtin/mv.c). */
export async function mv(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('mv', argv, {});
  if (isResult(opts)) return opts;
  const args = [...opts.args, ...(opts.afterDashDash ?? [])];
  if (args.length < 2) return err('usage: git mv [<options>] <source>... <destination>', 129);
  const destArg = args.at(-1)!;
  const dest = repoPath(repo, destArg);
  if (dest === null) return outsideRepo(repo, destArg);
  const destIsDir = repo.fs.stat(normalize(repo.cwd, destArg))?.type === 'dir';
  if (args.length > 2 && !destIsDir) return fatal(`destination '${destArg}' is not a directory`);
  const index = await indexFiles(repo);
  const moves: [string, string][] = [];
  const untrackedMoves: [string, string][] = [];
  for (const srcArg of args.slice(0, -1)) {
    const src = repoPath(repo, srcArg);
    if (src === null) return outsideRepo(repo, srcArg);
    const where = `source=${srcArg}, destination=${destArg}`;
    const target = destIsDir ? `${dest ? `${dest}/` : ''}${src.split('/').at(-1)}` : dest;
    const kind = repo.fs.stat(`${repo.dir}/${src}`)?.type;
    if (!kind) return fatal(`bad source, ${where}`);
    if (kind === 'dir') {
      const inside = [...index.keys()].filter((p) => p.startsWith(`${src}/`));
      if (!inside.length) return fatal(`source directory is empty, ${where}`);
      for (const p of inside) moves.push([p, `${target}${p.slice(src.length)}`]);
      // The folder moves as a whole on disk: untracked files in it go along.
      for (const p of worktreePaths(repo)) if (p.startsWith(`${src}/`) && !index.has(p)) untrackedMoves.push([p, `${target}${p.slice(src.length)}`]);
      continue;
    }
    if (src === target) return fatal(`can not move directory into itself, ${where}`);
    if (!index.has(src)) return fatal(`not under version control, ${where}`);
    if (!destIsDir && destArg.endsWith('/')) return fatal(`destination directory does not exist, ${where}`);
    if (repo.fs.stat(`${repo.dir}/${target}`)) return fatal(`destination exists, ${where}`);
    moves.push([src, target]);
  }
  for (const [from, to] of moves) {
    const oid = index.get(from)!;
    const data = readWorktree(repo, from);
    await setIndexEntry(repo, from, null);
    await setIndexEntry(repo, to, oid);
    if (data) {
      await writeWorktree(repo, to, oid);
      repo.fs.writeFile(`${repo.dir}/${to}`, data);
      removeWorktree(repo, from);
    }
  }
  for (const [from, to] of untrackedMoves) {
    const data = readWorktree(repo, from)!;
    mkdirp(repo.fs, `${repo.dir}/${to}`.replace(/\/[^/]*$/, ''));
    repo.fs.writeFile(`${repo.dir}/${to}`, data);
    removeWorktree(repo, from);
  }
  return ok();
}
