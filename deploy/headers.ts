// The one source of the headers every response of the site must carry, and the
// host configurations written from it: `_headers` in the build (a Vite plugin in
// vite.config.ts), deploy/nginx.conf and deploy/Caddyfile (`npm run deploy:configs`;
// tests/app/deploy.test.ts fails when a committed file differs from this source).

/**
 * The production Content-Security-Policy: everything comes from the page's own
 * origin, and no script runs that is not a file from it. Why each exception
 * exists (the browser tests fail on any violation, tests/e2e/browser.ts):
 * - 'wasm-unsafe-eval': Python (Pyodide) compiles WebAssembly; JS eval stays off.
 * - style-src 'unsafe-inline': Monaco adds <style> elements and writes its
 *   lines as HTML with style="" attributes, and takes no nonce.
 * - img-src data: Monaco's CSS draws squiggles and some icons as data: images.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * Directives a `<meta http-equiv="Content-Security-Policy">` cannot carry (the
 * browser ignores them there, CSP3 §3.3): they work only as headers.
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * The policy as the page's `<meta>` carries it, for a host that sends no
 * headers: the page still runs only its own scripts. It cannot reach the lab's
 * worker (a worker takes its policy from its own script's response), which is
 * why the worker checks itself (src/lab/worker/selfCheck.ts).
 */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !HEADER_ONLY_DIRECTIVES.includes(d.split(' ')[0] ?? '')).join('; ');

// COOP + COEP make the page cross-origin isolated, which the lab's Python
// engine uses to interrupt runaway code (docs/tool-facts.md).
export const SECURITY_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const GENERATED = 'Generated from deploy/headers.ts by `npm run deploy:configs`: edit that file, not this one.';

/** Netlify and Cloudflare Pages: `_headers` at the site's root (written into dist/ by the build). */
export function netlifyHeaders(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `# ${GENERATED}\n/*\n${lines.join('\n')}\n`;
}

/**
 * Netlify's `_redirects`: deep links (/lessons/…) get index.html (Netlify
 * rewrites only paths with no file). Cloudflare Pages needs no rule: a site
 * without a 404.html is served as a single-page app.
 */
export function netlifyRedirects(): string {
  return `# ${GENERATED}\n/*  /index.html  200\n`;
}

/** nginx: include inside the site's `server { }` block, whose `root` is the built dist/ folder. */
export function nginxSnippet(): string {
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return [
    `# ${GENERATED}`,
    '# Include inside your server { } block; its root is the built dist/ folder.',
    '# A location block with add_header of its own would drop these: keep headers here only.',
    ...headers,
    '',
    '# Files that are missing stay 404 (a stale chunk must not come back as the page).',
    'location ~ ^/(assets|pyodide)/ {',
    '    try_files $uri =404;',
    '}',
    '',
    '# Deep links (/lessons/...) are the single-page app.',
    'location / {',
    '    try_files $uri $uri/ /index.html;',
    '}',
    '',
  ].join('\n');
}

/** Caddy: paste inside the site block, after `root * /path/to/dist`. */
export function caddySnippet(): string {
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `\t${name} "${value}"`);
  return [
    `# ${GENERATED}`,
    '# Paste inside your site block, after: root * /path/to/dist',
    'header {',
    ...headers,
    '}',
    '',
    '# Files that are missing stay 404 (a stale chunk must not come back as the page).',
    '@files path /assets/* /pyodide/*',
    'handle @files {',
    '\tfile_server',
    '}',
    '',
    '# Deep links (/lessons/...) are the single-page app.',
    'handle {',
    '\ttry_files {path} /index.html',
    '\tfile_server',
    '}',
    '',
  ].join('\n');
}

/** The files under deploy/ and what they must contain. */
export const DEPLOY_FILES: Record<string, () => string> = {
  'deploy/nginx.conf': nginxSnippet,
  'deploy/Caddyfile': caddySnippet,
};
