/// <reference lib="dom" />
// The questionnaire page's script (bundled for the browser by build/bundle.mjs). It checks the
// answers with the very module the server uses (checkAnswers, the codebook's expression evaluator),
// shows and hides questions by their skip logic, and sends the questionnaire; the server checks
// again and decides. Text is only ever set with textContent (labels and answers stay inert).
import { checkAnswers, compileForm, type AnswerProblem } from '../form/check-answers.js';
import type { FormQuestion, FormSpec } from '../form/form-spec.js';

interface FormText {
  lang: 'zh' | 'en';
  submitting: string;
  retry: string;
  fixErrors: string;
  warnings: string;
  submitted: string;
}

const readJson = <T>(id: string): T => JSON.parse((document.getElementById(id) as HTMLElement).textContent ?? '') as T;
const spec = readJson<FormSpec>('form-spec');
const text = readJson<FormText>('form-text');
const form = compileForm(spec);
const element = document.getElementById('survey-form') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const warningsBox = document.getElementById('warnings') as HTMLElement;
const csrf = (document.querySelector('meta[name="csrf-token"]') as HTMLMetaElement).content;

const newId = (): string => (crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
let submissionId = newId();
let startedAt = new Date().toISOString();
let attempted = false;
let sending = false;
const touched = new Set<string>();

function inputs(q: FormQuestion): HTMLInputElement[] {
  return Array.from(element.querySelectorAll<HTMLInputElement>(`[name="${q.name}"]`));
}

/** The answer a question's inputs hold, as the server receives it. */
function read(q: FormQuestion): unknown {
  const all = inputs(q);
  if (q.type === 'multi') return all.filter((i) => i.checked).map((i) => i.value);
  if (q.type === 'rank') {
    return all
      .filter((i) => i.value.trim() !== '')
      .sort((a, b) => Number(a.value) - Number(b.value))
      .map((i) => i.dataset.rank as string);
  }
  const checked = all.find((i) => (i.type === 'radio' || i.type === 'checkbox') && i.checked);
  if (checked) return checked.value;
  const typed = all.find((i) => i.type !== 'radio' && i.type !== 'checkbox');
  return typed && typed.value.trim() !== '' ? typed.value : null;
}

function collect(): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of spec.questions) {
    const value = read(q);
    if (value !== null && !(Array.isArray(value) && value.length === 0)) answers[q.name] = value;
  }
  return answers;
}

/** Checks the answers: which questions are asked, and the problems of those asked. */
function evaluate(): { answers: Record<string, unknown>; errors: AnswerProblem[]; warnings: AnswerProblem[]; asked: Set<string> } {
  const all = collect();
  const asked = new Set(checkAnswers(form, all).asked);
  const answers = Object.fromEntries(Object.entries(all).filter(([name]) => asked.has(name)));
  const result = checkAnswers(form, answers);
  return { answers: result.answers, errors: result.errors, warnings: result.warnings, asked: new Set(result.asked) };
}

function showProblems(errors: AnswerProblem[], visible: (name: string) => boolean): void {
  for (const q of spec.questions) {
    const box = document.getElementById(`err-${q.name}`) as HTMLElement;
    const problem = errors.find((e) => e.variable === q.name);
    const show = problem && visible(q.name);
    box.hidden = !show;
    box.textContent = show ? (text.lang === 'en' ? problem.messageEn : problem.message) : '';
    (document.getElementById(`q-${q.name}`) as HTMLElement).classList.toggle('invalid', Boolean(show));
  }
}

function showWarnings(warnings: AnswerProblem[]): void {
  warningsBox.hidden = warnings.length === 0;
  warningsBox.textContent = warnings.length ? `${text.warnings} ${warnings.map((w) => (text.lang === 'en' ? w.messageEn : w.message)).join('；')}` : '';
}

function refresh(): ReturnType<typeof evaluate> {
  const result = evaluate();
  for (const q of spec.questions) (document.getElementById(`q-${q.name}`) as HTMLElement).hidden = !result.asked.has(q.name);
  // Required questions complain only after a submit attempt; a wrong answer as soon as it is given.
  showProblems(result.errors, (name) => attempted || (touched.has(name) && result.errors.some((e) => e.variable === name && e.rule !== 'required-missing')));
  showWarnings(result.warnings);
  return result;
}

function reset(): void {
  element.reset();
  submissionId = newId();
  startedAt = new Date().toISOString();
  attempted = false;
  touched.clear();
  refresh();
  window.scrollTo(0, 0);
}

async function send(): Promise<void> {
  attempted = true;
  const result = refresh();
  if (result.errors.length) {
    status.textContent = text.fixErrors;
    const first = document.getElementById(`q-${result.errors[0].variable}`);
    first?.scrollIntoView({ block: 'center' });
    return;
  }
  if (sending) return;
  sending = true;
  status.textContent = text.submitting;
  try {
    const response = await fetch('/api/submissions', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ id: submissionId, answers: result.answers, started_at: startedAt, ended_at: new Date().toISOString() }),
    });
    const body = (await response.json().catch(() => ({}))) as { seq?: number; errors?: AnswerProblem[] };
    if (response.ok && typeof body.seq === 'number') {
      reset();
      status.textContent = text.submitted.replace('{seq}', String(body.seq));
      status.dataset.seq = String(body.seq);
    } else if (response.status === 422 && body.errors) {
      showProblems(body.errors, () => true);
      status.textContent = text.fixErrors;
    } else {
      status.textContent = text.retry;
    }
  } catch {
    status.textContent = text.retry;
  } finally {
    sending = false;
  }
}

element.addEventListener('change', (event) => {
  const name = (event.target as HTMLInputElement).name;
  if (name) touched.add(name);
  refresh();
});
element.addEventListener('input', () => refresh());
element.addEventListener('submit', (event) => {
  event.preventDefault();
  void send();
});
refresh();
document.documentElement.dataset.ready = 'true';
