// `dvc` in the lab's shell, with DVC 3's file formats and messages
// (FACTS.md): .dvc files byte for byte, the md5 cache under
// .dvc/cache/files/md5/, .gitignore entries, status, a local remote, push,
// pull and checkout. MD5 of the real bytes.
import * as git from 'isomorphic-git';
import { basename, dirname, gitFsAdapter, mkdirp, normalize, type LabFs } from './fs';
import { repoRoot } from './git';
import { cachePath, dvcFileText, readDvcFile } from './dvcFormat';
import { md5 } from './md5';
import { err, ok, text, type CommandResult, type Program, type ShellContext } from './shell';


export const DVC_GITIGNORE = '/config.local\n/tmp\n/cache\n';
export const DVCIGNORE = '# Add patterns of files dvc should ignore, which could improve\n# the performance. Learn more at\n# https://dvc.org/doc/user-guide/dvcignore\n';
const COMMANDS = ['init', 'add', 'status', 'remote', 'push', 'pull', 'checkout'];
const USAGE = 'usage: dvc [-q | -v] [-h] [-V] [--cd <path>] COMMAND ...\n';

/** The folder holding .dvc, searching up from cwd. */
function dvcRoot(fs: LabFs, cwd: string): string | null {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (fs.stat(`${dir === '/' ? '' : dir}/.dvc`)?.type === 'dir') return dir;
    if (dir === '/') return null;
  }
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

const rel = (root: string, path: string) => path.slice(root.length + 1);

function ensureGitignoreEntry(fs: LabFs, folder: string, name: string) {
  const path = `${folder}/.gitignore`;
  const current = fs.readFile(path) ? text(fs.readFile(path)!) : '';
  const entry = `/${name}`;
  if (current.split('\n').includes(entry)) return;
  fs.writeFile(path, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${entry}\n`);
}

async function init(ctx: ShellContext, args: string[]): Promise<CommandResult> {
  const root = ctx.cwd;
  const gitRoot = repoRoot(ctx.fs, root);
  if (!gitRoot && !args.includes('--no-scm')) {
    return err(
      `ERROR: ${root} is not tracked by any supported SCM tool (e.g. Git). Use \`--no-scm\` if you don't want to use DVC with any SCM or to specify a different subdirectory.`,
    );
  }
  if (ctx.fs.stat(`${root}/.dvc`) && !args.includes('-f')) return err("ERROR: '.dvc' exists. Use `-f` to force.");
  mkdirp(ctx.fs, `${root}/.dvc`);
  ctx.fs.writeFile(`${root}/.dvc/config`, '');
  ctx.fs.writeFile(`${root}/.dvc/.gitignore`, DVC_GITIGNORE);
  ctx.fs.writeFile(`${root}/.dvcignore`, DVCIGNORE);
  if (gitRoot) {
    const gfs = gitFsAdapter(ctx.fs);
    for (const path of [`${root}/.dvc/config`, `${root}/.dvc/.gitignore`, `${root}/.dvcignore`]) {
      await git.add({ fs: gfs, dir: gitRoot, filepath: rel(gitRoot, path) });
    }
  }
  return ok('Initialized DVC repository.\n\nYou can now commit the changes to git.\n');
}

async function add(ctx: ShellContext, root: string, targets: string[]): Promise<CommandResult> {
  if (targets.length === 0) return err(`${USAGE}dvc add: error: the following arguments are required: targets`, 254);
  const toStage: string[] = [];
  const gitRoot = repoRoot(ctx.fs, root);
  for (const target of targets) {
    const path = normalize(ctx.cwd, target);
    const shown = rel(root, path);
    const s = ctx.fs.stat(path);
    if (!s) return err(`ERROR: output '${shown}' does not exist`);
    if (s.type === 'dir') return err(`ERROR: the lab's dvc versions files, not folders: add the files in '${shown}' one by one`);
    if (gitRoot) {
      const tracked = await git.listFiles({ fs: gitFsAdapter(ctx.fs), dir: gitRoot });
      if (tracked.includes(rel(gitRoot, path))) {
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
    ensureGitignoreEntry(ctx.fs, dirname(path), basename(path));
    toStage.push(rel(root, `${dirname(path)}/.gitignore`), `${shown}.dvc`);
  }
  const files = [...new Set(toStage)].sort().join(' ');
  return ok(`\nTo track the changes with git, run:\n\n\tgit add ${files}\n\nTo enable auto staging, run:\n\n\tdvc config core.autostage true\n`);
}

function status(ctx: ShellContext, root: string): CommandResult {
  let out = '';
  for (const file of dvcFiles(ctx.fs, root)) {
    const info = readDvcFile(text(ctx.fs.readFile(file)!));
    if (!info) continue;
    const data = `${dirname(file)}/${info.path}`;
    const current = ctx.fs.readFile(data);
    const change = !current ? 'deleted:            ' : md5(current) !== info.md5 ? 'modified:           ' : null;
    if (change) out += `${rel(root, file)}:\n\tchanged outs:\n\t\t${change}${rel(root, data)}\n`;
  }
  return ok(out || 'Data and pipelines are up to date.\n');
}

function readConfig(ctx: ShellContext, root: string): { remote: string | null; urls: Record<string, string> } {
  const config = ctx.fs.readFile(`${root}/.dvc/config`);
  const content = config ? text(config) : '';
  const remote = /^\s*remote = (.+)$/m.exec(content)?.[1]?.trim() ?? null;
  const urls: Record<string, string> = {};
  for (const m of content.matchAll(/\['remote "([^"]+)"'\]\s*\n\s*url = (.+)/g)) urls[m[1]!] = m[2]!.trim();
  return { remote, urls };
}

function remote(ctx: ShellContext, root: string, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { urls } = readConfig(ctx, root);
    return ok(Object.entries(urls).map(([n, u]) => `${n}\t${u}\n`).join(''));
  }
  if (sub !== 'add') return err(`${USAGE}dvc remote: error: the lab supports 'dvc remote add [-d] <name> <url>' and 'dvc remote list'`, 254);
  const isDefault = rest.includes('-d') || rest.includes('--default');
  const [name, url] = rest.filter((a) => !a.startsWith('-'));
  if (!name || !url) return err(`${USAGE}dvc remote add: error: the following arguments are required: name, url`, 254);
  const { urls } = readConfig(ctx, root);
  if (urls[name]) return err(`ERROR: configuration error - config file error: remote '${name}' already exists. Use \`-f|--force\` to overwrite it.`, 251);
  const configPath = `${root}/.dvc/config`;
  let content = ctx.fs.readFile(configPath) ? text(ctx.fs.readFile(configPath)!) : '';
  if (isDefault) content = `[core]\n    remote = ${name}\n${content.replace(/\[core\]\n\s*remote = .+\n/, '')}`;
  content += `['remote "${name}"']\n    url = ${url}\n`;
  ctx.fs.writeFile(configPath, content);
  return ok(isDefault ? `Setting '${name}' as a default remote.\n` : '');
}

/** The default remote as a folder in the lab, or an error result. */
function remoteFolder(ctx: ShellContext, root: string, verb: 'push' | 'pull'): string | CommandResult {
  const { remote: name, urls } = readConfig(ctx, root);
  const url = name ? urls[name] : undefined;
  if (!name || !url) {
    return err(
      `ERROR: failed to ${verb} data ${verb === 'push' ? 'to' : 'from'} the cloud - config file error: no remote specified in ${root}. Create a default remote with\n    dvc remote add -d <remote name> <remote url>`,
    );
  }
  if (/^\w+:\/\//.test(url)) return err(`ERROR: failed to ${verb} data: the lab has no network; use a folder as the remote, e.g. dvc remote add -d storage /tmp/dvc-storage`);
  return normalize(ctx.cwd, url);
}

function tracked(ctx: ShellContext, root: string) {
  return dvcFiles(ctx.fs, root)
    .map((file) => ({ file, info: readDvcFile(text(ctx.fs.readFile(file)!)) }))
    .filter((t): t is { file: string; info: NonNullable<ReturnType<typeof readDvcFile>> } => t.info !== null);
}

function push(ctx: ShellContext, root: string): CommandResult {
  const folder = remoteFolder(ctx, root, 'push');
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

/** Restore workspace files from the cache; lines like `M\tdata/raw_data.csv`. */
function checkout(ctx: ShellContext, root: string): { lines: string[]; missing: string[] } {
  const lines: string[] = [];
  const missing: string[] = [];
  for (const { file, info } of tracked(ctx, root)) {
    const data = `${dirname(file)}/${info.path}`;
    const cached = ctx.fs.readFile(cachePath(root, info.md5));
    if (!cached) {
      missing.push(rel(root, data));
      continue;
    }
    const current = ctx.fs.readFile(data);
    if (current && md5(current) === info.md5) continue;
    ctx.fs.writeFile(data, cached);
    lines.push(`${current ? 'M' : 'A'}\t${rel(root, data)}`);
  }
  return { lines, missing };
}

function pull(ctx: ShellContext, root: string): CommandResult {
  const folder = remoteFolder(ctx, root, 'pull');
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
  const { lines, missing } = checkout(ctx, root);
  if (missing.length) return err(`${lines.map((l) => `${l}\n`).join('')}ERROR: failed to pull data from the cloud - Checkout failed for following targets:\n${missing.join('\n')}\nIs your cache up to date?`);
  const added = lines.length;
  return ok(`${lines.map((l) => `${l}\n`).join('')}${added || fetched ? `${added} file${added === 1 ? '' : 's'} added and ${fetched} file${fetched === 1 ? '' : 's'} fetched\n` : 'Everything is up to date.\n'}`);
}

export const dvcProgram: Program = async (args, ctx) => {
  const [sub, ...rest] = args;
  if (!sub || sub === '-h' || sub === '--help') {
    return ok(
      `${USAGE}\nData Version Control\n\nAvailable Commands:\n    init      Initialize DVC in the current directory.\n    add       Track data files with DVC.\n    status    Show changed stages and data files.\n    remote    Set up and manage data remotes.\n    push      Upload tracked files to remote storage.\n    pull      Download tracked files from remote storage.\n    checkout  Checkout data files from the cache.\n`,
    );
  }
  if (sub === '--version' || sub === '-V') return ok('3.53.0\n');
  if (!COMMANDS.includes(sub)) {
    return err(`${USAGE}dvc: error: argument COMMAND: invalid choice: '${sub}' (choose from ${COMMANDS.map((c) => `'${c}'`).join(', ')})`, 254);
  }
  if (sub === 'init') return init(ctx, rest);
  const root = dvcRoot(ctx.fs, ctx.cwd);
  if (!root) return err("ERROR: you are not inside of a DVC repository (checked up to mount point '/')", 253);
  switch (sub) {
    case 'add':
      return add(ctx, root, rest.filter((a) => !a.startsWith('-')));
    case 'status':
      return status(ctx, root);
    case 'remote':
      return remote(ctx, root, rest);
    case 'push':
      return push(ctx, root);
    case 'pull':
      return pull(ctx, root);
    default: {
      const { lines, missing } = checkout(ctx, root);
      const out = lines.map((l) => `${l}\n`).join('');
      return missing.length ? { stdout: out, stderr: `ERROR: Checkout failed for following targets:\n${missing.join('\n')}\nIs your cache up to date?\n`, code: 1 } : ok(out);
    }
  }
};
