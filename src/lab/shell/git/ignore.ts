// Ignore rules for the lab's git and its repo summary: each .gitignore is read and parsed once
// per command, not once per file (isomorphic-git's isIgnored reads every rule file again for
// every path it is asked about).
import ignore, { type Ignore } from 'ignore';
import { text } from '../shell';
import type { LabFs } from '../fs';

/**
 * Whether a path is ignored, by the rules isomorphic-git's isIgnored applies (its
 * GitIgnoreManager: .git/info/exclude, then each folder's .gitignore from the top; a file in an
 * ignored folder cannot be re-included), with each .gitignore read and parsed once.
 */
export function ignoreChecker(fs: LabFs, dir: string): (filepath: string) => boolean {
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
  // Whether a rule file above a folder ignores it (so nothing in it can be re-included): once per folder.
  const closed = new Map<string, boolean>();
  const isClosed = (pieces: string[]) => {
    const folder = pieces.join('/');
    let verdict = closed.get(folder);
    if (verdict === undefined) {
      verdict = false;
      for (let i = 0; i < pieces.length && !verdict; i++) verdict = rulesOf(pieces.slice(0, i).join('/'), i === 0)?.ignores(pieces.slice(i).join('/')) ?? false;
      closed.set(folder, verdict);
    }
    return verdict;
  };
  return (filepath) => {
    const pieces = filepath.split('/').filter(Boolean);
    if (pieces.at(-1) === '.git') return true;
    if (pieces.length > 1 && isClosed(pieces.slice(0, -1))) return true;
    let ignored = false;
    for (let i = 0; i < pieces.length; i++) {
      const rule = rulesOf(pieces.slice(0, i).join('/'), i === 0);
      if (!rule) continue;
      const rel = pieces.slice(i).join('/');
      ignored = ignored ? !rule.test(rel).unignored : rule.test(rel).ignored;
    }
    return ignored;
  };
}
