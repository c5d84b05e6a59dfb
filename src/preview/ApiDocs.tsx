import { useId, useState, type FormEvent } from 'react';
import type { HttpExchange, HttpRequest, JsonSchema, OpenApiDoc } from '../lab';
import { example, exampleBody, operations, refName, resolve, statusText, typeLabel, type Operation } from './openapi';

interface Props {
  doc: OpenApiDoc;
  /** Sends through the same path as the console (engine → worker → the lab's uvicorn). */
  send: (request: HttpRequest) => Promise<HttpExchange>;
}

const METHOD_COLOURS: Record<string, string> = { get: 'bg-accent', post: 'bg-ok', put: 'bg-warn', delete: 'bg-bad', patch: 'bg-warn' };

/** localhost:8000/docs — what FastAPI's Swagger UI draws from the app's OpenAPI document. */
export default function ApiDocs({ doc, send }: Props) {
  if (doc.failed) {
    // Swagger UI's message when /openapi.json does not load.
    return (
      <div className="font-sans text-sm" role="alert">
        <p className="font-semibold">Failed to load API definition.</p>
        <p className="mt-1 font-mono text-xs">Fetch error</p>
        <p className="font-mono text-xs">Internal Server Error /openapi.json</p>
        <p className="mt-2 text-xs text-muted">The server logged: {doc.failed}</p>
      </div>
    );
  }
  const ops = operations(doc);
  const tags = [...new Set(ops.flatMap((o) => o.op.tags ?? ['default']))];
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return (
    <div className="font-sans text-sm">
      <h3 className="text-lg font-semibold">
        {doc.info.title} <span className="rounded bg-surface-2 px-1 font-mono text-xs">{doc.info.version}</span>{' '}
        <span className="rounded bg-ok px-1 font-mono text-xs text-bg">OAS {doc.openapi.replace(/\.0$/, '')}</span>
      </h3>
      <p className="font-mono text-xs text-muted">/openapi.json</p>
      {doc.info.description && <p className="mt-1 text-xs">{doc.info.description}</p>}
      {tags.map((tag) => (
        <section key={tag} className="mt-3" aria-label={tag}>
          <h4 className="border-b border-line pb-1 font-semibold">{tag}</h4>
          <ul className="mt-1 grid gap-1">
            {ops
              .filter((o) => (o.op.tags ?? ['default']).includes(tag))
              .map((o) => (
                <li key={`${o.method} ${o.path}`}>
                  <OperationView doc={doc} operation={o} send={send} />
                </li>
              ))}
          </ul>
        </section>
      ))}
      {schemas.length > 0 && (
        <details className="mt-3 rounded border border-line p-2">
          <summary className="cursor-pointer font-semibold">Schemas</summary>
          <ul className="mt-1 grid gap-2">
            {schemas.map(([name, schema]) => (
              <li key={name}>
                <SchemaView doc={doc} name={name} schema={schema} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function SchemaView({ doc, name, schema }: { doc: OpenApiDoc; name: string; schema: JsonSchema }) {
  const required = new Set(schema.required ?? []);
  return (
    <div className="font-mono text-xs">
      <p className="font-semibold">{name}</p>
      <ul className="ml-3">
        {Object.entries(schema.properties ?? {}).map(([prop, s]) => (
          <li key={prop}>
            {prop}
            {required.has(prop) && <span className="text-bad">*</span>} <span className="text-muted">{typeLabel(doc, s)}</span>
            {constraints(s)}
          </li>
        ))}
      </ul>
    </div>
  );
}

const CONSTRAINTS = ['exclusiveMinimum', 'minimum', 'exclusiveMaximum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'];

function constraints(s: JsonSchema) {
  const found = CONSTRAINTS.filter((c) => s[c] !== undefined).map((c) => `${c}: ${String(s[c] as string | number)}`);
  return found.length ? <span className="text-muted"> ({found.join(', ')})</span> : null;
}

function OperationView({ doc, operation, send }: { doc: OpenApiDoc; operation: Operation; send: Props['send'] }) {
  const id = useId();
  const { path, method, op } = operation;
  const params = op.parameters ?? [];
  const [trying, setTrying] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(() => exampleBody(doc, op));
  const [missing, setMissing] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ url: string; curl: string; exchange: HttpExchange } | null>(null);
  const [busy, setBusy] = useState(false);
  const bodySchema = op.requestBody?.content['application/json'].schema;

  const execute = async (e: FormEvent) => {
    e.preventDefault();
    // Swagger UI refuses to send a request with an empty required parameter.
    const empty = params.filter((p) => p.required && !(values[p.name] ?? '').trim()).map((p) => p.name);
    setMissing(empty);
    if (empty.length) return;
    let parsed: unknown;
    if (op.requestBody && body.trim()) {
      try {
        parsed = JSON.parse(body);
      } catch (err) {
        setProblem(`The body is not valid JSON: ${(err as Error).message}`);
        return;
      }
    }
    setProblem(null);
    let url = path;
    for (const p of params.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(values[p.name] ?? ''));
    const query = params.filter((p) => p.in === 'query' && (values[p.name] ?? '') !== '').map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(values[p.name] ?? '')}`);
    if (query.length) url += `?${query.join('&')}`;
    const upper = method.toUpperCase();
    const curl = `curl -X '${upper}' \\\n  'http://localhost:8000${url}' \\\n  -H 'accept: application/json'${parsed === undefined ? '' : ` \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(parsed, null, 2)}'`}`;
    setBusy(true);
    try {
      const exchange = await send({ method: upper, path: url, ...(parsed === undefined ? {} : { body: parsed }) });
      setResult({ url: `http://localhost:8000${url}`, curl, exchange });
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="rounded border border-line">
      <summary className="flex cursor-pointer items-center gap-2 px-2 py-1">
        <span className={`w-16 rounded px-1 text-center font-mono text-xs font-bold text-bg ${METHOD_COLOURS[method] ?? 'bg-accent'}`}>{method.toUpperCase()}</span>
        <span className="font-mono text-xs">{path}</span>
        <span className="text-xs text-muted">{op.summary}</span>
      </summary>
      <form className="grid gap-2 border-t border-line p-2" onSubmit={execute} aria-label={`${method.toUpperCase()} ${path}`}>
        {op.description && <p className="text-xs">{op.description}</p>}
        <div className="flex items-center justify-between">
          <h5 className="font-semibold">Parameters</h5>
          <button type="button" className="rounded border border-line px-2 py-0.5 text-xs" onClick={() => setTrying((t) => !t)}>
            {trying ? 'Cancel' : 'Try it out'}
          </button>
        </div>
        {params.length === 0 ? (
          <p className="text-xs text-muted">No parameters</p>
        ) : (
          <ul className="grid gap-1">
            {params.map((p) => (
              <li key={p.name} className="flex flex-wrap items-center gap-2 font-mono text-xs">
                <label htmlFor={`${id}-${p.name}`} className="min-w-24">
                  {p.name}
                  {p.required && <span className="text-bad"> *</span>}
                  <span className="block text-muted">
                    {typeLabel(doc, p.schema)} ({p.in})
                  </span>
                </label>
                <input
                  id={`${id}-${p.name}`}
                  disabled={!trying}
                  aria-invalid={missing.includes(p.name)}
                  placeholder={p.name}
                  value={values[p.name] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
                  className={`min-w-0 flex-1 rounded border bg-bg px-2 py-0.5 ${missing.includes(p.name) ? 'border-bad' : 'border-line'}`}
                />
                {missing.includes(p.name) && <span className="text-bad">Required field is not provided</span>}
              </li>
            ))}
          </ul>
        )}
        {op.requestBody && (
          <div className="grid gap-1">
            <label htmlFor={`${id}-body`} className="font-semibold">
              Request body{op.requestBody.required && <span className="text-bad"> *</span>}{' '}
              <span className="font-mono text-xs font-normal text-muted">application/json · {typeLabel(doc, bodySchema)}</span>
            </label>
            <textarea
              id={`${id}-body`}
              readOnly={!trying}
              value={trying ? body : JSON.stringify(example(doc, bodySchema), null, 2)}
              onChange={(e) => setBody(e.target.value)}
              rows={Math.min(10, body.split('\n').length + 1)}
              className="rounded border border-line bg-bg p-2 font-mono text-xs"
            />
          </div>
        )}
        {trying && (
          <button type="submit" disabled={busy} className="rounded-md bg-accent px-3 py-1 text-xs font-semibold text-accent-ink disabled:opacity-50">
            Execute
          </button>
        )}
        {problem && (
          <p role="alert" className="text-xs text-bad">
            {problem}
          </p>
        )}
        {result && <ServerResponse {...result} />}
        <h5 className="font-semibold">Responses</h5>
        <table className="text-left text-xs">
          <thead>
            <tr>
              <th className="pr-3">Code</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(op.responses).map(([code, r]) => {
              const schema = r.content?.['application/json'].schema;
              return (
                <tr key={code}>
                  <td className="pr-3 align-top font-mono">{code}</td>
                  <td>
                    {r.description}
                    {schema && (refName(schema) ?? Object.keys(resolve(doc, schema)).length > 0) && <span className="ml-1 font-mono text-muted">{typeLabel(doc, schema)}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </form>
    </details>
  );
}

function ServerResponse({ url, curl, exchange }: { url: string; curl: string; exchange: HttpExchange }) {
  return (
    <section aria-label="Server response" className="grid gap-1 text-xs">
      <h5 className="font-semibold">Curl</h5>
      <pre className="code overflow-auto whitespace-pre-wrap">{curl}</pre>
      <h5 className="font-semibold">Request URL</h5>
      <p className="font-mono">{url}</p>
      <h5 className="font-semibold">Server response</h5>
      <p className="font-mono">
        Code <strong className={exchange.status >= 400 || exchange.status === 0 ? 'text-bad' : 'text-ok'}>{statusText(exchange.status)}</strong>
      </p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolls: keyboard users must reach it */}
      <pre tabIndex={0} className="code max-h-48 overflow-auto whitespace-pre-wrap">
        {typeof exchange.json === 'string' ? exchange.json : JSON.stringify(exchange.json, null, 2)}
      </pre>
      {exchange.headers && (
        <p className="font-mono text-muted">
          {Object.entries(exchange.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join(' · ')}
        </p>
      )}
    </section>
  );
}
