// How the project's files are kept in a saved world (JSON, in localStorage).
import type { WorldFiles } from './types';

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
  // btoa takes a "binary string": built in slices (one character at a time is quadratic on
  // large files; one call with every byte as an argument overflows the stack).
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + SLICE) as unknown as number[]));
  return BINARY + btoa(parts.join(''));
}
const SLICE = 0x8000;

export function decodeFile(value: string): string | Uint8Array {
  if (!value.startsWith(BINARY)) return value;
  const binary = atob(value.slice(BINARY.length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The lab's own files in the project folder: `.lab/tracking/` is the
 * tracking store (the lab's stand-in for MLflow's `mlruns/` or tracking
 * server), `.lab/docker.json` the images and containers. They are saved with the project but are not the learner's files,
 * so the repo explorer does not list them (plain `ls` skips them as dot files).
 */
export const isLabInternal = (path: string) => path === '.lab' || path.startsWith('.lab/');

/** A saved file as text, or null if it is binary. */
export const fileText = (value: string | undefined) => (value === undefined || value.startsWith(BINARY) ? null : value);

/**
 * The learner's files as a file browser shows them: the lab's own files left
 * out, each file as text or null when binary. Done here so views need not know
 * how a world encodes its files.
 */
export function learnerFileTexts(files: WorldFiles): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [path, value] of Object.entries(files)) if (!isLabInternal(path)) out[path] = fileText(value);
  return out;
}

/**
 * A saved world checked before use: the files that can be laid out (every good entry; null
 * when the value is not a set of files at all), and why each other entry cannot.
 */
export interface WorldCheck {
  world: WorldFiles | null;
  problems: string[];
}

// One character class, no repeated group: a group repeated per 4 characters backtracks
// recursively in V8 and overflowed the stack on a file of a few MB (issue 22).
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64_CHARS.test(text);
// In a `u` regex a well-formed surrogate pair is one code point, so this finds only
// lone halves, which UTF-8 cannot hold (they would be written as U+FFFD).
const LONE_SURROGATE = /\p{Cs}/u;

function pathProblem(path: string): string | null {
  if (path === '') return 'a file has an empty path';
  if (path.includes('\u0000')) return `${JSON.stringify(path)}: a path cannot contain a NUL character`;
  if (path.startsWith('/')) return `${JSON.stringify(path)}: the path is absolute, not inside the project`;
  const parts = path.split('/');
  if (parts.includes('..')) return `${JSON.stringify(path)}: the path leads out of the project ("..")`;
  if (parts.some((p) => p === '' || p === '.')) return `${JSON.stringify(path)}: the path has an empty or "." part`;
  return null;
}

function contentProblem(path: string, value: unknown): string | null {
  if (typeof value !== 'string') return `${JSON.stringify(path)}: the saved content is not a string`;
  if (value.startsWith(BINARY)) {
    return isBase64(value.slice(BINARY.length)) ? null : `${JSON.stringify(path)}: the binary content is not valid base64`;
  }
  // encodeFile keeps any content with a NUL byte as base64, so text never holds one.
  if (value.includes('\u0000')) return `${JSON.stringify(path)}: the text holds a NUL character, which a saved text file never does`;
  if (LONE_SURROGATE.test(value)) return `${JSON.stringify(path)}: the text is not valid Unicode`;
  return null;
}

/**
 * Check a saved world (parsed JSON) before laying it out under the project
 * folder. Every path must be a plain relative path (no empty, absolute, "." or
 * ".." parts, no NUL), every value encoded as encodeFile encodes, and no path
 * may be both a file and a folder. An empty world is valid: a project whose
 * files were all deleted. A bad entry is left out and reported; the good files
 * are kept (the caller keeps the whole saved copy aside, for download).
 */
export function validateWorld(world: unknown): WorldCheck {
  if (world === null || typeof world !== 'object' || Array.isArray(world)) return { world: null, problems: ['the saved lab is not a set of files'] };
  const problems: string[] = [];
  const good = new Map<string, string>();
  for (const [path, value] of Object.entries(world as Record<string, unknown>)) {
    const problem = pathProblem(path) ?? contentProblem(path, value);
    if (problem) problems.push(problem);
    else good.set(path, value as string);
  }
  // A file that is also another file's folder: the deeper file is the one left out.
  for (const path of good.keys()) {
    for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
      const folder = path.slice(0, cut);
      if (good.has(folder)) {
        problems.push(`${JSON.stringify(folder)} is both a file and the folder of ${JSON.stringify(path)}`);
        good.delete(path);
        break;
      }
    }
  }
  return { world: problems.length ? Object.fromEntries(good) : (world as WorldFiles), problems };
}

/** The notice for a saved world with entries that were left out (for the page, once it has kept the whole world aside). */
export function setAsideNotice(problems: string[]): string {
  const why = problems.length > 1 ? `${problems[0]}; ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}` : (problems[0] ?? 'unknown problem');
  return `The saved lab could not be set up whole (${why}): every file that could be is back, and the whole saved copy was kept aside in this browser — download it to recover the rest.`;
}

/** The project's files after a Run: `world` with the files the Run wrote and without the paths it removed. */
export function withChanges(world: WorldFiles, changes: { files: WorldFiles; removed: string[] }): WorldFiles {
  const next = { ...world, ...changes.files };
  for (const path of changes.removed) delete next[path];
  return next;
}
