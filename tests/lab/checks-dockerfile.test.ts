// The serving step's Dockerfile check judges what Docker would do with the
// project (src/lab/checks/dockerfile.ts): correct Dockerfiles written in
// Docker's many ordinary ways pass; each mistake fails with its own message.
// What the container serves is judged by running it (the container check,
// tests/lab/fastapi.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { judge } from '../../src/lab/checks/checks';
import { buildContext, dockerignore, imageConfig, readDockerfile, serverOf } from '../../src/lab/checks/dockerfile';
import type { Check } from '../../src/content/schema';
import type { RunResult, WorldFiles } from '../../src/lab/types';

const result = { outcome: { newRuns: [] }, output: [], truncatedLines: 0, durationMs: 0 } as unknown as RunResult;
const check: Check = { kind: 'dockerfile', has: ['from', 'requirements'] };
const PROJECT: WorldFiles = { 'app.py': 'app = None\n', 'requirements.txt': 'fastapi\nuvicorn\nmlflow\n', 'README.md': '# x\n', '.lab/tracking.json': '{}' };
const judged = (dockerfile: string, extra: WorldFiles = {}) => judge(check, { result, files: { ...PROJECT, Dockerfile: dockerfile, ...extra } });

const SOLUTION = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
EXPOSE 8000
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
`;
const swap = (from: string, to: string) => SOLUTION.replace(from, to);

const correct: [string, string, WorldFiles?][] = [
  ['the reference solution', SOLUTION],
  ['pip3', swap('RUN pip install', 'RUN pip3 install')],
  ['python -m pip', swap('RUN pip install', 'RUN python -m pip install')],
  ['python3 -m pip with --upgrade pip first', swap('RUN pip install --no-cache-dir -r requirements.txt', 'RUN python3 -m pip install --upgrade pip && python3 -m pip install -r requirements.txt')],
  ['--requirement', swap('-r requirements.txt', '--requirement requirements.txt')],
  ['--requirement=', swap('-r requirements.txt', '--requirement=requirements.txt')],
  ['a continued RUN line', swap('RUN pip install --no-cache-dir -r requirements.txt', 'RUN pip install \\\n    --no-cache-dir \\\n    -r requirements.txt')],
  ['ARG before FROM', `ARG PYTHON_VERSION=3.12\n${swap('FROM python:3.12-slim', 'FROM python:${PYTHON_VERSION}-slim')}`],
  ['shell-form CMD', swap('CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', 'CMD uvicorn app:app --host 0.0.0.0 --port 8000')],
  ['--host=0.0.0.0', swap('"--host", "0.0.0.0"', '"--host=0.0.0.0"')],
  ['python -m uvicorn', swap('["uvicorn",', '["python", "-m", "uvicorn",')],
  ['ENTRYPOINT with CMD as its arguments', swap('CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', 'ENTRYPOINT ["uvicorn"]\nCMD ["app:app", "--host", "0.0.0.0", "--port", "8000"]')],
  ['the host from ENV UVICORN_HOST', swap('CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', 'ENV UVICORN_HOST=0.0.0.0\nCMD ["uvicorn", "app:app"]')],
  ['the host from an ENV in shell form', swap('CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', 'ENV HOST=0.0.0.0\nCMD uvicorn app:app --host $HOST')],
  ['exec in a shell-form CMD', swap('CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', 'CMD exec uvicorn app:app --host 0.0.0.0')],
  ['lowercase instructions and comments', SOLUTION.toLowerCase().replace('python:3.12-slim', 'python:3.12-slim # base').replace('cmd ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]', '# start\ncmd ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]')],
  ['an absolute COPY destination', swap('COPY requirements.txt .', 'COPY requirements.txt /app/')],
  ['the app copied into the WORKDIR by name', swap('COPY app.py .', 'COPY app.py /app')],
  ['docker.io/library/python with a digest', swap('FROM python:3.12-slim', 'FROM docker.io/library/python:3.12-slim@sha256:abc')],
  ['a multi-stage build', `FROM python:3.12-slim AS base\nRUN echo hi\n${SOLUTION}`],
  ['the whole project copied after the install', swap('COPY app.py .', 'COPY . .')],
  ['a glob COPY of requirements', swap('COPY requirements.txt .', 'COPY requirements*.txt ./')],
  ['cd before pip', swap('RUN pip install --no-cache-dir -r requirements.txt', 'RUN cd /app && pip install -r requirements.txt')],
  // The image's root folder is a working folder too: COPY puts the app there and uvicorn runs from it.
  ['no WORKDIR', swap('WORKDIR /app\n', '')],
  ['a package-style app', swap('COPY app.py .', 'COPY service ./service').replace('"app:app"', '"service.main:app"'), { 'service/main.py': 'app = None\n', 'service/__init__.py': '' }],
];

describe('correct Dockerfiles, however written, pass', () => {
  it.each(correct)('%s', (_name, dockerfile, extra) => {
    expect(judged(dockerfile, extra)).toEqual({ pass: true, detail: '' });
  });
});

const wrong: [string, string, RegExp, WorldFiles?][] = [
  ['no requirements install at all', swap('RUN pip install --no-cache-dir -r requirements.txt\n', ''), /^Nothing installs the app’s dependencies/],
  ['packages named instead of requirements.txt', swap('-r requirements.txt', 'fastapi uvicorn mlflow'), /^`RUN pip install fastapi uvicorn mlflow` \(line 4\) names the packages itself/],
  ['requirements installed before being copied', 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY requirements.txt .\nCOPY app.py .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n', /runs before requirements\.txt is copied into the image \(line 4\)/],
  ['requirements copied to another folder', swap('COPY requirements.txt .', 'COPY requirements.txt /tmp/'), /reads \/app\/requirements\.txt, but requirements\.txt was copied to \/tmp\/requirements\.txt/],
  ['the whole project copied before the install', swap('COPY requirements.txt .', 'COPY . .'), /^`COPY \. \.` \(line 3\) copies the whole project before pip install \(line 4\)/],
  ['COPY of a path not in the context', swap('COPY app.py .', 'COPY main.py .'), /^`COPY main\.py \.` \(line 5\): there is no main\.py in the project/],
  ['COPY of a file .dockerignore excludes', SOLUTION, /^`COPY app\.py \.` \(line 5\): app\.py is excluded by \.dockerignore/, { '.dockerignore': '*.py\n' }],
  ['a base image without Python', swap('FROM python:3.12-slim', 'FROM node:20'), /^`FROM node:20` \(line 1\) is not a Python image/],
  ['an ARG in FROM with no value', `ARG PY\n${swap('FROM python:3.12-slim', 'FROM ${PY}')}`, /is not a Python image/],
  ['an unknown instruction', swap('WORKDIR /app', 'WORKDIR /app\nRUNN echo'), /^docker build would stop at line 3: dockerfile parse error on line 3: unknown instruction: RUNN \(did you mean RUN\?\)\.$/],
  ['an instruction before FROM', `WORKDIR /app\n${SOLUTION}`, /^docker build would stop at line 1: no build stage in current context\.$/],
  ['COPY with one argument', swap('COPY app.py .', 'COPY app.py'), /COPY requires at least two arguments/],
];

describe('wrong Dockerfiles fail, each with its own message', () => {
  it.each(wrong)('%s', (_name, dockerfile, message, extra) => {
    const verdict = judged(dockerfile, extra);
    expect(verdict.pass).toBe(false);
    expect(verdict.detail).toMatch(message);
  });

  it('the messages differ from mistake to mistake', () => {
    const details = wrong.map(([, dockerfile, , extra]) => judged(dockerfile, extra).detail);
    expect(new Set(details).size).toBe(details.length);
  });

  it('a missing Dockerfile says so', () => {
    expect(judge(check, { result, files: PROJECT })).toEqual({ pass: false, detail: 'There is no Dockerfile in the project.' });
  });
});

describe('the model of what Docker does', () => {
  it('combines ENTRYPOINT and CMD as Docker does, and reads the build args', () => {
    const model = readDockerfile('ARG TAG=3.11\nFROM python:${TAG}-slim\nENV PORT=9000\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["uvicorn"]\nCMD app:app --host 0.0.0.0 --port $PORT\n', { TAG: '3.13' });
    expect(model.globalArgs).toEqual({ TAG: '3.13' });
    const image = imageConfig(model, buildContext(['app.py', 'data/x.csv'], null))!;
    expect(image.base).toBe('python:3.13-slim');
    // An exec ENTRYPOINT takes a shell-form CMD as ["/bin/sh", "-c", …] arguments.
    expect(image.command).toEqual(['uvicorn', '/bin/sh', '-c', 'app:app --host 0.0.0.0 --port $PORT']);
    expect([...image.files.keys()]).toEqual(['/srv/app.py', '/srv/data/x.csv']);
  });

  it('Docker refuses what it cannot parse, in buildkit\'s words', () => {
    expect(readDockerfile('from python:3.12\nrunn echo hi\n').error).toEqual({ line: 2, message: 'dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)' });
    expect(readDockerfile('FROM python:3.12\nCOPYY . .\n').error?.message).toBe('dockerfile parse error on line 2: unknown instruction: COPYY (did you mean COPY?)');
    expect(readDockerfile('FROM python:3.12\nFROBNICATE\n').error?.message).toBe('dockerfile parse error on line 2: unknown instruction: FROBNICATE');
    expect(readDockerfile('').error?.message).toBe('the Dockerfile cannot be empty');
    expect(readDockerfile('# only a comment\n').error?.message).toBe('file with no instructions');
    expect(readDockerfile('ARG A=1\n').error?.message).toBe('no build stage in current context');
  });

  it('reads uvicorn as uvicorn does: its defaults, both option spellings, its environment', () => {
    expect(serverOf(['uvicorn', 'app:app'], {})).toMatchObject({ host: '127.0.0.1', port: 8000, hostFrom: 'default' });
    expect(serverOf(['uvicorn', '--port=9000', '--host', '0.0.0.0', '--reload', 'app:app'], {})).toMatchObject({ app: 'app:app', host: '0.0.0.0', port: 9000 });
    expect(serverOf(['/bin/sh', '-c', 'cd /app && exec uvicorn app:app --host "$H"'], { H: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostFrom: 'option' });
    expect(serverOf(['python3'], {})).toEqual({ kind: 'unknown', program: 'python3' });
  });

  it('.dockerignore follows Docker: rooted patterns, ** across folders, ! re-includes', () => {
    const ignored = dockerignore('# comment\n.git\n**/__pycache__\ndata/*\n!data/keep.csv\n/secrets.txt\n');
    expect(['.git/HEAD', 'a/__pycache__/x.pyc', 'data/raw.csv', 'secrets.txt'].map(ignored)).toEqual([true, true, true, true]);
    expect(['data/keep.csv', 'app.py', 'sub/.git', 'sub/secrets.txt'].map(ignored)).toEqual([false, false, false, false]);
  });
});

describe('in a browser', () => {
  it('reads a Dockerfile without Node\'s Buffer, which dockerfile-ast needs (the page has none of its own)', async () => {
    const g = globalThis as { Buffer?: unknown };
    const saved = g.Buffer;
    delete g.Buffer;
    try {
      vi.resetModules();
      const fresh = await import('../../src/lab/checks/dockerfile');
      expect(fresh.readDockerfile('\uFEFFFROM python:3.12-slim\nCMD ["python3"]\n').stages[0]?.image).toBe('python:3.12-slim');
    } finally {
      g.Buffer = saved;
    }
  });
});
