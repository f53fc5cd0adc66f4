import type { FormChoice, FormQuestion, FormSpec } from '../form/form-spec.js';
import { html, jsonForScript, type SafeHtml } from './html.js';
import { navLinks } from './page-roles.js';
import type { UiText } from '../../locale/collect-words.js';
import type { Lang } from '../../locale/lang.js';
import { inLang, labelIn } from '../../locale/bilingual.js';

/** Who is looking at a page, for its header. */
export interface Viewer {
  name: string;
  role: string;
  csrfToken: string;
}

/** The page frame: mobile viewport, our stylesheet, no inline script (the CSP forbids it). */
export function page(lang: Lang, text: UiText, title: string, body: SafeHtml, viewer?: Viewer, scripts: string[] = []): string {
  const nav = viewer
    ? html`<nav class="top"><span class="who">${viewer.name} · ${text.roles[viewer.role] ?? viewer.role}</span>
${navLinks(viewer.role, text).map((l) => html` <a href="${l.href}">${l.label}</a>`)}
<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${viewer.csrfToken}"><button type="submit" class="link">${text.logout}</button></form></nav>`
    : '';
  return `<!doctype html>${html`<html lang="${text.htmlLang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${viewer ? html`<meta name="csrf-token" content="${viewer.csrfToken}">` : ''}
<title>${title}</title><link rel="stylesheet" href="/static/form.css"></head>
<body>${nav}<main>${body}</main>${scripts.map((s) => html`<script src="${s}" defer></script>`)}</body></html>`}`;
}

function choiceInput(q: FormQuestion, c: FormChoice, lang: Lang, kind: 'radio' | 'checkbox'): SafeHtml {
  return html`<label class="opt${c.missing ? ' declared' : ''}"><input type="${kind}" name="${q.name}" value="${String(c.code)}"><span>${labelIn(lang, c)}</span></label>`;
}

function inputsOf(q: FormQuestion, lang: Lang, text: UiText): SafeHtml {
  const answers = q.choices.filter((c) => !c.missing);
  const declared = q.choices.filter((c) => c.missing);
  switch (q.type) {
    case 'single':
      return html`<div class="options">${answers.map((c) => choiceInput(q, c, lang, 'radio'))}</div>${declared.length ? html`<div class="options declared">${declared.map((c) => choiceInput(q, c, lang, 'radio'))}</div>` : ''}`;
    case 'multi':
      return html`<div class="options">${answers.map((c) => choiceInput(q, c, lang, 'checkbox'))}</div>`;
    case 'rank':
      return html`<p class="hint">${text.rankHint}</p><div class="options rank">${answers.map(
        (c) => html`<label class="opt"><input type="number" inputmode="numeric" min="1" max="${answers.length}" step="1" data-rank="${String(c.code)}" name="${q.name}"><span>${labelIn(lang, c)}</span></label>`,
      )}</div>`;
    case 'numeric':
    case 'duration': {
      const range = q.range ? html` min="${q.range[0]}" max="${q.range[1]}"` : '';
      return html`<div class="number"><input type="number" inputmode="decimal" step="any" name="${q.name}"${range}>${q.unit ? html`<span class="unit">${q.unit}</span>` : ''}</div>${declared.length ? html`<div class="options declared">${declared.map((c) => choiceInput(q, c, lang, 'radio'))}</div>` : ''}`;
    }
    case 'datetime':
      return html`<input type="datetime-local" name="${q.name}">`;
    case 'text':
      return html`<textarea name="${q.name}" rows="2" maxlength="4000"></textarea>`;
    default:
      return html`<input type="text" name="${q.name}" maxlength="4000" autocomplete="off">`;
  }
}

function questionHtml(q: FormQuestion, n: number, lang: Lang, text: UiText, inGrid: boolean): SafeHtml {
  return html`<fieldset class="q${inGrid ? ' grid-row' : ''}" id="q-${q.name}" data-name="${q.name}" data-type="${q.type}"${q.relevant ? ' hidden' : ''}>
<legend><span class="qn">${n}.</span> ${labelIn(lang, q)}${q.required ? html` <span class="req" title="${text.required}">*</span>` : ''}</legend>
${inputsOf(q, lang, text)}<p class="err" id="err-${q.name}" role="alert" hidden></p></fieldset>`;
}

/** Consecutive single-choice questions of one `group` with the same choices: a grid (矩阵题). */
function sameChoices(a: FormQuestion, b: FormQuestion): boolean {
  return a.choices.length === b.choices.length && a.choices.every((c, i) => String(c.code) === String(b.choices[i].code) && c.label === b.choices[i].label);
}

/**
 * The questionnaire as one mobile-first page: every question of the codebook in order, grids as
 * blocks of rows, questions with skip logic hidden until the browser finds them relevant. Every
 * label goes through `html` (escaped). The spec travels as inert JSON for the form script.
 */
export function renderForm(spec: FormSpec, lang: Lang, text: UiText, viewer: Viewer): string {
  const parts: SafeHtml[] = [];
  const qs = spec.questions;
  for (let i = 0; i < qs.length; ) {
    const q = qs[i];
    let j = i + 1;
    if (q.group && q.type === 'single') while (j < qs.length && qs[j].group === q.group && qs[j].type === 'single' && sameChoices(q, qs[j])) j++;
    if (j - i > 1) {
      const rows = qs.slice(i, j);
      const head = rows[0].choices.filter((c) => !c.missing);
      parts.push(html`<section class="grid" data-group="${q.group}">
<div class="grid-head" aria-hidden="true">${head.map((c) => html`<span>${labelIn(lang, c)}</span>`)}</div>
${rows.map((r, k) => questionHtml(r, i + k + 1, lang, text, true))}</section>`);
    } else {
      parts.push(questionHtml(q, i + 1, lang, text, false));
    }
    i = j;
  }
  const title = inLang(lang, spec.title, spec.titleEn);
  const words = ['submitting', 'retry', 'fixErrors', 'warnings', 'submitted', 'savedOffline', 'queueWaiting', 'queueOtherUser', 'queueRefused', 'queueLogin', 'queueOffline', 'queueError', 'queueMemory', 'syncedCount', 'gpsOn', 'gpsOff'] as const;
  const body = html`<h1>${title}</h1>
<section id="queue" class="queue" hidden aria-live="polite"><p id="queue-text"></p><p id="queue-other" hidden></p><div id="queue-refused" hidden></div>
<a id="queue-login" href="/login" hidden>${text.login}</a> <button type="button" id="sync-now" class="secondary">${text.syncNow}</button></section>
<p class="gps"><label><input type="checkbox" id="use-gps"> ${text.useGps}</label> <span id="gps-status"></span></p>
<form id="survey-form" novalidate autocomplete="off">${parts}
<div id="warnings" class="warnings" hidden></div>
<p id="status" class="status" role="status" aria-live="polite"></p>
<button type="submit" class="primary">${text.submit}</button></form>
<script type="application/json" id="form-spec">${jsonForScript(spec)}</script>
<script type="application/json" id="form-text">${jsonForScript({ lang, user: viewer.name, ...Object.fromEntries(words.map((w) => [w, text[w]])) })}</script>`;
  return page(lang, text, title, body, viewer, ['/static/form.js']);
}
