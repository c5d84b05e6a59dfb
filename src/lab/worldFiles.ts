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
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return BINARY + btoa(binary);
}

export function decodeFile(value: string): string | Uint8Array {
  if (!value.startsWith(BINARY)) return value;
  return Uint8Array.from(atob(value.slice(BINARY.length)), (c) => c.charCodeAt(0));
}

/**
 * The lab's own files in the project folder: `.lab/tracking.json` is the
 * tracking store (the lab's stand-in for MLflow's `mlruns/` or tracking
 * server). They are saved with the project but are not the learner's files,
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

/** A saved world checked before use: the world itself if it can be laid out, else null and why not. */
export interface WorldCheck {
  world: WorldFiles | null;
  problems: string[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
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
    return BASE64.test(value.slice(BINARY.length)) ? null : `${JSON.stringify(path)}: the binary content is not valid base64`;
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
 * files were all deleted. Any problem refuses the whole world, since laying out
 * only part of it would silently differ from what the learner had.
 */
export function validateWorld(world: unknown): WorldCheck {
  if (world === null || typeof world !== 'object' || Array.isArray(world)) return { world: null, problems: ['the saved lab is not a set of files'] };
  const entries = Object.entries(world as Record<string, unknown>);
  const problems: string[] = [];
  const plain: string[] = [];
  for (const [path, value] of entries) {
    const bad = pathProblem(path);
    if (!bad) plain.push(path);
    const problem = bad ?? contentProblem(path, value);
    if (problem) problems.push(problem);
  }
  // Clashes only between plain paths: an unsafe one is already reported.
  const files = new Set(plain);
  for (const path of plain) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (files.has(folder)) {
        problems.push(`${JSON.stringify(folder)} is both a file and the folder of ${JSON.stringify(path)}`);
        break;
      }
    }
  }
  return problems.length ? { world: null, problems } : { world: world as WorldFiles, problems };
}

/** The notice for a saved world that was refused (for the page, once it has kept the world aside). */
export function setAsideNotice(problems: string[]): string {
  const why = problems.length > 1 ? `${problems[0]}; ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}` : (problems[0] ?? 'unknown problem');
  return `The saved lab could not be set up (${why}), so it started from its starting files; the old data was kept aside in this browser.`;
}
