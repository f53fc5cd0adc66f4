import type { AnswerProblem, Answers } from '../form/check-answers.js';
import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import { html, type SafeHtml } from '../server/html.js';
import { localDateTime } from '../server/render-tables.js';
import type { UiText } from '../../locale/collect-words.js';
import type { Lang } from '../../locale/lang.js';
import type { SubmissionRecord } from '../storage/submission-store.js';
import type { ReviewText } from '../../locale/review-words.js';
import { labelIn, messageIn } from '../../locale/bilingual.js';

const FILTERS = ['pending', 'rejected', 'approved'] as const;
/** Which review state a queue shows (`all` for every one). */
export type ReviewFilter = (typeof FILTERS)[number] | 'all';

/** A review state in words. */
export function reviewStatusText(status: SubmissionRecord['reviewStatus'], t: ReviewText): string {
  return t[status];
}

/**
 * The supervisor's queue: the submissions of their team in one review state (pending first), with
 * the last comment; every text (names, comments) goes through `html`, so it stays inert.
 */
export function reviewQueueHtml(list: SubmissionRecord[], filter: ReviewFilter, t: ReviewText, text: UiText): SafeHtml {
  const tabs = [...FILTERS, 'all' as const].map((f) =>
    f === filter ? html`<strong>${f === 'all' ? t.all : t[f]}</strong>` : html`<a href="/review?status=${f}">${f === 'all' ? t.all : t[f]}</a>`,
  );
  const table = list.length
    ? html`<table><thead><tr><th class="n">#</th><th>${text.enumerator}</th><th>${text.receivedAt}</th><th class="n">${text.duration}</th><th>${t.review}</th><th>${t.commentShort}</th><th class="n">${t.version}</th></tr></thead><tbody>
${list.map(
  (s) =>
    html`<tr><td class="n"><a href="/review/${s.seq}">${s.seq}</a></td><td>${s.enumerator}</td><td>${localDateTime(s.receivedAt).replace('T', ' ')}</td><td class="n">${s.durationS ?? ''}</td><td>${reviewStatusText(s.reviewStatus, t)}</td><td class="comment">${s.reviewComment ?? ''}</td><td class="n">${s.version}</td></tr>`,
)}</tbody></table>`
    : html`<p>${t.nothingToReview}</p>`;
  return html`<h1>${t.queue} (${list.length})</h1><p class="tabs">${tabs.map((tab, i) => html`${i ? ' · ' : ''}${tab}`)}</p>${table}`;
}

/** The decision form under a submission: one comment, approve or reject (the server requires the comment to reject). */
export function decisionFormHtml(s: SubmissionRecord, csrfToken: string, t: ReviewText): SafeHtml {
  return html`<h2>${t.review}: ${reviewStatusText(s.reviewStatus, t)}</h2>${s.reviewComment ? html`<p class="notice">${s.reviewComment}</p>` : ''}
${
  s.status === 'active'
    ? html`<form method="post" action="/review/${s.seq}" class="decision"><input type="hidden" name="_csrf" value="${csrfToken}">
<label>${t.comment}<textarea name="comment" rows="3" maxlength="2000"></textarea></label>
${s.reviewStatus !== 'approved' ? html`<button type="submit" name="decision" value="approve" class="primary">${t.approve}</button>` : ''}
${s.reviewStatus !== 'rejected' ? html` <button type="submit" name="decision" value="reject" class="reject">${t.reject}</button>` : ''}</form>`
    : ''
}`;
}

/** One question's inputs holding the current answer (no script needed: radios, boxes, fields). */
function correctionInput(q: FormQuestion, value: unknown, lang: Lang, t: ReviewText): SafeHtml {
  const codes = (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).map(String);
  const choices = q.choices.filter((c) => !c.missing);
  const option = (kind: 'radio' | 'checkbox', code: string, text: string) =>
    html`<label class="opt"><input type="${kind}" name="${q.name}" value="${code}"${codes.includes(code) ? ' checked' : ''}><span>${text}</span></label>`;
  switch (q.type) {
    case 'single':
      return html`<div class="options">${q.choices.map((c) => option('radio', String(c.code), labelIn(lang, c)))}${q.required ? '' : option('radio', '', t.noAnswer)}</div>`;
    case 'multi':
      return html`<div class="options">${choices.map((c) => option('checkbox', String(c.code), labelIn(lang, c)))}</div>`;
    case 'rank':
      return html`<div class="options rank">${choices.map((c) => {
        const at = codes.indexOf(String(c.code));
        return html`<label class="opt"><input type="number" inputmode="numeric" min="1" max="${choices.length}" name="${q.name}.${String(c.code)}" value="${at >= 0 ? at + 1 : ''}"><span>${labelIn(lang, c)}</span></label>`;
      })}</div>`;
    case 'text':
      return html`<textarea name="${q.name}" rows="2" maxlength="4000">${codes[0] ?? ''}</textarea>`;
    default: {
      const declared = q.choices.filter((c) => c.missing);
      const kind = q.type === 'datetime' ? 'datetime-local' : 'text';
      return html`<input type="${kind}" name="${q.name}" value="${codes[0] ?? ''}"${q.type === 'numeric' || q.type === 'duration' ? ' inputmode="decimal"' : ''} maxlength="4000">${
        declared.length ? html`<p class="hint">${t.declaredCodes}: ${declared.map((c) => `${String(c.code)} = ${labelIn(lang, c)}`).join('；')}</p>` : ''
      }`;
    }
  }
}

/**
 * The correction page of a rejected submission: the supervisor's comment, then every question
 * with the answer given (questions the skip logic no longer asks are marked), posted as a plain
 * form to the server, which checks it with the form's own rules.
 */
export function correctionHtml(
  s: SubmissionRecord,
  answers: Answers,
  spec: FormSpec,
  asked: ReadonlySet<string>,
  errors: AnswerProblem[],
  lang: Lang,
  t: ReviewText,
  csrfToken: string,
): SafeHtml {
  const problemOf = (name: string) => errors.find((e) => e.variable === name);
  return html`<h1>${t.correctTitle} ${s.seq}</h1><p>${t.correctIntro}</p>
<p class="notice" role="alert">${s.reviewComment ?? ''}</p>
${errors.length ? html`<p class="err" role="alert">${t.fixErrors}</p>` : ''}
<form method="post" action="/review/${s.seq}/correct" class="correction"><input type="hidden" name="_csrf" value="${csrfToken}">
${spec.questions.map((q, i) => {
  const problem = problemOf(q.name);
  return html`<fieldset class="q${problem ? ' invalid' : ''}" id="q-${q.name}"><legend><span class="qn">${i + 1}.</span> ${labelIn(lang, q)}${asked.has(q.name) ? '' : html` <span class="hint">（${t.notAsked}）</span>`}</legend>
${correctionInput(q, answers[q.name], lang, t)}${problem ? html`<p class="err" role="alert">${messageIn(lang, problem)}</p>` : ''}</fieldset>`;
})}
<label>${t.note}<input type="text" name="_note" maxlength="1000"></label>
<button type="submit" class="primary">${t.resubmit}</button></form>`;
}
