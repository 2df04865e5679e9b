/** Everything the views derive from one finished run, computed once when the trace arrives. */
import type { Trace } from '../../shared/trace';
import { layoutTrace } from '../timeline/layout';
import type { Layout } from '../timeline/layout';
import { buildStepIndex } from '../stepper/positions';
import type { StepIndex } from '../stepper/positions';
import { buildStateIndex } from '../stepper/state';
import type { StateIndex } from '../stepper/state';

export interface RunModel {
  trace: Trace;
  layout: Layout;
  steps: StepIndex;
  states: StateIndex;
  runMs: number;
  /** Program lines (1-based) → block id, as generated for this run. */
  lineBlocks: string[];
  filename: string;
}

export function buildRunModel(trace: Trace, runMs: number, lineBlocks: string[], filename: string): RunModel {
  return { trace, layout: layoutTrace(trace), steps: buildStepIndex(trace), states: buildStateIndex(trace), runMs, lineBlocks, filename };
}
