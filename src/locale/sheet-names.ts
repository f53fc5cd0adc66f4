import type { Lang } from './lang.js';

/** The names of the workbook's sheets. */
export interface SheetNames {
  overview: string; profile: string; cleaning: string; excluded: string; freq: string; shares: string; multi: string;
  crosstab: string; reliability: string; regression: string; comparison: string; codebook: string; data: string;
}

/** The report workbook's sheet names, in tab order. */
export const SHEET_NAMES = {
  zh: { overview: '概览', profile: '样本概况', cleaning: '清洗', excluded: '剔除明细', freq: '频数', shares: '满意度', multi: '多选题', crosstab: '交叉表', reliability: '信度', regression: '回归', comparison: '跨年比较', codebook: '码本', data: '数据' },
  en: { overview: 'Overview', profile: 'Sample', cleaning: 'Cleaning', excluded: 'Set aside', freq: 'Frequencies', shares: 'Shares', multi: 'Multiple response', crosstab: 'Crosstabs', reliability: 'Reliability', regression: 'Regression', comparison: 'Waves', codebook: 'Codebook', data: 'Data' },
} satisfies Record<Lang, SheetNames>;
