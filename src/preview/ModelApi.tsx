import { useId, useState, type FormEvent } from 'react';
import type { HttpRequest } from '../lab/pythonRuntime';
import type { HttpExchange, OpenApiDoc, OutputChunk } from '../lab/types';

interface Props {
  server: OpenApiDoc | null;
  /** The requests the checks sent during the run. */
  responses: HttpExchange[];
  send: (request: HttpRequest) => Promise<{ exchange: HttpExchange; log: OutputChunk[] }>;
}

const SAMPLE: Record<string, unknown> = { number: 1.0, integer: 1, string: 'text', boolean: true };

function exampleBody(server: OpenApiDoc, path: string, method: string): string {
  const schema = server.paths[path]?.[method]?.requestBody?.content['application/json'].schema;
  if (!schema) return '';
  const body = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, SAMPLE[v.type] ?? null]));
  return JSON.stringify(body, null, 2);
}

/** localhost:8000 — the served API's routes and a request console. */
export default function ModelApi({ server, responses, send }: Props) {
  const id = useId();
  const routes = server ? Object.entries(server.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ path, method: m }))) : [];
  const first = routes.find((r) => r.method === 'post') ?? routes[0];
  const [method, setMethod] = useState((first?.method ?? 'get').toUpperCase());
  const [path, setPath] = useState(first?.path ?? '/');
  const [body, setBody] = useState(server && first ? exampleBody(server, first.path, first.method) : '');
  const [history, setHistory] = useState<HttpExchange[]>(responses);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!server) {
    return <p className="text-sm text-muted">No app is being served. Define <code>app = FastAPI()</code> in your file and run it to start the server.</p>;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let parsed: unknown;
    if (method !== 'GET' && body.trim()) {
      try {
        parsed = JSON.parse(body);
      } catch (err) {
        setError(`The body is not valid JSON: ${(err as Error).message}`);
        return;
      }
    }
    setError(null);
    setBusy(true);
    try {
      const { exchange } = await send({ method, path, ...(parsed === undefined ? {} : { body: parsed }) });
      setHistory((h) => [exchange, ...h].slice(0, 20));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const latest = history[0];
  return (
    <div className="font-sans text-sm">
      <h3 className="text-base font-semibold">
        {server.info.title} <span className="font-mono text-xs text-muted">OpenAPI {server.openapi}</span>
      </h3>
      <ul className="mt-2 grid gap-1" aria-label="Routes">
        {routes.map((r) => (
          <li key={`${r.method} ${r.path}`}>
            <button
              type="button"
              className="flex w-full items-center gap-2 rounded border border-line px-2 py-1 text-left font-mono text-xs hover:bg-surface-2"
              onClick={() => {
                setMethod(r.method.toUpperCase());
                setPath(r.path);
                setBody(exampleBody(server, r.path, r.method));
              }}
            >
              <span className={`w-12 font-bold ${r.method === 'post' ? 'text-ok' : 'text-accent'}`}>{r.method.toUpperCase()}</span>
              {r.path}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="mt-3 grid gap-2" aria-label="Send a request">
        <div className="flex gap-2">
          <label className="sr-only" htmlFor={`${id}-method`}>
            Method
          </label>
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value)} className="rounded border border-line bg-bg px-2 py-1 font-mono text-xs">
            {['GET', 'POST', 'PUT', 'DELETE'].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <label className="sr-only" htmlFor={`${id}-path`}>
            Path
          </label>
          <input id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} className="min-w-0 flex-1 rounded border border-line bg-bg px-2 py-1 font-mono text-xs" />
          <button type="submit" disabled={busy} className="rounded-md bg-accent px-3 py-1 text-xs font-semibold text-accent-ink disabled:opacity-50">
            Send
          </button>
        </div>
        {method !== 'GET' && (
          <>
            <label htmlFor={`${id}-body`} className="text-xs text-muted">
              JSON body
            </label>
            <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={6} className="rounded border border-line bg-bg p-2 font-mono text-xs" />
          </>
        )}
        {error && (
          <p role="alert" className="text-xs text-bad">
            {error}
          </p>
        )}
      </form>
      {latest && (
        <section aria-label="Response" className="mt-3">
          <p className="font-mono text-xs">
            {latest.method} {latest.path} →{' '}
            <strong className={latest.status >= 400 || latest.status === 0 ? 'text-bad' : 'text-ok'}>{latest.status || 'no server'}</strong>
          </p>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolls: keyboard users must reach it */}
          <pre tabIndex={0} className="code mt-1 max-h-48 overflow-auto whitespace-pre-wrap text-xs">
            {JSON.stringify(latest.json, null, 2)}
          </pre>
        </section>
      )}
      {history.length > 1 && (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer">Earlier requests ({history.length - 1})</summary>
          <ul className="mt-1 grid gap-0.5 font-mono">
            {history.slice(1).map((h, i) => (
              <li key={i}>
                {h.method} {h.path} → {h.status}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
