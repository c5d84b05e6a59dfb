// Unified diffs of text, as `git diff` prints them (3 lines of context).

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The edit script between two line lists (longest common subsequence). */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ kind: '+', line: b[j++]! });
    else ops.push({ kind: '-', line: a[i++]! });
  }
  return ops;
}

/** Hunks (`@@ -a,b +c,d @@` and lines) between two texts; empty when equal. */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length * b.length > 4_000_000) return `@@ -1,${a.length} +1,${b.length} @@\n(the file is too large for the lab to diff line by line)\n`;
  const ops = editScript(a, b);
  const changes = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (changes.length === 0) return '';
  // Group changes whose context windows touch into hunks.
  const groups: [number, number][] = [];
  for (const k of changes) {
    const last = groups.at(-1);
    if (last && k - last[1] <= context * 2) last[1] = k;
    else groups.push([k, k]);
  }
  let out = '';
  for (const [first, last] of groups) {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length - 1, last + context);
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k]!.kind !== '+') oldStart++;
      if (ops[k]!.kind !== '-') newStart++;
    }
    const slice = ops.slice(start, end + 1);
    const oldLen = slice.filter((o) => o.kind !== '+').length;
    const newLen = slice.filter((o) => o.kind !== '-').length;
    const range = (s: number, len: number) => (len === 1 ? `${s}` : `${len === 0 ? s - 1 : s},${len}`);
    out += `@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@\n`;
    out += slice.map((o) => `${o.kind}${o.line}\n`).join('');
  }
  return out;
}
