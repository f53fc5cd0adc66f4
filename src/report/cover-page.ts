import type { Lang } from '../locale/lang.js';
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

const WORDS = {
  zh: { heading: '结项报告', number: '立项编号', category: '项目类别', project: '项目名称', leader: '项目负责人', unit: '所在单位', date: '填表日期' },
  en: { heading: 'Final Report', number: 'Project number', category: 'Category', project: 'Project', leader: 'Principal investigator', unit: 'Institution', date: 'Date' },
} as const;

/** An ISO date as a 填表日期 reads (2025年6月30日); anything else as written. */
function coverDate(date: string, lang: Lang): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return iso && lang === 'zh' ? `${iso[1]}年${Number(iso[2])}月${Number(iso[3])}日` : date;
}

/**
 * The cover page of a 结项 report in the 社科联 结项申请书 layout, from the plan's `cover:` with the
 * title (less 结项报告), `unit:` and `date:` standing in for 项目名称, 所在单位 and 填表日期 when it leaves them out.
 * A field with no value at all is still listed, blank, for the team to fill in by hand.
 */
export function coverPage(cover: CoverFields, defaults: { title: string; unit?: string; date?: string }, lang: Lang): CoverPage {
  const w = WORDS[lang];
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
