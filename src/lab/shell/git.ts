// `git` in the lab's shell: isomorphic-git stores the objects (real SHA-1s,
// the same commits real git makes from the same files, author and time), and
// the commands in ./git/ print what git 2.39 prints. What the lab's git does
// not have, it says so by name.
import * as git from 'isomorphic-git';
import { add, checkoutPaths, commit, mv, reset, restore, rm } from './git/changes';
import { branch, checkout, switchCommand } from './git/branches';
import { diff } from './git/diffCommand';
import { log, show } from './git/history';
import { AUTHOR, Unsupported, type Repo } from './git/repo';
import { status } from './git/status';
import { gitFsAdapter, type LabFs } from './fs';
import { err, ok, type CommandResult, type Program, type ShellContext } from './shell';

export { AUTHOR, checkoutPaths };

/** The folder holding .git, searching up from cwd, or null. */
export function repoRoot(fs: LabFs, cwd: string): string | null {
  for (let dir = cwd; ; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
    if (fs.stat(`${dir === '/' ? '' : dir}/.git`)?.type === 'dir') return dir;
    if (dir === '/') return null;
  }
}

const NOT_A_REPO = 'fatal: not a git repository (or any of the parent directories): .git';

const COMMANDS: Record<string, (repo: Repo, args: string[]) => Promise<CommandResult>> = {
  status,
  add,
  commit,
  rm,
  mv,
  restore,
  reset,
  log,
  show,
  diff,
  branch,
  checkout,
  switch: switchCommand,
};

/** git 2.39's other commands (`git help -a`): the lab names them as missing, not as unknown. */
const GIT_COMMANDS =
  'am archive bisect bundle cherry-pick citool clean clone describe fetch format-patch gc gitk grep gui maintenance merge notes pull push range-diff rebase revert scalar shortlog sparse-checkout stash submodule tag worktree config fast-export fast-import filter-branch mergetool pack-refs prune reflog remote repack replace annotate blame bugreport count-objects diagnose difftool fsck gitweb instaweb merge-tree rerere show-branch verify-commit verify-tag version whatchanged archimport cvsexportcommit cvsimport cvsserver imap-send p4 quiltimport request-pull send-email svn apply checkout-index commit-graph commit-tree hash-object index-pack merge-file merge-index mktag mktree multi-pack-index pack-objects prune-packed read-tree symbolic-ref unpack-objects update-index update-ref write-tree cat-file cherry diff-files diff-index diff-tree for-each-ref for-each-repo get-tar-commit-id ls-files ls-remote ls-tree merge-base name-rev pack-redundant rev-list rev-parse show-index show-ref unpack-file var verify-pack daemon fetch-pack http-backend send-pack update-server-info check-attr check-ignore check-mailmap check-ref-format column credential credential-cache credential-store fmt-merge-msg hook interpret-trailers mailinfo mailsplit merge-one-file patch-id sh-i18n sh-setup stripspace'.split(' ');

/** What Debian's git 2.39 finds as git-* programs (load_command_list): the candidates for "The most similar command is". */
const INSTALLED = 'add add--interactive am annotate apply archive bisect bisect--helper blame branch bugreport bundle cat-file check-attr check-ignore check-mailmap check-ref-format checkout checkout--worker checkout-index cherry cherry-pick clean clone column commit commit-graph commit-tree config core count-objects credential credential-cache credential-cache--daemon credential-store daemon describe diagnose diff diff-files diff-index diff-tree difftool difftool--helper env--helper fast-export fast-import fetch fetch-pack filter-branch fmt-merge-msg for-each-ref for-each-repo format-patch fsck fsck-objects fsmonitor--daemon gc get-tar-commit-id grep hash-object help hook http-backend http-fetch http-push imap-send index-pack init init-db instaweb interpret-trailers log ls-files ls-remote ls-tree mailinfo mailsplit maintenance merge merge-base merge-file merge-index merge-octopus merge-one-file merge-ours merge-recursive merge-resolve merge-subtree merge-tree mergetool mktag mktree multi-pack-index mv name-rev notes pack-objects pack-redundant pack-refs patch-id prune prune-packed pull push quiltimport range-diff read-tree rebase receive-pack reflog remote remote-ext remote-fd remote-ftp remote-ftps remote-http remote-https repack replace request-pull rerere reset restore rev-list rev-parse revert rm send-pack sh-i18n--envsubst shell shortlog show show-branch show-index show-ref sparse-checkout stage stash status stripspace submodule submodule--helper subtree switch symbolic-ref tag unpack-file unpack-objects update-index update-ref update-server-info upload-archive upload-pack var verify-commit verify-pack verify-tag version web--browse whatchanged worktree write-tree'.split(' ');
/** git's "common" commands (command-list.txt), which win on a prefix match. */
const COMMON = 'add bisect branch clone commit diff fetch grep init log merge mv pull push rebase reset restore rm show status switch tag'.split(' ');

/** levenshtein.c with the weights help.c uses: swap 0, substitution 2, insertion 1, deletion 3. */
function levenshtein(a: string, b: string, w = 0, s = 2, ins = 1, del = 3): number {
  let row0 = new Array<number>(b.length + 1).fill(0);
  let row1 = Array.from({ length: b.length + 1 }, (_, j) => j * ins);
  let row2 = new Array<number>(b.length + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    row2[0] = (i + 1) * del;
    for (let j = 0; j < b.length; j++) {
      row2[j + 1] = row1[j]! + s * (a[i] !== b[j] ? 1 : 0);
      if (i > 0 && j > 0 && a[i - 1] === b[j] && a[i] === b[j - 1] && row2[j + 1]! > row0[j - 1]! + w) row2[j + 1] = row0[j - 1]! + w;
      if (row2[j + 1]! > row1[j + 1]! + del) row2[j + 1] = row1[j + 1]! + del;
      if (row2[j + 1]! > row2[j]! + ins) row2[j + 1] = row2[j]! + ins;
    }
    [row0, row1, row2] = [row1, row2, row0];
  }
  return row1[b.length]!;
}

/** git's message for a command it does not know, with its suggestions (help.c help_unknown_cmd). */
function unknownCommand(cmd: string): CommandResult {
  const scored = INSTALLED.map((name) => ({ name, len: COMMON.includes(name) && name.startsWith(cmd) ? 0 : levenshtein(cmd, name) + 1 }));
  scored.sort((x, y) => x.len - y.len || (x.name < y.name ? -1 : 1));
  let n = 0;
  while (n < scored.length && scored[n]!.len === 0) n++;
  let best = 8; // SIMILARITY_FLOOR + 1: everything was a prefix match
  if (n < scored.length) {
    best = scored[n++]!.len;
    while (n < scored.length && scored[n]!.len === best) n++;
  }
  let message = `git: '${cmd}' is not a git command. See 'git --help'.\n`;
  if (best < 7) message += `\nThe most similar command${n === 1 ? ' is' : 's are'}\n${scored.slice(0, n).map((c) => `\t${c.name}\n`).join('')}`;
  return err(message);
}

export const HELP = `usage: git <command> [<args>]

The lab's git has these commands (git 2.39's output):
   init       Create an empty Git repository
   status     Show the working tree status (-s, --porcelain, -b, -u/-uall, <paths>)
   add        Add file contents to the index (<paths>, ., -A, -u)
   rm         Remove files from the index and working tree (--cached, -r, -f, -q)
   mv         Move or rename a file or a folder
   commit     Record changes (-m "message" (repeatable), -a, --allow-empty, -q)
   log        Show commit logs (--oneline, -N, -n N, --stat, -p, --no-decorate,
              <rev>, -- <paths>)
   show       Show a commit, or a file at a revision: git show HEAD~1:<path>
              (--stat, --oneline, -s, --name-only, --name-status)
   diff       Show changes: worktree, --staged [<rev>], <rev>, <rev> <rev>, -- <paths>
              (--stat, --name-only, --name-status)
   branch     List, create or delete branches (<name> [<start>], -d, -D, --show-current)
   checkout   Switch branches (<branch>, -b <new> [<start>]) or restore files
              (checkout [<rev>] [--] <paths>)
   switch     Switch branches (<branch>, -c <new> [<start>])
   restore    Restore files (--staged, --worktree, --source=<rev>)
   reset      Unstage files (reset [<rev>] [--] <paths>), or move the branch
              (reset [--soft | --mixed | --hard] [<rev>])

Revisions: HEAD, @, branch names, full or short hashes, with ~N and ^ after them.
Not in the lab: remotes (clone, fetch, pull, push), merge, rebase, stash, tag,
a detached HEAD, an editor for commit messages, renames of edited files (only
exact renames are found), colors and a pager.
`;

async function init(ctx: ShellContext, args: string[]): Promise<CommandResult> {
  const extra = args.find((a) => a !== '-q' && a !== '--quiet');
  if (extra !== undefined) return err(`the lab's git init does not support \`${extra}\``);
  const existed = ctx.fs.stat(`${ctx.cwd}/.git`)?.type === 'dir';
  if (!existed) await git.init({ fs: gitFsAdapter(ctx.fs), dir: ctx.cwd, defaultBranch: 'main' });
  if (args.length) return ok();
  return ok(`${existed ? 'Reinitialized existing' : 'Initialized empty'} Git repository in ${ctx.cwd === '/' ? '' : ctx.cwd}/.git/\n`);
}

export const gitProgram: Program = async (args: string[], ctx: ShellContext) => {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help' || sub === '-h') return sub === undefined ? { ...ok(HELP), code: 1 } : ok(HELP);
  if (sub.startsWith('-')) return err(`the lab's git does not support the option \`${sub}\` before a command`);
  if (sub === 'init') return init(ctx, rest);
  const command = COMMANDS[sub];
  if (!command) {
    if (GIT_COMMANDS.includes(sub) || INSTALLED.includes(sub)) return err(`the lab's git does not support \`${sub}\``);
    return unknownCommand(sub);
  }
  const dir = repoRoot(ctx.fs, ctx.cwd);
  // Outside a repository real git's diff compares two files (--no-index); the lab's does not.
  if (!dir && sub === 'diff') return err("warning: Not a git repository. Use --no-index to compare two paths outside a working tree\nthe lab's git diff does not support --no-index", 129);
  if (!dir) return err(NOT_A_REPO, 128);
  const repo: Repo = { fs: ctx.fs, gfs: gitFsAdapter(ctx.fs), dir, cwd: ctx.cwd, now: Math.floor(ctx.now() / 1000) };
  try {
    return await command(repo, rest);
  } catch (e) {
    if (e instanceof Unsupported) return err(e.message);
    throw e;
  }
};
