import { checkAnswers, type AnswerProblem, type Answers, type CompiledForm } from '../form/check-answers.js';
import { ConflictError } from '../storage/submission-store.js';
import { entryStates, operatorRates, type EntryState, type OperatorRate } from './entry-states.js';
import { PAPER_PREFIX, type EntryPass, type EntryStore } from './entry-store.js';

/**
 * A paper questionnaire's answers checked as the server checks a browser's, with one difference:
 * a question left blank on paper is keyed blank (required-missing is the cleaning's to flag, not
 * the operator's to invent). Codes, ranges, constraints and skip logic are enforced.
 */
export function checkPaperAnswers(form: CompiledForm, raw: Record<string, unknown>): { answers: Answers; errors: AnswerProblem[] } {
  const checked = checkAnswers(form, raw);
  return { answers: checked.answers, errors: checked.errors.filter((e) => e.rule !== 'required-missing') };
}

/** The submission id of a verified paper questionnaire: its number, so it is stored once whatever happens. */
export const paperSubmissionId = (formNo: string) => `${PAPER_PREFIX}${formNo}`;

/**
 * Stores every verified questionnaire not yet among the submissions, as a submission like a
 * browser's: the first operator's account, no interview duration (keying time is not interview
 * time), and `device` (source_detail in the export) saying it came from paper and who keyed it.
 * Idempotent (the id is the number), so it also completes a promotion a crash interrupted.
 */
export async function promoteVerified(entry: EntryStore, form: CompiledForm, states: EntryState[]): Promise<number> {
  const done = await entry.promotedIds();
  let made = 0;
  for (const s of states) {
    if (s.status !== 'verified' || !s.answers || done.has(paperSubmissionId(s.formNo))) continue;
    const [one, two] = s.passes;
    const at = new Date().toISOString();
    const { created } = await entry.store.submit({
      id: paperSubmissionId(s.formNo),
      formId: form.spec.id,
      enumeratorId: one.operatorId,
      answers: s.answers,
      startedAt: null,
      endedAt: null,
      receivedAt: at,
      durationS: null,
      device: `paper ${s.formNo}; double entry: ${one.operator}, ${two.operator}${s.disagreements.length ? `; ${s.disagreements.length} adjudicated` : ''}`,
      ip: null,
      latitude: null,
      longitude: null,
    });
    if (created) made++;
  }
  return made;
}

/** Where double entry stands: every questionnaire number, the open disagreements, and each operator's rates. */
export interface EntryReport {
  states: EntryState[];
  operators: OperatorRate[];
}

/** Reads the passes and resolutions and works out the states (promoting any verified questionnaire a crash left behind). */
export async function entryReport(entry: EntryStore, form: CompiledForm): Promise<EntryReport> {
  const states = entryStates(form.spec, await entry.passes(), await entry.resolutions());
  await promoteVerified(entry, form, states);
  return { states, operators: operatorRates(form.spec, states) };
}

/** A refused keying or adjudication, with the answers' problems when that is why. */
export class EntryRefused extends Error {
  constructor(
    message: string,
    readonly problems: AnswerProblem[] = [],
  ) {
    super(message);
    this.name = 'EntryRefused';
  }
}

/** Saves one pass after checking it; when it is the second and agrees throughout, the questionnaire is verified and stored at once. */
export async function keyPass(
  entry: EntryStore,
  form: CompiledForm,
  input: { formNo: string; operatorId: number; answers: Record<string, unknown>; startedAt: string | null },
): Promise<{ pass: EntryPass; created: boolean; state: EntryState['status'] }> {
  const checked = checkPaperAnswers(form, input.answers);
  if (checked.errors.length) throw new EntryRefused('the answers do not pass the questionnaire checks', checked.errors);
  const { pass, created } = await entry.savePass({ formNo: input.formNo, operatorId: input.operatorId, answers: checked.answers, startedAt: input.startedAt });
  const report = await entryReport(entry, form);
  const state = report.states.find((s) => s.formNo === input.formNo)?.status ?? 'keyed-once';
  return { pass, created, state };
}

/**
 * Records an adjudicator's choices for a questionnaire's disagreements. Each chosen value is
 * checked in the questionnaire as it would then be verified (codes, ranges, skip logic), so a
 * resolution cannot make a questionnaire the server would refuse.
 */
export async function adjudicate(entry: EntryStore, form: CompiledForm, userId: number, formNo: string, choices: { variable: string; chosen: unknown }[]): Promise<EntryState> {
  const before = (await entryReport(entry, form)).states.find((s) => s.formNo === formNo);
  if (!before || before.passes.length < 2) throw new ConflictError(`questionnaire ${formNo} has not been keyed twice`);
  if (before.status === 'verified') throw new ConflictError(`questionnaire ${formNo} is verified already`);
  const open = new Set(before.disagreements.map((d) => d.variable));
  for (const c of choices) if (!open.has(c.variable)) throw new ConflictError(`questionnaire ${formNo}: the passes agree on ${c.variable}`);
  const proposed: Record<string, unknown> = { ...before.passes[0].answers };
  for (const d of before.disagreements) {
    const chosen = choices.find((c) => c.variable === d.variable)?.chosen ?? d.resolution?.chosen ?? d.first;
    if (chosen === null) delete proposed[d.variable];
    else proposed[d.variable] = chosen;
  }
  const checked = checkPaperAnswers(form, proposed);
  // Only the variables in dispute can be wrong here: the agreed ones passed the checks in both passes.
  const problems = checked.errors.filter((e) => open.has(e.variable));
  if (problems.length) throw new EntryRefused('the chosen values do not pass the questionnaire checks', problems);
  // Stored as checked (codes typed as in the codebook, texts trimmed).
  await entry.resolve(formNo, userId, choices.map((c) => ({ variable: c.variable, chosen: checked.answers[c.variable] ?? null })));
  const after = await entryReport(entry, form);
  return after.states.find((s) => s.formNo === formNo) as EntryState;
}
