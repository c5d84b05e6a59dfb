// The training step's solution, run in the lab's real CPython: every epoch's loss and
// accuracy and the test accuracy, pinned to the last bit. A faster lab.fit (or a new
// Pyodide) must give the learner exactly the numbers the lesson was written against.
import { beforeAll, expect, it } from 'vitest';
import { createNodeLab, type NodeLab } from '../../scripts/node-lab';
import { loadCourse } from '../../scripts/content-files';

const step = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')?.steps.find((s) => s.slug === 'the-training-loop');

// [epoch, loss, training accuracy], as the training report receives them.
const HISTORY = [[1, 0.6931471805579499, 0.3375], [2, 0.6244186672733536, 0.875], [3, 0.5713669085502144, 0.878125], [4, 0.5298850468458514, 0.875], [5, 0.4968770534569269, 0.875], [6, 0.47012244960441274, 0.878125], [7, 0.4480522155880154, 0.878125], [8, 0.42955367821901147, 0.88125], [9, 0.4138278812082038, 0.88125], [10, 0.400291771297906, 0.88125], [11, 0.3885124565438891, 0.884375], [12, 0.3781630323640947, 0.884375], [13, 0.3689926269747644, 0.884375], [14, 0.3608058133264683, 0.8875], [15, 0.3534482414104808, 0.8875], [16, 0.3467964533352863, 0.890625], [17, 0.34075055162485957, 0.890625], [18, 0.3352288430674184, 0.890625], [19, 0.3301638708526477, 0.890625], [20, 0.3254994364227434, 0.890625], [21, 0.32118833663855456, 0.890625], [22, 0.31719062469995307, 0.890625], [23, 0.3134722592837531, 0.89375], [24, 0.3100040447669771, 0.89375], [25, 0.30676079207571927, 0.89375], [26, 0.3037206484581474, 0.89375], [27, 0.30086455783123445, 0.89375], [28, 0.2981758229621099, 0.89375], [29, 0.2956397477389907, 0.89375], [30, 0.2932433429284662, 0.89375]];

let lab: NodeLab;
beforeAll(async () => {
  lab = await createNodeLab();
}, 180_000); // loading Pyodide on a busy 2-core machine

it('the training-loop solution trains to the same losses and accuracies, bit for bit', () => {
  const solution = step?.solution.find((f) => f.file === 'train.py');
  expect(solution, 'content/ml-lifecycle has the training-loop step with a train.py solution').toBeDefined();
  const run = lab.run(solution!.code, { filename: 'train.py', variables: ['accuracy'] });
  expect(run.error).toBeNull();
  const training = run.training.at(-1);
  expect(training).toMatchObject({ learning_rate: 0.5, epochs: 30 });
  // toEqual on numbers is Object.is: any change in the last bit fails.
  expect(training?.history).toEqual(HISTORY);
  expect(run.variables.accuracy).toBe(0.85);
  expect(run.stdout).toContain('epoch 30  loss=0.2932  accuracy=0.894\ntest accuracy: 0.850\n');
}, 120_000);
