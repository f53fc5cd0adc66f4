import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import type { AuditEntry, SubmissionRecord } from '../storage/submission-store.js';
import { html, type SafeHtml } from './html.js';
import type { UiText } from '../../locale/collect-words.js';
import type { Lang } from '../../locale/lang.js';
import { labelIn } from '../../locale/bilingual.js';

/** Quota targets by variable, then by choice label or code: `{area: {城市: 6000, 农村: 4000}}`. */
export type Quotas = Record<string, Record<string, number>>;

/** A local date-time without zone, as 问卷星 and ingest write them (`2025-03-10T08:00:12`). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** An answer as text for people: choice labels, numbers, texts. */
function answerText(q: FormQuestion, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  const one = (code: unknown) => {
    const c = q.choices.find((choice) => String(choice.code) === String(code));
    return c ? `${labelIn(lang, c)} (${String(c.code)})` : String(code);
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

/** What a correction changed, question by question: `年龄: 67 → 68`. */
function changesText(entry: AuditEntry, spec: FormSpec, lang: Lang): string {
  if (entry.action !== 'amend') return '';
  const answersOf = (side: unknown) => ((side as { answers?: Record<string, unknown> } | null)?.answers ?? {}) as Record<string, unknown>;
  const before = answersOf(entry.before);
  const after = answersOf(entry.after);
  return spec.questions
    .filter((q) => JSON.stringify(before[q.name] ?? null) !== JSON.stringify(after[q.name] ?? null))
    .map((q) => `${labelIn(lang, q)}: ${answerText(q, before[q.name], lang) || '—'} → ${answerText(q, after[q.name], lang) || '—'}`)
    .join('; ');
}

/** An answer as the correction form shows it: codes, a multi-select's joined by commas. */
export function answerCodes(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The correction form (admin): every question with its current answer as codes, checked on the
 * server by the same validation as a new submission; a reason is required (it goes to the audit log).
 */
export function amendHtml(s: SubmissionRecord, values: Record<string, string>, problems: Map<string, string>, reason: string, spec: FormSpec, lang: Lang, text: UiText, csrfToken: string): SafeHtml {
  return html`<h1>${text.amendTitle} ${s.seq}</h1>
<form method="post" action="/submissions/${s.seq}/amend" class="amend"><input type="hidden" name="_csrf" value="${csrfToken}">
<table class="answers"><tbody>${spec.questions.map((q) => {
    const codes = q.choices.map((c) => `${String(c.code)}=${labelIn(lang, c)}`).join(' ');
    return html`<tr${problems.has(q.name) ? html` class="invalid"` : ''}><th><label for="a-${q.name}">${labelIn(lang, q)}</label><br><small>${q.name}${codes ? ` (${codes})` : ''}</small></th>
<td><input type="text" id="a-${q.name}" name="a.${q.name}" value="${values[q.name] ?? ''}">${problems.has(q.name) ? html`<p class="err" role="alert">${problems.get(q.name)}</p>` : ''}</td></tr>`;
  })}</tbody></table>
<label>${text.amendReason} <input type="text" name="reason" required maxlength="1000" value="${reason}"></label>
${problems.has('') ? html`<p class="err" role="alert">${problems.get('')}</p>` : ''}
<button type="submit" class="primary">${text.amend}</button></form>`;
}

/** One submission: every answer with its question, its history, and (for an admin) the withdraw form. */
export function submissionHtml(s: SubmissionRecord, history: AuditEntry[], spec: FormSpec, lang: Lang, text: UiText, csrfToken: string | null): SafeHtml {
  const rows = spec.questions.filter((q) => s.answers[q.name] !== undefined);
  return html`<h1>${text.submissions} ${s.seq}</h1>
<p>${text.enumerator}: ${s.enumerator} · ${text.receivedAt}: ${localDateTime(s.receivedAt).replace('T', ' ')} · ${text.duration}: ${s.durationS ?? ''} · ${text.status}: ${s.status === 'active' ? text.active : text.withdrawn}${s.statusReason ? html` (${s.statusReason})` : ''}</p>
<table class="answers"><tbody>${rows.map((q) => html`<tr><th>${labelIn(lang, q)}</th><td>${answerText(q, s.answers[q.name], lang)}</td></tr>`)}</tbody></table>
${
  history.length
    ? html`<h2>${text.history}</h2><table><tbody>${history.map((h) => html`<tr><td>${localDateTime(h.at).replace('T', ' ')}</td><td>${h.user}</td><td>${text.auditAction[h.action] ?? h.action}</td><td>${h.reason ?? ''}</td><td>${changesText(h, spec, lang)}</td></tr>`)}</tbody></table>`
    : ''
}
${csrfToken && s.status === 'active' ? html`<p><a href="/submissions/${s.seq}/amend">${text.amend}</a></p>` : ''}
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

/**
 * The progress page (active submissions): 回收 — and 有效, those the plan's cleaning keeps, when
 * `valid` is given — against each quota (progress counts 有效 when known), by enumerator and by day.
 */
export function dashboardHtml(list: SubmissionRecord[], valid: Set<number> | null, spec: FormSpec, quotas: Quotas, lang: Lang, text: UiText): SafeHtml {
  const kept = valid ? list.filter((s) => valid.has(s.seq)) : [];
  const validHead = valid ? html`<th class="n">${text.valid}</th>` : '';
  const validCell = (counts: Map<string, number>, key: string) => (valid ? html`<td class="n">${counts.get(key) ?? 0}</td>` : '');
  const quotaTables = Object.entries(quotas).map(([name, targets]) => {
    const q = spec.questions.find((x) => x.name === name);
    const key = (s: SubmissionRecord) => String(s.answers[name] ?? '');
    const counts = countBy(list, key);
    const validCounts = countBy(kept, key);
    const rows = Object.entries(targets).map(([wanted, target]) => {
      const choice = q?.choices.find((c) => String(c.code) === wanted || c.label === wanted || c.labelEn === wanted);
      const code = choice ? String(choice.code) : '\u0000';
      const n = counts.get(code) ?? 0;
      const done = valid ? (validCounts.get(code) ?? 0) : n;
      return html`<tr><td>${choice ? labelIn(lang, choice) : wanted}</td><td class="n">${n}</td>${validCell(validCounts, code)}<td class="n">${target}</td><td><progress max="${target}" value="${Math.min(done, target)}"></progress> ${target ? ((100 * done) / target).toFixed(1) : '0.0'}%</td></tr>`;
    });
    return html`<h2>${q ? labelIn(lang, q) : name}</h2><table><thead><tr><th></th><th class="n">${text.collected}</th>${validHead}<th class="n">${text.quota}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  const table = (title: string, key: (s: SubmissionRecord) => string, order: (a: [string, number], b: [string, number]) => number) => {
    const validCounts = countBy(kept, key);
    return html`<h2>${title}</h2><table><thead><tr><th></th><th class="n">${text.collected}</th>${validHead}</tr></thead><tbody>${[...countBy(list, key)]
      .sort(order)
      .map(([k, n]) => html`<tr><td>${k}</td><td class="n">${n}</td>${validCell(validCounts, k)}</tr>`)}</tbody></table>`;
  };
  return html`<h1>${text.dashboard}: ${text.collected} ${list.length}${valid ? html` · ${text.valid} ${kept.length}` : ''}</h1>${valid ? html`<p class="hint">${text.validHint}</p>` : ''}${quotaTables}
${table(text.byEnumerator, (s) => s.enumerator, (a, b) => b[1] - a[1])}
${table(text.byDay, (s) => localDateTime(s.receivedAt).slice(0, 10), (a, b) => (a[0] < b[0] ? -1 : 1))}`;
}
