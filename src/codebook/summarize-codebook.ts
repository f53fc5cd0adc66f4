import type { Codebook, VariableType } from '../core/types.js';

/** How much a codebook holds: variables by type, checks and derives. */
export interface CodebookSummary {
  id: string;
  variables: number;
  /** Variables per type, in the order types first appear. */
  types: Partial<Record<VariableType, number>>;
  checks: number;
  derive: number;
}

/** Counts a codebook's variables (by type), checks and derives, for `codebook check` and `import`. */
export function summarizeCodebook(cb: Codebook): CodebookSummary {
  const types: Partial<Record<VariableType, number>> = {};
  for (const { type } of cb.variables) types[type] = (types[type] ?? 0) + 1;
  return { id: cb.id, variables: cb.variables.length, types, checks: cb.checks.length, derive: cb.derive.length };
}
