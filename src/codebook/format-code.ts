import type { Code } from '../core/types.js';

/** A code as messages show it: `2` for a number, `"yes"` for text. */
export function formatCode(code: Code): string {
  return typeof code === 'number' ? String(code) : JSON.stringify(code);
}
