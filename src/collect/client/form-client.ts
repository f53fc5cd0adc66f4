/// <reference lib="dom" />
// The questionnaire page's script (bundled for the browser by build/bundle.mjs). It checks the
// answers with the very module the server uses (checkAnswers, the codebook's expression evaluator),
// shows and hides questions by their skip logic, and queues the questionnaire on the device
// (IndexedDB) before sending it, so nothing is lost offline; the server checks again and decides.
// Text is only ever set with textContent (labels and answers stay inert).
import { checkAnswers, compileForm, type AnswerProblem } from '../form/check-answers.js';
import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import { openQueue, type QueuedSubmission } from './submission-queue.js';
import { syncQueue, type SyncState } from './sync-queue.js';
import { messageIn } from '../../locale/bilingual.js';
import type { Lang } from '../../locale/lang.js';

interface FormText {
  lang: Lang;
  /** The logged-in account the page was made for: its questionnaires are queued under its name. */
  user: string;
  submitting: string;
  retry: string;
  fixErrors: string;
  warnings: string;
  submitted: string;
  savedOffline: string;
  queueWaiting: string;
  queueOtherUser: string;
  queueRefused: string;
  queueLogin: string;
  queueOffline: string;
  queueError: string;
  queueMemory: string;
  syncedCount: string;
  gpsOn: string;
  gpsOff: string;
}

const readJson = <T>(id: string): T => JSON.parse((document.getElementById(id) as HTMLElement).textContent ?? '') as T;
const spec = readJson<FormSpec>('form-spec');
const text = readJson<FormText>('form-text');
const form = compileForm(spec);
const element = document.getElementById('survey-form') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const warningsBox = document.getElementById('warnings') as HTMLElement;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
const queuePromise = openQueue();

const newId = (): string => (crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
let submissionId = newId();
let startedAt = new Date().toISOString();
let attempted = false;
let sending = false;
let syncing: Promise<void> | null = null;
let lastState: SyncState = 'idle';
let fix: QueuedSubmission['gps'] | undefined;
let fixAt = 0;
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
    box.textContent = show ? messageIn(text.lang, problem) : '';
    (document.getElementById(`q-${q.name}`) as HTMLElement).classList.toggle('invalid', Boolean(show));
  }
}

function showWarnings(warnings: AnswerProblem[]): void {
  warningsBox.hidden = warnings.length === 0;
  warningsBox.textContent = warnings.length ? `${text.warnings} ${warnings.map((w) => messageIn(text.lang, w)).join('；')}` : '';
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

/** Shows what waits on this device: the count, others' questionnaires, refused ones, and why the last round stopped. */
async function showQueue(): Promise<void> {
  const queue = await queuePromise;
  const items = await queue.all();
  const mine = items.filter((i) => !i.refused && i.user === text.user);
  const others = items.filter((i) => !i.refused && i.user !== text.user);
  const refused = items.filter((i) => i.refused);
  const box = byId('queue');
  box.hidden = items.length === 0 && queue.durable;
  box.dataset.waiting = String(mine.length);
  const notes = [
    ...(queue.durable ? [] : [text.queueMemory]),
    ...(mine.length ? [fill(text.queueWaiting, { n: mine.length })] : []),
    ...(mine.length && lastState === 'offline' ? [text.queueOffline] : []),
    ...(mine.length && lastState === 'login' ? [text.queueLogin] : []),
    ...(mine.length && lastState === 'error' ? [text.queueError] : []),
  ];
  byId('queue-text').textContent = notes.join(' ');
  const byUser = new Map<string, number>();
  for (const i of others) byUser.set(i.user, (byUser.get(i.user) ?? 0) + 1);
  byId('queue-other').hidden = byUser.size === 0;
  byId('queue-other').textContent = [...byUser].map(([user, n]) => fill(text.queueOtherUser, { n, user })).join(' ');
  const refusedBox = byId('queue-refused');
  refusedBox.hidden = refused.length === 0;
  refusedBox.replaceChildren();
  if (refused.length) {
    const head = document.createElement('p');
    head.className = 'refused';
    head.textContent = fill(text.queueRefused, { n: refused.length });
    const list = document.createElement('ul');
    for (const i of refused) {
      const li = document.createElement('li');
      li.textContent = `${i.ended_at.slice(0, 16).replace('T', ' ')} · ${i.id.slice(0, 8)} · ${i.refused}`;
      list.append(li);
    }
    refusedBox.append(head, list);
  }
  byId('queue-login').hidden = !(mine.length && lastState === 'login');
  byId('sync-now').hidden = mine.length === 0;
}

/** One sync round at a time; the acknowledgements it got, for the status line. */
function sync(): Promise<void> {
  syncing ??= (async () => {
    try {
      const result = await syncQueue(await queuePromise, text.lang);
      lastState = result.state;
      if (result.acknowledged.length) {
        const seqs = result.acknowledged.map((a) => a.seq);
        status.dataset.seq = String(seqs[seqs.length - 1]);
        if (!status.dataset.current) status.textContent = fill(text.syncedCount, { n: seqs.length, seqs: seqs.join(', ') });
        else {
          const mine = result.acknowledged.find((a) => a.id === status.dataset.current);
          if (mine) status.textContent = fill(text.submitted, { seq: mine.seq });
        }
      }
    } finally {
      syncing = null;
      delete status.dataset.current;
      await showQueue();
    }
  })();
  return syncing;
}

/** Queues the questionnaire on the device (committed to IndexedDB), clears the form, then tries to send. */
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
    const queue = await queuePromise;
    const id = submissionId;
    const gps = fix && Date.now() - fixAt < 10 * 60_000 ? fix : undefined;
    await queue.add({ id, user: text.user, answers: result.answers, started_at: startedAt, ended_at: new Date().toISOString(), ...(gps ? { gps } : {}) });
    reset();
    status.textContent = fill(text.savedOffline, { n: (await queue.all()).filter((i) => !i.refused).length });
    await syncing;
    status.dataset.current = id;
    await sync();
  } catch {
    status.textContent = text.retry;
  } finally {
    sending = false;
  }
}

/** With the enumerator's consent (the box ticked, the browser's permission), the latest position fix. */
function watchPosition(): void {
  const box = byId('use-gps') as HTMLInputElement;
  let watch: number | null = null;
  const apply = () => {
    localStorage.setItem('survey-gps', box.checked ? '1' : '0');
    if (!box.checked || !('geolocation' in navigator)) {
      if (watch !== null) navigator.geolocation.clearWatch(watch);
      watch = null;
      fix = undefined;
      byId('gps-status').textContent = '';
      return;
    }
    watch ??= navigator.geolocation.watchPosition(
      (p) => {
        fix = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy };
        fixAt = Date.now();
        byId('gps-status').textContent = fill(text.gpsOn, { m: Math.round(p.coords.accuracy) });
      },
      () => (byId('gps-status').textContent = text.gpsOff),
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 30_000 },
    );
  };
  box.checked = localStorage.getItem('survey-gps') === '1';
  box.addEventListener('change', apply);
  apply();
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
byId('sync-now').addEventListener('click', () => void sync());
window.addEventListener('online', () => void sync());
// A lost connection does not always say so: try again every half minute while something waits.
setInterval(() => void sync(), 30_000);
watchPosition();
refresh();
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => (document.documentElement.dataset.offline = 'ready'))
    .catch(() => undefined);
}
void sync().finally(() => (document.documentElement.dataset.ready = 'true'));
