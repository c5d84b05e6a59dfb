// The author view's client for the dev server's file service
// (scripts/vite-plugin-author.ts). Every answer is JSON; an error says why.
export interface AuthorFile {
  path: string;
  text: string;
  version: string;
}

export type SaveAnswer =
  | { kind: 'saved'; version: string }
  | { kind: 'conflict'; diskText: string; diskVersion: string };

import type { ContentFile } from '../content/parse';

const API = '/__author';

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/** The lessons' editable files, and their lab/ start files (parsed with them, not edited). */
export interface ContentFolder {
  files: string[];
  start: ContentFile[];
}

export async function listFiles(): Promise<ContentFolder> {
  return json<ContentFolder>(await fetch(`${API}/files`));
}

export async function readFile(path: string): Promise<AuthorFile> {
  return json<AuthorFile>(await fetch(`${API}/file?path=${encodeURIComponent(path)}`));
}

/** Write the text unless the file changed on disk since `baseVersion`. */
export async function saveFile(path: string, text: string, baseVersion: string): Promise<SaveAnswer> {
  const response = await fetch(`${API}/file`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, text, baseVersion }),
  });
  if (response.status === 409) {
    const body = (await response.json()) as { diskText: string; diskVersion: string };
    return { kind: 'conflict', diskText: body.diskText, diskVersion: body.diskVersion };
  }
  const body = await json<{ version: string }>(response);
  return { kind: 'saved', version: body.version };
}
