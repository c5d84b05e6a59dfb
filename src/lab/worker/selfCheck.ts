// The lab's start-up self-check (README "Deploying"). A worker takes its
// Content-Security-Policy from its own script's response, never from the page's
// <meta>: on a host that sends no headers, learner Python could otherwise build
// JavaScript from text (`js.Function`, `js.eval`, a string given to `setTimeout`)
// and, from there, `import()` a module from another origin. So the worker closes
// every way of turning text into code itself, on every host — the CSP does the
// same where it is sent, and Pyodide needs none of them ('wasm-unsafe-eval'
// only, for WebAssembly) — and tells the page which headers the host left out.
//
// The network is closed by lockDown (worker.ts) on every host too.

import type { CheckedHeader } from '../unprotected';

const REFUSED = 'the lab does not run JavaScript built from text (Function, eval, a string given to setTimeout)';

/** Whether a policy blocks JS eval: its script-src (or default-src) is there and does not allow 'unsafe-eval'. */
export function policyBlocksEval(policy: string | null): boolean {
  if (!policy) return false;
  const directives = new Map(
    policy
      .split(/[;,]/)
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name.toLowerCase(), values] as const),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  return scripts !== undefined && !scripts.includes("'unsafe-eval'");
}

/**
 * The headers this worker's own script was served without (read from its
 * response, which the service worker caches as sent): the CSP, and COOP/COEP
 * when the worker is not cross-origin isolated. Reading the headers, not trying
 * `new Function`, keeps a protected deployment free of CSP violation reports.
 * Must run before lockDown cuts `fetch`.
 */
export async function missingHeaders(scope: { location: { href: string }; crossOriginIsolated?: boolean } = self, get: typeof fetch = fetch): Promise<CheckedHeader[]> {
  let headers: Headers | null = null;
  try {
    const response = await get(scope.location.href, { cache: 'force-cache' });
    headers = response.headers;
    void response.body?.cancel();
  } catch {
    /* no answer (offline with no cache): only what the worker can see for itself is reported */
  }
  const missing: CheckedHeader[] = [];
  if (headers && !policyBlocksEval(headers.get('Content-Security-Policy'))) missing.push('Content-Security-Policy');
  if (!scope.crossOriginIsolated) {
    const coop = headers?.get('Cross-Origin-Opener-Policy') === 'same-origin';
    const coep = /^(require-corp|credentialless)$/.test(headers?.get('Cross-Origin-Embedder-Policy') ?? '');
    // Without an answer, or with both sent and still not isolated (the page's own response lacked them): name both.
    if (!coop || coop === coep) missing.push('Cross-Origin-Opener-Policy');
    if (!coep || coop === coep) missing.push('Cross-Origin-Embedder-Policy');
  }
  return missing;
}

/** A stand-in for a constructor of functions: `instanceof`, `.prototype` and `.name` still work; building code throws, as under the CSP. */
function refusing<T extends object>(target: T): T {
  const refuse = () => {
    throw new EvalError(REFUSED);
  };
  return new Proxy(target, { apply: refuse, construct: refuse });
}

/**
 * Close every way a program in this worker could turn text into JavaScript:
 * `Function` and its async and generator kinds (also reached as any function's
 * `.constructor`), `eval`, and strings given to `setTimeout`/`setInterval`.
 * With no code made from text, `import()` of another origin's module is out
 * of reach too (it is syntax, not a function). Run before any other code of the lab.
 */
export function closeCodeFromText(scope: typeof globalThis = globalThis) {
  const lock = (target: object, name: string, value: unknown) =>
    Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
  const kinds = [
    scope.Function,
    Object.getPrototypeOf(async function () {}).constructor,
    Object.getPrototypeOf(function* () {}).constructor,
    Object.getPrototypeOf(async function* () {}).constructor,
  ] as FunctionConstructor[];
  for (const kind of kinds) lock(kind.prototype, 'constructor', refusing(kind));
  lock(scope, 'Function', scope.Function.prototype.constructor);
  lock(scope, 'eval', refusing(scope.eval));
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const timer = scope[name] as (handler: unknown, ...rest: unknown[]) => number;
    // Configurable: the lab may wrap the timers again (to end a run's timers with the run).
    Object.defineProperty(scope, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function') throw new EvalError(REFUSED);
        return timer.call(scope, handler, ...rest);
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

/** Once, as the worker starts: close code from text, then report what the host left out. */
export async function selfCheck(): Promise<CheckedHeader[]> {
  closeCodeFromText();
  return missingHeaders();
}
