// The lab tests' Pyodide in Node lives beside the lesson proof's runner, which uses it too.
export { createNodeLab, lifecycleStart, type NodeLab } from '../../scripts/node-lab';
