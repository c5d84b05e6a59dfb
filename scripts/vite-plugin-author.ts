// Dev-only file service for the author view (/author, src/author/): lists the
// lesson files of the content folder, reads one, and writes one back unless it
// changed on disk since the editor read it (409 with the disk text, so the
// instructor chooses). Registered for `vite serve` only: a production build
// has no such endpoints. Paths are confined to the content folder.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { readContentFiles } from './content-files.ts';

export const AUTHOR_API = '/__author';
/** A lesson file is small; a larger body is a mistake or an attack. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The version a save is based on: a hash of the text, so a touch without a change is no conflict. */
export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export type Confined = { ok: true; abs: string; path: string } | { ok: false; error: string };

/**
 * Where a requested path ("hello-lab/steps/01-x.md") lives under `root`, or why
 * it is refused: only relative, forward-slash paths to .md files inside the
 * content folder, with no "..", empty or hidden segments.
 */
export function confinePath(root: string, requested: unknown): Confined {
  if (typeof requested !== 'string' || requested === '') return { ok: false, error: 'a file path is required' };
  if (requested.includes('\\') || requested.includes('\0')) return { ok: false, error: 'use forward slashes only' };
  if (isAbsolute(requested) || requested.startsWith('/') || /^[a-z]:/i.test(requested)) {
    return { ok: false, error: 'the path must be relative to the content folder' };
  }
  const segments = requested.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) {
    return { ok: false, error: 'the path must not contain "..", "." or hidden or empty segments' };
  }
  if (!requested.endsWith('.md')) return { ok: false, error: 'only markdown lesson files (.md) can be opened here' };
  const abs = resolve(root, ...segments);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return { ok: false, error: 'the path leaves the content folder' };
  return { ok: true, abs, path: segments.join('/') };
}

/** A symlink could still lead outside: check where the file really is, once it exists. */
function reallyInside(root: string, abs: string): boolean {
  if (!existsSync(abs)) return true;
  const realRoot = realpathSync(root);
  const real = realpathSync(abs);
  return real === realRoot || real.startsWith(realRoot + sep);
}

export type SaveDecision =
  | { status: 200; version: string }
  | { status: 409; error: string; diskText: string; diskVersion: string };

/**
 * Whether a save may overwrite the disk copy: only if the disk still holds the
 * version the editor was based on (or already holds exactly the new text).
 */
export function decideSave(diskText: string | null, baseVersion: string, text: string): SaveDecision {
  if (diskText === null || versionOf(diskText) === baseVersion || diskText === text) return { status: 200, version: versionOf(text) };
  return {
    status: 409,
    error: 'the file changed on disk since you opened it',
    diskText,
    diskVersion: versionOf(diskText),
  };
}

/** Every .md file of the lessons under the content folder (not their lab/ start projects), as forward-slash paths, sorted. */
export function listContentFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const path = relative(root, full).split(sep).join('/');
      if (entry.isDirectory() && /^[^/]+\/lab$/.test(path)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort((a, b) => a.localeCompare(b));
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('the request body is too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

const readText = (abs: string): string | null => (existsSync(abs) ? readFileSync(abs, 'utf8') : null);

/** The middleware, separate from the plugin so it can be driven without a server. */
export function authorMiddleware(root: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://dev.invalid');
    if (!url.pathname.startsWith(`${AUTHOR_API}/`)) {
      next();
      return;
    }
    void handle(root, url, req, res).catch((error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : String(error) }));
  };
}

async function handle(root: string, url: URL, req: IncomingMessage, res: ServerResponse) {
  const route = url.pathname.slice(AUTHOR_API.length);
  if (route === '/files' && req.method === 'GET') {
    // The lessons' lab/ start files are parsed with them (lesson.md's `lab:` names them) but not edited here.
    const start = readContentFiles(root).filter((f) => /^[^/]+\/lab\//.test(f.path));
    send(res, 200, { root: relative(process.cwd(), root) || '.', files: listContentFiles(root), start });
    return;
  }
  if (route !== '/file') {
    send(res, 404, { error: `no author endpoint ${req.method ?? ''} ${url.pathname}` });
    return;
  }
  if (req.method === 'GET') {
    const where = confinePath(root, url.searchParams.get('path'));
    if (!where.ok) return send(res, 400, { error: where.error });
    if (!reallyInside(root, where.abs)) return send(res, 400, { error: 'the path leaves the content folder' });
    const text = readText(where.abs);
    if (text === null) return send(res, 404, { error: `no file ${where.path}` });
    send(res, 200, { path: where.path, text, version: versionOf(text) });
    return;
  }
  if (req.method === 'PUT') {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      return send(res, 400, { error: `the body must be JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
    const { path, text, baseVersion } = (body ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string' || typeof baseVersion !== 'string') {
      return send(res, 400, { error: 'the body needs "path", "text" and "baseVersion" strings' });
    }
    const where = confinePath(root, path);
    if (!where.ok) return send(res, 400, { error: where.error });
    if (!reallyInside(root, where.abs)) return send(res, 400, { error: 'the path leaves the content folder' });
    const disk = readText(where.abs);
    if (disk === null) return send(res, 404, { error: `no file ${where.path}: the author view edits existing lesson files` });
    const decision = decideSave(disk, baseVersion, text);
    if (decision.status === 409) return send(res, 409, decision);
    if (disk !== text) writeFileSync(where.abs, text, 'utf8'); // the content plugin's watcher hot-updates the lesson pages
    send(res, 200, { path: where.path, version: decision.version });
    return;
  }
  send(res, 405, { error: `${req.method ?? ''} is not allowed on ${url.pathname}` });
}

export function authorPlugin(options: { dir?: string | undefined } = {}): Plugin {
  let root = '';
  return {
    name: 'lifecycle-lab:author',
    apply: 'serve',
    configResolved(config) {
      root = resolve(config.root, options.dir ?? 'content');
    },
    configureServer(server) {
      server.middlewares.use(authorMiddleware(root));
    },
  };
}
