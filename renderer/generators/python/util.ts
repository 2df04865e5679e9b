import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';

export function needs(g: PythonGenerator, module: 'asyncio' | 'time'): void {
  (g as unknown as { definitions_: Record<string, string> }).definitions_[`import_${module}`] = `import ${module}`;
}

export function value(g: PythonGenerator, block: Blockly.Block, input: string, fallback = ''): string {
  return g.valueToCode(block, input, Order.NONE) || fallback;
}

/** Non-empty inputs among `names`, dropping trailing empty ones only (positions matter). */
export function args(g: PythonGenerator, block: Blockly.Block, names: string[]): string {
  const values = names.map((n) => value(g, block, n));
  while (values.length && values[values.length - 1] === '') values.pop();
  return values.map((v) => v || 'None').join(', ');
}

export function body(g: PythonGenerator, block: Blockly.Block, input: string): string {
  return g.statementToCode(block, input) || g.INDENT + 'pass\n';
}
