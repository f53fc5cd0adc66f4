import type { Lang } from './lang.js';
import { HELP_ZH } from './help-zh.js';
import { REPORT_TEXT } from './report-words.js';

/** The counts `survey clean` and `survey run` report after cleaning (the 发放/回收/有效 lines of a 结项 report). */
export interface CleaningCounts {
  /** Questionnaires handed out (`--distributed`), when known. */
  distributed: number | null;
  returned: number;
  valid: number;
  excluded: number;
  flagged: number;
  /** The valid rate, formatted (92.4%). */
  validRate: string;
}

/**
 * The words of the CLI's console output that are not the report's (those come from REPORT_TEXT):
 * `survey compare`'s comparability lines and change table, `survey verify`'s tables, the cleaning
 * counts of `survey clean` and `survey run`, and the replicate-weight help of the design commands.
 */
export interface CliWords {
  compare: {
    /** The reason given to `--same var` without one. */
    statedComparable: string;
    noCodebook: string;
    cleaning: string;
    weighting: string;
    /** The heading of a pair's comparability lines; `same` when nothing differs. */
    comparability: (from: string, to: string, same: boolean) => string;
    title: (from: string, to: string) => string;
    indicator: string;
    group: string;
    change: string;
    ci: string;
    verdict: string;
    /** The group of an indicator over the whole sample. */
    all: string;
    note: string;
  };
  verify: {
    disagreementColumns: readonly string[];
    operatorColumns: readonly string[];
  };
  clean: {
    counts: (c: CleaningCounts) => string[];
    byRule: string;
  };
  /** `survey run`'s one-line cleaning summary, before the analyses' count. */
  runCleaned: (c: Pick<CleaningCounts, 'returned' | 'valid' | 'excluded'>) => string;
  replicates: {
    heading: string;
    regex: string;
    made: string;
  };
  /** `--help` descriptions by their English text; null where commander's own English text stands. */
  helpTranslations: Readonly<Record<string, string>> | null;
}

const CLI_WORDS = {
  zh: {
    compare: {
      statedComparable: '用户说明可比',
      noCodebook: '（码本不可得，未检查可比性）',
      cleaning: '清洗',
      weighting: '加权',
      comparability: (from, to, same) => `可比性 ${from} → ${to}${same ? '：没有差异' : ''}`,
      title: (from, to) => `${to}与${from}比较（变化 = ${to} − ${from}）`,
      indicator: '指标',
      group: REPORT_TEXT.zh.group,
      change: '变化',
      ci: REPORT_TEXT.zh.ci,
      verdict: '结论',
      all: '全体',
      note: '比例的变化以百分点计；加权估计（两次都加权时）用正态检验（= svycontrast），不加权比例用 prop.test，不加权均值用 Welch t 检验。',
    },
    verify: {
      disagreementColumns: ['问卷编号', '变量', '第一遍', '第二遍', '裁定'],
      operatorColumns: ['录入员', '遍数', '比对字段', '不一致', '不一致率', '裁定为错', '差错率'],
    },
    clean: {
      counts: (c) => [
        `${c.distributed === null ? '' : `发放 ${c.distributed} 份，`}回收 ${c.returned} 份，有效问卷 ${c.valid} 份，有效率 ${c.validRate}`,
        `剔除 ${c.excluded} 份，保留 ${c.valid} 份（其中标记 ${c.flagged} 份）`,
      ],
      byRule: '各规则命中（行/问题数）：',
    },
    runCleaned: (c) => `回收 ${c.returned} 份，有效 ${c.valid} 份（剔除 ${c.excluded} 份）；`,
    replicates: {
      heading: '重复权数（R svrepdesign / as.svrepdesign；标准误均由重复权数计算）：',
      regex: '正则表达式，同 R',
      made: 'JK1 不分层；BRR：每层2个初级抽样单位',
    },
    helpTranslations: HELP_ZH,
  },
  en: {
    compare: {
      statedComparable: 'stated comparable',
      noCodebook: '(no codebook: comparability not checked)',
      cleaning: 'cleaning',
      weighting: 'weighting',
      comparability: (from, to, same) => `Comparability ${from} → ${to}${same ? ': no differences' : ''}`,
      title: (from, to) => `${to} compared with ${from} (change = ${to} − ${from})`,
      indicator: 'Indicator',
      group: REPORT_TEXT.en.group,
      change: 'Change',
      ci: REPORT_TEXT.en.ci,
      verdict: 'Verdict',
      all: 'all',
      note: 'Changes of shares in percentage points; weighted estimates (when both waves are weighted): normal test (= svycontrast); unweighted shares: prop.test; unweighted means: Welch t test.',
    },
    verify: {
      disagreementColumns: ['questionnaire', 'variable', 'first entry', 'second entry', 'resolution'],
      operatorColumns: ['operator', 'passes', 'fields', 'disagreements', 'discrepancy rate', 'errors', 'error rate'],
    },
    clean: {
      counts: (c) => [
        `${c.distributed === null ? '' : `distributed ${c.distributed}, `}returned ${c.returned}, valid ${c.valid}, valid rate ${c.validRate}`,
        `excluded ${c.excluded}, kept ${c.valid} (${c.flagged} flagged)`,
      ],
      byRule: 'rows/issues by rule:',
    },
    runCleaned: (c) => `returned ${c.returned}, valid ${c.valid} (${c.excluded} set aside); `,
    replicates: {
      heading: 'Replicate weights (R svrepdesign / as.svrepdesign; every SE from the replicates):',
      regex: 'a regular expression, as R',
      made: 'JK1 unstratified; BRR: 2 PSUs a stratum',
    },
    helpTranslations: null,
  },
} satisfies Record<Lang, CliWords>;

/** The CLI's console words in one language. */
export function cliWords(lang: Lang): CliWords {
  return CLI_WORDS[lang];
}
