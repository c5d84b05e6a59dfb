// Diffs as git prints them: unified hunks with 3 lines of context and the
// default function-name header (xdiff's def_ff), "\ No newline at end of
// file", binary files, `--stat` graphs (diff.c show_stats) and the summary line.

import { quotedWithPrefix } from './quote';

const decoder = new TextDecoder();

/** One side of a file pair: its blob id and bytes, or null when the file is absent. */
export interface Side {
  oid: string;
  data: Uint8Array;
}

type Op = { kind: ' ' | '-' | '+'; line: string; oldIndex: number };

/** Lines with their "\n" kept, so a last line without one differs from the same text with one. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** git treats a file with a NUL byte in its first 8000 bytes as binary (xdiff-interface.c buffer_is_binary). */
export function isBinary(data: Uint8Array | null): boolean {
  if (!data) return false;
  const end = Math.min(data.length, 8000);
  for (let i = 0; i < end; i++) if (data[i] === 0) return true;
  return false;
}

/**
 * A minimal edit script (longest common subsequence). Matches are taken as
 * early as possible, which leaves changes at the lowest place they could be,
 * as git's change compaction does; each run of changes prints its `-` lines
 * before its `+` lines, as xdiff does.
 */
function editScript(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) ops.push({ kind: ' ', line: a[k]!, oldIndex: k });
  const n = a.length - pre;
  const m = b.length - pre;
  const raw: Op[] = [];
  if (n * m > 16_000_000) {
    // Too large to align line by line in the browser: everything after the common start changes.
    for (let i = 0; i < n; i++) raw.push({ kind: '-', line: a[pre + i]!, oldIndex: pre + i });
    for (let j = 0; j < m; j++) raw.push({ kind: '+', line: b[pre + j]!, oldIndex: -1 });
  } else {
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = a[pre + i] === b[pre + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] === b[pre + j]) {
        raw.push({ kind: ' ', line: a[pre + i]!, oldIndex: pre + i });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        raw.push({ kind: '-', line: a[pre + i]!, oldIndex: pre + i });
        i++;
      } else {
        raw.push({ kind: '+', line: b[pre + j]!, oldIndex: -1 });
        j++;
      }
    }
  }
  // Within each run of changes: deletions first, then insertions.
  for (let k = 0; k < raw.length; ) {
    if (raw[k]!.kind === ' ') {
      ops.push(raw[k++]!);
      continue;
    }
    let end = k;
    while (end < raw.length && raw[end]!.kind !== ' ') end++;
    const run = raw.slice(k, end);
    ops.push(...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
    k = end;
  }
  return ops;
}

/** xdiff's default function line: the nearest earlier line starting with a letter, `_` or `$` (first 80 bytes, trailing space trimmed). */
function funcName(lines: string[], before: number): string {
  for (let i = before; i >= 0; i--) {
    const line = lines[i]!;
    if (/^[A-Za-z_$]/.test(line)) return line.slice(0, 80).replace(/[ \t\n\v\f\r]+$/, '');
  }
  return '';
}

/** Hunks between two texts (empty when equal). */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(a, b);
  const changes = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (changes.length === 0) return '';
  // Changes with at most 2×context common lines between them share a hunk.
  const groups: [number, number][] = [];
  for (const k of changes) {
    const last = groups.at(-1);
    if (last && k - last[1] - 1 <= context * 2) last[1] = k;
    else groups.push([k, k]);
  }
  const text = (line: string) => (line.endsWith('\n') ? line : `${line}\n\\ No newline at end of file\n`);
  let out = '';
  for (const [first, last] of groups) {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length - 1, last + context);
    let oldStart = 0;
    let newStart = 0;
    for (let k = 0; k < start; k++) {
      if (ops[k]!.kind !== '+') oldStart++;
      if (ops[k]!.kind !== '-') newStart++;
    }
    const slice = ops.slice(start, end + 1);
    const oldLen = slice.filter((o) => o.kind !== '+').length;
    const newLen = slice.filter((o) => o.kind !== '-').length;
    const range = (s: number, len: number) => (len === 1 ? `${s + 1}` : `${len === 0 ? s : s + 1},${len}`);
    const func = funcName(a, oldStart - 1);
    out += `@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@${func ? ` ${func}` : ''}\n`;
    out += slice.map((o) => `${o.kind}${text(o.line)}`).join('');
  }
  return out;
}

/** Lines added and deleted (git's numstat), or the byte sizes for binary files. */
export function countChanges(a: Side | null, b: Side | null): { added: number; deleted: number; binary: boolean } {
  if (isBinary(a?.data ?? null) || isBinary(b?.data ?? null)) return { added: b?.data.length ?? 0, deleted: a?.data.length ?? 0, binary: true };
  const ops = editScript(splitLines(decoder.decode(a?.data)), splitLines(decoder.decode(b?.data)));
  return { added: ops.filter((o) => o.kind === '+').length, deleted: ops.filter((o) => o.kind === '-').length, binary: false };
}

/** One file's `diff --git` block (empty when both sides are the same blob). */
export function fileDiff(path: string, a: Side | null, b: Side | null): string {
  if (a && b && a.oid === b.oid) return '';
  const zeros = '0000000';
  const aName = quotedWithPrefix('a/', path);
  const bName = quotedWithPrefix('b/', path);
  let head = `diff --git ${aName} ${bName}\n`;
  if (!a) head += 'new file mode 100644\n';
  if (!b) head += 'deleted file mode 100644\n';
  head += `index ${a ? a.oid.slice(0, 7) : zeros}..${b ? b.oid.slice(0, 7) : zeros}${a && b ? ' 100644' : ''}\n`;
  // A name with a space ends in a tab, so patch tools can find where it ends (diff.c).
  const tab = path.includes(' ') ? '\t' : '';
  const names = `--- ${a ? `${aName}${tab}` : '/dev/null'}\n+++ ${b ? `${bName}${tab}` : '/dev/null'}\n`;
  if (isBinary(a?.data ?? null) || isBinary(b?.data ?? null)) return `${head}Binary files ${a ? aName : '/dev/null'} and ${b ? bName : '/dev/null'} differ\n`;
  const hunks = unifiedHunks(decoder.decode(a?.data), decoder.decode(b?.data));
  return hunks ? head + names + hunks : head;
}

/** " N files changed, X insertions(+), Y deletions(-)" (diff.c print_stat_summary: both counts shown when both are 0). */
export function summaryLine(files: number, insertions: number, deletions: number): string {
  let s = ` ${files} file${files === 1 ? '' : 's'} changed`;
  if (insertions || deletions === 0) s += `, ${insertions} insertion${insertions === 1 ? '' : 's'}(+)`;
  if (deletions || insertions === 0) s += `, ${deletions} deletion${deletions === 1 ? '' : 's'}(-)`;
  return `${s}\n`;
}

export interface StatFile {
  name: string;
  added: number;
  deleted: number;
  binary: boolean;
}

/** The `--stat` block: one graph line per file and the summary (diff.c show_stats, 80 columns as when not on a terminal). */
export function statBlock(files: StatFile[], width = 80): string {
  if (files.length === 0) return '';
  let maxLen = 0;
  let maxChange = 0;
  let numberWidth = 0;
  let binWidth = 0;
  for (const f of files) {
    maxLen = Math.max(maxLen, f.name.length);
    if (f.binary) {
      binWidth = Math.max(binWidth, 14 + String(f.added).length + String(f.deleted).length);
      numberWidth = 3;
      continue;
    }
    maxChange = Math.max(maxChange, f.added + f.deleted);
  }
  numberWidth = Math.max(numberWidth, String(maxChange).length);
  if (width < 16 + 6 + numberWidth) width = 16 + 6 + numberWidth;
  let graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
  let nameWidth = maxLen;
  if (nameWidth + numberWidth + 6 + graphWidth > width) {
    if (graphWidth > Math.floor((width * 3) / 8) - numberWidth - 6) {
      graphWidth = Math.floor((width * 3) / 8) - numberWidth - 6;
      if (graphWidth < 6) graphWidth = 6;
    }
    if (nameWidth > width - numberWidth - 6 - graphWidth) nameWidth = width - numberWidth - 6 - graphWidth;
    else graphWidth = width - numberWidth - 6 - nameWidth;
  }
  const scale = (it: number) => (it === 0 ? 0 : 1 + Math.floor((it * (graphWidth - 1)) / maxChange));
  let out = '';
  let insertions = 0;
  let deletions = 0;
  for (const f of files) {
    let name = f.name;
    let prefix = '';
    let len = nameWidth;
    if (nameWidth < name.length) {
      prefix = '...';
      len -= 3;
      name = name.slice(name.length - len);
      const slash = name.indexOf('/');
      if (slash >= 0) name = name.slice(slash);
    }
    const label = ` ${prefix}${name.padEnd(len)} |`;
    if (f.binary) {
      out += `${label} ${'Bin'.padStart(numberWidth)}${f.added || f.deleted ? ` ${f.deleted} -> ${f.added} bytes` : ''}\n`;
      continue;
    }
    insertions += f.added;
    deletions += f.deleted;
    let add = f.added;
    let del = f.deleted;
    if (graphWidth <= maxChange) {
      let total = scale(add + del);
      if (total < 2 && add && del) total = 2;
      if (add < del) {
        add = scale(add);
        del = total - add;
      } else {
        del = scale(del);
        add = total - del;
      }
    }
    const count = f.added + f.deleted;
    out += `${label} ${String(count).padStart(numberWidth)}${count ? ' ' : ''}${'+'.repeat(add)}${'-'.repeat(del)}\n`;
  }
  return out + summaryLine(files.length, insertions, deletions);
}
