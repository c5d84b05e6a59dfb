// Globs over project paths, for the lab's start commit (lesson.md `lab.committed`).

/**
 * Does a project path match a glob? `*` and `?` stay within one path part,
 * `**` spans any number of parts (`data/**` is everything under data/), as in
 * .gitignore-style globs; a plain path matches itself.
 */
export function matchesGlob(glob: string, path: string): boolean {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(path);
}
