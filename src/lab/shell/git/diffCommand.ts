// `git diff`: the working tree against the index, `--staged` (the index
// against HEAD or a revision), a revision against the working tree, and two
// revisions (`A B` or `A..B`), limited to paths, as a patch or `--stat`.
import { isResult, parseOptions, unsupported } from './args';
import { anyMatch, commitFiles, fatal, headOid, indexFiles, outsideRepo, repoPath, resolveRev, unknownRevision, type Repo } from './repo';
import { compare, formatChanges, worktreeSnapshot, type DiffFormat, type Snapshot } from './snapshot';
import { normalize } from '../fs';
import { ok, type CommandResult } from '../shell';

export async function diff(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('diff', argv, {
    flags: {
      '--staged': 'staged',
      '--cached': 'staged',
      '--stat': 'stat',
      '--name-only': 'name-only',
      '--name-status': 'name-status',
      '-p': 'patch',
      '--patch': 'patch',
      '-u': 'patch',
    },
  });
  if (isResult(opts)) return opts;
  const format: DiffFormat = (['stat', 'name-only', 'name-status'] as const).find((f) => opts.flags.has(f)) ?? 'patch';
  // Without `--`, arguments are revisions until one is not; the rest must be existing paths (setup.c).
  const revs: string[] = [];
  const pathArgs: string[] = [];
  for (const a of opts.args) {
    if (pathArgs.length === 0) {
      if (await resolveRev(repo, a)) {
        revs.push(a);
        continue;
      }
      const ends = a.includes('..') ? rangeEnds(a) : null;
      if (ends && (await resolveRev(repo, ends[0]!)) && (await resolveRev(repo, ends[1]!))) {
        revs.push(...ends);
        continue;
      }
      if (opts.afterDashDash) return fatal(`bad revision '${a}'`);
    }
    if (!opts.afterDashDash && repo.fs.stat(normalize(repo.cwd, a))) pathArgs.push(a);
    else return unknownRevision(a);
  }
  pathArgs.push(...(opts.afterDashDash ?? []));
  const specs: string[] = [];
  for (const p of pathArgs) {
    const s = repoPath(repo, p);
    if (s === null) return outsideRepo(repo, p);
    specs.push(s);
  }
  const include = (p: string) => anyMatch(specs, p);
  const commitSnap = async (rev: string): Promise<Snapshot | CommandResult> => {
    const oid = await resolveRev(repo, rev);
    if (!oid) return unknownRevision(rev);
    return { files: await commitFiles(repo, oid), worktree: false };
  };
  let from: Snapshot;
  let to: Snapshot;
  if (revs.length > 2) return unsupported('diff', 'more than two revisions');
  const staged = opts.flags.has('staged');
  if (revs.length === 2) {
    if (staged) return unsupported('diff', '--staged with two revisions');
    const a = await commitSnap(revs[0]!);
    if ('code' in a) return a;
    const b = await commitSnap(revs[1]!);
    if ('code' in b) return b;
    [from, to] = [a, b];
  } else {
    const index = await indexFiles(repo);
    if (staged) {
      const base = revs.length ? await commitSnap(revs[0]!) : { files: await commitFiles(repo, await headOid(repo)), worktree: false };
      if ('code' in base) return base;
      [from, to] = [base, { files: index, worktree: false }];
    } else {
      const work = await worktreeSnapshot(repo, index.keys());
      if (revs.length) {
        const base = await commitSnap(revs[0]!);
        if ('code' in base) return base;
        [from, to] = [base, work];
      } else {
        [from, to] = [{ files: index, worktree: false }, work];
        const changes = compare(index, work.files, (p) => index.has(p) && include(p));
        return ok(await formatChanges(repo, from, to, changes, format));
      }
    }
  }
  return ok(await formatChanges(repo, from, to, compare(from.files, to.files, include), format));
}

/** `A..B` (either end may be left out for HEAD). */
function rangeEnds(range: string): string[] {
  const [a, b] = range.split('..');
  return [a || 'HEAD', b || 'HEAD'];
}
