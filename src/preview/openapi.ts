// Reading FastAPI's OpenAPI document for the API preview: operations, $refs,
// and example values as Swagger UI makes them (swagger-ui's sample generator:
// "string", 0, true, one array item, an object of its properties).
import type { JsonSchema, OpenApiDoc, OpenApiOperation } from '../lab';

export interface Operation {
  path: string;
  method: string;
  op: OpenApiOperation;
}

/** Every operation, in the document's order. */
export function operations(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
}

/** The schema a `$ref` ("#/components/schemas/Item") points at, or the schema itself. */
export function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema {
  const ref = schema?.$ref;
  if (!ref) return schema ?? {};
  return doc.components?.schemas[ref.replace('#/components/schemas/', '')] ?? {};
}

/** The name of the component a schema refers to ("Item"), if it is a $ref. */
export function refName(schema: JsonSchema | undefined): string | null {
  return schema?.$ref ? schema.$ref.replace('#/components/schemas/', '') : null;
}

/** A short type label, as Swagger UI prints it beside a parameter ("integer", "string | null", "array[string]"). */
export function typeLabel(doc: OpenApiDoc, schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  const name = refName(schema);
  if (name) return name;
  if (schema.anyOf) return schema.anyOf.map((s) => typeLabel(doc, s)).join(' | ');
  if (schema.type === 'array') return `array[${typeLabel(doc, schema.items)}]`;
  return schema.type ?? 'any';
}

const SAMPLES: Record<string, unknown> = { string: 'string', integer: 0, number: 0, boolean: true, null: null };

/** An example value for a schema, as Swagger UI's "Example Value" shows it. */
export function example(doc: OpenApiDoc, schema: JsonSchema | undefined, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 8) return null;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf) return example(doc, s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0], depth + 1);
  if (s.type === 'array') return [example(doc, s.items, depth + 1)];
  if (s.type === 'object' || s.properties) {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, example(doc, v, depth + 1)]));
  }
  return s.type && s.type in SAMPLES ? SAMPLES[s.type] : 'string';
}

/** The example request body of an operation, pretty-printed ('' when it takes none). */
export function exampleBody(doc: OpenApiDoc, op: OpenApiOperation | undefined): string {
  const schema = op?.requestBody?.content['application/json'].schema;
  return schema ? JSON.stringify(example(doc, schema), null, 2) : '';
}

// HTTP reason phrases for the status line (Python's http.HTTPStatus, as uvicorn uses).
const PHRASES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  // RFC 9110 §15.5.21 renamed it from WebDAV's "Unprocessable Entity"; Python's HTTPStatus, which the lab's uvicorn log uses, says the same.
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusText(status: number): string {
  return status === 0 ? 'no server' : `${status} ${PHRASES[status] ?? ''}`.trim();
}
