import type { Answer } from '../form/check-answers.js';
import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import { html, jsonForScript, type SafeHtml } from '../server/html.js';
import { localDateTime } from '../server/render-tables.js';
import type { Lang } from '../../locale/lang.js';
import type { EntryReport } from './double-entry.js';
import type { EntryState } from './entry-states.js';
import type { EntryResolution } from './entry-store.js';
import type { EntryText } from '../../locale/entry-words.js';
import { keyedText } from './keyed-value.js';
import { inLang, labelIn } from '../../locale/bilingual.js';

/** A numeric field's width in characters: the digits of its range's widest end (EpiData's field width), or none to fill. */
export function fieldWidth(q: FormQuestion): number | null {
  if (q.type === 'single') return Math.max(1, ...q.choices.map((c) => String(c.code).length));
  if ((q.type === 'numeric' || q.type === 'duration') && q.range && Number.isInteger(q.range[0]) && Number.isInteger(q.range[1])) {
    return Math.max(String(q.range[1]).length, String(q.range[0]).length, ...q.choices.map((c) => String(c.code).length));
  }
  return null;
}

/** The codes beside a field: `1 男  2 女  8 说不清`, the unit and range of a number. */
function legend(q: FormQuestion, lang: Lang): string {
  const codes = q.choices.map((c) => `${String(c.code)} ${labelIn(lang, c)}`).join('  ');
  const range = q.range ? `${q.range[0]}–${q.range[1]}${q.unit ? ` ${q.unit}` : ''}` : (q.unit ?? '');
  return [range, codes].filter(Boolean).join('  ');
}

/** One keying line: number, question, the code field, its codes, its error. */
function entryRow(q: FormQuestion, n: number, lang: Lang): SafeHtml {
  const width = fieldWidth(q);
  const numeric = q.type === 'single' || q.type === 'numeric' || q.type === 'duration' || q.type === 'multi' || q.type === 'rank';
  return html`<div class="entry-row" id="e-${q.name}" data-name="${q.name}">
<label for="f-${q.name}"><span class="qn">${n}.</span> ${labelIn(lang, q)}</label>
<input type="text" id="f-${q.name}" data-name="${q.name}" class="code" autocomplete="off" spellcheck="false"${numeric ? ' inputmode="numeric"' : ''}${width ? html` size="${width + 1}" data-width="${width}"` : ''}>
<span class="legend">${legend(q, lang)}</span><span class="err" id="ee-${q.name}" role="alert"></span></div>`;
}

/** The entry screen: the 问卷编号 first, then one line per question in codebook order, the spec as inert JSON for entry.js. */
export function entryScreenHtml(spec: FormSpec, lang: Lang, text: EntryText): SafeHtml {
  const title = inLang(lang, spec.title, spec.titleEn);
  const words = {
    lang,
    saving: text.saving,
    saved: text.saved,
    stateVerified: text.stateVerified,
    stateDisputed: text.stateDisputed,
    stateOnce: text.stateOnce,
    retry: text.retry,
    fixErrors: text.fixErrors,
    passFirst: text.passFirst,
    passSecond: text.passSecond,
    passOwn: text.passOwn,
    passFull: text.passFull,
    badFormNo: text.badFormNo,
    notACode: text.notACode,
    tooBig: text.tooBig,
    skipped: text.skipped,
  };
  return html`<h1>${text.entry}: ${title}</h1>${entryLinks(text)}
<p class="hint">${text.keys}</p>
<form id="entry-form" class="entry" novalidate autocomplete="off">
<div class="entry-row formno" id="e-_form_no"><label for="f-_form_no"><span class="qn">${text.formNo}</span></label>
<input type="text" id="f-_form_no" class="code" maxlength="32" size="12" autocomplete="off" spellcheck="false" autofocus><span class="legend" id="pass-info"></span><span class="err" id="ee-_form_no" role="alert"></span></div>
${spec.questions.map((q, i) => entryRow(q, i + 1, lang))}
<p id="status" class="status" role="status" aria-live="polite"></p>
<button type="submit" class="primary" id="save">${text.save}</button></form>
<script type="application/json" id="entry-spec">${jsonForScript(spec)}</script>
<script type="application/json" id="entry-text">${jsonForScript(words)}</script>`;
}

function entryLinks(text: EntryText): SafeHtml {
  return html`<p class="entry-links"><a href="/entry">${text.entry}</a> · <a href="/entry/verify">${text.verify}</a></p>`;
}

/** An answer as keyed codes with their labels (`2 农村`), or （空）. */
function codeText(q: FormQuestion | undefined, value: Answer, lang: Lang, text: EntryText): string {
  if (value === null) return text.blank;
  const one = (code: unknown) => {
    const c = q?.choices.find((choice) => String(choice.code) === String(code));
    return c ? `${String(c.code)} ${labelIn(lang, c)}` : String(code);
  };
  return Array.isArray(value) ? value.map(one).join('; ') : one(value);
}

const percent = (rate: number | null) => (rate === null ? '' : `${(100 * rate).toFixed(2)}%`);

/** The verification overview: counts, each operator's rates, and every disagreement (open ones first). */
export function verifyOverviewHtml(report: EntryReport, spec: FormSpec, lang: Lang, text: EntryText): SafeHtml {
  const count = (status: EntryState['status']) => report.states.filter((s) => s.status === status).length;
  const summary = text.summary.replace('{once}', String(count('keyed-once'))).replace('{disputed}', String(count('disputed'))).replace('{verified}', String(count('verified')));
  const byName = new Map(spec.questions.map((q) => [q.name, q]));
  const rows = report.states
    .filter((s) => s.disagreements.length)
    .sort((a, b) => Number(b.status === 'disputed') - Number(a.status === 'disputed'))
    .flatMap((s) =>
      s.disagreements.map((d) => {
        const q = byName.get(d.variable);
        return html`<tr class="${d.resolution ? 'resolved' : 'open'}"><td><a href="/entry/verify/${s.formNo}">${s.formNo}</a></td><td>${d.variable}</td><td>${q ? labelIn(lang, q) : ''}</td><td>${codeText(q, d.first, lang, text)}</td><td>${codeText(q, d.second, lang, text)}</td><td>${d.resolution ? html`${codeText(q, d.resolution.chosen, lang, text)} (${d.resolution.user})` : ''}</td></tr>`;
      }),
    );
  return html`<h1>${text.verify}</h1>${entryLinks(text)}<p>${summary}</p>
<h2>${text.operators}</h2><table id="operators"><thead><tr><th>${text.operator}</th><th class="n">${text.passes}</th><th class="n">${text.compared}</th><th class="n">${text.fields}</th><th class="n">${text.disagreements}</th><th class="n">${text.discrepancyRate}</th><th class="n">${text.errors}</th><th class="n">${text.errorRate}</th></tr></thead><tbody>
${report.operators.map((r) => html`<tr><td>${r.operator}</td><td class="n">${r.passes}</td><td class="n">${r.compared}</td><td class="n">${r.fields}</td><td class="n">${r.disagreements}</td><td class="n">${percent(r.discrepancyRate)}</td><td class="n">${r.errors}</td><td class="n">${percent(r.errorRate)}</td></tr>`)}</tbody></table>
<h2>${text.disputes}</h2>${
    rows.length
      ? html`<table id="disagreements"><thead><tr><th>${text.formNo}</th><th>${text.variable}</th><th>${text.question}</th><th>${text.first}</th><th>${text.second}</th><th>${text.resolution}</th></tr></thead><tbody>${rows}</tbody></table>`
      : html`<p>${text.none}</p>`
  }`;
}

/** One questionnaire's adjudication: each disagreement with the two entries and a third value, and every resolution made. */
export function adjudicationHtml(state: EntryState | undefined, formNo: string, resolutions: EntryResolution[], spec: FormSpec, lang: Lang, text: EntryText, csrfToken: string, problems: string[] = []): SafeHtml {
  const head = html`<h1>${text.verify}: ${text.formNo} ${formNo}</h1>${entryLinks(text)}`;
  if (!state || state.passes.length < 2) return html`${head}<p>${text.noneKeyed}</p>`;
  const byName = new Map(spec.questions.map((q) => [q.name, q]));
  const who = html`<p>${text.first}: ${state.passes[0].operator} · ${text.second}: ${state.passes[1].operator}${state.status === 'verified' ? html` · <strong>${text.verified}</strong>` : ''}</p>`;
  const rows = state.disagreements.map((d) => {
    const q = byName.get(d.variable);
    // Which of the three the latest resolution chose (first wins when both entries equal it: they cannot).
    const chosen = d.resolution ? keyedText(d.resolution.chosen) : null;
    const picked = chosen === null ? null : chosen === keyedText(d.first) ? 'first' : chosen === keyedText(d.second) ? 'second' : 'other';
    const locked = state.status === 'verified';
    const radio = (value: string, shown: string) =>
      html`<label class="pick"><input type="radio" name="c:${d.variable}" value="${value}"${picked === value ? ' checked' : ''}${locked ? ' disabled' : ''}> ${shown}</label>`;
    return html`<tr><td>${d.variable}</td><td>${q ? labelIn(lang, q) : ''}</td>
<td>${radio('first', codeText(q, d.first, lang, text))}</td>
<td>${radio('second', codeText(q, d.second, lang, text))}</td>
<td>${radio('other', text.other)} <input type="text" class="code" name="o:${d.variable}" value="${picked === 'other' ? (chosen ?? '') : ''}" size="8" autocomplete="off"${locked ? ' disabled' : ''}></td></tr>`;
  });
  const history = resolutions.filter((r) => r.formNo === formNo);
  return html`${head}${who}${problems.length ? html`<div class="notice" role="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>` : ''}
<form method="post" action="/entry/verify/${formNo}"><input type="hidden" name="_csrf" value="${csrfToken}">
<table id="adjudicate"><thead><tr><th>${text.variable}</th><th>${text.question}</th><th>${text.first}</th><th>${text.second}</th><th>${text.other}</th></tr></thead><tbody>${rows}</tbody></table>
${state.status === 'verified' ? '' : html`<button type="submit" class="primary">${text.resolve}</button>`}</form>
${
  history.length
    ? html`<h2>${text.history}</h2><table id="history"><thead><tr><th>${text.at}</th><th>${text.resolvedBy}</th><th>${text.variable}</th><th>${text.chosen}</th></tr></thead><tbody>${history.map(
        (r) => html`<tr><td>${localDateTime(r.at).replace('T', ' ')}</td><td>${r.user}</td><td>${r.variable}</td><td>${codeText(byName.get(r.variable), r.chosen, lang, text)}</td></tr>`,
      )}</tbody></table>`
    : ''
}`;
}
