// The author view's file service (scripts/vite-plugin-author.ts): paths stay in
// the content folder, and a save never overwrites a file that changed on disk
// since the editor read it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorMiddleware, authorPlugin, confinePath, decideSave, listContentFiles, versionOf } from '../../scripts/vite-plugin-author';

let root: string;
let outside: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'author-root-'));
  outside = mkdtempSync(join(tmpdir(), 'author-outside-'));
  mkdirSync(join(root, 'hello/steps'), { recursive: true });
  writeFileSync(join(root, 'hello/lesson.md'), '---\nid: hello\n---\n');
  writeFileSync(join(root, 'hello/steps/01-a.md'), 'step one\n');
  writeFileSync(join(root, 'hello/notes.txt'), 'not markdown\n');
  writeFileSync(join(outside, 'secret.md'), 'secret\n');
  symlinkSync(join(outside, 'secret.md'), join(root, 'hello/link.md'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('confinePath', () => {
  it('accepts a lesson file inside the content folder', () => {
    expect(confinePath(root, 'hello/steps/01-a.md')).toEqual({ ok: true, abs: join(root, 'hello/steps/01-a.md'), path: 'hello/steps/01-a.md' });
  });

  it.each([
    ['../secret.md', '..'],
    ['hello/../../secret.md', '..'],
    ['/etc/passwd.md', 'relative'],
    ['C:/x.md', 'relative'],
    ['hello\\lesson.md', 'forward slashes'],
    ['hello//lesson.md', 'empty'],
    ['hello/./lesson.md', '..'],
    ['.git/config.md', 'hidden'],
    ['hello/notes.txt', '.md'],
    ['', 'required'],
    [42, 'required'],
  ])('refuses %j', (path, why) => {
    const result = confinePath(root, path);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(why);
  });
});

describe('decideSave', () => {
  const base = 'line 1\n';
  it('saves when the disk still holds the version the editor read', () => {
    expect(decideSave(base, versionOf(base), 'line 1 edited\n')).toEqual({ status: 200, version: versionOf('line 1 edited\n') });
  });

  it('refuses with the disk text when the file changed on disk since', () => {
    const decision = decideSave('changed on disk\n', versionOf(base), 'mine\n');
    expect(decision).toEqual({ status: 409, error: 'the file changed on disk since you opened it', diskText: 'changed on disk\n', diskVersion: versionOf('changed on disk\n') });
  });

  it('"keep mine" is a save based on the disk version it was shown', () => {
    const disk = 'changed on disk\n';
    expect(decideSave(disk, versionOf(disk), 'mine\n').status).toBe(200);
  });

  it('is no conflict when the disk already holds exactly the new text', () => {
    expect(decideSave('same\n', versionOf(base), 'same\n').status).toBe(200);
  });
});

it('lists the markdown files only (not a symlink)', () => {
  expect(listContentFiles(root)).toEqual(['hello/lesson.md', 'hello/steps/01-a.md']);
});

it('is registered for the dev server only', () => {
  expect(authorPlugin().apply).toBe('serve');
});

/** Drive the middleware as Vite's connect server would. */
async function request(method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; passed: boolean }> {
  const req = new PassThrough() as unknown as IncomingMessage;
  Object.assign(req, { method, url });
  let passed = false;
  const answer = new Promise<{ status: number; json: Record<string, unknown> }>((done) => {
    const res: { statusCode: number; setHeader: () => void; end: (text: string) => void } = {
      statusCode: 200,
      setHeader: () => undefined,
      end: (text) => done({ status: res.statusCode, json: JSON.parse(text) as Record<string, unknown> }),
    };
    authorMiddleware(root)(req, res as unknown as ServerResponse, () => {
      passed = true;
      done({ status: 0, json: {} });
    });
  });
  (req as unknown as PassThrough).end(body === undefined ? undefined : JSON.stringify(body));
  return { ...(await answer), passed };
}

describe('the endpoints', () => {
  it('leave other addresses to the app', async () => {
    expect((await request('GET', '/lessons/hello')).passed).toBe(true);
  });

  it('read a file with its version, and refuse one outside the folder', async () => {
    const ok = await request('GET', '/__author/file?path=hello/lesson.md');
    expect(ok).toMatchObject({ status: 200, json: { path: 'hello/lesson.md', text: '---\nid: hello\n---\n', version: versionOf('---\nid: hello\n---\n') } });
    const up = await request('GET', '/__author/file?path=../x.md');
    expect(up.status).toBe(400);
    expect(up.json.error).toContain('..');
    const linked = await request('GET', '/__author/file?path=hello/link.md');
    expect(linked).toMatchObject({ status: 400, json: { error: 'the path leaves the content folder' } });
  });

  it('write a file, then answer 409 with the disk text when it changed underneath', async () => {
    const path = 'hello/steps/01-a.md';
    const read = await request('GET', `/__author/file?path=${path}`);
    const saved = await request('PUT', '/__author/file', { path, text: 'edited\n', baseVersion: read.json.version });
    expect(saved).toMatchObject({ status: 200, json: { version: versionOf('edited\n') } });
    expect(readFileSync(join(root, path), 'utf8')).toBe('edited\n');

    writeFileSync(join(root, path), 'someone else\n');
    const stale = await request('PUT', '/__author/file', { path, text: 'mine\n', baseVersion: versionOf('edited\n') });
    expect(stale).toMatchObject({ status: 409, json: { diskText: 'someone else\n' } });
    expect(readFileSync(join(root, path), 'utf8')).toBe('someone else\n');
  });

  it('answer bad requests in JSON', async () => {
    expect(await request('PUT', '/__author/file', { path: 'hello/new.md', text: 'x', baseVersion: 'y' })).toMatchObject({ status: 404 });
    expect(await request('PUT', '/__author/file', { path: 'hello/lesson.md' })).toMatchObject({ status: 400 });
    expect(await request('DELETE', '/__author/file')).toMatchObject({ status: 405 });
    expect(await request('GET', '/__author/nothing')).toMatchObject({ status: 404 });
    const files = await request('GET', '/__author/files');
    expect(files.json.files).toEqual(['hello/lesson.md', 'hello/steps/01-a.md']);
  });
});
