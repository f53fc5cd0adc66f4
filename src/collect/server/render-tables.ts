import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import type { AuditEntry, SubmissionRecord } from '../storage/submission-store.js';
import { html, type SafeHtml } from './html.js';
import type { Lang, UiText } from './ui-text.js';

/** Quota targets by variable, then by choice label or code: `{area: {城市: 6000, 农村: 4000}}`. */
export type Quotas = Record<string, Record<string, number>>;

/** A local date-time without zone, as 问卷星 and ingest write them (`2025-03-10T08:00:12`). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const label = (lang: Lang, item: { label: string; labelEn?: string }) => (lang === 'en' ? (item.labelEn ?? item.label) : item.label);

/** An answer as text for people: choice labels, numbers, texts. */
function answerText(q: FormQuestion, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  const one = (code: unknown) => {
    const c = q.choices.find((choice) => String(choice.code) === String(code));
    return c ? `${label(lang, c)} (${String(c.code)})` : String(code);
  };
  if (Array.isArray(value)) return value.map(one).join(q.type === 'rank' ? ' → ' : '; ');
  return q.choices.length ? one(value) : String(value);
}

/** The submissions table (newest last): number, enumerator, time, duration, status. */
export function submissionsHtml(list: SubmissionRecord[], text: UiText): SafeHtml {
  if (!list.length) return html`<h1>${text.submissions}</h1><p>${text.noSubmissions}</p>`;
  return html`<h1>${text.submissions} (${list.length})</h1><table><thead><tr><th class="n">#</th><th>${text.enumerator}</th><th>${text.receivedAt}</th><th class="n">${text.duration}</th><th>${text.status}</th><th>${text.review}</th></tr></thead><tbody>
${list.map(
  (s) => html`<tr><td class="n"><a href="/submissions/${s.seq}">${s.seq}</a></td><td>${s.enumerator}</td><td>${localDateTime(s.receivedAt).replace('T', ' ')}</td><td class="n">${s.durationS ?? ''}</td><td>${s.status === 'active' ? text.active : html`${text.withdrawn}: ${s.statusReason ?? ''}`}</td><td>${reviewCell(s, text)}</td></tr>`,
)}</tbody></table>`;
}

/** Where a submission stands in review; a rejected one shows the supervisor's comment and, to its enumerator, the way to correct it. */
function reviewCell(s: SubmissionRecord, text: UiText): SafeHtml {
  const status = text.reviewStatus[s.reviewStatus];
  if (s.reviewStatus !== 'rejected' || s.status !== 'active') return html`${status}`;
  return html`<strong>${status}</strong>: ${s.reviewComment ?? ''} <a href="/review/${s.seq}/correct">${text.correct}</a>`;
}

/** One submission: every answer with its question, its history, and (for an admin) the withdraw form. */
export function submissionHtml(s: SubmissionRecord, history: AuditEntry[], spec: FormSpec, lang: Lang, text: UiText, csrfToken: string | null): SafeHtml {
  const rows = spec.questions.filter((q) => s.answers[q.name] !== undefined);
  return html`<h1>${text.submissions} ${s.seq}</h1>
<p>${text.enumerator}: ${s.enumerator} · ${text.receivedAt}: ${localDateTime(s.receivedAt).replace('T', ' ')} · ${text.duration}: ${s.durationS ?? ''} · ${text.status}: ${s.status === 'active' ? text.active : text.withdrawn}${s.statusReason ? html` (${s.statusReason})` : ''}</p>
<table class="answers"><tbody>${rows.map((q) => html`<tr><th>${label(lang, q)}</th><td>${answerText(q, s.answers[q.name], lang)}</td></tr>`)}</tbody></table>
${
  history.length
    ? html`<h2>${text.history}</h2><table><tbody>${history.map((h) => html`<tr><td>${localDateTime(h.at).replace('T', ' ')}</td><td>${h.user}</td><td>${h.action}</td><td>${h.reason ?? ''}</td></tr>`)}</tbody></table>`
    : ''
}
${
  csrfToken && s.status === 'active'
    ? html`<form method="post" action="/submissions/${s.seq}/withdraw"><input type="hidden" name="_csrf" value="${csrfToken}"><label>${text.reason} <input type="text" name="reason" required maxlength="1000"></label> <button type="submit">${text.withdraw}</button></form>`
    : ''
}`;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The progress page: 回收 against each quota, by enumerator and by day (active submissions). */
export function dashboardHtml(list: SubmissionRecord[], spec: FormSpec, quotas: Quotas, lang: Lang, text: UiText): SafeHtml {
  const quotaTables = Object.entries(quotas).map(([name, targets]) => {
    const q = spec.questions.find((x) => x.name === name);
    const counts = countBy(list, (s) => String(s.answers[name] ?? ''));
    const rows = Object.entries(targets).map(([key, target]) => {
      const choice = q?.choices.find((c) => String(c.code) === key || c.label === key || c.labelEn === key);
      const n = choice ? (counts.get(String(choice.code)) ?? 0) : 0;
      return html`<tr><td>${choice ? label(lang, choice) : key}</td><td class="n">${n}</td><td class="n">${target}</td><td><progress max="${target}" value="${Math.min(n, target)}"></progress> ${target ? ((100 * n) / target).toFixed(1) : '0.0'}%</td></tr>`;
    });
    return html`<h2>${q ? label(lang, q) : name}</h2><table><thead><tr><th></th><th class="n">${text.collected}</th><th class="n">${text.quota}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  const byEnumerator = [...countBy(list, (s) => s.enumerator)].sort((a, b) => b[1] - a[1]);
  const byDay = [...countBy(list, (s) => localDateTime(s.receivedAt).slice(0, 10))].sort();
  return html`<h1>${text.dashboard}: ${text.collected} ${list.length}</h1>${quotaTables}
<h2>${text.byEnumerator}</h2><table><tbody>${byEnumerator.map(([who, n]) => html`<tr><td>${who}</td><td class="n">${n}</td></tr>`)}</tbody></table>
<h2>${text.byDay}</h2><table><tbody>${byDay.map(([day, n]) => html`<tr><td>${day}</td><td class="n">${n}</td></tr>`)}</tbody></table>`;
}
