// Branches: `git branch`, and switching with `checkout`/`switch` the way
// git's two-way merge does it (unpack-trees.c): local changes are carried
// over unless the switch would overwrite them. HEAD always stays on a branch:
// the lab has no detached HEAD, and says so.
import { isResult, parseOptions, unsupported } from './args';
import { checkoutPaths } from './changes';
import {
  branchOid,
  commitFiles,
  currentBranch,
  fatal,
  headOid,
  indexFiles,
  isIgnored,
  listBranches,
  readCommit,
  removeWorktree,
  resolveRev,
  setBranch,
  setHead,
  setIndexEntry,
  short,
  validBranchName,
  worktreeOid,
  writeWorktree,
  type Repo,
} from './repo';
import { worktreeSnapshot } from './snapshot';
import { err, ok, type CommandResult } from '../shell';

const QUIET = { '-q': 'quiet', '--quiet': 'quiet' };

const DETACHED = (rev: string) =>
  err(`the lab's git does not support a detached HEAD (checking out the commit '${rev}' itself): check out its files with git checkout ${rev} -- <file>, or make a branch there with git switch -c <branch> ${rev}`);

/** Is `ancestor` reachable from `tip` (first parents: the lab's history is linear)? */
async function reachable(repo: Repo, ancestor: string, tip: string | null): Promise<boolean> {
  for (let oid: string | undefined = tip ?? undefined; oid; oid = (await readCommit(repo, oid)).parents[0]) if (oid === ancestor) return true;
  return false;
}

export async function branch(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('branch', argv, {
    flags: { '-d': 'delete', '--delete': 'delete', '-D': 'force-delete', '--show-current': 'show-current', '-l': 'list', '--list': 'list' },
  });
  if (isResult(opts)) return opts;
  const current = currentBranch(repo);
  const args = [...opts.args, ...(opts.afterDashDash ?? [])];
  if (opts.flags.has('show-current')) return ok(`${current}\n`);
  if (opts.flags.has('delete') || opts.flags.has('force-delete')) {
    if (args.length === 0) return fatal('branch name required');
    let stdout = '';
    let stderr = '';
    for (const name of args) {
      const oid = await branchOid(repo, name);
      if (!oid) stderr += `error: branch '${name}' not found.\n`;
      else if (name === current) stderr += `error: Cannot delete branch '${name}' checked out at '${repo.dir}'\n`;
      else if (!opts.flags.has('force-delete') && !(await reachable(repo, oid, await headOid(repo)))) {
        stderr += `error: The branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.\n`;
      } else {
        repo.fs.unlink(`${repo.dir}/.git/refs/heads/${name}`);
        stdout += `Deleted branch ${name} (was ${short(oid)}).\n`;
      }
    }
    return { stdout, stderr, code: stderr ? 1 : 0 };
  }
  if (args.length === 0 || opts.flags.has('list')) {
    if (args.length) return unsupported('branch', '--list <pattern>');
    return ok((await listBranches(repo)).map((b) => `${b === current ? '*' : ' '} ${b}\n`).join(''));
  }
  if (args.length > 2) return fatal('too many arguments for a create operation');
  return createBranch(repo, args[0]!, args[1]);
}

async function createBranch(repo: Repo, name: string, start: string | undefined): Promise<CommandResult> {
  if (!validBranchName(name)) return fatal(`'${name}' is not a valid branch name`);
  if (await branchOid(repo, name)) return fatal(`a branch named '${name}' already exists`);
  const oid = await resolveRev(repo, start ?? 'HEAD');
  if (!oid) return fatal(`not a valid object name: '${start ?? currentBranch(repo)}'`);
  await setBranch(repo, name, oid);
  return ok();
}

/** `M\tpath` lines: the working tree and index against the new HEAD (checkout.c show_local_changes). */
async function localChanges(repo: Repo): Promise<string> {
  const head = await commitFiles(repo, await headOid(repo));
  const index = await indexFiles(repo);
  const work = await worktreeSnapshot(repo, index.keys());
  let out = '';
  for (const path of [...new Set([...head.keys(), ...index.keys()])].sort()) {
    const before = head.get(path) ?? null;
    const now = index.has(path) ? (work.files.get(path) ?? null) : null;
    if (before !== now) out += `${before === null ? 'A' : now === null ? 'D' : 'M'}\t${path}\n`;
  }
  return out;
}

/** Move HEAD to `target` (a branch), updating the index and working tree, or refuse as git does. */
async function switchTo(repo: Repo, target: string, created: { start: string } | null, quiet: boolean): Promise<CommandResult> {
  const from = await headOid(repo);
  const to = created ? await resolveRev(repo, created.start) : await branchOid(repo, target);
  const oldFiles = await commitFiles(repo, from);
  const newFiles = await commitFiles(repo, to);
  const index = await indexFiles(repo);
  const local: string[] = [];
  const untracked: string[] = [];
  const updates: string[] = [];
  for (const path of [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort()) {
    const old = oldFiles.get(path);
    const neu = newFiles.get(path);
    if (old === neu) continue;
    const idx = index.get(path);
    if (idx === neu) continue;
    const work = await worktreeOid(repo, path);
    if (idx === undefined && old === undefined) {
      if (work !== null && !isIgnored(repo, path)) untracked.push(path);
      else updates.push(path);
    } else if (idx !== old || work !== idx) local.push(path);
    else updates.push(path);
  }
  if (local.length || untracked.length) {
    let message = '';
    if (local.length) message += `error: Your local changes to the following files would be overwritten by checkout:\n${local.map((p) => `\t${p}\n`).join('')}Please commit your changes or stash them before you switch branches.\n`;
    if (untracked.length) message += `error: The following untracked working tree files would be overwritten by checkout:\n${untracked.map((p) => `\t${p}\n`).join('')}Please move or remove them before you switch branches.\n`;
    return err(`${message}Aborting`);
  }
  for (const path of updates) {
    const oid = newFiles.get(path) ?? null;
    await setIndexEntry(repo, path, oid);
    if (oid) await writeWorktree(repo, path, oid);
    else removeWorktree(repo, path);
  }
  if (created && to) await setBranch(repo, target, to);
  const already = !created && target === currentBranch(repo);
  setHead(repo, target);
  if (quiet) return ok();
  const stdout = await localChanges(repo);
  const stderr = created ? `Switched to a new branch '${target}'\n` : already ? `Already on '${target}'\n` : `Switched to branch '${target}'\n`;
  return { stdout, stderr, code: 0 };
}

async function createAndSwitch(repo: Repo, name: string, start: string | undefined, quiet: boolean, badStart: (start: string) => CommandResult): Promise<CommandResult> {
  if (!validBranchName(name)) return fatal(`'${name}' is not a valid branch name`);
  if (await branchOid(repo, name)) return fatal(`a branch named '${name}' already exists`);
  if (start !== undefined && !(await resolveRev(repo, start))) return badStart(start);
  if (start === undefined && !(await headOid(repo))) {
    // A new branch before the first commit: HEAD just points at it.
    setHead(repo, name);
    return quiet ? ok() : err(`Switched to a new branch '${name}'`, 0);
  }
  const result = await switchTo(repo, name, { start: start ?? 'HEAD' }, quiet);
  // A new branch at HEAD leaves the files alone, and git skips the list of local changes (checkout.c skip_merge_working_tree).
  return start === undefined ? { ...result, stdout: '' } : result;
}

export async function checkout(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('checkout', argv, { flags: QUIET, values: { '-b': 'new' } });
  if (isResult(opts)) return opts;
  const quiet = opts.flags.has('quiet');
  const created = opts.values.get('new')?.at(-1);
  if (created !== undefined) {
    if (opts.afterDashDash?.length) return unsupported('checkout', '-b with paths');
    if (opts.args.length > 1) return fatal(`'${opts.args[1]}' is not a commit and a branch '${created}' cannot be created from it`);
    return createAndSwitch(repo, created, opts.args[0], quiet, (start) => fatal(`'${start}' is not a commit and a branch '${created}' cannot be created from it`));
  }
  if (opts.afterDashDash) {
    if (opts.args.length > 1) return fatal(`only one reference expected, ${opts.args.length} given.`);
    const rev = opts.args[0] ?? null;
    if (rev !== null && !(await resolveRev(repo, rev))) return fatal(`invalid reference: ${rev}`);
    if (opts.afterDashDash.length === 0) return rev === null ? ok(await localChanges(repo)) : switchOrDetach(repo, rev, quiet);
    return checkoutPaths(repo, rev, opts.afterDashDash, true);
  }
  const [first, ...rest] = opts.args;
  if (first === undefined) return ok(await localChanges(repo));
  if (first === '-') return unsupported('checkout', '-` (the previous branch); name the branch: `git checkout <branch>');
  if (await resolveRev(repo, first)) {
    if (rest.length) return checkoutPaths(repo, first, rest, false);
    return switchOrDetach(repo, first, quiet);
  }
  return checkoutPaths(repo, null, opts.args, false);
}

async function switchOrDetach(repo: Repo, rev: string, quiet: boolean): Promise<CommandResult> {
  if (await branchOid(repo, rev)) return switchTo(repo, rev, null, quiet);
  return DETACHED(rev);
}

export async function switchCommand(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('switch', argv, { flags: QUIET, values: { '-c': 'create', '--create': 'create' } });
  if (isResult(opts)) return opts;
  const quiet = opts.flags.has('quiet');
  const args = [...opts.args, ...(opts.afterDashDash ?? [])];
  const created = opts.values.get('create')?.at(-1);
  if (created !== undefined) {
    if (args.length > 1) return fatal(`'${args[1]}' is not a commit and a branch '${created}' cannot be created from it`);
    return createAndSwitch(repo, created, args[0], quiet, (start) => fatal(`invalid reference: ${start}`));
  }
  if (args.length === 0) return fatal('missing branch or commit argument');
  if (args[0] === '-') return unsupported('switch', '-` (the previous branch); name the branch: `git switch <branch>');
  if (args.length > 1) return fatal(`only one reference expected, ${args.length} given.`);
  const name = args[0]!;
  if (await branchOid(repo, name)) return switchTo(repo, name, null, quiet);
  if (name === currentBranch(repo)) return err(`Already on '${name}'`, 0);
  if (await resolveRev(repo, name)) {
    return fatal(`a branch is expected, got commit '${name}'\nhint: If you want to detach HEAD at the commit, try again with the --detach option.`);
  }
  return fatal(`invalid reference: ${name}`);
}
