import type { Lang } from './lang.js';

/** What the 数据与方法 paragraph names: files relative to the report, the weighting, the models' formulas. */
export interface MethodsFacts {
  data: string;
  codebook: string;
  codebookId: string;
  /** The cleaning rules file, or null for the defaults. */
  rules: string | null;
  weighting: { targets: string; rake: boolean } | null;
  formulas: readonly string[];
  version: string;
}

/** The words `survey run` puts around the sections: chapter titles of its own, the 数据与方法 paragraph, the 摘要's heading. */
export interface RunWords {
  compareTitle: (earlierWaves: number) => string;
  alreadyClean: (n: number) => string;
  background: string;
  recommendations: string;
  methods: (m: MethodsFacts) => string;
  summary: string;
  contents: string;
  /** A codebook unit as the report shows it: an English report leaves out a Chinese one (元) rather than mix scripts. */
  unit: (unit: string | undefined) => string | undefined;
  reliabilityTitle: (scale: string) => string;
}

export const RUN_WORDS = {
  zh: {
    compareTitle: (earlierWaves) => (earlierWaves > 1 ? '与往年比较' : '与上年比较'),
    alreadyClean: (n) => `分析样本 ${n} 份（数据已清洗）。`,
    background: '研究背景',
    recommendations: '对策建议',
    methods: (m) =>
      `数据：${m.data}；码本：${m.codebook}（${m.codebookId}）；清洗规则：${m.rules ?? '默认规则'}。比例的置信区间：不加权时为Wilson区间（与R prop.test(correct = FALSE)一致）；回归系数的置信区间为Wald区间。${m.weighting ? `加权：按 ${m.weighting.targets} 的总体结构${m.weighting.rake ? '迭代比例拟合（与R survey::rake一致）' : '事后分层（与R survey::postStratify一致）'}；加权比例的置信区间默认为logit区间（与R svyciprop一致），标准误为考虑校准的线性化标准误。` : ''}${m.formulas.length ? `回归模型的R公式：${m.formulas.join('；')}（变量名与题目的对应见码本）。` : ''}所有数字由 survey ${m.version} 计算，见 results.json。`,
    summary: '摘要',
    contents: '目录',
    unit: (unit) => unit,
    reliabilityTitle: (scale) => `${scale}量表信度`,
  },
  en: {
    compareTitle: (earlierWaves) => (earlierWaves > 1 ? 'Comparison with earlier waves' : 'Comparison with the previous wave'),
    alreadyClean: (n) => `${n} responses analysed (data already clean).`,
    background: 'Background',
    recommendations: 'Recommendations',
    methods: (m) =>
      `Data: ${m.data}; codebook: ${m.codebook} (${m.codebookId}); cleaning rules: ${m.rules ?? 'the defaults'}. Share intervals: Wilson when unweighted (as R prop.test(correct = FALSE)); regression intervals: Wald. ${m.weighting ? `Weighting: ${m.weighting.rake ? 'raking (as R survey::rake)' : 'post-stratification (as R survey::postStratify)'} to ${m.weighting.targets}; weighted share intervals are logit intervals by default (as R svyciprop) with calibration-aware linearization SEs. ` : ''}${m.formulas.length ? `Regression models as R formulas: ${m.formulas.join('; ')} (the codebook maps names to questions). ` : ''}Every number was computed by survey ${m.version} and is in results.json.`,
    summary: 'Summary',
    contents: 'Contents',
    unit: (unit) => (unit && /[\u3000-\u9fff]/.test(unit) ? undefined : unit),
    reliabilityTitle: (scale) => `Reliability of ${scale}`,
  },
} satisfies Record<Lang, RunWords>;

/** The run's words in `lang`. */
export const runWords = (lang: Lang): RunWords => RUN_WORDS[lang];
