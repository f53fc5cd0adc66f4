import { inLang, labelIn } from '../../locale/bilingual.js';
import type { Lang } from '../../locale/lang.js';
import { paperWords } from '../../locale/paper-words.js';
import { escapeXml } from '../../io/escape-xml.js';
import { docxPackage } from '../../report/docx-package.js';
import { DOCX_PAGE, docxFontTableXml, docxStylesXml } from '../../report/docx-styles.js';
import { docxTableXml } from '../../report/docx-table.js';
import { paragraphPropertiesXml, runPropertiesXml, wElement, type ParagraphFormat } from '../../report/docx-xml.js';
import type { FormQuestion, FormSpec } from '../form/form-spec.js';
import { jumpFrom, numberQuestions, whoAnswers } from './skip-wording.js';

/** 小四 text for questions and answers (the report's 3号 is too large for a form). */
const SIZE = 24;
const plain: ParagraphFormat = { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: 0, after: 0, line: 400, lineRule: 'atLeast' }, alignment: 'left' };

/** A paragraph of runs, each bold or not, at the form's size. */
function para(format: ParagraphFormat, runs: { text: string; bold?: boolean }[]): string {
  const xml = runs.map((r) => `<w:r>${runPropertiesXml({ size: SIZE, bold: r.bold })}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`).join('');
  return `<w:p>${paragraphPropertiesXml(format)}${xml}</w:p>`;
}

/** The answer line(s) of a question: boxes with codes, a line with the unit and range, a ranking's places. */
function answerLines(q: FormQuestion, lang: Lang): string[] {
  const w = paperWords(lang);
  // A no-break space keeps each box with its code and label on one line; lines break between choices.
  const boxes = (choices: FormQuestion['choices']) => choices.map((c) => `□${String(c.code)}\u00a0${labelIn(lang, c).replace(/ /g, '\u00a0')}`).join('　　');
  const indented: ParagraphFormat = { ...plain, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: 0, after: 60, line: 400, lineRule: 'atLeast' } };
  switch (q.type) {
    case 'single':
    case 'multi':
      return [para(indented, [{ text: boxes(q.choices) }])];
    case 'rank': {
      const places = q.choices.filter((c) => !c.missing).map((_, k) => `${w.rankPlace(k + 1)}____`);
      return [para(indented, [{ text: boxes(q.choices.filter((c) => !c.missing)) }]), para(indented, [{ text: places.join('　') }])];
    }
    case 'numeric':
    case 'duration': {
      const range = q.range ? `（${w.range} ${q.range[0]}–${q.range[1]}）` : '';
      const declared = q.choices.filter((c) => c.missing);
      return [para(indented, [{ text: `__________ ${q.unit ?? ''}${range}${declared.length ? `　　${boxes(declared)}` : ''}` }])];
    }
    case 'datetime':
      return [para(indented, [{ text: paperWords(lang).dateBlank }])];
    default:
      return [para(indented, [{ text: '_'.repeat(40) }])];
  }
}

/** Consecutive single-choice questions of one grid with the same choices (as the web form groups them). */
function gridEnd(qs: FormQuestion[], i: number): number {
  const q = qs[i];
  let j = i + 1;
  const same = (a: FormQuestion, b: FormQuestion) => a.choices.length === b.choices.length && a.choices.every((c, k) => String(c.code) === String(b.choices[k].code) && c.label === b.choices[k].label);
  if (q.group && q.type === 'single' && !q.relevant) while (j < qs.length && qs[j].group === q.group && qs[j].type === 'single' && !qs[j].relevant && same(q, qs[j])) j++;
  return j;
}

/**
 * The printed questionnaire as a Word file, through the report's own docx writer (package,
 * styles, 三线表): the title, the 问卷编号 boxes, then every question numbered in codebook order
 * with its answer codes beside the boxes (□1 男), 可多选 on multi-selects, unit and range on
 * numbers, who answers a question with skip logic and where the other answers jump to, and
 * grids as tables of boxes.
 */
export function paperFormDocx(spec: FormSpec, lang: Lang): Buffer {
  const w = paperWords(lang);
  const qs = spec.questions;
  const numbered = numberQuestions(qs);
  const title = inLang(lang, spec.title, spec.titleEn);
  const body: string[] = [
    `<w:p>${paragraphPropertiesXml({ style: 'Title' })}<w:r><w:t xml:space="preserve">${escapeXml(title)}</w:t></w:r></w:p>`,
    para({ ...plain, alignment: 'right', spacing: { before: 120, after: 120 } }, [{ text: w.formNo, bold: true }, { text: '□□□□□□' }]),
    para({ ...plain, spacing: { before: 0, after: 200 } }, [{ text: w.intro }]),
  ];
  const heading = (q: FormQuestion, n: number, index: number) => {
    const notes = [q.type === 'multi' && !labelIn(lang, q).includes(w.multi.replace(/[（）() ]/g, '')) ? w.multi : '', q.type === 'rank' ? w.rank : '', whoAnswers(q, numbered, lang) ?? '', jumpFrom(index, qs, lang) ?? ''].join('');
    return para({ ...plain, keepNext: true, spacing: { before: 160, after: 60, line: 400, lineRule: 'atLeast' } }, [{ text: `${n}. `, bold: true }, { text: labelIn(lang, q), bold: true }, { text: notes }]);
  };
  for (let i = 0; i < qs.length; ) {
    const end = gridEnd(qs, i);
    if (end - i > 1) {
      const rows = qs.slice(i, end);
      const columns = [w.no, w.item, ...rows[0].choices.map((c) => `${String(c.code)} ${labelIn(lang, c)}`)];
      const block = {
        kind: 'table' as const,
        title: '',
        columns,
        align: columns.map((_, k) => (k < 2 ? 'left' : 'right') as 'left' | 'right'),
        rows: rows.map((r, k) => [String(i + k + 1), labelIn(lang, r), ...r.choices.map((c) => `□${String(c.code)}`)]),
        notes: [],
      };
      body.push(docxTableXml(block, `${i + 1}–${end}. ${w.grid}`));
    } else {
      body.push(heading(qs[i], i + 1, i), ...answerLines(qs[i], lang));
    }
    i = end;
  }
  body.push(para({ ...plain, alignment: 'center', spacing: { before: 400 } }, [{ text: w.end }]));
  const m = DOCX_PAGE.margin;
  // A form's margins: 2 cm all round (the report's GB/T 9704 margins waste a form's room).
  const cm2 = 1134;
  body.push(`<w:sectPr>${wElement('pgSz', { w: DOCX_PAGE.width, h: DOCX_PAGE.height })}${wElement('pgMar', { top: cm2, right: cm2, bottom: cm2, left: cm2, header: m.header, footer: cm2 / 2, gutter: 0 })}</w:sectPr>`);
  return docxPackage({ body: body.join(''), styles: docxStylesXml(lang), fontTable: docxFontTableXml(), footer: '<w:p/>', images: [], title, creator: undefined });
}
