// lab.load_dataset is generic: any lesson's CSV, its label the last column
// unless the lesson names another, in the real CPython (Pyodide).
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from './python';

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
  lab.write('payments.csv', 'amount,night,fraud\n10.5,0,0\n900,1,1\n12,0,0\n');
}, 180_000);

describe('lab datasets', () => {
  it('take the last column as the label', () => {
    const r = lab.run(
      `import lab
d = lab.load_dataset("payments.csv")
summary = f"{d.feature_names} {d.target_name} {d.y} {d.X[1]}"
train, test = lab.split(d, test_size=0.34, seed=1)
kept = f"{train.target_name} {test.target_name} {d.head(1).target_name}"
`,
      { variables: ['summary', 'kept'] },
    );
    expect(r.error).toBeNull();
    expect(r.variables.summary).toBe("['amount', 'night'] fraud [0, 1, 0] [900.0, 1.0]");
    expect(r.variables.kept).toBe('fraud fraud fraud');
  });

  it('take another column when the lesson names it, and say so when it does not exist', () => {
    const r = lab.run(
      `import lab
d = lab.load_dataset("payments.csv", target="night")
summary = f"{d.feature_names} {d.y}"
`,
      { variables: ['summary'] },
    );
    expect(r.variables.summary).toBe("['amount', 'fraud'] [0, 1, 0]");
    const bad = lab.run('import lab\nlab.load_dataset("payments.csv", target="label")\n');
    expect(bad.error?.type).toBe('KeyError');
    expect(bad.error?.message).toContain("no column named 'label'; columns are ['amount', 'night', 'fraud']");
  });
});
