// The lab's docker over an in-memory project. Expected texts follow Docker's
// own: BuildKit's plain progress (moby/buildkit util/progress/progressui
// printer.go, display.go printErrorLogs, solver/errdefs/source.go for the
// excerpt), docker/buildx ("failed to build"), pip's messages (pip
// resolvelib/factory.py, req_file.py, commands/install.py) and the docker CLI's
// tables; what the lab adds is on lines starting `lab:`. docs/tool-facts.md, "Docker".
import { describe, expect, it } from 'vitest';
import { MemoryFs, mkdirp } from '../../../src/lab/shell/fs';
import { LAB_PACKAGES, createDockerProgram, dockerProgram, humanDuration, importableIn, tryContainer, type ContainerHost, type ServeSpec } from '../../../src/lab/shell/docker';
import type { HttpRequest } from '../../../src/lab/types';
import { satisfies } from '../../../src/lab/shell/dockerBuild';
import { text, type ShellContext } from '../../../src/lab/shell/shell';
import { runScript } from '../../../src/lab/shell/bash';

const NOW = Date.UTC(2026, 10, 27, 9, 30, 0);
const SOLUTION = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
EXPOSE 8000
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
`;
const PROJECT = { Dockerfile: SOLUTION, 'app.py': 'app = 1\n', 'requirements.txt': 'fastapi\nuvicorn>=0.30\nmlflow\n' };

function lab(files: Record<string, string> = PROJECT) {
  const clock = { now: NOW };
  const fs = new MemoryFs(() => clock.now);
  mkdirp(fs, '/home/lab');
  for (const [path, content] of Object.entries(files)) {
    mkdirp(fs, `/home/lab/${path}`.replace(/\/[^/]*$/, ''));
    fs.writeFile(`/home/lab/${path}`, content);
  }
  const ctx: ShellContext = { fs, cwd: '/home/lab', home: '/home/lab', now: () => clock.now, programs: { docker: dockerProgram } };
  return { ctx, clock };
}

async function session(script: string, ctx: ShellContext) {
  const entries = await runScript(script, ctx);
  return entries.map((e) => `$ ${e.line}\n${e.output.map((o) => o.text).join('')}${e.code ? `[exit ${e.code}]\n` : ''}`).join('');
}

const HEADER = '#0 building with "default" instance using docker driver\n\n';
const BUILD_START = (dockerfileBytes: number, contextBytes: number, steps = 5) =>
  `${HEADER}#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: ${dockerfileBytes}B done\n#1 DONE 0.0s\n\n` +
  '#2 [internal] load metadata for docker.io/library/python:3.12-slim\n#2 DONE 0.0s\n\n' +
  '#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE 0.0s\n\n' +
  `#4 [1/${steps}] FROM docker.io/library/python:3.12-slim\n#4 lab: the lab's own Python image (no registry, nothing pulled)\n#4 DONE 0.0s\n\n` +
  `#5 [internal] load build context\n#5 transferring context: ${contextBytes}B done\n#5 DONE 0.0s\n\n`;

describe('docker build', () => {
  it('builds the project as its context, with BuildKit plain progress and pip resolving against the lab', async () => {
    const { ctx } = lab();
    const out = await session('docker build -t pump-api .', ctx);
    const id = /writing image sha256:([0-9a-f]{64}) done/.exec(out)![1]!;
    expect(out).toBe(
      '$ docker build -t pump-api .\n' +
        BUILD_START(202, 239) +
        '#6 [2/5] WORKDIR /app\n#6 DONE 0.0s\n\n' +
        '#7 [3/5] COPY requirements.txt .\n#7 DONE 0.0s\n\n' +
        '#8 [4/5] RUN pip install --no-cache-dir -r requirements.txt\n' +
        // pip operations/prepare.py "Collecting %s" with its comes_from, req_file.py "-r file (line N)".
        '#8 0.000 Collecting fastapi (from -r requirements.txt (line 1))\n' +
        '#8 0.000 Collecting uvicorn>=0.30 (from -r requirements.txt (line 2))\n' +
        '#8 0.000 Collecting mlflow (from -r requirements.txt (line 3))\n' +
        '#8 0.000 Installing collected packages: fastapi, uvicorn, mlflow\n' +
        `#8 0.000 Successfully installed fastapi-${LAB_PACKAGES.fastapi} mlflow-${LAB_PACKAGES.mlflow} uvicorn-${LAB_PACKAGES.uvicorn}\n` +
        "#8 0.000 lab: pip installs the lab's own modules into the image; nothing is downloaded\n#8 DONE 0.0s\n\n" +
        '#9 [5/5] COPY app.py .\n#9 DONE 0.0s\n\n' +
        `#10 exporting to image\n#10 exporting layers done\n#10 writing image sha256:${id} done\n#10 naming to docker.io/library/pump-api:latest done\n#10 DONE 0.0s\n`,
    );
    // The image is the lab's state, in its own folder: the learner's files are untouched.
    const state = JSON.parse(text(ctx.fs.readFile('/home/lab/.lab/docker.json')!));
    expect(state.images[0]).toMatchObject({ id, tags: ['pump-api:latest'], workdir: '/app', exposed: [8000], command: ['uvicorn', 'app:app', '--host', '0.0.0.0', '--port', '8000'] });
    expect(Object.keys(state.images[0].files)).toEqual(['/app/requirements.txt', '/app/app.py']);
    expect(LAB_PACKAGES).toEqual({ fastapi: '0.115.0', mlflow: '3.1.0', pydantic: '2.11.7', uvicorn: '0.32.0' });
  });

  it('an unknown package fails as pip does, in BuildKit\'s error box with the Dockerfile excerpt', async () => {
    const { ctx } = lab({ ...PROJECT, 'requirements.txt': 'fastapi\nscikit-learn\n' });
    const out = await session('docker build -t pump-api .', ctx);
    const failed = 'process "/bin/sh -c pip install --no-cache-dir -r requirements.txt" did not complete successfully: exit code: 1';
    const logs = [
      '0.000 Collecting fastapi (from -r requirements.txt (line 1))',
      '0.000 Collecting scikit-learn (from -r requirements.txt (line 2))',
      '0.000 ERROR: Could not find a version that satisfies the requirement scikit-learn (from versions: none)',
      '0.000 ERROR: No matching distribution found for scikit-learn',
      "0.000 lab: the lab's package index has only the lab's own modules: fastapi, mlflow, pydantic, uvicorn",
    ];
    expect(out.slice(out.indexOf('#8 '))).toBe(
      `#8 [4/5] RUN pip install --no-cache-dir -r requirements.txt\n${logs.map((l) => `#8 ${l}\n`).join('')}#8 ERROR: ${failed}\n` +
        `------\n > [4/5] RUN pip install --no-cache-dir -r requirements.txt:\n${logs.join('\n')}\n------\n` +
        'Dockerfile:4\n--------------------\n   2 |     WORKDIR /app\n   3 |     COPY requirements.txt .\n   4 | >>> RUN pip install --no-cache-dir -r requirements.txt\n   5 |     COPY app.py .\n   6 |     EXPOSE 8000\n--------------------\n' +
        `ERROR: failed to build: failed to solve: ${failed}\n[exit 1]\n`,
    );
    expect(ctx.fs.readFile('/home/lab/.lab/docker.json')).toBeNull();
    // A version the lab does not have: pip lists the one it has.
    ctx.fs.writeFile('/home/lab/requirements.txt', 'fastapi==0.99.1\n');
    expect(await session('docker build -t pump-api .', ctx)).toContain(
      '#8 0.000 ERROR: Could not find a version that satisfies the requirement fastapi==0.99.1 (from versions: 0.115.0)\n#8 0.000 ERROR: No matching distribution found for fastapi==0.99.1\n#8 ERROR:',
    );
  });

  it('a COPY source missing from the context, or excluded by .dockerignore, is "not found"', async () => {
    const { ctx } = lab({ ...PROJECT, '.dockerignore': '*.py\n' });
    const out = await session('docker build -t pump-api .', ctx);
    expect(out).toContain('#3 [internal] load .dockerignore\n#3 transferring context: 5B done\n');
    expect(out).toMatch(/#9 \[5\/5\] COPY app\.py \.\n#9 ERROR: failed to calculate checksum of ref [0-9a-f]{25}::[0-9a-f]{25}: "\/app\.py": not found\n------\n > \[5\/5\] COPY app\.py \.:\n------\nDockerfile:5\n/);
    expect(out).toMatch(/ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f:]+: "\/app\.py": not found\n\[exit 1\]\n$/);
  });

  it('a parse error stops the build at its line, with buildkit\'s suggestion', async () => {
    const { ctx } = lab({ ...PROJECT, Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nRUNN pip install -r requirements.txt\n' });
    expect(await session('docker build .', ctx)).toBe(
      `$ docker build .\n${HEADER}#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 72B done\n#1 DONE 0.0s\n` +
        'Dockerfile:3\n--------------------\n   1 |     FROM python:3.12-slim\n   2 |     WORKDIR /app\n   3 | >>> RUNN pip install -r requirements.txt\n   4 |     \n--------------------\n' +
        'ERROR: failed to build: failed to solve: dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)\n[exit 1]\n',
    );
  });

  it('-f, --build-arg, ARG before FROM, and a RUN the lab does not run', async () => {
    const { ctx } = lab({ ...PROJECT, 'docker/api.Dockerfile': 'ARG PY=3.11\nFROM python:${PY}-slim\nRUN apt-get update\nCOPY . /srv/\nCMD ["python3"]\n' });
    const out = await session('docker build -f docker/api.Dockerfile --build-arg PY=3.12 -t api:v1 .', ctx);
    expect(out).toContain('#1 [internal] load build definition from docker/api.Dockerfile\n');
    expect(out).toContain("#6 [2/3] RUN apt-get update\n#6 0.000 lab: the lab's build runs only pip installs; `apt-get update` is not run\n#6 DONE 0.0s\n");
    expect(out).toContain('naming to docker.io/library/api:v1 done');
    expect(await session('docker images', ctx)).toMatch(/^\$ docker images\nREPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {18}SIZE\napi {10}v1 {8}[0-9a-f]{12} {3}Less than a second ago {3}\d+B\n$/);
  });

  it('errors of the command line', async () => {
    const { ctx } = lab({ 'app.py': '' });
    expect(await session('docker build -t pump-api', ctx)).toBe(
      '$ docker build -t pump-api\nERROR: "docker buildx build" requires exactly 1 argument.\nSee \'docker buildx build --help\'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n[exit 1]\n',
    );
    expect(await session('docker build .', ctx)).toContain('ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n[exit 1]\n');
    expect(await session('docker build -t Pump .', ctx)).toBe('$ docker build -t Pump .\nERROR: failed to build: invalid tag "Pump": repository name must be lowercase\n[exit 1]\n');
    expect(await session('docker build --squash .', ctx)).toBe("$ docker build --squash .\nunknown flag: --squash\nSee 'docker buildx build --help'.\n[exit 125]\n");
  });
});

describe('docker run, ps, logs, stop, rm', () => {
  const built = async (dockerfile = SOLUTION) => {
    const l = lab({ ...PROJECT, Dockerfile: dockerfile });
    await runScript('docker build -t pump-api .', l.ctx);
    return l;
  };

  it('a container bound to 0.0.0.0 with its port published answers on the host port', async () => {
    const { ctx, clock } = await built();
    const run = await session('docker run -d -p 8000:8000 --name api pump-api', ctx);
    const id = /\n([0-9a-f]{64})\n/.exec(run)![1]!;
    expect(run).toBe(
      `$ docker run -d -p 8000:8000 --name api pump-api\n${id}\n` +
        "lab: the lab keeps this container's state but does not run its program (`uvicorn app:app --host 0.0.0.0 --port 8000`); to try the app, run it in the editor.\n" +
        'lab: uvicorn listens on 0.0.0.0:8000 inside the container, published on localhost:8000: the container answers there.\n',
    );
    clock.now += 125_000;
    expect(await session('docker ps', ctx)).toBe(
      '$ docker ps\nCONTAINER ID   IMAGE      COMMAND                  CREATED         STATUS         PORTS                    NAMES\n' +
        `${id.slice(0, 12)}   pump-api   "uvicorn app:app --h…"   2 minutes ago   Up 2 minutes   0.0.0.0:8000->8000/tcp   api\n`,
    );
    expect(await session('docker logs api', ctx)).toContain('lab: the lab does not run `uvicorn app:app --host 0.0.0.0 --port 8000`, so the container has no logs of its own.\n');
    // The port is taken while it runs; the name too.
    expect(await session('docker run -d -p 8000:8000 pump-api', ctx)).toMatch(/Bind for 0\.0\.0\.0:8000 failed: port is already allocated\.\n\nRun 'docker run --help' for more information\n\[exit 125\]\n$/);
    expect(await session('docker run -d --name api pump-api', ctx)).toContain(`docker: Error response from daemon: Conflict. The container name "/api" is already in use by container "${id}".`);
    expect(await session('docker rm api', ctx)).toBe(
      '$ docker rm api\nError response from daemon: cannot remove container "/api": container is running: stop the container before removing or force remove\n[exit 1]\n',
    );
    expect(await session('docker stop api\ndocker ps', ctx)).toBe('$ docker stop api\napi\n$ docker ps\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    clock.now += 3_000;
    expect(await session('docker ps -a', ctx)).toContain('   Exited (0) 3 seconds ago             api\n');
    expect(await session('docker rm api\ndocker ps -a -q\ndocker logs api', ctx)).toBe('$ docker rm api\napi\n$ docker ps -a -q\n$ docker logs api\nError response from daemon: No such container: api\n[exit 1]\n');
  });

  it("uvicorn's default host 127.0.0.1 refuses the host's requests, as on a laptop", async () => {
    const { ctx } = await built(SOLUTION.replace('"--host", "0.0.0.0", ', ''));
    expect(await session('docker run -p 8000:8000 pump-api', ctx)).toContain(
      'lab: uvicorn listens on 127.0.0.1:8000 inside the container (its default --host), which nothing outside the container reaches: a request to localhost:8000 is refused (connection refused). Bind 0.0.0.0: --host 0.0.0.0 in CMD.\n',
    );
  });

  it('an unpublished port is not reached; a command that serves nothing exits at once', async () => {
    const { ctx } = await built();
    expect(await session('docker run -d -p 9000:80 pump-api', ctx)).toContain(
      'lab: uvicorn listens on 0.0.0.0:8000 inside the container, but only port 80 is published: nothing on your machine reaches it. Publish it: docker run -p 8000:8000 pump-api.\n',
    );
    // Arguments after the image replace CMD: python3 reads an empty stdin and ends.
    await runScript('docker run --name once pump-api python3', ctx);
    expect(await session('docker ps -a', ctx)).toMatch(/ {3}"python3" +Less than a second ago {3}Exited \(0\) Less than a second ago +once\n/);
    expect(await session('docker ps', ctx)).not.toContain('once');
  });

  it('says by name what it does not simulate', async () => {
    const { ctx } = await built();
    expect(await session('docker exec -it api sh', ctx)).toBe('$ docker exec -it api sh\ndocker: the lab does not simulate running commands in a container (exec); its docker has: build, images, run, ps, logs, stop, rm\n[exit 1]\n');
    expect(await session('docker run -v data:/data pump-api', ctx)).toContain('docker: the lab does not simulate volumes (-v);');
    expect(await session('docker run --network host pump-api', ctx)).toContain('docker: the lab does not simulate networks (--network);');
    expect(await session('docker compose up', ctx)).toContain('docker: the lab does not simulate Compose;');
    expect(await session('docker run nope', ctx)).toBe("$ docker run nope\nUnable to find image 'nope:latest' locally\ndocker: the lab has no registry to pull 'nope:latest' from: build it first, docker build -t nope .\n[exit 125]\n");
    expect(await session('docker frobnicate', ctx)).toBe("$ docker frobnicate\ndocker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n[exit 1]\n");
  });
});

describe('with a host that runs the container\'s program', () => {
  it('serves the image\'s app as its command says, and stops it with the container', async () => {
    const { ctx } = lab();
    const served: ServeSpec[] = [];
    const stopped: string[] = [];
    const host: ContainerHost = {
      serve: (spec) => {
        served.push(spec);
        return spec.app === 'app:app' ? { log: 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\n', exitCode: null } : { log: 'ERROR:    Error loading ASGI app.\n', exitCode: 1 };
      },
      program: () => ({ log: '', exitCode: 0, address: null }),
      requestLog: () => '',
      stop: (id) => stopped.push(id),
      aside: (during) => during(),
      request: () => ({ method: 'GET', path: '/', body: null, status: 0, json: null }),
    };
    ctx.programs.docker = createDockerProgram(host);
    await runScript('docker build -t pump-api .', ctx);
    const out = await session('docker run -p 8000:8000 --name api pump-api', ctx);
    expect(out).toBe(
      '$ docker run -p 8000:8000 --name api pump-api\nINFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\n' +
        'lab: uvicorn listens on 0.0.0.0:8000 inside the container, published on localhost:8000: the container answers there.\n' +
        'lab: the lab has no keyboard to press CTRL+C in: the container goes on in the background (docker stop api).\n',
    );
    expect(served[0]).toMatchObject({ sources: { '/app/app.py': 'app = 1\n' }, folder: '/app', app: 'app:app', host: '0.0.0.0', port: 8000, refused: null });
    // Unpublished: served, but the host is refused, and the reason goes with it.
    await runScript('docker run -d --name hidden pump-api', ctx);
    expect(served[1]!.refused).toMatch(/^uvicorn listens on 0\.0\.0\.0:8000 inside the container, but no port is published/);
    expect(await session('docker ps', ctx)).not.toContain(' api\n'); // one served app at a time: the new one replaced it
    // A program that fails ends the container with its status.
    expect(await session('docker run --name broken pump-api uvicorn main:app --host 0.0.0.0', ctx)).toBe('$ docker run --name broken pump-api uvicorn main:app --host 0.0.0.0\nERROR:    Error loading ASGI app.\n[exit 1]\n');
    expect(await session('docker logs broken', ctx)).toBe('$ docker logs broken\nERROR:    Error loading ASGI app.\n');
    await runScript('docker stop hidden', ctx);
    expect(stopped).toEqual([served[1]!.id]);
  });
});

/** A host whose served app answers every request with its path, or refuses as the spec says; it logs what it was asked to do. */
function fakeHost(exitCode: number | null = null) {
  const events: string[] = [];
  let serving: ServeSpec | null = null;
  const host: ContainerHost = {
    serve: (spec) => {
      events.push(`serve ${spec.app} on ${spec.host}:${spec.port} without [${spec.missing.join(',')}]`);
      serving = exitCode === null ? spec : null;
      return { log: exitCode === null ? 'INFO:     Application startup complete.\n' : "ModuleNotFoundError: No module named 'mlflow'\n", exitCode };
    },
    program: (spec) => {
      events.push(`program ${spec.argv.join(' ')} in ${spec.folder} without [${spec.missing.join(',')}]`);
      return { log: '', exitCode: 0, address: null };
    },
    requestLog: () => '',
    stop: (id) => events.push(`stop ${id.slice(0, 4)}`),
    aside: (during) => {
      events.push('aside');
      try {
        return during();
      } finally {
        serving = null;
        events.push('back');
      }
    },
    request: (r: HttpRequest) =>
      serving === null
        ? { method: r.method, path: r.path, body: r.body, status: 0, json: 'No server is running' }
        : serving.refused
          ? { method: r.method, path: r.path, body: r.body, status: 0, json: serving.refused }
          : { method: r.method, path: r.path, body: r.body, status: 200, json: { path: r.path } },
  };
  return { host, events };
}

describe('an image without the packages its command needs', () => {
  const withRequirements = (requirements: string, cmd: string) =>
    lab({ ...PROJECT, 'requirements.txt': requirements, Dockerfile: SOLUTION.replace(/^CMD .*$/m, cmd) });

  it('cannot start an exec-form uvicorn it lacks, as runc says', async () => {
    const { ctx } = withRequirements('fastapi\n', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0"]');
    ctx.programs.docker = createDockerProgram(fakeHost().host);
    await runScript('docker build -t api .', ctx);
    expect(await session('docker run -d -p 8000:8000 api', ctx)).toBe(
      '$ docker run -d -p 8000:8000 api\ndocker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "uvicorn": executable file not found in $PATH: unknown.\n[exit 127]\n',
    );
    expect(await session('docker ps -a', ctx)).toMatch(/Exited \(127\)/);
  });

  it('cannot start an exec-form program the image does not have, a whole command line in one string included', async () => {
    for (const cmd of ['CMD ["uvicorn app:app --host 0.0.0.0"]', 'CMD ["gunicorn", "app:app"]']) {
      const { ctx } = withRequirements('fastapi\nuvicorn\n', cmd);
      await runScript('docker build -t api .', ctx);
      const program = cmd.includes('gunicorn') ? 'gunicorn' : 'uvicorn app:app --host 0.0.0.0';
      expect(await session('docker run api', ctx)).toBe(`$ docker run api\ndocker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown.\n[exit 127]\n`);
    }
    const python = withRequirements('fastapi\nuvicorn\n', 'CMD ["python3.12", "-c", "print(1)"]');
    await runScript('docker build -t api .', python.ctx);
    // The image's own Python starts (the lab says it does not run such a program).
    expect(await session('docker run api', python.ctx)).toContain("lab: the lab keeps this container's state but does not run its program (`python3.12 -c print(1)`)");
  });

  it('starts a shell form or python -m, which then say uvicorn is not there', async () => {
    const shell = withRequirements('fastapi\n', 'CMD uvicorn app:app --host 0.0.0.0');
    await runScript('docker build -t api .', shell.ctx);
    expect(await session('docker run api', shell.ctx)).toBe('$ docker run api\n/bin/sh: 1: uvicorn: not found\n[exit 127]\n');
    const module = withRequirements('fastapi\n', 'CMD ["python", "-m", "uvicorn", "app:app"]');
    await runScript('docker build -t api .', module.ctx);
    expect(await session('docker run api', module.ctx)).toBe('$ docker run api\n/usr/local/bin/python: No module named uvicorn\n[exit 1]\n');
  });

  it('serves the app without the lab modules pip did not install, counting what a package brings', async () => {
    expect([...importableIn({ FastAPI: '0.115.0' })].sort()).toEqual(['fastapi', 'pydantic']);
    expect([...importableIn({ mlflow: '3.1.0' })].sort()).toEqual(['fastapi', 'mlflow', 'pydantic', 'uvicorn']);
    const { ctx } = withRequirements('fastapi\nuvicorn\n', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0"]');
    const { host, events } = fakeHost();
    ctx.programs.docker = createDockerProgram(host);
    await runScript('docker build -t api . && docker run -d -p 8000:8000 api', ctx);
    expect(events).toEqual(['serve app:app on 0.0.0.0:8000 without [mlflow]']);
  });
});

describe('a check\'s own container (tryContainer)', () => {
  const ask = [{ method: 'POST', path: '/predict', body: { temperature: 71.5 } }];
  const trial = (files: Record<string, string>, exitCode: number | null = null) => {
    const { ctx } = lab(files);
    const fake = fakeHost(exitCode);
    return { ...tryContainer(ctx.fs, ctx.home, ctx.now, fake.host, { publish: '8000:8000', requests: ask }), events: fake.events, ctx };
  };

  it('builds, runs with the port published, asks, and leaves the learner\'s images and containers alone', async () => {
    const { ctx } = lab();
    await runScript('docker build -t mine .', ctx);
    const before = text(ctx.fs.readFile('/home/lab/.lab/docker.json')!);
    const fake = fakeHost();
    const result = tryContainer(ctx.fs, ctx.home, ctx.now, fake.host, { publish: '8000:8000', requests: ask });
    expect(result.commands.map((c) => [c.line, c.code])).toEqual([['docker build -t lab-check .', 0], ['docker run -d -p 8000:8000 lab-check', 0]]);
    expect(result.exited).toBeNull();
    expect(result.exchanges).toEqual([{ method: 'POST', path: '/predict', body: { temperature: 71.5 }, status: 200, json: { path: '/predict' } }]);
    expect(fake.events).toEqual(['aside', 'serve app:app on 0.0.0.0:8000 without []', 'back']);
    expect(text(ctx.fs.readFile('/home/lab/.lab/docker.json')!)).toBe(before);
  });

  it('says why nothing answers: a build that fails, a container that exits, a server bound inside', () => {
    const broken = trial({ ...PROJECT, Dockerfile: 'FROM python:3.12-slim\nCOPY nope.txt .\n' });
    expect(broken.commands).toHaveLength(1);
    expect(broken.commands[0]!.code).not.toBe(0);
    expect(broken.commands[0]!.output).toContain('nope.txt');
    expect(broken.exchanges).toEqual([]);
    const exits = trial(PROJECT, 1);
    expect(exits.exited).toEqual({ code: 1, log: "ModuleNotFoundError: No module named 'mlflow'\n", command: 'uvicorn app:app --host 0.0.0.0 --port 8000' });
    expect(exits.exchanges).toEqual([]);
    const inside = trial({ ...PROJECT, Dockerfile: SOLUTION.replace(/^CMD .*$/m, 'CMD ["uvicorn", "app:app", "--port", "8000"]') });
    expect(inside.exchanges[0]!.status).toBe(0);
    expect(inside.exchanges[0]!.json).toMatch(/uvicorn listens on 127\.0\.0\.1:8000 inside the container \(its default --host\)/);
    expect(inside.ctx.fs.readFile('/home/lab/.lab/docker.json')).toBeNull();
  });
});

describe('helpers', () => {
  it('ages as go-units HumanDuration, versions as PEP 440', () => {
    expect([500, 1000, 45_000, 90_000, 600_000, 4_000_000, 7_200_000].map(humanDuration)).toEqual([
      'Less than a second', '1 second', '45 seconds', 'About a minute', '10 minutes', 'About an hour', '2 hours',
    ]);
    expect([satisfies('0.115.0', [['>=', '0.100']]), satisfies('0.115.0', [['~=', '0.115.0']]), satisfies('0.115.0', [['==', '0.115.*']]), satisfies('3.1.0', [['<', '3']])]).toEqual([true, true, true, false]);
  });
});
