import { checkAnswers, type AnswerCheck, type CompiledForm } from '../form/check-answers.js';

/** The form fields of a correction page as the answers the form script would send (rank fields are `name.code` = rank). */
export function correctionInput(form: CompiledForm, fields: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const text = (name: string) => {
    const value = fields.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  for (const q of form.spec.questions) {
    let value: unknown;
    if (q.type === 'multi') value = fields.getAll(q.name).filter((v) => typeof v === 'string' && v !== '');
    else if (q.type === 'rank') {
      value = q.choices
        .filter((c) => !c.missing && text(`${q.name}.${String(c.code)}`) !== null)
        .map((c) => ({ code: String(c.code), rank: Number(text(`${q.name}.${String(c.code)}`)) }))
        .sort((a, b) => a.rank - b.rank)
        .map((r) => r.code);
    } else value = text(q.name);
    if (value !== null && !(Array.isArray(value) && value.length === 0)) input[q.name] = value;
  }
  return input;
}

/**
 * Checks corrected answers as the form does before sending: answers to questions the skip logic
 * no longer asks are dropped (the enumerator changed an earlier answer), then the rest is checked.
 */
export function checkCorrection(form: CompiledForm, input: Record<string, unknown>): AnswerCheck {
  const asked = new Set(checkAnswers(form, input).asked);
  return checkAnswers(form, Object.fromEntries(Object.entries(input).filter(([name]) => asked.has(name))));
}
