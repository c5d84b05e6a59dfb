/**
 * A short digest of a text, to name a copy of it (not for security): two
 * 32-bit FNV-1a hashes with different offsets, and the length. Written here
 * because it is on every page's first load, where an MD5 library costs ~3 KB
 * gzip of the entry's budget, and must be synchronous (crypto.subtle is not).
 */
export function textDigest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${text.length.toString(36)}`;
}
