// `dvc` in the lab's shell, with DVC 3's file formats and messages
// (dvc/commands/*.py, dvc/repo/*.py, dvc/exceptions.py): .dvc files byte for
// byte, the md5 cache under .dvc/cache/files/md5/, .gitignore entries,
// status, config, a local remote, push, pull and checkout. MD5 of the real
// bytes. What the lab's dvc lacks, it says so.
import ignore from 'ignore';
import * as git from 'isomorphic-git';
import { basename, dirname, gitFsAdapter, mkdirp, normalize, type LabFs } from './fs';
import { cachePath, dvcFileText, getOption, parseConfig, readDvcFile, remoteSection, serializeConfig, setOption, type DvcConfig } from './dvcFormat';
import { md5 } from './md5';
import { err, ok, text, type CommandResult, type Program, type ShellContext } from './shell';

export const DVC_GITIGNORE = '/config.local\n/tmp\n/cache\n';
export const DVCIGNORE = '# Add patterns of files dvc should ignore, which could improve\n# the performance. Learn more at\n# https://dvc.org/doc/user-guide/dvcignore\n';
const COMMANDS = ['init', 'add', 'status', 'config', 'remote', 'push', 'pull', 'checkout'];
/** DVC 3's other commands: the lab names them as missing rather than calling them invalid. */
const REAL_COMMANDS = [
  'artifacts', 'cache', 'check-ignore', 'commit', 'completion', 'dag', 'daemon', 'data', 'destroy', 'diff', 'doctor', 'exp', 'experiments',
  'fetch', 'freeze', 'gc', 'get', 'get-url', 'import', 'import-db', 'import-url', 'install', 'list', 'ls', 'ls-url', 'metrics', 'move',
  'params', 'plots', 'queue', 'remove', 'repro', 'root', 'stage', 'studio', 'unfreeze', 'unprotect', 'update', 'version',
];
const USAGE = 'usage: dvc [-q | -v] [-h] [-V] [--cd <path>] COMMAND ...\n';
/** dvc/cli/__init__.py: a DvcException not caught by its command exits 255. */
const EXIT_DVC_EXCEPTION = 255;
const EXIT_CONFIG_ERROR = 251;
/** dvc/commands/status.py CmdDataStatus.STATUS_LEN. */
const STATUS_LEN = 20;
const MISSING_FILES_LINK = '<https://error.dvc.org/missing-files>';
/**
 * dvc/commands/init.py _welcome_message. Its analytics box shows only when
 * analytics are on; the lab sends none, so it prints what DVC prints with them off.
 */
const WHATS_NEXT =
  "What's next?\n------------\n- Check out the documentation: <https://dvc.org/doc>\n- Get help and share ideas: <https://dvc.org/chat>\n- Star us on GitHub: <https://github.com/iterative/dvc>\n";

/** The nearest folder holding `name` (.git or .dvc), searching up from cwd. */
function rootWith(fs: LabFs, cwd: string, name: string): string | null {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (fs.stat(`${dir === '/' ? '' : dir}/${name}`)?.type === 'dir') return dir;
    if (dir === '/') return null;
  }
}

/** `to` relative to the folder `from`, as os.path.relpath (DVC shows paths relative to the current folder). */
export function relPath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array<string>(a.length - i).fill('..'), ...b.slice(i)].join('/') || '.';
}

/** Every .dvc file under root (skipping .git and .dvc), as absolute paths. */
function dvcFiles(fs: LabFs, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdir(dir) ?? []) {
      const path = `${dir}/${name}`;
      if (name === '.git' || name === '.dvc') continue;
      if (fs.stat(path)?.type === 'dir') walk(path);
      else if (name.endsWith('.dvc')) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

/** Adds `/name` to folder/.gitignore; true if the file changed (DVC then lists it in its hint). */
function ensureGitignoreEntry(fs: LabFs, folder: string, name: string): boolean {
  const path = `${folder}/.gitignore`;
  const current = fs.readFile(path) ? text(fs.readFile(path)!) : '';
  const entry = `/${name}`;
  if (current.split('\n').includes(entry)) return false;
  fs.writeFile(path, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${entry}\n`);
  return true;
}

function removeTree(fs: LabFs, path: string) {
  if (fs.stat(path)?.type === 'dir') {
    for (const name of fs.readdir(path) ?? []) removeTree(fs, `${path}/${name}`);
    fs.rmdir(path);
  } else if (fs.stat(path)) fs.unlink(path);
}

/**
 * Splits options from operands; options outside `known` are reported as
 * missing from the lab (DVC has many more than the lab).
 */
function options(sub: string, args: string[], known: string[]): { set: Set<string>; operands: string[] } | CommandResult {
  const set = new Set<string>();
  const operands: string[] = [];
  for (const a of args) {
    if (!a.startsWith('-') || a === '-') operands.push(a);
    else if (known.includes(a)) set.add(a);
    else return err(`ERROR: the lab's dvc does not support the \`${a}\` option of \`dvc ${sub}\``);
  }
  return { set, operands };
}
/** The lab's status, push and pull work on every tracked file; it says so rather than ignore targets. */
const noTargets = (sub: string, operands: string[]) =>
  operands.length ? err(`ERROR: the lab's dvc ${sub} works on every tracked file and takes no targets (got '${operands.join("', '")}')`) : null;
/** `-r <name>` / `--remote <name>` of push and pull, taken out of the arguments. */
function remoteOption(args: string[]): { remote?: string; rest: string[] } {
  const rest: string[] = [];
  let remote: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r' || args[i] === '--remote') remote = args[++i] ?? '';
    else rest.push(args[i]!);
  }
  return { remote, rest };
}
const isResult = (x: unknown): x is CommandResult => typeof x === 'object' && x !== null && 'code' in x;

async function init(ctx: ShellContext, args: string[]): Promise<CommandResult> {
  const opts = options('init', args, ['--no-scm', '-f', '--force', '--subdir']);
  if (isResult(opts)) return opts;
  const root = ctx.cwd;
  const noScm = opts.set.has('--no-scm');
  const gitRoot = rootWith(ctx.fs, root, '.git');
  // dvc/repo/init.py: without --subdir the git repository must start right here.
  const scmOk = noScm || (gitRoot !== null && (gitRoot === root || opts.set.has('--subdir')));
  const fail = (message: string) => err(`ERROR: failed to initiate DVC - ${message}`);
  if (!scmOk) {
    return fail(
      `${root} is not tracked by any supported SCM tool (e.g. Git). Use \`--no-scm\` if you don't want to use any SCM or \`--subdir\` if initializing inside a subdirectory of a parent SCM repository.`,
    );
  }
  if (ctx.fs.stat(`${root}/.dvc`)) {
    if (!opts.set.has('-f') && !opts.set.has('--force')) return fail("'.dvc' exists. Use `-f` to force.");
    removeTree(ctx.fs, `${root}/.dvc`);
  }
  mkdirp(ctx.fs, `${root}/.dvc`);
  ctx.fs.writeFile(`${root}/.dvc/config`, noScm ? '[core]\n    no_scm = True\n' : '');
  ctx.fs.writeFile(`${root}/.dvcignore`, DVCIGNORE);
  if (noScm) return ok(`Initialized DVC repository.\n${WHATS_NEXT}`);
  ctx.fs.writeFile(`${root}/.dvc/.gitignore`, DVC_GITIGNORE);
  const gfs = gitFsAdapter(ctx.fs);
  for (const path of [`${root}/.dvc/config`, `${root}/.dvc/.gitignore`, `${root}/.dvcignore`]) {
    await git.add({ fs: gfs, dir: gitRoot!, filepath: relPath(gitRoot!, path) });
  }
  return ok(`Initialized DVC repository.\n\nYou can now commit the changes to git.\n\n${WHATS_NEXT}`);
}

function readConfig(ctx: ShellContext, root: string): DvcConfig {
  const data = ctx.fs.readFile(`${root}/.dvc/config`);
  return parseConfig(data ? text(data) : '');
}
const writeConfig = (ctx: ShellContext, root: string, config: DvcConfig) => ctx.fs.writeFile(`${root}/.dvc/config`, serializeConfig(config));

async function add(ctx: ShellContext, root: string, args: string[]): Promise<CommandResult> {
  const opts = options('add', args, []);
  if (isResult(opts)) return opts;
  const targets = opts.operands;
  if (targets.length === 0) return err(`${USAGE}dvc add: error: the following arguments are required: targets`, 254);
  const toStage = new Set<string>(); // absolute paths
  const gitRoot = rootWith(ctx.fs, root, '.git');
  const gfs = gitFsAdapter(ctx.fs);
  for (const target of targets) {
    const path = normalize(ctx.cwd, target);
    const shown = relPath(ctx.cwd, path);
    const s = ctx.fs.stat(path);
    const ignoredBy = s?.type === 'file' ? dvcignoreMatches(ctx.fs, root, path) : [];
    if (ignoredBy.length) return err(`ERROR: Path '${path}' is ignored by\n${ignoredBy.join('\n')}`);
    if (!s) return err(`ERROR: output '${shown}' does not exist`);
    if (s.type === 'dir') return err(`ERROR: the lab's dvc does not version folders (DVC would track '${shown}' as one output with a .dir manifest): add its files one by one, e.g. dvc add ${shown}/*`);
    if (gitRoot) {
      const tracked = await git.listFiles({ fs: gfs, dir: gitRoot });
      if (tracked.includes(relPath(gitRoot, path))) {
        return err(
          `ERROR: output '${shown}' is already tracked by SCM (e.g. Git).\n    You can remove it from Git, then add to DVC.\n        To stop tracking from Git:\n            git rm -r --cached '${shown}'\n            git commit -m "stop tracking ${shown}"`,
        );
      }
    }
    const data = ctx.fs.readFile(path)!;
    const hash = md5(data);
    const cache = cachePath(root, hash);
    mkdirp(ctx.fs, dirname(cache));
    ctx.fs.writeFile(cache, data);
    ctx.fs.writeFile(`${path}.dvc`, dvcFileText(hash, data.length, basename(path)));
    // dvc/repo/scm_context.py: the .dvc file is always listed, the .gitignore only when DVC changed it.
    toStage.add(`${path}.dvc`);
    if (ensureGitignoreEntry(ctx.fs, dirname(path), basename(path))) toStage.add(`${dirname(path)}/.gitignore`);
  }
  if (!gitRoot) return ok();
  if (getOption(readConfig(ctx, root), 'core', 'autostage') === 'true') {
    for (const path of toStage) await git.add({ fs: gfs, dir: gitRoot, filepath: relPath(gitRoot, path) });
    return ok();
  }
  const files = [...toStage].map((p) => relPath(ctx.cwd, p)).sort().join(' ');
  return ok(`\nTo track the changes with git, run:\n\n\tgit add ${files}\n\nTo enable auto staging, run:\n\n\tdvc config core.autostage true\n`);
}

/**
 * The .dvcignore lines (gitignore patterns, each file's relative to its own
 * folder) that ignore `path`, as `file:line:pattern` (dvc/ignore.py
 * DvcIgnorePatterns.from_file and check_ignore): DVC refuses such an output
 * (dvc/output.py OutputIsIgnoredError).
 */
function dvcignoreMatches(fs: LabFs, root: string, path: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(path); dir.startsWith(root); dir = dirname(dir)) {
    dirs.unshift(dir);
    if (dir === root) break;
  }
  // The patterns of every .dvcignore from the root down, merged in that order: the last that matches decides.
  const found: string[] = [];
  let ignored = false;
  for (const dir of dirs) {
    const data = fs.readFile(`${dir}/.dvcignore`);
    if (!data) continue;
    const rel = relPath(dir, path);
    text(data)
      .split('\n')
      .map((l) => l.trim())
      .forEach((line, i) => {
        if (!line || line.startsWith('#')) return;
        const negated = line.startsWith('!');
        if (!ignore().add(negated ? line.slice(1) : line).ignores(rel)) return;
        found.push(`${relPath(root, `${dir}/.dvcignore`)}:${i + 1}:${line}`);
        ignored = !negated;
      });
  }
  return ignored ? found : [];
}

function tracked(ctx: ShellContext, root: string) {
  return dvcFiles(ctx.fs, root)
    .map((file) => ({ file, info: readDvcFile(text(ctx.fs.readFile(file)!)) }))
    .filter((t): t is { file: string; info: NonNullable<ReturnType<typeof readDvcFile>> } => t.info !== null)
    .map((t) => ({ ...t, data: `${dirname(t.file)}/${t.info.path}` }));
}

function status(ctx: ShellContext, root: string, args: string[]): CommandResult {
  const opts = options('status', args, []);
  if (isResult(opts)) return opts;
  const targets = noTargets('status', opts.operands);
  if (targets) return targets;
  const all = tracked(ctx, root);
  // dvc/commands/status.py: EMPTY_PROJECT_MSG when no stage exists at all.
  if (all.length === 0) return ok('There are no data or pipelines tracked in this project yet.\nSee <https://dvc.org/doc/start> to get started!\n');
  let out = '';
  for (const { file, info, data } of all) {
    const current = ctx.fs.readFile(data);
    // dvc/output.py status(): "not in cache" comes first, then the workspace's deleted/modified.
    const change = !ctx.fs.stat(cachePath(root, info.md5)) ? 'not in cache' : !current ? 'deleted' : md5(current) !== info.md5 ? 'modified' : null;
    // CmdDataStatus._normalize: the state and its colon padded to STATUS_LEN = 20 characters.
    if (change) out += `${relPath(ctx.cwd, file)}:\n\tchanged outs:\n\t\t${`${change}:`.padEnd(STATUS_LEN)}${relPath(ctx.cwd, data)}\n`;
  }
  return ok(out || 'Data and pipelines are up to date.\n');
}

const CONFIG_NAME = /^(remote\.)?([^.]*)\.([^.]*)$/;

/** `dvc config`: get, set, --unset and --list for the options the lab uses (dvc/commands/config.py). */
function config(ctx: ShellContext, root: string | null, args: string[]): CommandResult {
  const opts = options('config', args, ['-u', '--unset', '-l', '--list', '--project']);
  if (isResult(opts)) return opts;
  const unset = opts.set.has('-u') || opts.set.has('--unset');
  const [name, value, ...extra] = opts.operands;
  if (extra.length) return err(`${USAGE}dvc: error: unrecognized arguments: ${extra.join(' ')}`, 254);
  const configError = (message: string) => err(`ERROR: configuration error - config file error: ${message}`, EXIT_CONFIG_ERROR);
  if (opts.set.has('-l') || opts.set.has('--list')) {
    if (name !== undefined || unset) return err("ERROR: -l/--list can't be used together with any of these options: -u/--unset, name, value");
    if (!root) return ok();
    const lines = readConfig(ctx, root).sections.flatMap((s) => {
      const remote = /^'remote "(.+)"'$/.exec(s.name)?.[1];
      return s.options.map(([k, v]) => `${remote ? `remote.${remote}` : s.name}.${k}=${v}\n`);
    });
    return ok(lines.join(''));
  }
  if (name === undefined) return err('ERROR: name argument is required');
  const m = CONFIG_NAME.exec(name);
  if (!m) return err(`${USAGE}dvc config: error: argument name: name argument should look like remote.name.option or section.option`, 254);
  const isRemote = Boolean(m[1]);
  const section = m[2]!.toLowerCase();
  const option = m[3]!.toLowerCase();
  const supported = isRemote ? option === 'url' : section === 'core' && (option === 'autostage' || option === 'remote');
  if (!supported) return err(`ERROR: the lab's dvc config supports core.autostage, core.remote and remote.<name>.url, not '${name}'`);
  const iniSection = isRemote ? remoteSection(section) : section;
  const kind = isRemote ? 'remote' : 'section';
  const reading = value === undefined && !unset;
  if (!root) return reading ? ok() : configError('Not inside a DVC repo');
  const conf = readConfig(ctx, root);
  const exists = conf.sections.some((s) => s.name === iniSection);
  if (reading) {
    const current = getOption(conf, iniSection, option);
    return ok(current === undefined ? '' : `${current}\n`);
  }
  if (unset) {
    if (!exists) return configError(`${kind} '${section}' doesn't exist`);
    if (getOption(conf, iniSection, option) === undefined) return configError(`option '${option}' doesn't exist in ${kind} '${section}'`);
    setOption(conf, iniSection, option, null);
  } else {
    if (isRemote && !exists) return configError(`remote '${section}' doesn't exist`);
    if (option === 'autostage' && value !== 'true' && value !== 'false') return err(`ERROR: the lab's dvc takes core.autostage as true or false, not '${value}'`);
    setOption(conf, iniSection, option, value!);
  }
  writeConfig(ctx, root, conf);
  return ok();
}

function remoteUrls(conf: DvcConfig): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const s of conf.sections) {
    const name = /^'remote "(.+)"'$/.exec(s.name)?.[1];
    const url = s.options.find(([k]) => k === 'url')?.[1];
    if (name && url !== undefined) urls[name] = url;
  }
  return urls;
}

/** dvc/commands/remote.py CmdRemoteDefault: print, set or unset core.remote. */
function remoteDefault(ctx: ShellContext, root: string, args: string[]): CommandResult {
  const opts = options('remote default', args, ['-u', '--unset']);
  if (isResult(opts)) return opts;
  const [name] = opts.operands;
  const conf = readConfig(ctx, root);
  if (opts.set.has('-u') || opts.set.has('--unset')) setOption(conf, 'core', 'remote', null);
  else if (name === undefined) {
    const current = getOption(conf, 'core', 'remote');
    return current === undefined ? { stdout: 'No default remote set\n', stderr: '', code: 1 } : ok(`${current}\n`);
  } else if (remoteUrls(conf)[name] === undefined) {
    return err('ERROR: configuration error - config file error: default remote must be present in remote list.', EXIT_CONFIG_ERROR);
  } else setOption(conf, 'core', 'remote', name);
  writeConfig(ctx, root, conf);
  return ok();
}

function remote(ctx: ShellContext, root: string, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  if (sub === 'list') return ok(Object.entries(remoteUrls(readConfig(ctx, root))).map(([n, u]) => `${n}\t${u}\n`).join(''));
  if (sub === 'default') return remoteDefault(ctx, root, rest);
  if (sub !== 'add') {
    return err(
      `ERROR: the lab's dvc does not support \`dvc remote${sub ? ` ${sub}` : ''}\`; it has \`dvc remote add [-d] <name> <url>\`, \`dvc remote default [-u] [<name>]\` and \`dvc remote list\``,
    );
  }
  const opts = options('remote add', rest, ['-d', '--default']);
  if (isResult(opts)) return opts;
  const [name, url] = opts.operands;
  if (!name || !url) return err(`${USAGE}dvc remote add: error: the following arguments are required: name, url`, 254);
  const conf = readConfig(ctx, root);
  if (remoteUrls(conf)[name] !== undefined) return err(`ERROR: configuration error - config file error: remote '${name}' already exists. Use \`-f|--force\` to overwrite it.`, EXIT_CONFIG_ERROR);
  setOption(conf, remoteSection(name), 'url', url);
  const isDefault = opts.set.has('-d') || opts.set.has('--default');
  if (isDefault) setOption(conf, 'core', 'remote', name);
  writeConfig(ctx, root, conf);
  return ok(isDefault ? `Setting '${name}' as a default remote.\n` : '');
}

/** The default remote as a folder in the lab, or an error result. */
function remoteFolder(ctx: ShellContext, root: string, verb: 'push' | 'pull', chosen: string | undefined): string | CommandResult {
  const conf = readConfig(ctx, root);
  const name = chosen ?? getOption(conf, 'core', 'remote');
  const url = name ? remoteUrls(conf)[name] : undefined;
  const failedTo = `ERROR: failed to ${verb} data ${verb === 'push' ? 'to' : 'from'} the cloud - config file error:`;
  // dvc/fs/__init__.py get_fs_config: RemoteNotFoundError for a name that is no remote.
  if (name && url === undefined) return err(`${failedTo} remote '${name}' doesn't exist`);
  if (!name || url === undefined) {
    // dvc/data_cloud.py get_remote: str(repo) is Repo.__repr__, "Repo: '<root>'".
    const where = `no remote specified in Repo: '${root}'.`;
    return err(
      Object.keys(remoteUrls(conf)).length
        ? `${failedTo} ${where} Setup default remote with\n    dvc remote default <remote name>\nor use:\n    dvc ${verb} -r <remote name>`
        : `${failedTo} ${where} Create a default remote with\n    dvc remote add -d <remote name> <remote url>`,
    );
  }
  if (/^\w+:\/\//.test(url)) return err(`ERROR: failed to ${verb} data: the lab has no network; use a folder as the remote, e.g. dvc remote add -d storage /tmp/dvc-storage`);
  return normalize(ctx.cwd, url);
}

function push(ctx: ShellContext, root: string, all: string[]): CommandResult {
  const { remote: chosen, rest: args } = remoteOption(all);
  const opts = options('push', args, []);
  if (isResult(opts)) return opts;
  const targets = noTargets('push', opts.operands);
  if (targets) return targets;
  const folder = remoteFolder(ctx, root, 'push', chosen);
  if (typeof folder !== 'string') return folder;
  let pushed = 0;
  for (const { info } of tracked(ctx, root)) {
    const data = ctx.fs.readFile(cachePath(root, info.md5));
    const target = `${folder}/files/md5/${info.md5.slice(0, 2)}/${info.md5.slice(2)}`;
    if (!data || ctx.fs.stat(target)) continue;
    mkdirp(ctx.fs, dirname(target));
    ctx.fs.writeFile(target, data);
    pushed++;
  }
  return ok(pushed ? `${pushed} file${pushed === 1 ? '' : 's'} pushed\n` : 'Everything is up to date.\n');
}

interface CheckoutResult {
  added: string[];
  modified: string[];
  /** Outputs whose recorded version is not in the cache (CheckoutError). */
  failed: string[];
  /** Workspace files that would be lost: their content is in no cache (`_check_can_delete`). */
  unsaved: string[];
}

/**
 * dvc/repo/checkout.py: a workspace file is replaced only if its own content
 * is in the cache (nothing is lost) or with --force; otherwise nothing at all
 * is changed. An output whose version is missing from the cache fails, and its
 * workspace file is removed.
 */
function checkoutData(ctx: ShellContext, root: string, targets: string[], force: boolean): CheckoutResult | CommandResult {
  let outs = tracked(ctx, root);
  if (targets.length) {
    const wanted = new Set(targets.map((t) => normalize(ctx.cwd, t)));
    for (const t of wanted) {
      if (!outs.some((o) => o.file === t || o.data === t)) return err(`ERROR: Did you mean \`git checkout ${relPath(ctx.cwd, t)}\`?`, EXIT_DVC_EXCEPTION);
    }
    outs = outs.filter((o) => wanted.has(o.file) || wanted.has(o.data));
  }
  const result: CheckoutResult = { added: [], modified: [], failed: [], unsaved: [] };
  const changes: typeof outs = [];
  for (const out of outs) {
    const current = ctx.fs.readFile(out.data);
    if (current && md5(current) === out.info.md5) continue;
    changes.push(out);
    if (current && !force && !ctx.fs.stat(cachePath(root, md5(current)))) result.unsaved.push(out.data);
  }
  if (result.unsaved.length) return result;
  for (const out of changes) {
    const existed = ctx.fs.stat(out.data) !== null;
    const cached = ctx.fs.readFile(cachePath(root, out.info.md5));
    if (!cached) {
      if (existed) ctx.fs.unlink(out.data);
      result.failed.push(relPath(ctx.cwd, out.data));
      continue;
    }
    ctx.fs.writeFile(out.data, cached);
    (existed ? result.modified : result.added).push(relPath(ctx.cwd, out.data));
  }
  return result;
}

/** dvc/commands/checkout.py log_changes: `M\tpath` lines, modified then added. */
const changeLines = (r: CheckoutResult) => [...r.modified.map((p) => `M\t${p}\n`), ...r.added.map((p) => `A\t${p}\n`)].join('');
const unsavedMessage = (r: CheckoutResult) => `Can't remove the following unsaved files without confirmation. Use \`--force\` to force.\n${r.unsaved.join('\n')}`;
const failedMessage = (r: CheckoutResult) => `Checkout failed for following targets:\n${r.failed.join('\n')}\nIs your cache up to date?\n${MISSING_FILES_LINK}`;

function checkout(ctx: ShellContext, root: string, args: string[]): CommandResult {
  const opts = options('checkout', args, ['-f', '--force']);
  if (isResult(opts)) return opts;
  const r = checkoutData(ctx, root, opts.operands, opts.set.has('-f') || opts.set.has('--force'));
  if (isResult(r)) return r;
  if (r.unsaved.length) return err(`ERROR: ${unsavedMessage(r)}`, EXIT_DVC_EXCEPTION);
  const out = changeLines(r);
  return r.failed.length ? { stdout: out, stderr: `ERROR: ${failedMessage(r)}\n`, code: EXIT_DVC_EXCEPTION } : ok(out);
}

/** dvc/utils/humanize.py get_summary: "1 file added and 1 file fetched". */
function summary(stats: [string, number][]): string {
  const parts = stats.filter(([, n]) => n > 0).map(([state, n]) => `${n} file${n === 1 ? '' : 's'} ${state}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function pull(ctx: ShellContext, root: string, all: string[]): CommandResult {
  const { remote: chosen, rest: args } = remoteOption(all);
  const opts = options('pull', args, ['-f', '--force']);
  if (isResult(opts)) return opts;
  const targets = noTargets('pull', opts.operands);
  if (targets) return targets;
  const folder = remoteFolder(ctx, root, 'pull', chosen);
  if (typeof folder !== 'string') return folder;
  let fetched = 0;
  for (const { info } of tracked(ctx, root)) {
    const cache = cachePath(root, info.md5);
    const source = ctx.fs.readFile(`${folder}/files/md5/${info.md5.slice(0, 2)}/${info.md5.slice(2)}`);
    if (ctx.fs.stat(cache) || !source) continue;
    mkdirp(ctx.fs, dirname(cache));
    ctx.fs.writeFile(cache, source);
    fetched++;
  }
  const r = checkoutData(ctx, root, [], opts.set.has('-f') || opts.set.has('--force'));
  if (isResult(r)) return r;
  // dvc/commands/data_sync.py: pull reports a failed checkout after its prefix, and exits 1.
  if (r.unsaved.length) return err(`ERROR: failed to pull data from the cloud - ${unsavedMessage(r)}`);
  if (r.failed.length) return err(`${changeLines(r)}ERROR: failed to pull data from the cloud - ${failedMessage(r)}`);
  const text = summary([['added', r.added.length], ['modified', r.modified.length], ['fetched', fetched]]);
  return ok(`${changeLines(r)}${text || 'Everything is up to date.'}\n`);
}

/**
 * `-q`/`--quiet` and `-v`/`--verbose`, before or after the command (DVC's
 * parent parser gives every command both). Quiet sets DVC's loggers to CRITICAL
 * and disables its ui (dvc/cli/__init__.py main), so nothing is printed, errors
 * included; `dvc status -q` answers by its exit status alone.
 */
export const dvcProgram: Program = async (all, ctx) => {
  const quiet = all.some((a) => a === '-q' || a === '--quiet');
  const verbose = all.some((a) => a === '-v' || a === '--verbose' || /^-v+$/.test(a));
  const args = all.filter((a) => a !== '-q' && a !== '--quiet' && a !== '--verbose' && !/^-v+$/.test(a));
  if (quiet && verbose) return err(`${USAGE}dvc: error: argument -v/--verbose: not allowed with argument -q/--quiet`, 254);
  const result = await dvcCommand(args, ctx, quiet);
  // argparse's usage errors (exit 254) are printed whatever the log level.
  if (quiet && result.code !== 254) return { ...result, stdout: '', stderr: '' };
  if (verbose) return { ...result, stderr: `${result.stderr}lab: the lab's dvc prints no DEBUG lines for -v\n` };
  return result;
};

async function dvcCommand(args: string[], ctx: ShellContext, quiet: boolean): Promise<CommandResult> {
  const [sub, ...rest] = args;
  if (!sub || sub === '-h' || sub === '--help') {
    return ok(
      `${USAGE}\nData Version Control\n\nThe lab's dvc has these commands (DVC 3 has more):\n    init      Initialize DVC in the current directory.\n    add       Track data files with DVC.\n    status    Show changed stages and data files.\n    config    Get or set config options (core.autostage, core.remote, remote.<name>.url).\n    remote    Set up and manage data remotes (add, default, list).\n    push      Upload tracked files to remote storage.\n    pull      Download tracked files from remote storage.\n    checkout  Checkout data files from the cache.\n`,
    );
  }
  if (sub === '--version' || sub === '-V') return ok('3.53.0\n');
  if (sub.startsWith('-')) return err(`ERROR: the lab's dvc does not support the \`${sub}\` option`);
  if (REAL_COMMANDS.includes(sub)) return err(`ERROR: the lab's dvc does not support \`dvc ${sub}\`; it has: ${COMMANDS.join(', ')}`);
  if (!COMMANDS.includes(sub)) {
    return err(`${USAGE}dvc: error: argument COMMAND: invalid choice: '${sub}' (the lab's dvc has: ${COMMANDS.map((c) => `'${c}'`).join(', ')})`, 254);
  }
  if (sub === 'init') return init(ctx, rest);
  const root = rootWith(ctx.fs, ctx.cwd, '.dvc');
  // `dvc config` runs outside a repository too (CmdBaseNoRepo).
  if (sub === 'config') return config(ctx, root, rest);
  if (!root) return err("ERROR: you are not inside of a DVC repository (checked up to mount point '/')", 253);
  switch (sub) {
    case 'add':
      return add(ctx, root, rest);
    case 'status': {
      const result = status(ctx, root, rest);
      // CmdDataStatus.run: with --quiet, exit 1 when anything changed.
      return quiet && result.code === 0 ? { ...result, code: result.stdout.includes('changed outs:') ? 1 : 0 } : result;
    }
    case 'remote':
      return remote(ctx, root, rest);
    case 'push':
      return push(ctx, root, rest);
    case 'pull':
      return pull(ctx, root, rest);
    default:
      return checkout(ctx, root, rest);
  }
}
