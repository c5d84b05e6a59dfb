// What the lab is made of: the Python modules put on sys.path, bundled as text
// (src/lab/python). The project's start files come with each lesson
// (src/lab/startWorld.ts), not from here.
import type { PyodideAPI } from 'pyodide';

const python = import.meta.glob('../python/**/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Where the lab's modules live inside the Python file system. */
export const LIB_DIR = '/lab/lib';
/** The learner's project folder: the current directory of every run. */
export const HOME = '/home/lab';

/** Module files, keyed by their path under LIB_DIR ("mlflow/__init__.py"). */
export const PYTHON_MODULES: Record<string, string> = Object.fromEntries(
  Object.entries(python).map(([path, text]) => [path.replace('../python/', ''), text]),
);

/** Write a file into Python's file system, making its folders. */
export function writeFile(py: PyodideAPI, path: string, data: string | Uint8Array) {
  py.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')));
  py.FS.writeFile(path, data);
}

/** Write the lab's modules under LIB_DIR (the file system is new on every start, a restored snapshot's too). */
export function writeLabModules(py: PyodideAPI) {
  for (const [path, text] of Object.entries(PYTHON_MODULES)) writeFile(py, `${LIB_DIR}/${path}`, text);
}
