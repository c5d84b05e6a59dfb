// `python` typed in the lab's shell runs in the lab's Python (real Pyodide, as
// the worker runs it) over the same project: output in the pipeline, exit status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from '../python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 120_000);
afterAll(() => lab?.py.runPython('None'));

/** The console text of a shell run. */
async function terminal(script: string) {
  const result = await lab.shell(script);
  return result.output.map((c) => c.text).join('');
}

describe('python from the shell', () => {
  it('runs a file with arguments; its output goes into the pipeline', async () => {
    lab.write('greet.py', 'import sys\nprint("hello", *sys.argv[1:])\nprint("second line")\n');
    expect(await terminal('python greet.py a "b c" | wc -l\npython3 greet.py x')).toBe('$ python greet.py a "b c" | wc -l\n2\n$ python3 greet.py x\nhello x\nsecond line\n');
  });

  it('sys.exit(3) is status 3 with no traceback; an exception is 1 with its traceback on stderr, the script by its absolute path (Python 3.9+)', async () => {
    lab.write('gate.py', 'import sys\nsys.exit(3)\n');
    lab.write('boom.py', 'def f():\n    raise ValueError("bad data")\nf()\n');
    expect(await terminal('python gate.py; echo "status $?"')).toBe('$ python gate.py; echo "status $?"\nstatus 3\n');
    const out = await lab.shell('python boom.py');
    const text = out.output.map((c) => `${c.stream}:${c.text}`).join('');
    expect(text).toContain('stderr:Traceback (most recent call last):\n  File "/home/lab/boom.py", line 3, in <module>\n');
    expect(text).toContain('ValueError: bad data\n');
    expect(text.endsWith('stderr:[exit 1]\n')).toBe(true);
  });

  it('a CI-style gate: python validate.py && python train.py', async () => {
    lab.write('validate.py', 'import csv\nrows = list(csv.reader(open("data/raw_data.csv")))\nprint(f"{len(rows) - 1} rows")\nraise SystemExit(0 if len(rows) > 1 else 1)\n');
    lab.write('train.py', 'print("training")\n');
    const out = await terminal('python validate.py && python train.py');
    expect(out).toMatch(/^\$ python validate\.py && python train\.py\n\d+ rows\ntraining\n$/);
    lab.write('validate.py', 'raise SystemExit(1)\n');
    expect(await terminal('python validate.py && python train.py')).toBe('$ python validate.py && python train.py\n[exit 1]\n');
  });

  it('-c, -m, stdin, the shell\'s folder and exported variables', async () => {
    lab.py.FS.mkdirTree('/home/lab/tools');
    lab.write('tools/__init__.py', '');
    lab.write('tools/hello.py', 'import os\nprint("module", os.environ.get("STAGE"), os.getcwd())\n');
    expect(await terminal('export STAGE=dev\npython -m tools.hello\ncd data && python -c "import os; print(os.getcwd())"\necho "print(6 * 7)" | python')).toBe(
      '$ export STAGE=dev\n$ python -m tools.hello\nmodule dev /home/lab\n$ cd data && python -c "import os; print(os.getcwd())"\n/home/lab/data\n$ echo "print(6 * 7)" | python\n42\n',
    );
  });

  it('what Python says for a missing file or module; the prompt it cannot show', async () => {
    expect(await terminal('python nope.py')).toBe("$ python nope.py\npython: can't open file '/home/lab/nope.py': [Errno 2] No such file or directory\n[exit 2]\n");
    expect(await terminal('python -m nope')).toBe('$ python -m nope\npython: No module named nope\n[exit 1]\n');
    expect(await terminal('python')).toBe("$ python\npython: the lab's shell has no keyboard, so Python's interactive prompt cannot run: run a file (python train.py), or python -c 'code'\n[exit 1]\n");
  });

  it('files Python writes are the files the shell sees', async () => {
    expect(await terminal('python -c "open(\'made.txt\', \'w\').write(\'from python\\n\')" && cat made.txt')).toBe(
      '$ python -c "open(\'made.txt\', \'w\').write(\'from python\\n\')" && cat made.txt\nfrom python\n',
    );
  });
});
