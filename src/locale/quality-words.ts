import type { Lang } from './lang.js';

/** The figures a quality summary quotes (a QualityReport has them). */
export interface QualitySummaryFigures {
  interviews: number;
  medianDuration: number | null;
  speederSeconds: number | null;
  tests: number;
  variables: readonly string[];
  alpha: number;
  setAside: readonly string[];
}

/** The figures a flag quotes: counts, shares, thresholds, the variables' names. */
export type FlagFigures = Readonly<Record<string, number | string>>;

/** A flag's reason in words, with the figures that raised it. */
type FlagReason = (f: FlagFigures) => string;

/**
 * The words of the enumerator quality view (the server's /quality page and `survey quality`):
 * the table's headings, the summary line, and a reason for each kind of flag.
 */
export interface QualityWords {
  title: string;
  enumerator: string;
  interviews: string;
  median: string;
  speeders: string;
  straight: string;
  nonresponse: string;
  duplicates: string;
  bursts: string;
  gps: string;
  flags: string;
  none: string;
  /** The heading of the flag list under the console table (提示：). */
  flagsHeading: string;
  /** One flag of an enumerator on the console: 张三：… */
  enumeratorFlag: (enumerator: string, reason: string) => string;
  /** Between the names of a list in a sentence (、 in Chinese). */
  listSeparator: string;
  summary: (r: QualitySummaryFigures) => string;
  /** Why an enumerator is flagged, by what the flag is about. */
  flag: {
    speeder: FlagReason;
    'straight-lining': FlagReason;
    nonresponse: FlagReason;
    distribution: FlagReason;
    duplicate: FlagReason;
    burst: FlagReason;
    gps: FlagReason;
  };
}

const pct = (x: number | string) => `${(100 * Number(x)).toFixed(0)}%`;
const seconds = (x: number | null) => (x === null ? '—' : Math.round(x));

const QUALITY_WORDS = {
  zh: {
    title: '调查员质量',
    enumerator: '调查员',
    interviews: '问卷数',
    median: '用时中位数（秒）',
    speeders: '过快',
    straight: '矩阵题同答',
    nonresponse: '项目无回答',
    duplicates: '重复',
    bursts: '集中提交',
    gps: 'GPS 聚集',
    flags: '提示',
    none: '无',
    flagsHeading: '提示：',
    enumeratorFlag: (enumerator, reason) => `${enumerator}：${reason}`,
    listSeparator: '、',
    summary: (r) =>
      `共 ${r.interviews} 份有效问卷；用时中位数 ${r.medianDuration ?? '—'} 秒，过快阈值 ${seconds(r.speederSeconds)} 秒；答案分布检验 ${r.tests} 项（${r.variables.length} 个变量，Holm 校正，α = ${r.alpha}）${r.setAside.length ? `，参照分布中剔除了明显偏离者 ${r.setAside.join('、')}` : ''}。`,
    flag: {
      speeder: (f) => `${f.of} 份中 ${f.n} 份（${pct(f.share)}）用时低于过快阈值（${f.seconds} 秒）`,
      'straight-lining': (f) => `${f.of} 份中 ${f.n} 份（${pct(f.share)}）矩阵题全部选同一答案`,
      nonresponse: (f) => `项目无回答率 ${pct(f.rate)}（其他调查员 ${pct(f.others)}）`,
      distribution: (f) => `${f.variables} 的答案分布与其他调查员显著不同（卡方检验，Holm 校正后 p < ${f.alpha}）`,
      duplicate: (f) => `${f.n} 份问卷与之前的问卷（几乎）完全相同`,
      burst: (f) => `${f.n} 份问卷集中完成（${f.minutes} 分钟内超过 ${f.max} 份）`,
      gps: (f) => `${f.of} 个访问地点中 ${f.n} 个（${pct(f.share)}）与本人另一访问相距不到 ${f.radius} 米`,
    },
  },
  en: {
    title: 'Enumerator quality',
    enumerator: 'Enumerator',
    interviews: 'Interviews',
    median: 'Median duration (s)',
    speeders: 'Speeders',
    straight: 'Straight-lined grids',
    nonresponse: 'Item non-response',
    duplicates: 'Duplicates',
    bursts: 'In bursts',
    gps: 'GPS clustered',
    flags: 'Flags',
    none: 'none',
    flagsHeading: 'Flags:',
    enumeratorFlag: (enumerator, reason) => `${enumerator}: ${reason}`,
    listSeparator: ', ',
    summary: (r) =>
      `${r.interviews} active interviews; median duration ${r.medianDuration ?? '—'} s, speeder threshold ${seconds(r.speederSeconds)} s; ${r.tests} distribution tests (${r.variables.length} variables, Holm-adjusted, α = ${r.alpha})${r.setAside.length ? `; clear deviators left out of the reference: ${r.setAside.join(', ')}` : ''}.`,
    flag: {
      speeder: (f) => `${f.n} of ${f.of} interviews (${pct(f.share)}) faster than the speeder threshold (${f.seconds} s)`,
      'straight-lining': (f) => `${f.n} of ${f.of} interviews (${pct(f.share)}) answer a grid with one answer throughout`,
      nonresponse: (f) => `item non-response ${pct(f.rate)} of the questions asked (other enumerators ${pct(f.others)})`,
      distribution: (f) => `answers distributed unlike the other enumerators' on ${f.variables} (chi-square test, Holm-adjusted p < ${f.alpha})`,
      duplicate: (f) => `${f.n} interviews duplicate or nearly duplicate an earlier one`,
      burst: (f) => `${f.n} interviews ended in bursts (more than ${f.max} within ${f.minutes} minutes)`,
      gps: (f) => `${f.n} of ${f.of} interview locations (${pct(f.share)}) within ${f.radius} m of another of theirs`,
    },
  },
} satisfies Record<Lang, QualityWords>;

/** The quality view's words in one language. */
export function qualityWords(lang: Lang): QualityWords {
  return QUALITY_WORDS[lang];
}
