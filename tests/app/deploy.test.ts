// The README's Deploy section and the host configurations (deploy/) are what a
// host gets configured from: they must carry exactly the headers `npm run preview`
// sends (deploy/headers.ts, through vite.config.ts), or a deployment silently
// differs from what the browser tests checked.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import config, { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../vite.config';
import { DEPLOY_FILES, HEADER_ONLY_DIRECTIVES, netlifyHeaders } from '../../deploy/headers';

const expected = Object.entries(SECURITY_HEADERS);
const unquote = (v: string) => v.trim().replace(/^"(.*)"$/, '$1');

/** The headers a host configuration sets, read back the way its server reads them. */
const headersIn = {
  nginx: (text: string) => [...text.matchAll(/^add_header (\S+) "(.*)" always;$/gm)].map((m) => [m[1], m[2]]),
  caddy: (text: string) => {
    const block = /^header \{\n([\s\S]*?)\n\}/m.exec(text)?.[1] ?? '';
    return block.split('\n').map((line) => {
      const [, name = '', value = ''] = /^\s*(\S+)\s+(.*)$/.exec(line) ?? [];
      return [name, unquote(value)];
    });
  },
  netlify: (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
};

const readme = readFileSync('README.md', 'utf8');
const deploy = readme.slice(readme.indexOf('## Deploy'), readme.indexOf('\n## ', readme.indexOf('## Deploy') + 1));
const headerBlock = /```\n([\s\S]*?)```/.exec(deploy)?.[1] ?? '';

describe('deploy headers', () => {
  it('the README lists exactly the headers vite preview sends', () => {
    const listed = headerBlock
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(listed).toEqual(Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`));
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
  });

  it('the production CSP allows only the origin itself, plus what Pyodide and Monaco need', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('npm run dev differs only by inline scripts (React fast refresh), as the README says', () => {
    expect(config.server?.headers).toEqual({ ...SECURITY_HEADERS, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY });
    expect(DEV_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"));
    expect(deploy).toContain("`npm run dev` sends the same set with one change: `script-src` also allows\n   `'unsafe-inline'`");
  });

  it('deploy/nginx.conf and deploy/Caddyfile are what deploy/headers.ts writes (npm run deploy:configs)', () => {
    for (const [path, render] of Object.entries(DEPLOY_FILES)) expect(readFileSync(path, 'utf8'), path).toBe(render());
  });

  it('every host configuration sends exactly the headers vite preview sends', () => {
    expect(headersIn.nginx(readFileSync('deploy/nginx.conf', 'utf8'))).toEqual(expected);
    expect(headersIn.caddy(readFileSync('deploy/Caddyfile', 'utf8'))).toEqual(expected);
    expect(headersIn.netlify(netlifyHeaders())).toEqual(expected);
    expect(netlifyHeaders()).toMatch(/^\/\*$/m); // for every path
  });

  it('nginx and Caddy serve index.html for deep links, and a missing chunk as a 404', () => {
    const nginx = readFileSync('deploy/nginx.conf', 'utf8');
    expect(nginx).toContain('location / {\n    try_files $uri $uri/ /index.html;\n}');
    expect(nginx).toContain('location ~ ^/(assets|pyodide)/ {\n    try_files $uri =404;\n}');
    // nginx drops the server's add_header lines in a location that has its own.
    expect(nginx.slice(nginx.indexOf('\nlocation'))).not.toContain('add_header');
    const caddy = readFileSync('deploy/Caddyfile', 'utf8');
    expect(caddy).toContain('handle {\n\ttry_files {path} /index.html\n\tfile_server\n}');
    expect(caddy).toContain('@files path /assets/* /pyodide/*\nhandle @files {\n\tfile_server\n}');
  });

  it('the build puts the policy in the page as a <meta>, without what only a header can carry, and writes _headers', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    for (const directive of HEADER_ONLY_DIRECTIVES) expect(META_CONTENT_SECURITY_POLICY).not.toContain(directive);
    const plugin = (config.plugins ?? []).flat().find((p) => (p as Plugin | null)?.name === 'lifecycle-deploy') as Plugin;
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml as () => unknown;
    expect(transform()).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }]);
    const emitted: { fileName: string; source: string }[] = [];
    (plugin.generateBundle as (this: unknown) => void).call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) });
    expect(emitted.find((f) => f.fileName === '_headers')?.source).toBe(netlifyHeaders());
    expect(emitted.find((f) => f.fileName === '_redirects')?.source).toMatch(/^\/\* {2}\/index\.html {2}200$/m);
  });

  it('index.html has no inline script, so script-src needs no hash', () => {
    const html = readFileSync('index.html', 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]?.trim())).toEqual(['', '']);
  });
});
