// How git prints a path that has unusual characters (quote.c, core.quotePath
// on, its default): in double quotes, with C escapes and bytes above 0x7f in
// octal. Short status also quotes a path with a space (QUOTE_PATH_QUOTE_SP).

const LETTERS: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' };
const encoder = new TextEncoder();

const mustQuote = (byte: number) => byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;

/** The escaped body (no quotes), or null when the name needs no quoting. */
function escape(name: string): string | null {
  const bytes = encoder.encode(name);
  if (!bytes.some(mustQuote)) return null;
  let out = '';
  for (const b of bytes) {
    if (!mustQuote(b)) out += String.fromCharCode(b);
    else if (LETTERS[b]) out += `\\${LETTERS[b]}`;
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** A path as diff headers, stats and long status print it. */
export function quoted(name: string, quoteSpace = false): string {
  const body = escape(name);
  if (body !== null) return `"${body}"`;
  return quoteSpace && name.includes(' ') ? `"${name}"` : name;
}

/** `a/<path>` in a diff header: the prefix goes inside the quotes. */
export function quotedWithPrefix(prefix: string, name: string): string {
  const body = escape(name);
  return body === null ? `${prefix}${name}` : `"${prefix}${body}"`;
}
