import { expect } from 'vitest';

/** A named tolerance: relative (rtol) and/or absolute (atol), and what is compared. */
export interface Tolerance {
  rtol?: number;
  atol?: number;
  label: string;
}

/**
 * Asserts |actual − expected| ≤ atol + rtol·|expected| element-wise (numpy `isclose` semantics),
 * naming the quantity and index on failure. null/NaN must match null/NaN.
 */
export function expectClose(actual: number | null | readonly (number | null)[], expected: number | null | readonly (number | null)[], tol: Tolerance): void {
  const a = Array.isArray(actual) ? actual : [actual];
  const e = Array.isArray(expected) ? expected : [expected];
  expect(a.length, `${tol.label}: length`).toBe(e.length);
  const rtol = tol.rtol ?? 0;
  const atol = tol.atol ?? 0;
  e.forEach((want, i) => {
    const got = a[i] as number | null;
    const where = e.length > 1 ? `${tol.label}[${i}]` : tol.label;
    if (want === null || Number.isNaN(want)) {
      expect(got === null || Number.isNaN(got), `${where}: expected NA, got ${got}`).toBe(true);
      return;
    }
    expect(got, `${where}: expected ${want}, got null`).not.toBeNull();
    const diff = Math.abs((got as number) - (want as number));
    const bound = atol + rtol * Math.abs(want as number);
    expect(diff <= bound, `${where}: ${got} vs ${want} (|diff| ${diff.toExponential(3)} > ${bound.toExponential(3)})`).toBe(true);
  });
}
