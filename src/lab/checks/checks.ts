// Judging a step's checks on the real outcome of a run (README.md, "The learner's code really runs"): the
// output it printed, the error it raised, its variables, the files it left and
// the tracking store — never the source text.
import type { Check } from '../../content';
import { buildContext, dockerfileProblem, missingSource, readDockerfile } from './dockerfile';
import { readDvcFile } from '../shell/dvcFormat';
import { md5 } from '../shell/md5';
import { decodeFile, fileText, isLabInternal } from '../worldFiles';
import type { ContainerTrialSpec, HttpExchange, HttpRequest, RunResult, WorldFiles } from '../types';

export interface CheckVerdict {
  pass: boolean;
  /** Why it failed, in the learner's terms; empty when it passed. */
  detail: string;
}

export interface Evidence {
  result: RunResult;
  files: WorldFiles;
}

const ok: CheckVerdict = { pass: true, detail: '' };
const fail = (detail: string): CheckVerdict => ({ pass: false, detail });

export function judge(check: Check, { result, files }: Evidence): CheckVerdict {
  const { outcome } = result;
  const newRuns = outcome.newRuns.map((id) => outcome.tracking.runs[id]).filter((r) => r !== undefined);
  const noRun = 'No MLflow run was logged in this run of your code.';

  switch (check.kind) {
    case 'no-error':
      if (result.ended === 'stopped') return fail('The program was stopped before it finished.');
      if (result.ended === 'time-limit') return fail('The program ran out of time.');
      return outcome.error ? fail(`It raised ${outcome.error.type}: ${outcome.error.message}`) : ok;

    case 'output-contains': {
      const printed = result.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
      return printed.toLowerCase().includes(check.text.toLowerCase()) ? ok : fail(`The output does not contain “${check.text}”.`);
    }

    case 'prints-value': {
      if (!(check.name in outcome.variables)) return fail(`There is no variable \`${check.name}\` after the run, so its value cannot be looked for in the output.`);
      const value = outcome.variables[check.name];
      if (typeof value !== 'number') return fail(`\`${check.name}\` is ${JSON.stringify(value)}, not a number.`);
      const printed = result.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
      return printsNumber(printed, value) ? ok : fail(`The output does not show \`${check.name}\`'s value (${round(value)}): print it, for example \`print(f"${check.name}: {${check.name}:.3f}")\`.`);
    }

    case 'variable': {
      if (!(check.name in outcome.variables)) return fail(`There is no variable \`${check.name}\` after the run.`);
      const value = outcome.variables[check.name];
      if (check.atLeast === undefined && check.atMost === undefined) return ok;
      if (typeof value !== 'number') return fail(`\`${check.name}\` is not a number.`);
      if (check.atLeast !== undefined && value < check.atLeast) return fail(`\`${check.name}\` is ${round(value)}, below ${check.atLeast}.`);
      if (check.atMost !== undefined && value > check.atMost) return fail(`\`${check.name}\` is ${round(value)}, above ${check.atMost}.`);
      return ok;
    }

    case 'file-exists':
      return check.path in files ? ok : fail(`There is no file ${check.path}.`);

    case 'file-matches': {
      const text = fileText(files[check.path]);
      if (text === null) return fail(check.path in files ? `${check.path} is not a text file.` : `There is no file ${check.path}.`);
      const found = check.whole ? new RegExp(`^(?:${check.pattern})$`).test(text.replace(/\n$/, '')) : new RegExp(check.pattern, 'm').test(text);
      if (found) return ok;
      const known = check.mistakes?.find((m) => new RegExp(m.when, 'm').test(text));
      return fail(known?.say ?? check.fix ?? `${check.path} does not hold what this check looks for.`);
    }

    case 'mlflow-param':
      if (newRuns.length === 0) return fail(noRun);
      return newRuns.some((r) => check.key in r.params) ? ok : fail(`No run logged a param named “${check.key}”.`);

    case 'mlflow-metric': {
      if (newRuns.length === 0) return fail(noRun);
      const steps = Math.max(0, ...newRuns.map((r) => new Set((r.metrics[check.key] ?? []).map((p) => p[2])).size));
      if (steps === 0) return fail(`No run logged a metric named “${check.key}”.`);
      return steps >= check.minSteps ? ok : fail(`“${check.key}” was logged at ${steps} step${steps === 1 ? '' : 's'}; ${check.minSteps} needed.`);
    }

    case 'mlflow-model': {
      if (newRuns.length === 0) return fail(noRun);
      if (!newRuns.some((r) => r.models.length > 0)) return fail('No model was logged.');
      if (!check.registeredName) return ok;
      if (outcome.newVersions.some((v) => v.name === check.registeredName)) return ok;
      // The names this run did register: a typo is then plain to see.
      const others = [...new Set(outcome.newVersions.map((v) => v.name))];
      return fail(
        others.length > 0
          ? `No new version of “${check.registeredName}” was registered; this run registered ${others.map((n) => `“${n}”`).join(', ')}. Register the model under the name “${check.registeredName}”.`
          : `No new version of “${check.registeredName}” was registered: pass registered_model_name="${check.registeredName}" to log_model, or register the logged model with mlflow.register_model.`,
      );
    }

    case 'retrained': {
      const promoted = outcome.newVersions.some((v) => outcome.tracking.registered_models[v.name]?.aliases[check.alias] === v.version);
      if (outcome.newVersions.length === 0) return fail('No new model version was registered.');
      return promoted ? ok : fail(`A new version was registered, but the ${check.alias} alias does not point at it.`);
    }

    case 'dvc-tracked': {
      const pointer = fileText(files[`${check.path}.dvc`]);
      if (pointer === null) {
        // The real cause first: a dvc add that ran and failed says why in its own words.
        const failed = failedCommand(outcome, /^dvc\s+add\b/);
        if (failed) return fail(`\`${failed.line}\` failed: ${failed.error}. Fix what it names and run it again, or press Reset lab to start the step's project afresh.`);
        const initialised = Object.keys(files).some((f) => f.startsWith('.dvc/'));
        return fail(initialised ? `There is no ${check.path}.dvc: run dvc add ${check.path}.` : `There is no ${check.path}.dvc, and DVC is not initialised here: run dvc init, then dvc add ${check.path}.`);
      }
      const info = readDvcFile(pointer);
      if (!info) return fail(`${check.path}.dvc is not a DVC file.`);
      // Tracked means DVC holds the bytes: a pointer alone (written by hand) versions nothing.
      if (!Object.keys(files).some((f) => f.startsWith('.dvc/'))) {
        return fail(`There is a ${check.path}.dvc, but DVC is not initialised here (no .dvc folder), so nothing keeps the data's bytes: run dvc init, then dvc add ${check.path}.`);
      }
      const data = files[check.path];
      if (data === undefined) return fail(`${check.path} is missing from the workspace (dvc checkout restores it).`);
      const bytes = decodeFile(data);
      if (md5(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) !== info.md5) {
        return fail(`${check.path} is not what ${check.path}.dvc records: its md5 no longer matches (the data changed after dvc add, or the pointer was not written by it). Run dvc add ${check.path} again.`);
      }
      const cached = `.dvc/cache/files/md5/${info.md5.slice(0, 2)}/${info.md5.slice(2)}`;
      return cached in files
        ? ok
        : fail(`DVC's cache has no copy of ${check.path} (${cached}), so dvc checkout could not bring these bytes back: the pointer was not made by dvc add. Run dvc add ${check.path}.`);
    }

    case 'git-committed':
    case 'git-not-committed': {
      const repo = outcome.shell?.repo;
      if (!repo) return fail('Run your commands: the check reads the repository after them.');
      const committed = repo.committed.includes(check.path);
      if (check.kind === 'git-committed') {
        if (committed && repo.uncommitted?.includes(check.path)) {
          return fail(`${check.path} is in the last commit, but it has changed since, so the commit holds an older version of it: \`git add ${check.path}\`, then commit again.`);
        }
        if (committed && check.message) {
          // The last commit holds the file as it is; its message is the one the task names.
          const said = (repo.log[0]?.message ?? '').split('\n')[0]!.trim();
          const plain = (m: string) => m.trim().replace(/\.$/, '').toLowerCase();
          if (plain(said) !== plain(check.message)) {
            return fail(`${check.path} is committed with the message “${said}”, but the task asks for “${check.message}”: git commit --amend -m "${check.message}" rewrites it (or press Reset lab to start the step afresh).`);
          }
        }
        if (committed) return ok;
        if (repo.staged?.includes(check.path)) {
          return fail(`${check.path} is staged (git add) but not committed: run git commit -m "…" to put it in a commit.`);
        }
        const failed = failedCommand(outcome);
        return fail(
          failed
            ? `${check.path} is not in the last commit — \`${failed.line}\` failed before it (${failed.error}): fix that first, or press Reset lab to start afresh.`
            : `${check.path} is not in the last commit: stage it with git add ${check.path}, then git commit -m "…".`,
        );
      }
      return committed
        ? fail(`${check.path} is committed to git; DVC should hold it instead. Take it out of git (git rm --cached ${check.path}, then commit) before dvc add, or press Reset lab to start the step's project afresh.`)
        : ok;
    }

    case 'http': {
      if (!outcome.server) {
        // A program that stopped on an error never reached its app: the error is the cause to name.
        return fail(
          outcome.error
            ? `Your program stopped with ${outcome.error.type}: ${outcome.error.message.replace(/\.$/, '')} — before it served an app. Fix that first.`
            : 'Your code did not define a FastAPI app to serve (app = FastAPI()).',
        );
      }
      const exchange = outcome.responses.find(
        (r) => r.method === check.method && r.path === check.path && JSON.stringify(r.body) === JSON.stringify(check.body ?? null),
      );
      if (!exchange) return fail(`The lab did not send ${check.method} ${check.path}.`);
      return answered(check, exchange, '', check.fix);
    }

    case 'container': {
      // Judged by the image the project builds, run with the port published and asked on the host's port (docker.ts tryContainer).
      const trial = outcome.containers?.find((t) => t.publish === check.publish);
      if (!trial) return fail('This check was not judged: run your code again.');
      const failed = trial.commands.find((c) => c.code !== 0);
      if (failed) {
        const lines = failed.output.split('\n').map((l) => l.trim()).filter(Boolean);
        const error = lines.filter((l) => /^(ERROR|docker: )/.test(l)).at(-1) ?? lines.at(-1) ?? `it exited with status ${failed.code}`;
        return fail(`\`${failed.line}\` failed: ${error.replace(/[.:]$/, '')}. Fix the Dockerfile (or requirements.txt) so the image builds and its command starts.`);
      }
      if (trial.exited?.code === 0 && !trial.exited.log.trim()) {
        return fail(
          `The container's command, \`${trial.exited.command}\`, ended at once and served nothing: start uvicorn in CMD, e.g. \`CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\` (or run a program whose \`uvicorn.run(app, host="0.0.0.0", port=8000)\` starts it).`,
        );
      }
      if (trial.exited) {
        const last = trial.exited.log.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
        const missing = /No module named '?([\w.]+)'?/.exec(trial.exited.log)?.[1];
        return fail(
          `The container exited with status ${trial.exited.code} as soon as it started${last ? `: ${last.replace(/[.:]$/, '')}` : ''}.` +
            (missing ? ` The image has only what pip installed in it: list ${missing.split('.')[0]} in requirements.txt and install that file.` : ' `docker logs` shows the same.'),
        );
      }
      const exchange = trial.exchanges.find((r) => r.method === check.method && r.path === check.path && JSON.stringify(r.body) === JSON.stringify(check.body ?? null));
      if (!exchange) return fail(`The lab did not send ${check.method} ${check.path} to the container.`);
      const host = check.publish.split(':')[0];
      if (exchange.status === 0) {
        // docker's advice is to publish the port the server listens on; the check's publish is fixed, so the server must move.
        const inside = check.publish.split(':').at(-1);
        const reason = String(exchange.json).replace(
          / Publish it: docker run -p .*$/,
          ` The check starts the image with \`docker run -p ${check.publish}\`, so listen on port ${inside}: \`--port ${inside}\` in CMD (or port=${inside} in uvicorn.run).`,
        );
        return fail(`\`${check.method} ${check.path}\` on localhost:${host} got no answer from the container: ${reason}`);
      }
      return answered(check, exchange, ` on localhost:${host}, from the container,`);
    }

    case 'assert': {
      // Judged by the judge's own interpreter (src/lab/python/lab_judge.py) on the run's record, recomputed, and the project's files.
      const verdict = outcome.asserts?.[check.python];
      if (verdict === undefined) return fail(outcome.shell ? 'This check needs a Python run.' : 'This check was not judged: run your code again.');
      return verdict === null ? ok : fail(verdict);
    }

    case 'dockerfile': {
      // Judged by what docker build would make of the project (dockerfile.ts), not by the text.
      const text = fileText(files.Dockerfile);
      if (text === null) return fail('There is no Dockerfile in the project.');
      const model = readDockerfile(text);
      if (model.error) return fail(`docker build would stop at line ${model.error.line}: ${model.error.message}.`);
      const context = buildContext(Object.keys(files).filter((p) => !isLabInternal(p)), fileText(files['.dockerignore']));
      const missing = missingSource(model, context);
      if (missing) {
        const ignored = missing.source.replace(/^\.?\//, '') in files;
        return fail(
          ignored
            ? `\`${missing.step.kind} ${missing.step.text}\` (line ${missing.step.line}): ${missing.source} is excluded by .dockerignore, so docker build would fail with "not found". Remove it from .dockerignore.`
            : `\`${missing.step.kind} ${missing.step.text}\` (line ${missing.step.line}): there is no ${missing.source} in the project, so docker build would fail with "not found".`,
        );
      }
      for (const rule of check.has) {
        const problem = dockerfileProblem(model, context, rule);
        if (problem) return fail(problem);
      }
      return ok;
    }
  }
}

/** Whether an answer is the one a check wants: its status, then the field its JSON must have. */
function answered(check: { method: string; path: string; body?: unknown; status: number; jsonHas?: string | undefined }, exchange: HttpExchange, where: string, fix?: string): CheckVerdict {
  if (exchange.status !== check.status) {
    // What the app said tells one mistake from another (no validation at all, a field with a default, …).
    const sent = check.body === undefined ? '' : ` with ${JSON.stringify(check.body)}`;
    const said = exchange.json === null || exchange.json === undefined ? '' : ` ${JSON.stringify(exchange.json).slice(0, 160)}`;
    return fail(`\`${check.method} ${check.path}\`${sent}${where} answered ${exchange.status}${said}, not ${check.status}.${fix ? ` ${fix}` : ''}`);
  }
  if (check.jsonHas && !(exchange.json !== null && typeof exchange.json === 'object' && check.jsonHas in exchange.json)) {
    return fail(`The answer has no “${check.jsonHas}”: ${JSON.stringify(exchange.json).slice(0, 120)}`);
  }
  return ok;
}

function round(n: number) {
  return Number(n.toFixed(4));
}

/** What a run must collect for these checks: variable values, and requests to send to the served app. */
/** The first command of a shell run that failed (matching `pattern`, if given): its line and the first line of its error. */
function failedCommand(outcome: RunResult['outcome'], pattern?: RegExp): { line: string; error: string } | null {
  const entry = outcome.shell?.transcript.find((e) => e.code !== 0 && (!pattern || pattern.test(e.line.trim())));
  if (!entry) return null;
  const said = (stream: 'stdout' | 'stderr') => entry.output.filter((o) => o.stream === stream).map((o) => o.text).join('').split('\n').map((l) => l.trim()).filter(Boolean);
  // Most tools say why on stderr; git commit says "nothing added to commit…" on stdout, last.
  const error = (said('stderr')[0] ?? said('stdout').at(-1) ?? `it exited with status ${entry.code}`).replace(/[.:]$/, '');
  return { line: entry.line.trim(), error };
}

/**
 * Whether `text` shows `value` as people print numbers: its digits rounded to
 * what is shown (0.85, 0.850, 0.8475), or as a percentage (85%, 84.8%). At least
 * two decimals without a percent sign, so an epoch number "1" is not 0.85.
 */
export function printsNumber(text: string, value: number): boolean {
  for (const m of text.matchAll(/-?\d+(?:\.(\d+))?(\s?%)?/g)) {
    const decimals = m[1]?.length ?? 0;
    const shown = Number.parseFloat(m[0]);
    const half = 0.5 * 10 ** -decimals + 1e-12;
    if (m[2] ? Math.abs(shown - value * 100) <= half : decimals >= 2 && Math.abs(shown - value) <= half) return true;
  }
  return false;
}

export function probesFor(checks: { expect: Check }[]): { variables: string[]; requests: HttpRequest[]; asserts: string[]; containers: ContainerTrialSpec[]; committedPaths: string[] } {
  const containers = new Map<string, ContainerTrialSpec>();
  for (const { expect: c } of checks) {
    if (c.kind !== 'container') continue;
    const trial = containers.get(c.publish) ?? { publish: c.publish, requests: [] };
    trial.requests.push({ method: c.method, path: c.path, body: c.body ?? null });
    containers.set(c.publish, trial);
  }
  return {
    containers: [...containers.values()],
    asserts: checks.flatMap((c) => (c.expect.kind === 'assert' ? [c.expect.python] : [])),
    variables: checks.flatMap((c) => (c.expect.kind === 'variable' || c.expect.kind === 'prints-value' ? [c.expect.name] : [])),
    requests: checks.flatMap((c) => (c.expect.kind === 'http' ? [{ method: c.expect.method, path: c.expect.path, body: c.expect.body ?? null }] : [])),
    committedPaths: checks.flatMap((c) => (c.expect.kind === 'git-committed' ? [c.expect.path] : [])),
  };
}

export function judgeAll(checks: { expect: Check }[], evidence: Evidence): CheckVerdict[] {
  return checks.map((c) => judge(c.expect, evidence));
}
