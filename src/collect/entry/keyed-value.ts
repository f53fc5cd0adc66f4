import type { FormQuestion } from '../form/form-spec.js';

/**
 * What an operator typed for a question, as an answer for checkAnswers: a multi-select or a
 * ranking as its codes (typed apart by spaces, commas or 、), anything else as typed; blank is
 * no answer. Shared by the entry screen and the adjudication form.
 */
export function keyedValue(q: FormQuestion, typed: string): unknown {
  const text = typed.trim();
  if (text === '') return null;
  if (q.type === 'multi' || q.type === 'rank') return text.split(/[\s,，、;；]+/).filter((c) => c !== '');
  return text;
}

/** An answer as the operator would key it: codes, with a multi-select's or ranking's apart by spaces. */
export function keyedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.map(String).join(' ') : String(value);
}
