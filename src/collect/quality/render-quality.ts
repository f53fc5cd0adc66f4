import { html, type SafeHtml } from '../server/html.js';
import type { Lang } from '../../locale/lang.js';
import { qualityWords } from '../../locale/quality-words.js';
import type { EnumeratorQuality, QualityReport } from './enumerator-quality.js';

/** One enumerator's figures as table cells (text), in the headings' order. */
export function qualityCells(q: EnumeratorQuality): string[] {
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
  return [
    q.enumerator,
    String(q.interviews),
    q.medianDuration === null ? '—' : String(Math.round(q.medianDuration)),
    String(q.speeders),
    String(q.straightLined),
    pct(q.nonresponse),
    String(q.duplicates),
    String(q.inBursts),
    q.gps ? `${q.gps.clustered}/${q.gps.points}` : '—',
  ];
}

/** The quality page: one row per enumerator, flagged ones first, every flag's reason listed (names and reasons escaped). */
export function qualityHtml(report: QualityReport, lang: Lang): SafeHtml {
  const h = qualityWords(lang);
  const rows = [...report.enumerators].sort((a, b) => b.flags.length - a.flags.length || a.enumerator.localeCompare(b.enumerator));
  const heads = [h.enumerator, h.interviews, h.median, h.speeders, h.straight, h.nonresponse, h.duplicates, h.bursts, h.gps, h.flags];
  return html`<h1>${h.title}</h1><p>${h.summary(report)}</p>
<table class="quality"><thead><tr>${heads.map((x, i) => html`<th${i > 0 && i < heads.length - 1 ? html` class="n"` : ''}>${x}</th>`)}</tr></thead><tbody>
${rows.map(
  (q) =>
    html`<tr${q.flags.length ? html` class="flagged"` : ''}>${qualityCells(q).map((cell, i) => html`<td${i ? html` class="n"` : ''}>${cell}</td>`)}<td>${
      q.flags.length ? html`<ul>${q.flags.map((f) => html`<li data-rule="${f.rule}">${f.reason}</li>`)}</ul>` : h.none
    }</td></tr>`,
)}</tbody></table>`;
}
