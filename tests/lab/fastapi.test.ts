// The lab's FastAPI, pydantic and model server, in the real CPython, against docs/tool-facts.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from './python';
import { HOME } from '../../src/lab/worker/labFiles';
import { pyodideFs } from '../../src/lab/worker/pyodideFs';
import { containerHost } from '../../src/lab/worker/pythonRuntime';
import { runShell, transcriptOutput } from '../../src/lab/worker/shellRuntime';
import { judge } from '../../src/lab/checks/checks';
import type { RunResult } from '../../src/lab/types';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000);

const APP = `from contextlib import asynccontextmanager
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

class Item(BaseModel):
    petal_width: float
    count: int
    label: str = "none"

state = {}

@asynccontextmanager
async def lifespan(app):
    state["ready"] = True
    yield
    state.clear()

app = FastAPI(lifespan=lifespan)

@app.post("/predict")
def predict(item: Item):
    return {"double": item.petal_width * 2, "count": item.count, "label": item.label, "ready": state.get("ready")}

@app.get("/items/{item_id}")
def get_item(item_id: int):
    if item_id > 9:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"id": item_id}

@app.get("/boom")
def boom():
    return 1 / 0
`;

// Golden texts: FastAPI 0.115's 422 body is {"detail": errors} with each error's type, loc,
// msg, input and ctx but no url (fastapi/_compat.py ModelField.validate: exc.errors(include_url=False));
// messages from pydantic-core src/errors/types.rs; 404/405/307 from starlette/routing.py
// (Router.app: partial match → 405, redirect_slashes → RedirectResponse); uvicorn's lines from
// uvicorn/server.py, uvicorn/lifespan/on.py and its access log (h11_impl: '%s - "%s %s HTTP/%s" %d').
describe('serving a FastAPI app', () => {
  it('starts it like uvicorn, runs the lifespan, and answers requests', () => {
    const r = lab.run(APP, {
      filename: 'app.py',
      requests: [{ method: 'POST', path: '/predict', body: { petal_width: '1.5', count: 3 } }],
    });
    expect(r.error).toBeNull();
    expect(r.stderr).toContain(
      'INFO:     Started server process [42]\nINFO:     Waiting for application startup.\nINFO:     Application startup complete.\nINFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)\n',
    );
    expect(r.responses).toEqual([
      {
        method: 'POST',
        path: '/predict',
        body: { petal_width: '1.5', count: 3 },
        status: 200,
        json: { double: 3, count: 3, label: 'none', ready: true },
        headers: { 'content-length': '52', 'content-type': 'application/json' },
      },
    ]);
    expect(r.stderr).toContain('INFO:     127.0.0.1:52814 - "POST /predict HTTP/1.1" 200 OK');
    expect(Object.keys(r.server?.paths ?? {})).toEqual(['/predict', '/items/{item_id}', '/boom']);
  });

  it('a missing field is a 422 with FastAPI’s detail', () => {
    const exchange = lab.request({ method: 'POST', path: '/predict', body: { count: 1 } });
    expect(exchange.status).toBe(422);
    expect(exchange.json).toEqual({ detail: [{ type: 'missing', loc: ['body', 'petal_width'], msg: 'Field required', input: { count: 1 } }] });
  });

  it('a bad integer is int_parsing; no body at all is loc ["body"]', () => {
    expect(lab.request({ method: 'POST', path: '/predict', body: { petal_width: 1, count: 'many' } }).json).toEqual({
      detail: [{ type: 'int_parsing', loc: ['body', 'count'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'many' }],
    });
    expect(lab.request({ method: 'POST', path: '/predict' }).json).toEqual({ detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
  });

  it('path parameters, HTTPException, 404, 405, 500 and /openapi.json', () => {
    expect(lab.request({ method: 'GET', path: '/items/3' })).toMatchObject({ status: 200, json: { id: 3 } });
    expect(lab.request({ method: 'GET', path: '/items/x' })).toMatchObject({
      status: 422,
      json: { detail: [{ type: 'int_parsing', loc: ['path', 'item_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' }] },
    });
    expect(lab.request({ method: 'GET', path: '/items/12' })).toMatchObject({ status: 404, json: { detail: 'Item not found' } });
    expect(lab.request({ method: 'GET', path: '/nope' })).toMatchObject({ status: 404, json: { detail: 'Not Found' } });
    expect(lab.request({ method: 'GET', path: '/predict' })).toMatchObject({ status: 405, json: { detail: 'Method Not Allowed' }, headers: { allow: 'POST' } });
    expect(lab.request({ method: 'GET', path: '/boom' })).toMatchObject({ status: 500, json: 'Internal Server Error' });
    const doc = lab.request({ method: 'GET', path: '/openapi.json' }).json as { paths: Record<string, { post?: { requestBody?: unknown } }> };
    expect(doc.paths['/predict']?.post?.requestBody).toEqual({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } }, required: true });
  });

  it('a run without an app stops the server', () => {
    lab.run('print("no app here")');
    expect(lab.request({ method: 'GET', path: '/items/1' }).status).toBe(0);
  });
});

describe('a program without FastAPI', () => {
  it('does not load fastapi (it cost a first run ~140 ms), and an app imported from a project module is still served', async () => {
    const fresh = await createNodeLab();
    fresh.run('print("training, no app")');
    expect(fresh.run('import sys\nprint("fastapi" in sys.modules)').stdout).toBe('False\n');
    fresh.write('service.py', 'from fastapi import FastAPI\n\napi = FastAPI()\n\n@api.get("/health")\ndef health():\n    return {"status": "ok"}\n');
    expect(fresh.run('from service import api\n').error).toBeNull();
    expect(fresh.request({ method: 'GET', path: '/health' })).toMatchObject({ status: 200, json: { status: 'ok' } });
  }, 180_000);
});

const SHOP = `from typing import Annotated, Optional
from fastapi import FastAPI, HTTPException, Query, status
from pydantic import BaseModel, Field

class Item(BaseModel):
    name: str = Field(min_length=3)
    price: float = Field(gt=0)
    tags: list[str] = []

class Out(BaseModel):
    name: str

app = FastAPI(title="Shop", version="1.2.0")
items = {}

@app.get("/health")
def health():
    return {"status": "ok"}

@app.get("/search")
def search(q: str, limit: int = 10, exact: bool = False, tag: Annotated[Optional[str], Query(min_length=2)] = None):
    return {"q": q, "limit": limit, "exact": exact, "tag": tag}

@app.post("/items", status_code=status.HTTP_201_CREATED)
def create(item: Item):
    items[item.name] = item
    return item

@app.get("/items/{name}", response_model=Out)
def read(name: str):
    if name not in items:
        raise HTTPException(status_code=404, detail=f"No item {name}")
    return items[name]
`;

describe('query and path parameters, status codes, redirects', () => {
  beforeAll(() => {
    expect(lab.run(SHOP).error).toBeNull();
  });

  it('a query string is not part of the path; values are coerced from strings', () => {
    expect(lab.request({ method: 'GET', path: '/search?q=pump' })).toMatchObject({ status: 200, json: { q: 'pump', limit: 10, exact: false, tag: null } });
    expect(lab.request({ method: 'GET', path: '/search?q=pump%20x&limit=3&exact=true' }).json).toEqual({ q: 'pump x', limit: 3, exact: true, tag: null });
  });

  it('query 422s: missing, int_parsing, bool_parsing, string_too_short with loc ["query", name]', () => {
    expect(lab.request({ method: 'GET', path: '/search' }).json).toEqual({ detail: [{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }] });
    expect(lab.request({ method: 'GET', path: '/search?q=a&limit=ten&exact=maybe&tag=x' }).json).toEqual({
      detail: [
        { type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'ten' },
        { type: 'bool_parsing', loc: ['query', 'exact'], msg: 'Input should be a valid boolean, unable to interpret input', input: 'maybe' },
        { type: 'string_too_short', loc: ['query', 'tag'], msg: 'String should have at least 2 characters', input: 'x', ctx: { min_length: 2 } },
      ],
    });
  });

  it('status_code=201, constraint 422s with ctx, response_model filters the answer', () => {
    expect(lab.request({ method: 'POST', path: '/items', body: { name: 'pump', price: 9.5, tags: ['a'] } })).toMatchObject({
      status: 201,
      json: { name: 'pump', price: 9.5, tags: ['a'] },
    });
    expect(lab.request({ method: 'POST', path: '/items', body: { name: 'ab', price: 0, tags: ['a', 2] } }).json).toEqual({
      detail: [
        { type: 'string_too_short', loc: ['body', 'name'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
        { type: 'greater_than', loc: ['body', 'price'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } },
        { type: 'string_type', loc: ['body', 'tags', 1], msg: 'Input should be a valid string', input: 2 },
      ],
    });
    expect(lab.request({ method: 'GET', path: '/items/pump' })).toMatchObject({ status: 200, json: { name: 'pump' } });
    expect(lab.request({ method: 'GET', path: '/items/gone' })).toMatchObject({ status: 404, json: { detail: 'No item gone' } });
  });

  it('redirect_slashes: /health/ → 307 to /health, logged as uvicorn logs it', () => {
    const exchange = lab.request({ method: 'GET', path: '/health/?x=1' });
    expect(exchange).toMatchObject({ status: 307, json: '', headers: { location: 'http://127.0.0.1:8000/health?x=1', 'content-length': '0' } });
    const r = lab.run(`${SHOP}\n@app.get("/slash/")\ndef slash():\n    return 1\n`, { requests: [{ method: 'GET', path: '/slash' }] });
    expect(r.responses[0]).toMatchObject({ status: 307, headers: { location: 'http://127.0.0.1:8000/slash/' } });
    expect(r.stderr).toContain('INFO:     127.0.0.1:52814 - "GET /slash HTTP/1.1" 307 Temporary Redirect');
  });

  it('/openapi.json: operationIds, parameters, components and the 422 schemas as FastAPI makes them', () => {
    const doc = lab.request({ method: 'GET', path: '/openapi.json' }).json as Record<string, unknown>;
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: 'Shop', version: '1.2.0' } });
    // fastapi/utils.py generate_unique_id: f"{route.name}{route.path_format}" with \W → "_", then "_{method}"
    expect(doc).toMatchObject({
      paths: {
        '/items': { post: { summary: 'Create', operationId: 'create_items_post', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } }, required: true } } },
        '/items/{name}': {
          get: {
            operationId: 'read_items__name__get',
            parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', title: 'Name' } }],
            responses: { '200': { description: 'Successful Response', content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } } },
          },
        },
        '/search': {
          get: {
            parameters: [
              { name: 'q', in: 'query', required: true, schema: { type: 'string', title: 'Q' } },
              { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 10, title: 'Limit' } },
              { name: 'exact', in: 'query', required: false, schema: { type: 'boolean', default: false, title: 'Exact' } },
              { name: 'tag', in: 'query', required: false, schema: { anyOf: [{ type: 'string', minLength: 2 }, { type: 'null' }], title: 'Tag' } },
            ],
            responses: { '422': { description: 'Validation Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } } },
          },
        },
      },
    });
    const paths = doc.paths as Record<string, { get?: { responses: Record<string, unknown> } }>;
    expect(Object.keys(paths['/health']?.get?.responses ?? {})).toEqual(['200']);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(['HTTPValidationError', 'Item', 'Out', 'ValidationError']);
    expect(schemas.ValidationError).toEqual({
      properties: {
        loc: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, type: 'array', title: 'Location' },
        msg: { type: 'string', title: 'Message' },
        type: { type: 'string', title: 'Error Type' },
      },
      type: 'object',
      required: ['loc', 'msg', 'type'],
      title: 'ValidationError',
    });
  });

  it('/docs answers Swagger UI’s page; /redoc says plainly the lab shows /docs only', () => {
    const docs = lab.request({ method: 'GET', path: '/docs' });
    expect(docs).toMatchObject({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(docs.json).toContain('<title>Shop - Swagger UI</title>');
    expect(lab.request({ method: 'GET', path: '/redoc' }).json).toBe("The lab draws FastAPI's interactive docs at /docs only; ReDoc (/redoc) is not available in the lab.");
  });
});

describe('an endpoint handed the Request', () => {
  it('reads request.app.state (where a lifespan keeps the model), the URL, path and query parameters and the body; the parameter is not in /openapi.json', () => {
    const app = [
      'from contextlib import asynccontextmanager',
      'from fastapi import FastAPI, Request',
      'from pydantic import BaseModel',
      'class Reading(BaseModel):',
      '    rpm: float',
      '@asynccontextmanager',
      'async def lifespan(app):',
      '    app.state.model = "champion"',
      '    yield',
      'app = FastAPI(lifespan=lifespan)',
      '@app.post("/predict/{pump}")',
      'async def predict(pump: str, reading: Reading, request: Request):',
      '    raw = await request.json()',
      '    return {"model": request.app.state.model, "pump": request.path_params["pump"], "rpm": reading.rpm, "raw": raw,',
      '            "path": request.url.path, "query": dict(request.query_params), "method": request.method}',
      '',
    ].join('\n');
    const r = lab.run(app, { requests: [{ method: 'POST', path: '/predict/p7?verbose=1', body: { rpm: 1480 } }, { method: 'GET', path: '/openapi.json' }] });
    expect(r.error).toBeNull();
    expect(r.responses[0]).toMatchObject({
      status: 200,
      json: { model: 'champion', pump: 'p7', rpm: 1480, raw: { rpm: 1480 }, path: '/predict/p7', query: { verbose: '1' }, method: 'POST' },
    });
    const params = (r.responses[1]!.json as { paths: Record<string, { post: { parameters: { name: string }[] } }> }).paths['/predict/{pump}']!.post.parameters;
    expect(params.map((p) => p.name)).toEqual(['pump']);
  });
});

describe('uvicorn.run and the title FastAPI cannot publish', () => {
  it('uvicorn.run(app) under __main__ starts the server with its host and port, once, and says it returns', () => {
    const r = lab.run(`import uvicorn
from fastapi import FastAPI
app = FastAPI()

@app.get("/ping")
def ping():
    return "pong"

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
    print("after run")
`, { requests: [{ method: 'GET', path: '/ping' }] });
    expect(r.error).toBeNull();
    expect(r.stderr.match(/Started server process/g)).toHaveLength(1);
    expect(r.stderr).toContain('INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\n');
    expect(r.stderr).toContain("lab: uvicorn.run() returns here in the lab, and the app stays served at 0.0.0.0:8000 after your program ends (a real uvicorn.run() blocks until CTRL+C).");
    expect(r.stdout).toBe('after run\n');
    expect(r.responses[0]).toMatchObject({ status: 200, json: 'pong' });
  });

  it('uvicorn.run("main:app") imports the module; reload without an import string is refused as uvicorn refuses it', () => {
    const ok = lab.run('import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run("main:app", port=8001)\n', { filename: 'main.py' });
    expect(ok.error).toBeNull();
    expect(ok.stderr).toContain('INFO:     Uvicorn running on http://127.0.0.1:8001 (Press CTRL+C to quit)');
    const bad = lab.run('import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nuvicorn.run(app, reload=True)\n');
    expect(bad.stderr).toContain("WARNING:  You must pass the application as an import string to enable 'reload' or 'workers'.");
    expect(bad.error?.message).toBe('exit status 1');
  });

  it('a lifespan that fails: uvicorn logs the traceback and "Application startup failed. Exiting."', () => {
    const r = lab.run(`from contextlib import asynccontextmanager
from fastapi import FastAPI

@asynccontextmanager
async def lifespan(app):
    raise RuntimeError("no model")
    yield

app = FastAPI(lifespan=lifespan)
`);
    expect(r.error?.type).toBe('RuntimeError');
    expect(r.stderr).toMatch(/ERROR: {4}Traceback \(most recent call last\):\n[\s\S]*RuntimeError: no model\nERROR: {4}Application startup failed\. Exiting\.\n/);
    expect(lab.request({ method: 'GET', path: '/' }).status).toBe(0);
  });

  it('FastAPI(title={}) serves, but /openapi.json fails with pydantic’s error, as in FastAPI; the preview still gets a document', () => {
    const r = lab.run('from fastapi import FastAPI\napp = FastAPI(title={})\n@app.get("/")\ndef root():\n    return {"ok": True}\n', { requests: [{ method: 'GET', path: '/' }] });
    expect(r.error).toBeNull();
    expect(r.responses[0]).toMatchObject({ status: 200, json: { ok: true } });
    expect(r.server?.failed).toBe(
      'ValidationError: 1 validation error for OpenAPI\ninfo.title\n  Input should be a valid string [type=string_type, input_value={}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.11/v/string_type',
    );
    const exchange = lab.request({ method: 'GET', path: '/openapi.json' });
    expect(exchange).toMatchObject({ status: 500, json: 'Internal Server Error' });
    // A later run with a good title is not affected.
    expect(lab.run('from fastapi import FastAPI\napp = FastAPI(title="Fine")\n').server?.info.title).toBe('Fine');
  });
});

describe('fastapi.testclient.TestClient', () => {
  it('a body that is not JSON answers 422 json_invalid, as fastapi/routing.py get_request_handler does', () => {
    const r = lab.run(`from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

class Reading(BaseModel):
    temperature: float

app = FastAPI()

@app.post("/predict")
def predict(reading: Reading):
    return {"ok": True}

@app.post("/ping")
def ping():
    return "pong"

client = TestClient(app)
bad = client.post("/predict", content='{"temperature": 71.5,', headers={"content-type": "application/json"})
print(bad.status_code, bad.text)
print(client.post("/predict", content=b"temperature=1").json())
# A route that reads no body never decodes it.
print(client.post("/ping", content="not json").json())
print(client.post("/predict", content='{"temperature": 1}').json())
`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(
      '422 {"detail":[{"type":"json_invalid","loc":["body",21],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting property name enclosed in double quotes"}}]}\n' +
        "{'detail': [{'type': 'json_invalid', 'loc': ['body', 0], 'msg': 'JSON decode error', 'input': {}, 'ctx': {'error': 'Expecting value'}}]}\n" +
        'pong\n' +
        "{'ok': True}\n",
    );
  });

  it('get/post with json= and params=, redirects followed, lifespan only inside `with`, endpoint errors raised', () => {
    const r = lab.run(`from contextlib import asynccontextmanager
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

class Reading(BaseModel):
    temperature: float

state = {}

@asynccontextmanager
async def lifespan(app):
    state["model"] = "loaded"
    yield
    state.clear()

app = FastAPI(lifespan=lifespan)

@app.post("/predict")
def predict(reading: Reading):
    return {"hot": reading.temperature > 80, "model": state.get("model")}

@app.get("/search")
def search(q: str):
    return {"q": q}

@app.get("/boom")
def boom():
    return 1 / 0

client = TestClient(app)
r = client.post("/predict", json={"temperature": 90})
print(r.status_code, r.json(), r.headers["Content-Type"])
r = client.post("/predict", json={})
print(r.status_code, r.json()["detail"][0]["loc"])
r = client.get("/search/", params={"q": "pump"})
print(r.status_code, r.json(), r.url, len(r.history))
with TestClient(app) as c:
    print(c.post("/predict", json={"temperature": 20}).json())
print(state)
try:
    client.get("/boom")
except ZeroDivisionError as e:
    print("raised:", e)
print(TestClient(app, raise_server_exceptions=False).get("/boom").status_code)
`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(
      "200 {'hot': True, 'model': None} application/json\n" +
        "422 ['body', 'temperature']\n" +
        "200 {'q': 'pump'} http://testserver/search?q=pump 1\n" +
        "{'hot': False, 'model': 'loaded'}\n" +
        '{}\n' +
        'raised: division by zero\n' +
        '500\n',
    );
  });

  it('what the lab lacks, it says plainly', () => {
    expect(lab.run('from fastapi import Depends').error?.message).toBe("the lab's fastapi does not support `Depends`");
    expect(lab.run('from fastapi import FastAPI\napp = FastAPI()\napp.add_middleware(object)').error?.message).toBe("the lab's fastapi does not support middleware");
  });
});

describe('async endpoints', () => {
  it('run when they never wait; waiting on asyncio says plainly the lab has no event loop', () => {
    const r = lab.run(`import asyncio
from fastapi import FastAPI
app = FastAPI()

@app.get("/quick")
async def quick():
    await asyncio.sleep(0)
    return "done"

@app.get("/slow")
async def slow():
    await asyncio.sleep(0.1)
    return "done"
`, { requests: [{ method: 'GET', path: '/quick' }, { method: 'GET', path: '/slow' }] });
    expect(r.responses.map((x) => x.status)).toEqual([200, 500]);
    expect(r.stderr).toContain(
      "RuntimeError: the lab's server has no event loop: its async functions cannot wait on asyncio (such as asyncio.sleep with a delay, tasks or futures)",
    );
  });
});

describe('field validators in a request body', () => {
  it('a ValueError is value_error; its ctx error is {} in the 422 (fastapi/encoders.py jsonable_encoder: vars() of the exception)', () => {
    const r = lab.run(`from fastapi import FastAPI
from pydantic import BaseModel, field_validator

class Reading(BaseModel):
    temperature: float

    @field_validator("temperature")
    @classmethod
    def plausible(cls, v):
        if v > 200:
            raise ValueError("too hot to be true")
        return v

app = FastAPI()

@app.post("/predict")
def predict(reading: Reading):
    return {"ok": True}
`, { requests: [{ method: 'POST', path: '/predict', body: { temperature: 300 } }] });
    expect(r.responses[0]?.json).toEqual({
      detail: [{ type: 'value_error', loc: ['body', 'temperature'], msg: 'Value error, too hot to be true', input: 300, ctx: { error: {} } }],
    });
  });
});

describe('documents the preview reads', () => {
  it('FastAPI validates its OpenAPI document: tags or a response description that are not strings fail it', () => {
    const r = lab.run('from fastapi import FastAPI\napp = FastAPI()\n@app.get("/a", tags=[{}])\ndef a():\n    return 1\n');
    expect(r.server?.failed).toContain('1 validation error for OpenAPI\npaths./a.get.tags.0\n  Input should be a valid string [type=string_type, input_value={}, input_type=dict]');
    // fastapi/routing.py APIRoute cuts the description at "\f" when the route is made.
    expect(lab.run('from fastapi import FastAPI\napp = FastAPI()\n@app.get("/b", description=3)\ndef b():\n    return 1\n').error?.message).toBe("'int' object has no attribute 'split'");
  });

  it('a custom app.openapi() that returns something else is reported, not drawn', () => {
    const r = lab.run('from fastapi import FastAPI\napp = FastAPI()\napp.openapi = lambda: {"openapi": "3.1.0", "info": {"title": ["x"], "version": "1"}}\n');
    expect(r.server?.failed).toContain('info.title\n  Input should be a valid string');
  });
});

describe('docker run in the lab: the image\'s own app served by the lab\'s uvicorn', () => {
  const CONTAINER_APP = `from fastapi import FastAPI
from pydantic import BaseModel

class Reading(BaseModel):
    temperature: float

app = FastAPI()

@app.post("/predict")
def predict(reading: Reading):
    return {"failure": reading.temperature > 80, "from": "image"}
`;
  const dockerfile = (cmd: string) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app.py .\nCMD ${cmd}\n`;
  const shell = async (script: string) => {
    const { transcript } = await runShell(pyodideFs(lab.py), HOME, script, () => Date.UTC(2026, 10, 27, 9, 30), { containers: containerHost(lab.py) });
    return transcriptOutput(transcript).map((c) => c.text).join('');
  };

  it('binding 0.0.0.0 with the port published, the preview\'s requests reach the app as the image has it', async () => {
    lab.write('app.py', CONTAINER_APP);
    lab.write('requirements.txt', 'fastapi\nuvicorn\n');
    lab.write('Dockerfile', dockerfile('["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'));
    await shell('docker build -t pump-api .');
    // The project's app.py changes after the build: the container runs the image's copy.
    lab.write('app.py', CONTAINER_APP.replace('"image"', '"project"'));
    const out = await shell('docker run -d -p 8000:8000 --name api pump-api');
    expect(out).toMatch(/^\$ docker run -d -p 8000:8000 --name api pump-api\n[0-9a-f]{64}\nlab: uvicorn listens on 0\.0\.0\.0:8000 inside the container, published on localhost:8000: the container answers there\.\n$/);
    expect(lab.request({ method: 'POST', path: '/predict', body: { temperature: 85 } })).toMatchObject({ status: 200, json: { failure: true, from: 'image' } });
    expect(await shell('docker logs api')).toBe(
      '$ docker logs api\nINFO:     Started server process [42]\nINFO:     Waiting for application startup.\nINFO:     Application startup complete.\nINFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\n' +
        // The request above, as the container saw it: from Docker's bridge gateway.
        'INFO:     172.17.0.1:52814 - "POST /predict HTTP/1.1" 200 OK\n',
    );
    await shell('docker stop api');
    expect(lab.request({ method: 'POST', path: '/predict', body: { temperature: 85 } })).toMatchObject({ status: 0, json: 'No server is running: run your app first.' });
  });

  it("uvicorn's default 127.0.0.1 runs the app but refuses the host's requests; a missing module ends the container", async () => {
    lab.write('app.py', CONTAINER_APP);
    lab.write('Dockerfile', dockerfile('uvicorn app:app --port 8000'));
    await shell('docker build -t pump-api .\ndocker rm api');
    const out = await shell('docker run -p 8000:8000 pump-api');
    expect(out).toContain('INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)\nlab: uvicorn listens on 127.0.0.1:8000 inside the container (its default --host)');
    const answer = lab.request({ method: 'POST', path: '/predict', body: { temperature: 85 } });
    expect(answer.status).toBe(0);
    expect(answer.json).toContain('a request to localhost:8000 is refused (connection refused)');
    lab.write('Dockerfile', dockerfile('["uvicorn", "main:app", "--host", "0.0.0.0"]'));
    await shell('docker build -t broken .');
    expect(await shell('docker run --name broken -p 8001:8000 broken\ndocker ps -a')).toMatch(
      /ERROR: {4}Error loading ASGI app\. Could not import module "main"\.\n\[exit 1\]\n[\s\S]*Exited \(1\) Less than a second ago +broken\n/,
    );
  });

  it('the image imports only what pip installed in it: a lab module it lacks is not found, then found again by the lab', async () => {
    lab.write('app.py', `import mlflow\n${CONTAINER_APP}`);
    lab.write('requirements.txt', 'fastapi\nuvicorn\n');
    lab.write('Dockerfile', dockerfile('["uvicorn", "app:app", "--host", "0.0.0.0"]'));
    const out = await shell('docker build -t no-mlflow . >/dev/null\ndocker run --name no-mlflow no-mlflow');
    expect(out).toMatch(/ModuleNotFoundError: No module named 'mlflow'\n\[exit 1\]\n$/);
    // The lab's own Python still has it.
    expect(lab.run('import mlflow\nprint(mlflow.__name__)').stdout).toBe('mlflow\n');
  });

  it('a module the image lacks, imported inside an endpoint, fails that request with a 500 as in the container', async () => {
    lab.write('app.py', CONTAINER_APP.replace('    return {"failure"', '    import mlflow  # noqa\n    return {"failure"'));
    lab.write('requirements.txt', 'fastapi\nuvicorn\n');
    lab.write('Dockerfile', dockerfile('["uvicorn", "app:app", "--host", "0.0.0.0"]'));
    await shell('docker build -t lazy . >/dev/null\ndocker run -d -p 8005:8000 --name lazy lazy');
    expect(lab.request({ method: 'POST', path: '/predict', body: { temperature: 85 } })).toMatchObject({ status: 500, json: 'Internal Server Error' });
    expect(await shell('docker logs lazy')).toContain("ModuleNotFoundError: No module named 'mlflow'");
    await shell('docker stop lazy');
    expect(lab.run('import mlflow\nprint(mlflow.__name__)').stdout).toBe('mlflow\n');
  });

  it('a Python program as the command serves what its uvicorn.run() starts, bound and published as it says', async () => {
    const RUN = (args: string) => `${CONTAINER_APP}\nif __name__ == "__main__":\n    import uvicorn\n    uvicorn.run(app${args})\n`;
    lab.write('requirements.txt', 'fastapi\nuvicorn\n');
    lab.write('app.py', RUN(', host="0.0.0.0", port=8000'));
    lab.write('Dockerfile', dockerfile('["python", "app.py"]'));
    await shell('docker build -t py-api . >/dev/null\ndocker rm -f api >/dev/null 2>&1');
    const out = await shell('docker run -d -p 8002:8000 --name py py-api');
    expect(out).toMatch(/lab: uvicorn listens on 0\.0\.0\.0:8000 inside the container, published on localhost:8002: the container answers there\.\n$/);
    expect(lab.request({ method: 'POST', path: '/predict', body: { temperature: 85 } })).toMatchObject({ status: 200, json: { failure: true, from: 'image' } });
    expect(await shell('docker logs py')).toContain('INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\n');
    await shell('docker stop py');
    // uvicorn.run's default host: served inside, refused from the host, with the program's fix.
    lab.write('app.py', RUN(''));
    await shell('docker build -t py-api . >/dev/null');
    expect(await shell('docker run -d -p 8000:8000 py-api')).toContain('uvicorn listens on 127.0.0.1:8000 inside the container, which nothing outside the container reaches: a request to localhost:8000 is refused (connection refused). Bind 0.0.0.0: host="0.0.0.0" in the program\'s uvicorn.run().');
    expect(lab.request({ method: 'GET', path: '/docs' }).status).toBe(0);
    // A program that defines the app but never runs a server ends at once, status 0; one that fails ends with its traceback, in the image's paths.
    lab.write('app.py', CONTAINER_APP);
    await shell('docker build -t py-api . >/dev/null');
    expect(await shell('docker run --rm py-api; echo "status $?"')).toBe('$ docker run --rm py-api; echo "status $?"\nstatus 0\n');
    lab.write('app.py', `${CONTAINER_APP}\nraise SystemExit(load_model())\n`);
    await shell('docker build -t py-api . >/dev/null');
    const failed = await shell('docker run py-api');
    expect(failed).toContain('File "/app/app.py", line 13, in <module>\n');
    expect(failed).toMatch(/NameError: name 'load_model' is not defined\n\[exit 1\]\n$/);
    expect(failed).not.toContain('/lab/');
    lab.write('Dockerfile', dockerfile('["python", "serve.py"]'));
    await shell('docker build -t py-api . >/dev/null');
    expect(await shell('docker run py-api')).toBe("$ docker run py-api\npython: can't open file '/app/serve.py': [Errno 2] No such file or directory\n[exit 2]\n");
  });

  it('the container check judges the image by what runs: right commands pass however written, wrong ones fail with their reason', () => {
    const MAIN = (args: string) => `${CONTAINER_APP}\nif __name__ == "__main__":\n    import uvicorn\n    uvicorn.run(${args})\n`;
    const check = { kind: 'container', publish: '8000:8000', method: 'POST', path: '/predict', body: { temperature: 85 }, status: 200, jsonHas: 'failure' } as const;
    const cases: [string, string, string, RegExp | null][] = [
      ['uvicorn exec form', CONTAINER_APP, '["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', null],
      ['uvicorn shell form with --host=', CONTAINER_APP, 'uvicorn app:app --host=0.0.0.0', null],
      ['python -m uvicorn', CONTAINER_APP, '["python", "-m", "uvicorn", "app:app", "--host", "0.0.0.0"]', null],
      ['python app.py with uvicorn.run(app, host=0.0.0.0)', MAIN('app, host="0.0.0.0", port=8000'), '["python", "app.py"]', null],
      ['python3 app.py in shell form, uvicorn.run of an import string', MAIN('"app:app", host="0.0.0.0"'), 'python3 app.py', null],
      ['python -m app', MAIN('app, host="0.0.0.0"'), '["python", "-m", "app"]', null],
      ['python -c', CONTAINER_APP, '["python", "-c", "import uvicorn; uvicorn.run(\'app:app\', host=\'0.0.0.0\', port=8000)"]', null],
      ['uvicorn without --host', CONTAINER_APP, '["uvicorn", "app:app"]', /got no answer from the container: uvicorn listens on 127\.0\.0\.1:8000 .*--host 0\.0\.0\.0 in CMD/],
      ['--host localhost', CONTAINER_APP, 'uvicorn app:app --host localhost', /uvicorn listens on localhost:8000 inside the container/],
      ['python app.py with uvicorn.run(app) on its default host', MAIN('app'), '["python", "app.py"]', /uvicorn listens on 127\.0\.0\.1:8000 .*host="0\.0\.0\.0" in the program's uvicorn\.run\(\)/],
      ['python app.py on another port', MAIN('app, host="0.0.0.0", port=9000'), '["python", "app.py"]', /uvicorn listens on 0\.0\.0\.0:9000 inside the container, but only port 8000 is published/],
      ['python app.py that never starts a server', CONTAINER_APP, '["python", "app.py"]', /^The container's command, `python app\.py`, ended at once and served nothing/],
      ['the app module not in the image', CONTAINER_APP, '["uvicorn", "main:app", "--host", "0.0.0.0"]', /exited with status 1 as soon as it started: ERROR: {4}Error loading ASGI app\. Could not import module "main"/],
      ['no CMD: the base image\'s python3', CONTAINER_APP, '', /^The container's command, `python3`, ended at once and served nothing/],
      ['a shell-form ENTRYPOINT, which ignores CMD', CONTAINER_APP, '["--host", "0.0.0.0"]\nENTRYPOINT uvicorn app:app', /uvicorn listens on 127\.0\.0\.1:8000 inside the container \(its default --host\)/],
      ['uvicorn with no app', CONTAINER_APP, '["uvicorn", "--host", "0.0.0.0"]', /exited with status 2 as soon as it started: Error: Missing argument 'APP'\./],
    ];
    lab.write('requirements.txt', 'fastapi\nuvicorn\n');
    for (const [name, app, cmd, wrong] of cases) {
      lab.write('app.py', app);
      lab.write('Dockerfile', cmd ? dockerfile(cmd) : dockerfile('x').replace(/^CMD x\n/m, ''));
      const r = lab.run('print("ok")\n', { filename: 'main.py', containers: [{ publish: '8000:8000', requests: [{ method: 'POST', path: '/predict', body: { temperature: 85 } }] }] });
      const verdict = judge(check, { result: { outcome: r, output: [], truncatedLines: 0, durationMs: 0 } as unknown as RunResult, files: {} });
      expect([name, verdict.pass]).toEqual([name, wrong === null]);
      if (wrong) expect([name, verdict.detail]).toEqual([name, expect.stringMatching(wrong)]);
    }
  });

  it("a container check's own container: answered on the host's port, then the program's server and its loads are back", () => {
    const program = `${CONTAINER_APP.replace('"image"', '"program"')}`;
    lab.write('app.py', CONTAINER_APP);
    lab.write('requirements.txt', 'fastapi\nuvicorn\n');
    lab.write('Dockerfile', dockerfile('["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'));
    const r = lab.run(program, { filename: 'main.py', containers: [{ publish: '8000:8000', requests: [{ method: 'POST', path: '/predict', body: { temperature: 85 } }] }] });
    expect(r.containers?.[0]?.commands.map((c) => [c.line, c.code])).toEqual([['docker build -t lab-check .', 0], ['docker run -d -p 8000:8000 lab-check', 0]]);
    expect(r.containers?.[0]?.exchanges[0]).toMatchObject({ status: 200, json: { failure: true, from: 'image' } });
    // The preview's console talks to the program's app again, and the check printed nothing.
    expect(lab.request({ method: 'POST', path: '/predict', body: { temperature: 85 } })).toMatchObject({ status: 200, json: { from: 'program' } });
    expect(r.stderr).not.toContain('lab-check');
  });
});
