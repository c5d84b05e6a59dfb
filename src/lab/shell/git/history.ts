// `git log` and `git show`: git 2.39's medium and oneline formats (pretty.c),
// with decorations as `log.decorate=short` prints them (what a terminal shows).
import { isResult, parseOptions, unsupported, type Parsed } from './args';
import { subject } from './changes';
import {
  branchOid,
  commitFiles,
  currentBranch,
  displayPath,
  fatal,
  headOid,
  indexFiles,
  listBranches,
  repoPath,
  readBlob,
  readCommit,
  resolveRev,
  short,
  unknownRevision,
  type CommitInfo,
  type Repo,
} from './repo';
import { compare, formatChanges, type DiffFormat } from './snapshot';
import { normalize } from '../fs';
import { ok, type CommandResult } from '../shell';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** git's default date format, in the commit's own zone (the lab's commits are in UTC). */
export function gitDate(seconds: number, offsetMinutes = 0) {
  const d = new Date((seconds - offsetMinutes * 60) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -offsetMinutes;
  const zone = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} ${zone}`;
}

/** oid → " (HEAD -> main, exp)": HEAD's branch first, then the others in the order git's decoration list holds them (reverse name order). */
async function decorations(repo: Repo): Promise<Map<string, string>> {
  const current = currentBranch(repo);
  const byOid = new Map<string, string[]>();
  for (const name of await listBranches(repo)) {
    const oid = await branchOid(repo, name);
    if (oid) byOid.set(oid, [name, ...(byOid.get(oid) ?? [])]);
  }
  const out = new Map<string, string>();
  for (const [oid, names] of byOid) {
    const parts = names.includes(current) ? [`HEAD -> ${current}`, ...names.filter((n) => n !== current)] : names;
    out.set(oid, ` (${parts.join(', ')})`);
  }
  return out;
}

function mediumHeader(c: CommitInfo, decoration: string): string {
  const body = c.message
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  return `commit ${c.oid}${decoration}\nAuthor: ${c.author.name} <${c.author.email}>\nDate:   ${gitDate(c.author.timestamp, c.author.timezoneOffset)}\n\n${body}\n`;
}

/** What the commit changed against its first parent (the empty tree for the first commit). */
async function commitPatch(repo: Repo, c: CommitInfo, format: DiffFormat, specs: string[] = []) {
  const before = await commitFiles(repo, c.parents[0] ?? null);
  const after = await commitFiles(repo, c.oid);
  const changes = compare(before, after, (p) => specs.length === 0 || specs.some((s) => p === s || p.startsWith(`${s}/`)));
  return formatChanges(repo, { files: before, worktree: false }, { files: after, worktree: false }, changes, format);
}

type Display = { oneline: boolean; format: DiffFormat | null };

/** One commit in log/show: header, then (if asked) its diff. */
async function entry(repo: Repo, c: CommitInfo, decoration: string, display: Display, specs: string[] = []) {
  const header = display.oneline ? `${short(c.oid)}${decoration} ${subject(c.message)}\n` : mediumHeader(c, decoration);
  if (!display.format) return header;
  const diff = await commitPatch(repo, c, display.format, specs);
  if (!diff) return header;
  return display.oneline ? header + diff : `${header}\n${diff}`;
}

const DIFF_FLAGS = { '--decorate': 'decorate', '--no-decorate': 'no-decorate', '--stat': 'stat', '-p': 'patch', '--patch': 'patch', '-u': 'patch', '--name-only': 'name-only', '--name-status': 'name-status', '--oneline': 'oneline' };

function diffFormat(opts: Parsed, fallback: DiffFormat | null): DiffFormat | null {
  for (const f of ['stat', 'name-only', 'name-status', 'patch'] as const) if (opts.flags.has(f)) return f;
  return fallback;
}

/** Split log/show arguments into revisions and paths the way git does without `--`: a path must exist. */
async function revsAndPaths(repo: Repo, opts: Parsed): Promise<{ revs: string[]; paths: string[] } | CommandResult> {
  const revs: string[] = [];
  const paths: string[] = [];
  for (const a of opts.args) {
    if (paths.length === 0 && (a.includes(':') || (await resolveRev(repo, a)))) revs.push(a);
    else if (repo.fs.stat(normalize(repo.cwd, a))) paths.push(a);
    else return unknownRevision(a);
  }
  if (opts.afterDashDash) paths.push(...opts.afterDashDash);
  return { revs, paths };
}

export async function log(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('log', argv, { flags: DIFF_FLAGS, values: { '-n': 'max', '--max-count': 'max' }, number: 'max' });
  if (isResult(opts)) return opts;
  const max = opts.values.get('max')?.at(-1);
  if (max !== undefined && !/^-?\d+$/.test(max)) return fatal(`'${max}': not an integer`);
  const split = await revsAndPaths(repo, opts);
  if (isResult(split as Parsed | CommandResult)) return split as CommandResult;
  const { revs, paths } = split as { revs: string[]; paths: string[] };
  if (revs.length > 1) return unsupported('log', 'more than one revision');
  if (revs.some((r) => r.includes('..'))) return unsupported('log', 'revision ranges (A..B)');
  let start: string | null;
  if (revs[0] === undefined) {
    start = await headOid(repo);
    if (!start) return fatal(`your current branch '${currentBranch(repo)}' does not have any commits yet`);
  } else start = await resolveRev(repo, revs[0]);
  if (!start) return unknownRevision(revs[0]!);
  const specs: string[] = [];
  for (const p of paths) {
    const s = repoPath(repo, p);
    if (s === null) return fatal(`${p}: '${p}' is outside repository at '${repo.dir}'`);
    specs.push(s);
  }
  const limit = max === undefined ? Infinity : Math.max(0, Number(max) < 0 ? Infinity : Number(max));
  const decorate = opts.flags.has('no-decorate') ? new Map<string, string>() : await decorations(repo);
  const display = { oneline: opts.flags.has('oneline'), format: diffFormat(opts, null) };
  const entries: string[] = [];
  for (let oid: string | undefined = start; oid && entries.length < limit; ) {
    const c = await readCommit(repo, oid);
    oid = c.parents[0];
    if (specs.length && !(await commitPatch(repo, c, 'name-only', specs))) continue;
    entries.push(await entry(repo, c, decorate.get(c.oid) ?? '', display, specs));
  }
  return ok(entries.join(display.oneline ? '' : '\n'));
}

/** `git show REV:path` (a file or folder at a revision) or `:path` (in the index). */
async function showPath(repo: Repo, spec: string): Promise<CommandResult> {
  const colon = spec.indexOf(':');
  const rev = spec.slice(0, colon);
  const rawPath = spec.slice(colon + 1);
  // `./` and `../` are relative to where the user stands; otherwise from the root.
  const path = /^\.\.?(\/|$)/.test(rawPath) ? repoPath(repo, rawPath) : rawPath.replace(/\/+$/, '');
  let files;
  if (rev === '') files = await indexFiles(repo);
  else {
    const oid = await resolveRev(repo, rev);
    if (!oid) return fatal(`invalid object name '${rev}'.`);
    files = await commitFiles(repo, oid);
  }
  if (path === null) return fatal(`'${rawPath}' is outside repository at '${repo.dir}'`);
  const blob = files.get(path);
  if (blob) return ok(new TextDecoder().decode(await readBlob(repo, blob)));
  const inside = [...files.keys()].filter((p) => path === '' || p.startsWith(`${path}/`));
  if (inside.length && rev !== '') {
    const names = [...new Set(inside.map((p) => p.slice(path ? path.length + 1 : 0)).map((rest) => (rest.includes('/') ? `${rest.split('/')[0]}/` : rest)))];
    return ok(`tree ${spec}\n\n${names.join('\n')}\n`);
  }
  const where = rev === '' ? 'the index' : `'${rev}'`;
  if (repo.fs.stat(`${repo.dir}/${path}`)) return fatal(`path '${displayPath(repo, path)}' exists on disk, but not in ${where}`);
  return fatal(`path '${displayPath(repo, path)}' does not exist in ${where}`);
}

export async function show(repo: Repo, argv: string[]): Promise<CommandResult> {
  const opts = parseOptions('show', argv, { flags: { ...DIFF_FLAGS, '-s': 'no-patch', '--no-patch': 'no-patch' } });
  if (isResult(opts)) return opts;
  const split = await revsAndPaths(repo, opts);
  if ('code' in split) return split;
  if (split.revs.some((r) => r.includes('..'))) return unsupported('show', 'revision ranges (A..B)');
  const revs = split.revs.length ? split.revs : ['HEAD'];
  const specs = split.paths.map((p) => repoPath(repo, p) ?? p);
  const decorate = opts.flags.has('no-decorate') ? new Map<string, string>() : await decorations(repo);
  const display = { oneline: opts.flags.has('oneline'), format: opts.flags.has('no-patch') ? null : diffFormat(opts, 'patch') };
  const parts: string[] = [];
  let commitShown = false;
  for (const rev of revs) {
    if (rev.includes(':')) {
      const r = await showPath(repo, rev);
      if (r.code) return { ...r, stdout: parts.join('') };
      parts.push(r.stdout);
      continue;
    }
    const oid = await resolveRev(repo, rev);
    if (!oid) {
      if (rev === 'HEAD' && split.revs.length === 0) return fatal(`your current branch '${currentBranch(repo)}' does not have any commits yet`);
      return unknownRevision(rev);
    }
    // Commits after the first are set apart by a blank line, as in log (log-tree.c); blobs are not.
    if (commitShown && !display.oneline) parts.push('\n');
    parts.push(await entry(repo, await readCommit(repo, oid), decorate.get(oid) ?? '', display, specs));
    commitShown = true;
  }
  return ok(parts.join(''));
}
