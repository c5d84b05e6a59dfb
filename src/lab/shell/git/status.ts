// `git status`: long, short and porcelain v1 formats, wording from git
// 2.39's wt-status.c. Also the text `git commit` prints when there is
// nothing to commit.
import { parseOptions, isResult, unsupported } from './args';
import { anyMatch, commitFiles, currentBranch, displayPath, headOid, indexFiles, outsideRepo, repoPath, untrackedFiles, type Files, type Repo } from './repo';
import { quoted } from './quote';
import { compare, type Change } from './snapshot';
import { lookAtWorktree } from './watch';
import { ok, type CommandResult } from '../shell';

export interface StatusData {
  branch: string;
  initial: boolean;
  staged: Change[];
  unstaged: Change[];
  /** Untracked files, or their topmost untracked folders (ending in `/`) unless all were asked for. */
  untracked: string[];
}

export async function statusData(repo: Repo, allUntracked = false, specs: string[] = []): Promise<StatusData> {
  const head = await headOid(repo);
  const index = await indexFiles(repo);
  // With pathspecs, a folder is shown whole only if a pathspec covers all of it.
  const whole = (folder: string) => specs.length === 0 || specs.some((s) => s === '' || folder.startsWith(`${s}/`));
  const worktree = await lookAtWorktree(repo, index);
  return {
    branch: currentBranch(repo),
    initial: head === null,
    staged: stagedChanges(await commitFiles(repo, head), index),
    unstaged: worktree.unstaged,
    untracked: !allUntracked && !specs.length ? worktree.untracked : untrackedFiles(repo, index, specs, allUntracked ? null : whole),
  };
}

/** The last commit against the index, by index: both are kept while unchanged, so a status that follows no add or commit compares none of 10,000 files. */
const stagedOf = new WeakMap<Files, { head: Files; changes: Change[] }>();

function stagedChanges(head: Files, index: Files): Change[] {
  const known = stagedOf.get(index);
  if (known?.head === head) return [...known.changes];
  const changes = compare(head, index);
  stagedOf.set(index, { head, changes });
  return [...changes];
}

const LABEL = { A: 'new file:   ', M: 'modified:   ', D: 'deleted:    ', R: 'renamed:    ' };
const kind = (c: Change) => (c.from ? 'R' : c.a === null ? 'A' : c.b === null ? 'D' : 'M');

/** A path (folders end in `/`) as seen from where the user stands. */
const shown = (repo: Repo, path: string, quoteSpace = false) =>
  quoted(path.endsWith('/') ? `${displayPath(repo, path.slice(0, -1))}/` : displayPath(repo, path), quoteSpace);

/** `forCommit`: git commit's own wording of the same text ("Initial commit"). */
export function longStatus(repo: Repo, s: StatusData, forCommit = false): string {
  const show = (path: string) => shown(repo, path);
  let out = `On branch ${s.branch}\n`;
  if (s.initial) out += forCommit ? '\nInitial commit\n\n' : '\nNo commits yet\n\n';
  if (s.staged.length) {
    out += `Changes to be committed:\n  (use "git ${s.initial ? 'rm --cached' : 'restore --staged'} <file>..." to unstage)\n`;
    out += s.staged.map((c) => `\t${LABEL[kind(c)]}${c.from ? `${show(c.from)} -> ` : ''}${show(c.path)}\n`).join('');
    out += '\n';
  }
  if (s.unstaged.length) {
    const rm = s.unstaged.some((c) => c.b === null) ? 'add/rm' : 'add';
    out += `Changes not staged for commit:\n  (use "git ${rm} <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n`;
    out += s.unstaged.map((c) => `\t${LABEL[kind(c)]}${show(c.path)}\n`).join('');
    out += '\n';
  }
  if (s.untracked.length) {
    out += 'Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n';
    out += s.untracked.map((u) => `\t${show(u)}\n`).join('');
    out += '\n';
  }
  if (!s.staged.length) {
    if (s.unstaged.length) out += 'no changes added to commit (use "git add" and/or "git commit -a")\n';
    else if (s.untracked.length) out += 'nothing added to commit but untracked files present (use "git add" to track)\n';
    else if (s.initial) out += 'nothing to commit (create/copy files and use "git add" to track)\n';
    else out += 'nothing to commit, working tree clean\n';
  }
  return out;
}

/** `XY path` lines: tracked changes in path order, then untracked (`??`). */
export function shortStatus(repo: Repo, s: StatusData, porcelain: boolean, branch: boolean): string {
  const show = (path: string) => (porcelain ? quoted(path, true) : shown(repo, path, true));
  const codes = new Map<string, [string, string]>();
  const from = new Map<string, string>();
  for (const c of s.staged) codes.set(c.path, [kind(c), ' ']);
  for (const c of s.staged) if (c.from) from.set(c.path, c.from);
  for (const c of s.unstaged) codes.set(c.path, [codes.get(c.path)?.[0] ?? ' ', c.b === null ? 'D' : 'M']);
  let out = branch ? `## ${s.initial ? `No commits yet on ${s.branch}` : s.branch}\n` : '';
  for (const path of [...codes.keys()].sort()) out += `${codes.get(path)!.join('')} ${from.has(path) ? `${show(from.get(path)!)} -> ` : ''}${show(path)}\n`;
  out += s.untracked.map((u) => `?? ${show(u)}\n`).join('');
  return out;
}

export async function status(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('status', argv, {
    flags: { '-s': 'short', '--short': 'short', '--porcelain': 'porcelain', '-b': 'branch', '--branch': 'branch', '--long': 'long' },
    values: { '--untracked-files': 'untracked' },
    optional: { '-u': { key: 'untracked', bare: 'all' } },
  });
  if (isResult(opts)) return opts;
  const mode = opts.values.get('untracked')?.at(-1) ?? 'normal';
  if (mode !== 'all' && mode !== 'normal') return unsupported('status', `--untracked-files=${mode}`);
  const specs: string[] = [];
  for (const arg of [...opts.args, ...(opts.afterDashDash ?? [])]) {
    const spec = repoPath(repo, arg);
    if (spec === null) return outsideRepo(repo, arg);
    specs.push(spec.replace(/\/+$/, ''));
  }
  const data = await statusData(repo, mode === 'all', specs);
  if (specs.length) {
    data.staged = data.staged.filter((c) => anyMatch(specs, c.path) || (c.from !== undefined && anyMatch(specs, c.from)));
    data.unstaged = data.unstaged.filter((c) => anyMatch(specs, c.path));
  }
  const porcelain = opts.flags.has('porcelain') && !opts.flags.has('long');
  if ((opts.flags.has('short') || porcelain) && !opts.flags.has('long')) return ok(shortStatus(repo, data, porcelain, opts.flags.has('branch')));
  return ok(longStatus(repo, data));
}
