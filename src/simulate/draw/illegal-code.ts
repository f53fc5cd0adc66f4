import type { Variable } from '../../core/types.js';

/** The smallest whole number above a variable's choice codes that is neither a choice nor a declared missing code. */
export function illegalCode(variable: Variable): number {
  const codes = [...(variable.choices ?? []), ...(variable.missing ?? [])].map((c) => Number(c.code));
  const top = Math.max(0, ...(variable.choices ?? []).map((c) => Number(c.code)).filter(Number.isFinite));
  let code = Math.floor(top) + 1;
  while (codes.includes(code)) code++;
  return code;
}
