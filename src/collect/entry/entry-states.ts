import type { Answer, Answers } from '../form/check-answers.js';
import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import type { EntryPass, EntryResolution } from './entry-store.js';

/** One variable on which the two passes of a questionnaire differ, and its adjudication if any. */
export interface Disagreement {
  formNo: string;
  variable: string;
  first: Answer;
  second: Answer;
  resolution: EntryResolution | null;
}

/** Where a questionnaire number stands: keyed once, keyed twice with open disagreements, or verified. */
export interface EntryState {
  formNo: string;
  passes: EntryPass[];
  disagreements: Disagreement[];
  status: 'keyed-once' | 'disputed' | 'verified';
  /** The answers as verified (agreed values and resolutions), once verified. */
  answers: Answers | null;
}

const valueOf = (answers: Answers, name: string): Answer => (Object.prototype.hasOwnProperty.call(answers, name) ? answers[name] : null);

/** Whether two keyings of a question agree: a multi-select as a set, a ranking in order, else the code or text. */
export function sameAnswer(q: FormQuestion, a: Answer, b: Answer): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const x = a.map(String);
    const y = b.map(String);
    if (q.type === 'multi') {
      x.sort();
      y.sort();
    }
    return x.every((v, i) => v === y[i]);
  }
  return String(a) === String(b);
}

/**
 * The state of every questionnaire number keyed: its passes, the variables on which they
 * disagree (in codebook order) with the latest resolution of each, and the verified answers once
 * both passes are in and every disagreement is resolved.
 */
export function entryStates(spec: FormSpec, passes: EntryPass[], resolutions: EntryResolution[]): EntryState[] {
  const latest = new Map<string, EntryResolution>();
  for (const r of resolutions) latest.set(`${r.formNo}\u0000${r.variable}`, r);
  const byNo = new Map<string, EntryPass[]>();
  for (const p of passes) byNo.set(p.formNo, [...(byNo.get(p.formNo) ?? []), p]);
  const states: EntryState[] = [];
  for (const [formNo, keyed] of byNo) {
    keyed.sort((a, b) => a.pass - b.pass);
    if (keyed.length < 2) {
      states.push({ formNo, passes: keyed, disagreements: [], status: 'keyed-once', answers: null });
      continue;
    }
    const [one, two] = keyed;
    const disagreements: Disagreement[] = [];
    const answers: Answers = {};
    for (const q of spec.questions) {
      const first = valueOf(one.answers, q.name);
      const second = valueOf(two.answers, q.name);
      let value = first;
      if (!sameAnswer(q, first, second)) {
        const resolution = latest.get(`${formNo}\u0000${q.name}`) ?? null;
        disagreements.push({ formNo, variable: q.name, first, second, resolution });
        value = resolution ? resolution.chosen : null;
      }
      if (value !== null) answers[q.name] = value;
    }
    const open = disagreements.some((d) => d.resolution === null);
    states.push({ formNo, passes: keyed, disagreements, status: open ? 'disputed' : 'verified', answers: open ? null : answers });
  }
  return states.sort((a, b) => a.formNo.localeCompare(b.formNo, 'en', { numeric: true }));
}

/** One operator's keying quality: fields compared against the other pass, disagreements, and errors the adjudication laid at their door. */
export interface OperatorRate {
  operator: string;
  passes: number;
  /** Questionnaires of theirs that have both passes. */
  compared: number;
  /** Fields compared: questions × questionnaires with both passes. */
  fields: number;
  disagreements: number;
  /** Disagreements / fields. */
  discrepancyRate: number | null;
  /** Resolved disagreements where the adjudicator chose another value than theirs. */
  errors: number;
  /** Errors / fields (adjudicated disagreements only; open ones are not yet anybody's). */
  errorRate: number | null;
}

/** The discrepancy rate per operator (EpiData's validation report, per person). */
export function operatorRates(spec: FormSpec, states: EntryState[]): OperatorRate[] {
  const rates = new Map<string, OperatorRate>();
  const rateOf = (operator: string) => {
    let r = rates.get(operator);
    if (!r) rates.set(operator, (r = { operator, passes: 0, compared: 0, fields: 0, disagreements: 0, discrepancyRate: null, errors: 0, errorRate: null }));
    return r;
  };
  const byName = new Map(spec.questions.map((q) => [q.name, q]));
  for (const s of states) {
    for (const p of s.passes) {
      const r = rateOf(p.operator);
      r.passes++;
      if (s.passes.length < 2) continue;
      r.compared++;
      r.fields += spec.questions.length;
      r.disagreements += s.disagreements.length;
      for (const d of s.disagreements) {
        const q = byName.get(d.variable);
        if (d.resolution && q && !sameAnswer(q, p.pass === 1 ? d.first : d.second, d.resolution.chosen)) r.errors++;
      }
    }
  }
  return [...rates.values()]
    .map((r) => ({ ...r, discrepancyRate: r.fields ? r.disagreements / r.fields : null, errorRate: r.fields ? r.errors / r.fields : null }))
    .sort((a, b) => a.operator.localeCompare(b.operator));
}
