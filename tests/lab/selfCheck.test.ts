// The lab worker's self-check (src/lab/worker/selfCheck.ts): which headers a host
// left out, and that no program can make JavaScript from text once it has run.
// closeCodeFromText changes this test file's own global (each file runs in a fresh one).
import { describe, expect, it } from 'vitest';
import { closeCodeFromText, missingHeaders, policyBlocksEval } from '../../src/lab/worker/selfCheck';
import { unprotectedNotice } from '../../src/lab/unprotected';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../deploy/headers';

const served = (headers: Record<string, string>) => (async () => new Response('worker', { headers })) as unknown as typeof fetch;
const scope = (crossOriginIsolated: boolean) => ({ location: { href: 'http://127.0.0.1/assets/worker-1.js' }, crossOriginIsolated });

describe('the lab worker’s self-check', () => {
  it('reads the policy as the browser does: script-src, else default-src, without unsafe-eval', () => {
    expect(policyBlocksEval(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(policyBlocksEval("default-src 'self'")).toBe(true);
    expect(policyBlocksEval("script-src 'self' 'unsafe-eval'")).toBe(false);
    expect(policyBlocksEval("img-src 'self'")).toBe(false);
    expect(policyBlocksEval(null)).toBe(false);
  });

  it('names nothing under the production headers, and every missing one on a host that sends none', async () => {
    expect(await missingHeaders(scope(true), served(SECURITY_HEADERS))).toEqual([]);
    expect(await missingHeaders(scope(false), served({}))).toEqual(['Content-Security-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Embedder-Policy']);
    const { 'Cross-Origin-Embedder-Policy': _coep, ...noCoep } = SECURITY_HEADERS;
    expect(await missingHeaders(scope(false), served(noCoep))).toEqual(['Cross-Origin-Embedder-Policy']);
    const offline = (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    expect(await missingHeaders(scope(true), offline)).toEqual([]);
  });

  it('the notice names the headers and says what still holds', () => {
    const text = unprotectedNotice(['Content-Security-Policy', 'Cross-Origin-Opener-Policy']);
    expect(text).toContain('without the Content-Security-Policy, Cross-Origin-Opener-Policy headers');
    expect(text).toContain('Stop has to restart the engine');
  });

  it('after it, no code can be made from text, and functions still work as functions', async () => {
    expect(new Function('return 6 * 7')()).toBe(42); // open before
    closeCodeFromText();
    // What a program can reach afterwards: every kind of function's constructor.
    const asyncKind = Object.getPrototypeOf(async function () {}).constructor as FunctionConstructor;
    expect(() => new Function('return 1')).toThrow(EvalError);
    expect(() => Function('return 1')).toThrow(EvalError);
    expect(() => (() => 0).constructor('return 1')).toThrow(EvalError);
    expect(() => new asyncKind('return import("http://other.example/x.js")')).toThrow(EvalError);
    expect(() => new (Object.getPrototypeOf(function* () {}).constructor)('yield 1')).toThrow(EvalError);
    expect(() => globalThis.eval('1 + 1')).toThrow(EvalError);
    expect(() => setTimeout('globalThis.pwned = 1' as unknown as () => void, 0)).toThrow(EvalError);
    expect(() => Object.defineProperty(globalThis, 'Function', { value: 1 })).toThrow(TypeError); // cannot be put back
    expect(() => (() => 0) instanceof Function).not.toThrow();
    expect((() => 0) instanceof Function).toBe(true);
    expect(await new Promise((resolve) => setTimeout(() => resolve('timers with functions still run'), 0))).toBe('timers with functions still run');
  });
});
