// DVC 3's on-disk formats (docs/tool-facts.md): the .dvc file and the cache layout.

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

/**
 * `.dvc/config` as DVC 3 writes it (configobj's INI): `[core]` first, then
 * `['remote "name"']` sections, options indented by four spaces.
 */
export interface DvcConfig {
  sections: { name: string; options: [string, string][] }[];
}

export function parseConfig(textContent: string): DvcConfig {
  const sections: DvcConfig['sections'] = [];
  for (const line of textContent.split('\n')) {
    const header = /^\s*\[(.+)\]\s*$/.exec(line);
    if (header) sections.push({ name: header[1]!.trim(), options: [] });
    const option = /^\s*([^=\s[#][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (option && !header && sections.length) sections.at(-1)!.options.push([option[1]!, option[2]!]);
  }
  return { sections };
}

export function serializeConfig(config: DvcConfig): string {
  // An emptied section stays, as configobj keeps it (`[core]` after an unset).
  const all = config.sections;
  const ordered = [...all.filter((s) => s.name === 'core'), ...all.filter((s) => s.name !== 'core')];
  return ordered.map((s) => `[${s.name}]\n${s.options.map(([k, v]) => `    ${k} = ${v}\n`).join('')}`).join('');
}

/** The section name DVC writes for a remote. */
export const remoteSection = (name: string) => `'remote "${name}"'`;

export function getOption(config: DvcConfig, section: string, key: string): string | undefined {
  return config.sections.find((s) => s.name === section)?.options.find(([k]) => k === key)?.[1];
}

export function setOption(config: DvcConfig, section: string, key: string, value: string | null) {
  let entry = config.sections.find((s) => s.name === section);
  if (!entry) {
    if (value === null) return;
    entry = { name: section, options: [] };
    config.sections.push(entry);
  }
  const at = entry.options.findIndex(([k]) => k === key);
  if (value === null) {
    if (at >= 0) entry.options.splice(at, 1);
  } else if (at >= 0) entry.options[at] = [key, value];
  else entry.options.push([key, value]);
}
