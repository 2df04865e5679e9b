/** The conversion between Python and blocks, and run comparison: pure functions, no React. */
export { pythonToBlocks } from './python-to-blocks';
export type { Converted, PythonParser, Workspace } from './python-to-blocks';
export { workspaceToProgram, workspaceToPython } from './workspace-python';
export { compareRuns, summarize } from './compare-runs';
export type { RunComparison, RunSummary } from './compare-runs';
