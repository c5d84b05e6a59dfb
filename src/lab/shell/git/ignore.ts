// Ignore rules for the lab's git and its repo summary: each .gitignore is read and parsed once
// per command, not once per file (isomorphic-git's isIgnored reads every rule file again for
// every path it is asked about).
import ignore, { type Ignore } from 'ignore';
import { text } from '../shell';
import type { LabFs } from '../fs';

/** A repository's ignore rules, read once: verdicts for files, and for folders git need not look inside. */
export interface IgnoreRules {
  /** Whether a file is ignored. */
  file: (filepath: string) => boolean;
  /**
   * Whether a folder is ignored as a folder (its path with a `/`, so rules like `data/` apply, and
   * any folder above it ignored too): git does not look inside one, and every file in it is ignored.
   */
  folder: (folderpath: string) => boolean;
}

/**
 * Ignore rules as isomorphic-git's isIgnored applies them (its GitIgnoreManager:
 * .git/info/exclude, then each folder's .gitignore from the top, a deeper rule overriding; a file
 * in an ignored folder cannot be re-included), with each .gitignore read and parsed once.
 */
export function ignoreChecker(fs: LabFs, dir: string): IgnoreRules {
  // null for a folder without rules: it changes no verdict, so it is not asked (most folders have none).
  const rules = new Map<string, Ignore | null>();
  const rulesOf = (folder: string, withExcludes: boolean) => {
    let rule = rules.get(folder);
    if (rule === undefined) {
      const source = [
        withExcludes ? text(fs.readFile(`${dir}/.git/info/exclude`) ?? new Uint8Array()) : '',
        text(fs.readFile(`${dir}${folder ? `/${folder}` : ''}/.gitignore`) ?? new Uint8Array()),
      ];
      const patterns = source.some((t) => t.split(/\r?\n/).some((line) => line.trim() !== '' && !line.startsWith('#')));
      rule = patterns ? ignore().add(source[0]!).add(source[1]!) : null;
      rules.set(folder, rule);
    }
    return rule;
  };
  /** The verdict of each rule file from the top down on `pieces` (`/` after the last for a folder): a deeper rule file overrides. */
  const verdict = (pieces: string[], asFolder: boolean) => {
    let ignored = false;
    for (let i = 0; i < pieces.length; i++) {
      const rule = rulesOf(pieces.slice(0, i).join('/'), i === 0);
      if (!rule) continue;
      const rel = `${pieces.slice(i).join('/')}${asFolder ? '/' : ''}`;
      ignored = ignored ? !rule.test(rel).unignored : rule.test(rel).ignored;
    }
    return ignored;
  };
  // Whether a rule file above a folder ignores it (so nothing in it can be re-included): once per folder.
  const closed = new Map<string, boolean>();
  const isClosed = (pieces: string[]) => {
    const folder = pieces.join('/');
    let shut = closed.get(folder);
    if (shut === undefined) {
      shut = false;
      for (let i = 0; i < pieces.length && !shut; i++) shut = rulesOf(pieces.slice(0, i).join('/'), i === 0)?.ignores(`${pieces.slice(i).join('/')}/`) ?? false;
      closed.set(folder, shut);
    }
    return shut;
  };
  const folders = new Map<string, boolean>();
  const folder = (folderpath: string): boolean => {
    let ignored = folders.get(folderpath);
    if (ignored === undefined) {
      const pieces = folderpath.split('/').filter(Boolean);
      ignored = pieces.at(-1) === '.git' || (pieces.length > 1 && folder(pieces.slice(0, -1).join('/'))) || isClosed(pieces) || verdict(pieces, true);
      folders.set(folderpath, ignored);
    }
    return ignored;
  };
  const file = (filepath: string) => {
    const pieces = filepath.split('/').filter(Boolean);
    if (pieces.at(-1) === '.git') return true;
    if (pieces.length > 1 && isClosed(pieces.slice(0, -1))) return true;
    return verdict(pieces, false);
  };
  return { file, folder };
}
