// The README's Deploy section is what a host gets configured from: it must list
// exactly the headers `npm run preview` sends (vite.config.ts), or a deployment
// silently differs from what the browser tests checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config, { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../vite.config';

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

  it('index.html has no inline script, so script-src needs no hash', () => {
    const html = readFileSync('index.html', 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]?.trim())).toEqual(['', '']);
  });
});
