// Judging a step's checks on the real outcome of a run (README.md, "The learner's code really runs"): the
// output it printed, the error it raised, its variables, the files it left and
// the tracking store — never the source text.
import type { Check } from '../../content/schema';
import { buildContext, dockerfileProblem, missingSource, readDockerfile } from './dockerfile';
import { readDvcFile } from '../shell/dvcFormat';
import { md5 } from '../shell/md5';
import { decodeFile, fileText, isLabInternal } from '../worldFiles';
import type { HttpRequest, RunResult, WorldFiles } from '../types';

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
      return printed.includes(check.text) ? ok : fail(`The output does not contain “${check.text}”.`);
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

    case 'training-loss': {
      const last = outcome.training.at(-1)?.history.at(-1);
      if (!last) return fail('No model was trained in this run.');
      return last[1] <= check.atMost ? ok : fail(`The final training loss is ${round(last[1])}, above ${check.atMost}.`);
    }

    case 'file-exists':
      return check.path in files ? ok : fail(`There is no file ${check.path}.`);

    case 'file-matches': {
      const text = fileText(files[check.path]);
      if (text === null) return fail(check.path in files ? `${check.path} is not a text file.` : `There is no file ${check.path}.`);
      if (new RegExp(check.pattern, 'm').test(text)) return ok;
      return fail(check.fix ?? `${check.path} does not hold what this check looks for.`);
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
      return outcome.newVersions.some((v) => v.name === check.registeredName)
        ? ok
        : fail(`No new version of “${check.registeredName}” was registered.`);
    }

    case 'drift-detected': {
      if (outcome.drift.length === 0) return fail('No drift was measured (lab.psi was not called).');
      return outcome.drift.some((d) => d.psi > 0.25) ? ok : fail('Drift was measured but no feature crossed PSI 0.25.');
    }

    case 'retrained': {
      const promoted = outcome.newVersions.some((v) => outcome.tracking.registered_models[v.name]?.aliases.champion === v.version);
      if (outcome.newVersions.length === 0) return fail('No new model version was registered.');
      return promoted ? ok : fail('A new version was registered, but the champion alias does not point at it.');
    }

    case 'dvc-tracked': {
      const pointer = fileText(files[`${check.path}.dvc`]);
      if (pointer === null) {
        const initialised = Object.keys(files).some((f) => f.startsWith('.dvc/'));
        return fail(initialised ? `There is no ${check.path}.dvc: run dvc add ${check.path}.` : `There is no ${check.path}.dvc, and DVC is not initialised here: run dvc init, then dvc add ${check.path}.`);
      }
      const info = readDvcFile(pointer);
      if (!info) return fail(`${check.path}.dvc is not a DVC file.`);
      const data = files[check.path];
      if (data === undefined) return fail(`${check.path} is missing from the workspace (dvc checkout restores it).`);
      const bytes = decodeFile(data);
      return md5(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) === info.md5
        ? ok
        : fail(`${check.path} has changed since dvc add: its md5 no longer matches ${check.path}.dvc.`);
    }

    case 'git-committed':
    case 'git-not-committed': {
      const repo = outcome.shell?.repo;
      if (!repo) return fail('Run your commands: the check reads the repository after them.');
      const committed = repo.committed.includes(check.path);
      if (check.kind === 'git-committed') return committed ? ok : fail(`${check.path} is not in the last commit.`);
      return committed ? fail(`${check.path} is committed to git; DVC should hold it instead.`) : ok;
    }

    case 'http': {
      if (!outcome.server) return fail('Your code did not define a FastAPI app to serve (app = FastAPI()).');
      const exchange = outcome.responses.find(
        (r) => r.method === check.method && r.path === check.path && JSON.stringify(r.body) === JSON.stringify(check.body ?? null),
      );
      if (!exchange) return fail(`The lab did not send ${check.method} ${check.path}.`);
      if (exchange.status !== check.status) return fail(`${check.method} ${check.path} answered ${exchange.status}, not ${check.status}.`);
      if (check.jsonHas && !(exchange.json !== null && typeof exchange.json === 'object' && check.jsonHas in exchange.json)) {
        return fail(`The answer has no “${check.jsonHas}”: ${JSON.stringify(exchange.json).slice(0, 120)}`);
      }
      return ok;
    }

    case 'assert': {
      // Judged in the lab right after the program (lab_runner._judge_asserts), on the evidence the lab's modules recorded.
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

function round(n: number) {
  return Number(n.toFixed(4));
}

/** What a run must collect for these checks: variable values, and requests to send to the served app. */
export function probesFor(checks: { expect: Check }[]): { variables: string[]; requests: HttpRequest[]; asserts: string[] } {
  return {
    asserts: checks.flatMap((c) => (c.expect.kind === 'assert' ? [c.expect.python] : [])),
    variables: checks.flatMap((c) => (c.expect.kind === 'variable' ? [c.expect.name] : [])),
    requests: checks.flatMap((c) => (c.expect.kind === 'http' ? [{ method: c.expect.method, path: c.expect.path, body: c.expect.body ?? null }] : [])),
  };
}

export function judgeAll(checks: { expect: Check }[], evidence: Evidence): CheckVerdict[] {
  return checks.map((c) => judge(c.expect, evidence));
}
