import type { Codebook, Variable } from '../../core/types.js';
import type { FormSpec } from '../form/form-spec.js';

/** The question details the form keeps as the codebook has them. */
const KEPT = ['labelEn', 'range', 'relevant', 'constraint', 'group', 'unit'] as const;

/**
 * The codebook a form was made from, as far as the form keeps it (names, types, choices and
 * missing codes, grids, skip logic, ranges, checks): enough for the coded table and the cleaning
 * rules, so the server's quality view needs only the form it already has.
 */
export function specCodebook(spec: FormSpec): Codebook {
  const variables = spec.questions.map((q): Variable => {
    const choice = (c: FormSpec['questions'][number]['choices'][number]) => ({ code: c.code, label: c.label, ...(c.labelEn ? { labelEn: c.labelEn } : {}), aliases: [] });
    const v: Variable = { name: q.name, label: q.label, type: q.type, aliases: [], required: q.required };
    const choices = q.choices.filter((c) => !c.missing).map(choice);
    const missing = q.choices.filter((c) => c.missing).map(choice);
    if (choices.length) v.choices = choices;
    if (missing.length) v.missing = missing;
    for (const key of KEPT) if (q[key] !== undefined) Object.assign(v, { [key]: q[key] });
    return v;
  });
  return { id: spec.id, title: spec.title, variables, checks: spec.checks.map((c) => ({ name: c.name, check: c.check, message: c.message })), derive: [] };
}
