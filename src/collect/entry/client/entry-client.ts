/// <reference lib="dom" />
// The paper-entry screen's script (bundled for the browser by build/bundle.mjs): keying paper
// questionnaires fast, keyboard only. A complete code or a full field moves on, Enter moves on,
// the skip logic (the codebook's `relevant`, evaluated by the server's own checkAnswers) disables
// and jumps over the questions not asked, and codes and ranges are checked as they are typed.
// Text is only ever set with textContent (labels and answers stay inert).
import { checkAnswers, compileForm, type AnswerProblem } from '../../form/check-answers.js';
import type { FormQuestion, FormSpec } from '../../form/form-spec.js';
import { keyedValue } from '../keyed-value.js';
import { messageIn } from '../../../locale/bilingual.js';
import type { Lang } from '../../../locale/lang.js';

type Words = Record<string, string> & { lang: Lang };
const readJson = <T>(id: string): T => JSON.parse((document.getElementById(id) as HTMLElement).textContent ?? '') as T;
const spec = readJson<FormSpec>('entry-spec');
const words = readJson<Words>('entry-text');
const form = compileForm(spec);
const element = document.getElementById('entry-form') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const passInfo = document.getElementById('pass-info') as HTMLElement;
const formNo = document.getElementById('f-_form_no') as HTMLInputElement;
const csrf = (document.querySelector('meta[name="csrf-token"]') as HTMLMetaElement).content;
const FORM_NO = /^[A-Za-z0-9-]{1,32}$/;

interface Field {
  q: FormQuestion;
  input: HTMLInputElement;
  row: HTMLElement;
  codes: string[];
  width: number | null;
}
const fields: Field[] = spec.questions.map((q) => {
  const input = document.getElementById(`f-${q.name}`) as HTMLInputElement;
  return { q, input, row: document.getElementById(`e-${q.name}`) as HTMLElement, codes: q.choices.map((c) => String(c.code)), width: input.dataset.width ? Number(input.dataset.width) : null };
});
let pass: number | null = null;
let startedAt: string | null = null;
let saving = false;

const message = (p: AnswerProblem) => messageIn(words.lang, p);
function showError(name: string, text: string): void {
  const box = document.getElementById(`ee-${name}`) as HTMLElement;
  box.textContent = text;
  (document.getElementById(`e-${name}`) as HTMLElement).classList.toggle('invalid', text !== '');
}

/** The answers keyed so far (questions not asked are disabled and blank). */
function answers(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = f.input.disabled ? null : keyedValue(f.q, f.input.value);
    if (value !== null) out[f.q.name] = value;
  }
  return out;
}

/** The problems of the answers keyed, a blank counting as blank on paper (not as an error). */
function problems(): AnswerProblem[] {
  return checkAnswers(form, answers()).errors.filter((e) => e.rule !== 'required-missing');
}

/** Disables and blanks the questions the skip logic does not ask, enables the others. */
function applySkips(): void {
  const asked = new Set(checkAnswers(form, answers()).asked);
  for (const f of fields) {
    const skip = !asked.has(f.q.name);
    if (skip && f.input.value !== '') f.input.value = '';
    f.input.disabled = skip;
    f.row.classList.toggle('skipped', skip);
    if (skip) showError(f.q.name, '');
  }
}

/** Whether what is typed can still become a valid answer (checked on every keystroke); the message if not. */
function typingProblem(f: Field): string {
  const typed = f.input.value.trim();
  if (typed === '') return '';
  if (f.q.type === 'single') return f.codes.some((c) => c.startsWith(typed)) ? '' : words.notACode;
  if (f.q.type === 'multi' || f.q.type === 'rank') {
    const tokens = (keyedValue(f.q, f.input.value) as string[]) ?? [];
    // The last code may still be being typed.
    const done = /[\s,，、;；]$/.test(f.input.value) ? tokens : tokens.slice(0, -1);
    const last = /[\s,，、;；]$/.test(f.input.value) ? '' : (tokens[tokens.length - 1] ?? '');
    const answerCodes = f.q.choices.filter((c) => !c.missing).map((c) => String(c.code));
    if (done.some((t) => !answerCodes.includes(t)) || (last && !answerCodes.some((c) => c.startsWith(last)))) return words.notACode;
    return '';
  }
  if ((f.q.type === 'numeric' || f.q.type === 'duration') && f.q.range) {
    if (f.codes.some((c) => c.startsWith(typed))) return '';
    if (!/^-?\d*\.?\d*$/.test(typed)) return words.notACode;
    // More digits only make a non-negative number larger: over the top is wrong already.
    const n = Number(typed);
    if (Number.isFinite(n) && n >= 0 && n > f.q.range[1]) return words.tooBig;
  }
  return '';
}

/** Whether the field holds a whole answer nothing longer could follow: a code no other code extends, or a full numeric field. */
function complete(f: Field): boolean {
  const typed = f.input.value.trim();
  if (typed === '') return false;
  if (f.q.type === 'single') return f.codes.includes(typed) && !f.codes.some((c) => c !== typed && c.startsWith(typed));
  if ((f.q.type === 'numeric' || f.q.type === 'duration') && f.width !== null) return typed.length >= f.width;
  return false;
}

/** The field's own problem among the questionnaire's, or ''. */
function fieldProblem(f: Field): string {
  const p = problems().find((e) => e.variable === f.q.name);
  return p ? message(p) : '';
}

/** Leaves a field: checked, skips applied, on to the next question asked (or saved after the last). */
function advance(f: Field): void {
  const problem = fieldProblem(f);
  showError(f.q.name, problem);
  if (problem) return;
  applySkips();
  const next = fields.slice(fields.indexOf(f) + 1).find((g) => !g.input.disabled);
  if (next) next.input.focus();
  else void save();
}

async function leaveFormNo(): Promise<void> {
  const no = formNo.value.trim();
  if (!FORM_NO.test(no)) return showError('_form_no', words.badFormNo);
  let found: { count: number; own: boolean };
  try {
    const response = await fetch(`/api/entry/status?no=${encodeURIComponent(no)}`, { credentials: 'same-origin' });
    if (!response.ok) return showError('_form_no', words.retry);
    found = (await response.json()) as { count: number; own: boolean };
  } catch {
    return showError('_form_no', words.retry);
  }
  if (found.own) return showError('_form_no', words.passOwn);
  if (found.count >= 2) return showError('_form_no', words.passFull);
  showError('_form_no', '');
  pass = found.count + 1;
  passInfo.textContent = pass === 1 ? words.passFirst : words.passSecond;
  startedAt = new Date().toISOString();
  applySkips();
  fields.find((g) => !g.input.disabled)?.input.focus();
}

function reset(): void {
  formNo.value = '';
  passInfo.textContent = '';
  pass = null;
  for (const f of fields) {
    f.input.value = '';
    showError(f.q.name, '');
  }
  applySkips();
  formNo.focus();
}

async function save(): Promise<void> {
  if (saving) return;
  if (pass === null) return void formNo.focus();
  const found = problems();
  for (const f of fields) showError(f.q.name, found.filter((e) => e.variable === f.q.name).map(message).join(' '));
  if (found.length) {
    status.textContent = words.fixErrors;
    fields.find((f) => found.some((e) => e.variable === f.q.name))?.input.focus();
    return;
  }
  saving = true;
  status.textContent = words.saving;
  const no = formNo.value.trim();
  try {
    const response = await fetch('/api/entry', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ form_no: no, answers: answers(), started_at: startedAt }),
    });
    const body = (await response.json().catch(() => ({}))) as { pass?: number; state?: string; error?: string; errors?: AnswerProblem[] };
    if (response.ok) {
      const state = body.state === 'verified' ? words.stateVerified : body.state === 'disputed' ? words.stateDisputed : words.stateOnce;
      reset();
      status.textContent = words.saved.replace('{no}', no).replace('{pass}', String(body.pass)).replace('{state}', state);
    } else if (body.errors) {
      for (const e of body.errors) showError(e.variable, message(e));
      status.textContent = words.fixErrors;
    } else {
      status.textContent = body.error ?? words.retry;
    }
  } catch {
    status.textContent = words.retry;
  } finally {
    saving = false;
  }
}

formNo.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  void leaveFormNo();
});
formNo.addEventListener('input', () => {
  pass = null;
  passInfo.textContent = '';
});
for (const f of fields) {
  f.input.addEventListener('input', () => {
    const problem = typingProblem(f);
    showError(f.q.name, problem);
    if (!problem && complete(f)) advance(f);
  });
  f.input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    advance(f);
  });
  // Leaving by Tab or the mouse re-applies the skip logic too.
  f.input.addEventListener('change', () => applySkips());
}
element.addEventListener('submit', (event) => {
  event.preventDefault();
  void save();
});
// The screen's own stylesheet (the page frame links only the form's).
const sheet = document.createElement('link');
sheet.rel = 'stylesheet';
sheet.href = '/static/entry.css';
document.head.append(sheet);
applySkips();
formNo.focus();
document.documentElement.dataset.ready = 'true';
