// The lab's FastAPI, pydantic and model server, in the real CPython, against FACTS.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { dockerfileProblem, parseDockerfile } from '../../src/lab/dockerfile';
import { createNodeLab, type NodeLab } from './python';

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

describe('serving a FastAPI app', () => {
  it('starts it like uvicorn, runs the lifespan, and answers requests', () => {
    const r = lab.run(APP, {
      filename: 'app.py',
      requests: [{ method: 'POST', path: '/predict', body: { petal_width: '1.5', count: 3 } }],
    });
    expect(r.error).toBeNull();
    expect(r.stderr).toContain('INFO:     Application startup complete.\nINFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)\n');
    expect(r.responses).toEqual([
      { method: 'POST', path: '/predict', body: { petal_width: '1.5', count: 3 }, status: 200, json: { double: 3, count: 3, label: 'none', ready: true } },
    ]);
    expect(r.stderr).toContain('INFO:     127.0.0.1:52814 - "POST /predict HTTP/1.1" 200 OK');
    expect(Object.keys(r.server?.paths ?? {})).toEqual(['/predict', '/items/{item_id}', '/boom']);
  });

  it('a missing field is a 422 with FastAPI’s detail', () => {
    const exchange = lab.request({ method: 'POST', path: '/predict', body: { count: 1 } });
    expect(exchange.status).toBe(422);
    expect(exchange.json).toEqual({ detail: [{ type: 'missing', loc: ['body', 'petal_width'], msg: 'Field required', input: { count: 1 } }] });
  });

  it('a bad integer is int_parsing', () => {
    const exchange = lab.request({ method: 'POST', path: '/predict', body: { petal_width: 1, count: 'many' } });
    expect(exchange.json).toEqual({
      detail: [{ type: 'int_parsing', loc: ['body', 'count'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'many' }],
    });
  });

  it('path parameters, HTTPException, 404, 405, 500 and /openapi.json', () => {
    expect(lab.request({ method: 'GET', path: '/items/3' })).toMatchObject({ status: 200, json: { id: 3 } });
    expect(lab.request({ method: 'GET', path: '/items/12' })).toMatchObject({ status: 404, json: { detail: 'Item not found' } });
    expect(lab.request({ method: 'GET', path: '/nope' })).toMatchObject({ status: 404, json: { detail: 'Not Found' } });
    expect(lab.request({ method: 'GET', path: '/predict' })).toMatchObject({ status: 405, json: { detail: 'Method Not Allowed' } });
    expect(lab.request({ method: 'GET', path: '/boom' })).toMatchObject({ status: 500, json: 'Internal Server Error' });
    const doc = lab.request({ method: 'GET', path: '/openapi.json' }).json as { paths: Record<string, { post?: { requestBody?: unknown } }> };
    expect(doc.paths['/predict']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: ['petal_width', 'count'], properties: { petal_width: { type: 'number' } } } } },
    });
  });

  it('a run without an app stops the server', () => {
    lab.run('print("no app here")');
    expect(lab.request({ method: 'GET', path: '/items/1' }).status).toBe(0);
  });
});

describe('reading a Dockerfile', () => {
  const good = 'FROM python:3.12-slim\nWORKDIR /app\n# deps first\nCOPY requirements.txt .\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\nCOPY app.py .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n';
  it('joins continuations, drops comments, parses exec form', () => {
    const parsed = parseDockerfile(good);
    expect(parsed.map((i) => i.keyword)).toEqual(['FROM', 'WORKDIR', 'COPY', 'RUN', 'COPY', 'CMD']);
    expect(parsed[3]).toMatchObject({ args: 'pip install --no-cache-dir  -r requirements.txt', line: 5 });
    expect(parsed[5]?.exec).toEqual(['uvicorn', 'app:app', '--host', '0.0.0.0', '--port', '8000']);
  });
  it('judges each rule', () => {
    const ok = parseDockerfile(good);
    expect((['from', 'workdir', 'requirements', 'cmd-exec'] as const).map((r) => dockerfileProblem(ok, r))).toEqual([null, null, null, null]);
    const bad = parseDockerfile('FROM node:20\nCOPY . .\nRUN pip install -r requirements.txt\nCMD uvicorn app:app\n');
    expect(dockerfileProblem(bad, 'from')).toMatch(/not a Python base image/);
    expect(dockerfileProblem(bad, 'workdir')).toMatch(/no WORKDIR/);
    expect(dockerfileProblem(bad, 'requirements')).toMatch(/copied in before pip/);
    expect(dockerfileProblem(bad, 'cmd-exec')).toMatch(/shell form/);
    expect(dockerfileProblem(parseDockerfile('FROM python:3.12\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]'), 'cmd-exec')).toMatch(/must bind 0\.0\.0\.0/);
  });
});
