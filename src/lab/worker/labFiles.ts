// What the lab is made of: the Python modules put on sys.path, bundled as text
// (src/lab/python). The project's start files come with each lesson
// (src/lab/startWorld.ts), not from here.
const python = import.meta.glob('../python/**/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Where the lab's modules live inside the Python file system. */
export const LIB_DIR = '/lab/lib';
/** The learner's project folder: the current directory of every run. */
export const HOME = '/home/lab';

/** Module files, keyed by their path under LIB_DIR ("mlflow/__init__.py"). */
export const PYTHON_MODULES: Record<string, string> = Object.fromEntries(
  Object.entries(python).map(([path, text]) => [path.replace('../python/', ''), text]),
);
