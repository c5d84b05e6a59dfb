import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import type { HttpExchange, HttpRequest, OpenApiDoc, OutputChunk } from '../lab';
import { exampleBody, operations, statusText } from './openapi';

// The docs view loads only when opened.
const ApiDocs = lazy(() => import('./ApiDocs'));

interface Props {
  server: OpenApiDoc | null;
  /** The requests the checks sent during the run. */
  responses: HttpExchange[];
  send: (request: HttpRequest) => Promise<{ exchange: HttpExchange; log: OutputChunk[] }>;
  /** Show a path of the server in the preview's address bar (the docs at /docs). */
  navigate?: (address: string) => void;
  /** The server's address, e.g. "localhost:8000". */
  address?: string;
}

function show(exchange: HttpExchange): string {
  return typeof exchange.json === 'string' ? exchange.json : JSON.stringify(exchange.json, null, 2);
}

/** localhost:8000 — the served API's routes, a request console, and /docs drawn from its OpenAPI document. */
export default function ModelApi({ server, responses, send, navigate, address = 'localhost:8000' }: Props) {
  const id = useId();
  const routes = server ? operations(server) : [];
  const first = routes.find((r) => r.method === 'post') ?? routes[0];
  const [view, setViewState] = useState<'console' | 'docs'>('console');
  // The address bar follows the page shown, as a browser's does (issue 23: it stayed at the root on /docs).
  const setView = (next: 'console' | 'docs') => {
    setViewState(next);
    navigate?.(next === 'docs' ? `${address}/docs` : address);
  };
  /** What uvicorn printed for the requests sent from here (the console's and "Try it out"'s), oldest first. */
  const [log, setLog] = useState<OutputChunk[]>([]);
  const [method, setMethod] = useState((first?.method ?? 'get').toUpperCase());
  const [path, setPath] = useState(first?.path ?? '/');
  const [body, setBody] = useState(server && first ? exampleBody(server, first.op) : '');
  const [history, setHistory] = useState<HttpExchange[]>(responses);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!server) {
    return <p className="text-sm text-muted">No app is being served. Define <code>app = FastAPI()</code> in your file and run it to start the server.</p>;
  }

  // Both views send through the same path (engine → worker → the lab's uvicorn), and share the history.
  const sendAndKeep = async (request: HttpRequest) => {
    const { exchange, log: printed } = await send(request);
    setHistory((h) => [exchange, ...h].slice(0, 20));
    if (printed.length) setLog((l) => [...l, ...printed].slice(-50));
    return exchange;
  };

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
      const exchange = await sendAndKeep({ method, path, ...(parsed === undefined ? {} : { body: parsed }) });
      // FastAPI answers GET /docs with Swagger UI's page: the preview draws it.
      if (method === 'GET' && path.split('?')[0] === '/docs' && exchange.status === 200) setView('docs');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const latest = history[0];
  const tab = (name: 'console' | 'docs', label: string) => (
    <button
      type="button"
      aria-pressed={view === name}
      onClick={() => setView(name)}
      className={`rounded px-2 py-0.5 text-xs ${view === name ? 'bg-accent font-semibold text-accent-ink' : 'border border-line'}`}
    >
      {label}
    </button>
  );
  return (
    <div className="font-sans text-sm">
      <div className="mb-2 flex gap-1" role="group" aria-label="View">
        {tab('console', 'Console')}
        {tab('docs', '/docs')}
      </div>
      {view === 'docs' ? (
        <Suspense fallback={<p className="text-muted">Opening /docs…</p>}>
          <ApiDocs doc={server} send={sendAndKeep} />
        </Suspense>
      ) : (
        <>
          {server.failed ? (
            <p className="text-xs text-bad">GET /openapi.json fails (500 Internal Server Error), so the routes cannot be listed; requests still reach the app.</p>
          ) : (
            <>
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
                        setBody(exampleBody(server, r.op));
                      }}
                    >
                      <span className={`w-12 font-bold ${r.method === 'post' ? 'text-ok' : 'text-accent'}`}>{r.method.toUpperCase()}</span>
                      {r.path}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <form onSubmit={submit} className="mt-3 grid gap-2" aria-label="Send a request">
            <div className="flex gap-2">
              <label className="sr-only" htmlFor={`${id}-method`}>
                Method
              </label>
              <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value)} className="rounded border border-line bg-bg px-2 py-1 font-mono text-xs">
                {['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => (
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
                {latest.method} {latest.path} → <strong className={latest.status >= 400 || latest.status === 0 ? 'text-bad' : 'text-ok'}>{statusText(latest.status)}</strong>
                {latest.headers?.location && <span className="text-muted"> · location: {latest.headers.location}</span>}
              </p>
              {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolls: keyboard users must reach it */}
              <pre tabIndex={0} className="code mt-1 max-h-48 overflow-auto whitespace-pre-wrap text-xs">
                {show(latest)}
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
        </>
      )}
      {/* Under both views: the console's requests and those of /docs' "Try it out" reach the same server. */}
      {log.length > 0 && (
        <section aria-label="Server log" className="mt-3">
          <p className="text-xs text-muted">uvicorn log (your requests from this window)</p>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolls: keyboard users must reach it */}
          <pre tabIndex={0} className="code mt-1 max-h-32 overflow-auto whitespace-pre-wrap text-xs">
            {log.map((c) => c.text).join('')}
          </pre>
        </section>
      )}
    </div>
  );
}
