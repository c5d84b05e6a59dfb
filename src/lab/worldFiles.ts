// How the project's files are kept in a saved world (JSON, in localStorage).

// A saved world is JSON, so binary files (git objects, the git index) are kept
// as base64 behind a prefix that no text file can start with (a NUL).
const BINARY = '\u0000base64:';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function encodeFile(bytes: Uint8Array): string {
  if (!bytes.includes(0)) {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      /* not text */
    }
  }
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return BINARY + btoa(binary);
}

export function decodeFile(value: string): string | Uint8Array {
  if (!value.startsWith(BINARY)) return value;
  return Uint8Array.from(atob(value.slice(BINARY.length)), (c) => c.charCodeAt(0));
}

/** A saved file as text, or null if it is binary. */
export const fileText = (value: string | undefined) => (value === undefined || value.startsWith(BINARY) ? null : value);
