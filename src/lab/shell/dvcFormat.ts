// DVC 3's on-disk formats (FACTS.md): the .dvc file and the cache layout.

export const cachePath = (root: string, hash: string) => `${root}/.dvc/cache/files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`;

/** The .dvc file DVC 3 writes for one file, byte for byte. */
export function dvcFileText(hash: string, size: number, name: string) {
  return `outs:\n- md5: ${hash}\n  size: ${size}\n  hash: md5\n  path: ${name}\n`;
}

export function readDvcFile(textContent: string): { md5: string; size: number; path: string } | null {
  const hash = /^- md5: ([0-9a-f]{32})$/m.exec(textContent)?.[1];
  const size = /^ {2}size: (\d+)$/m.exec(textContent)?.[1];
  const path = /^ {2}path: (.+)$/m.exec(textContent)?.[1];
  return hash && size && path ? { md5: hash, size: Number(size), path } : null;
}
