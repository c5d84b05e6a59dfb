// The lab's shell in a real browser: DVC and git over the lab's files.
import { describe, expect, inject, it } from 'vitest';
import { openEditor, seriousViolations, sharedPage, typeIntoEditor } from './browser';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);


describe('versioning data with DVC and git', () => {
  it('typed commands run, the explorer shows the .dvc file and the commit, and training reads the same data', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/ingest-and-version`);
    await typeIntoEditor(page, [
      'dvc init',
      'dvc add data/raw_data.csv',
      'git add data/.gitignore data/raw_data.csv.dvc',
      'git commit -m "Version 1.0 dataset"',
      'cat data/raw_data.csv.dvc',
      'git log --oneline',
    ].join('\n'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Checks' }).getByRole('status').innerText(), { timeout: 60_000 })
      .toBe('3 of 3 passed on your last run.');

    const terminal = await page.getByRole('log', { name: 'Console' }).innerText();
    expect(terminal).toContain('$ dvc init\nInitialized DVC repository.');
    expect(terminal).toMatch(/\$ cat data\/raw_data\.csv\.dvc\nouts:\n- md5: [0-9a-f]{32}\n {2}size: \d+\n {2}hash: md5\n {2}path: raw_data\.csv\n/);
    const commit = /\[main ([0-9a-f]{7})\] Version 1\.0 dataset/.exec(terminal)?.[1];
    expect(commit).toBeTruthy();
    expect(terminal).toContain(`$ git log --oneline\n${commit} (HEAD -> main) Version 1.0 dataset\ndebbe21 Initial project skeleton`);

    const viewer = page.getByRole('region', { name: 'File data/raw_data.csv.dvc' });
    await expect.poll(() => viewer.innerText()).toMatch(/md5: [0-9a-f]{32}[\s\S]*size: \d+[\s\S]*hash: md5[\s\S]*path: raw_data\.csv/);
    expect(await page.getByRole('region', { name: 'Git log' }).innerText()).toContain(`${commit} Version 1.0 dataset`);
    expect(await page.getByRole('navigation', { name: 'Project files' }).getByRole('button', { name: /raw_data\.csv\s*DVC/ }).count()).toBe(1);
    expect(await seriousViolations(page), 'repo explorer').toEqual([]);

    // The training step reads the file just versioned.
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    const editor = await openEditor(page);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('import hashlib; print(hashlib.md5(open("data/raw_data.csv", "rb").read()).hexdigest(), open("data/raw_data.csv.dvc").read().split()[3])');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('log', { name: 'Console' }).innerText(), { timeout: 60_000 }).toMatch(/^([0-9a-f]{32}) \1\s*$/m);
    expect(session().errors).toEqual([]);
    expect(session().offOrigin).toEqual([]);
  });
  it('python runs from the shell over the same project: its output in the pipeline, its exit status in $?, its traceback on stderr', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/ingest-and-version`);
    await typeIntoEditor(page, [
      "cat > gate.py <<'EOF'",
      'import csv, sys',
      'rows = list(csv.reader(open(sys.argv[1])))',
      'print(f"{len(rows) - 1} rows, {len(rows[0])} columns")',
      'sys.exit(0 if len(rows) > 100 else 3)',
      'EOF',
      'python3 gate.py data/raw_data.csv && echo "gate passed"',
      'python -c "import sys; sys.exit(3)"; echo "status $?"',
      'python -c "1/0" 2>&1 | tail -n 1',
      'python gate.py data/raw_data.csv | wc -l',
    ].join('\n'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const log = page.getByRole('log', { name: 'Console' });
    await expect.poll(() => log.innerText(), { timeout: 120_000 }).toContain('$ python gate.py data/raw_data.csv | wc -l\n1\n');
    const terminal = await log.innerText();
    expect(terminal).toContain('$ python3 gate.py data/raw_data.csv && echo "gate passed"\n400 rows, 5 columns\ngate passed\n');
    expect(terminal).toContain('$ python -c "import sys; sys.exit(3)"; echo "status $?"\nstatus 3\n');
    expect(terminal).toContain('$ python -c "1/0" 2>&1 | tail -n 1\nZeroDivisionError: division by zero\n');
    expect(session().errors).toEqual([]);
  });
});
