import { UsageError } from '../core/errors.js';
import type { Variable } from '../core/types.js';
import type { FrameColumn } from './frame-column.js';

/**
 * Codes a column as a factor (R: `factor()`), levels named by codebook label. Level order: the
 * `--levels` list first (matched by label or code), then the codebook's choice order, then the
 * remaining values sorted (numbers numerically, texts by code point, as R in the C locale).
 */
export function factorLevels(values: ArrayLike<number | string | null>, variable: Variable | undefined, override: readonly string[] | undefined, name: string): Extract<FrameColumn, { kind: 'factor' }> {
  const present = new Set<string>();
  const numeric = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    present.add(String(v));
    if (typeof v === 'number') numeric.set(String(v), v);
  }
  // Each present raw value gets the name R would print: its codebook label, else itself.
  const nameOf = new Map<string, string>();
  const order: string[] = [];
  for (const choice of variable?.choices ?? []) {
    const raw = [String(choice.code), choice.label].find((r) => present.has(r));
    if (raw === undefined) continue;
    nameOf.set(raw, choice.label);
    order.push(raw);
    if (raw !== choice.label && present.has(choice.label)) {
      nameOf.set(choice.label, choice.label);
      order.push(choice.label);
    }
  }
  const rest = [...present].filter((r) => !nameOf.has(r));
  rest.sort((a, b) => (numeric.has(a) && numeric.has(b) ? numeric.get(a)! - numeric.get(b)! : a < b ? -1 : a > b ? 1 : 0));
  for (const raw of rest) {
    nameOf.set(raw, raw);
    order.push(raw);
  }
  const levelNames = [...new Set(order.map((r) => nameOf.get(r)!))];
  let levels = levelNames;
  if (override) {
    const wanted = override.map((item) => {
      const hit = levelNames.find((l) => l === item) ?? (present.has(item) ? nameOf.get(item) : undefined);
      if (hit === undefined) {
        throw new UsageError(`--levels ${name}: "${item}" is not a value of ${name}`, { hint: `its values are: ${levelNames.join(', ')}` });
      }
      return hit;
    });
    levels = [...new Set([...wanted, ...levelNames])];
  }
  const index = new Map(levels.map((l, k) => [l, k]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = v === null || (typeof v === 'number' && Number.isNaN(v)) ? -1 : index.get(nameOf.get(String(v))!)!;
  }
  return { kind: 'factor', codes, levels };
}
