import type { Lang } from '../locale/lang.js';
import { sectionWords } from '../locale/section-words.js';
import type { CoverPage } from './report-document.js';

/** The plan's cover fields (`cover:`), each optional. */
export interface CoverFields {
  heading?: string;
  number?: string;
  category?: string;
  project?: string;
  leader?: string;
  unit?: string;
  date?: string;
  issuer?: string;
}

/** An ISO date as a 填表日期 reads (2025年6月30日); anything else as written. */
function coverDate(date: string, lang: Lang): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return sectionWords(lang).coverDate(date, iso ? [iso[1], iso[2], iso[3]] : null);
}

/**
 * The cover page of a 结项 report in the 社科联 结项申请书 layout, from the plan's `cover:` with the
 * title (less 结项报告), `unit:` and `date:` standing in for 项目名称, 所在单位 and 填表日期 when it leaves them out.
 * A field with no value at all is still listed, blank, for the team to fill in by hand.
 */
export function coverPage(cover: CoverFields, defaults: { title: string; unit?: string; date?: string }, lang: Lang): CoverPage {
  const w = sectionWords(lang).cover;
  const date = cover.date ?? defaults.date;
  return {
    number: [w.number, cover.number ?? ''],
    heading: cover.heading ?? w.heading,
    fields: [
      [w.category, cover.category ?? ''],
      // The title without its 结项报告, which the cover's heading says already.
      [w.project, cover.project ?? (defaults.title.replace(/\s*结项报告$/, '') || defaults.title)],
      [w.leader, cover.leader ?? ''],
      [w.unit, cover.unit ?? defaults.unit ?? ''],
      [w.date, date ? coverDate(date, lang) : ''],
    ],
    issuer: cover.issuer ?? null,
  };
}
