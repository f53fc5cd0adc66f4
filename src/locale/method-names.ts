import type { Lang } from './lang.js';

type Words = Readonly<Record<string, { zh: string; en: string }>>;

/** Confidence-interval methods of a share (R prop.test / binom / svyciprop names). */
const INTERVALS: Words = {
  wilson: { zh: 'Wilson区间', en: 'Wilson' },
  'clopper-pearson': { zh: 'Clopper-Pearson精确区间', en: 'Clopper-Pearson (exact)' },
  'agresti-coull': { zh: 'Agresti-Coull区间', en: 'Agresti-Coull' },
  jeffreys: { zh: 'Jeffreys区间', en: 'Jeffreys' },
  logit: { zh: 'logit变换区间', en: 'logit' },
  xlogit: { zh: 'logit变换区间（设计自由度）', en: 'logit (design df)' },
  beta: { zh: 'Korn-Graubard beta区间', en: 'Korn-Graubard beta' },
  mean: { zh: 'Wald区间', en: 'Wald' },
  likelihood: { zh: '似然比区间', en: 'likelihood ratio' },
  asin: { zh: '反正弦变换区间', en: 'arcsine' },
};

/** Tests of a two-group difference, by the R function each matches. */
const TESTS: Words = {
  't.test (Welch)': { zh: 'Welch t检验', en: "Welch's t-test" },
  'survey::svyttest': { zh: '基于设计的t检验', en: 'design-based t-test' },
  'prop.test(correct = FALSE)': { zh: '两比例z检验', en: 'two-proportion z-test' },
  pearson: { zh: 'Pearson χ²检验', en: 'Pearson χ² test' },
  'rao-scott': { zh: 'Rao-Scott二阶校正F检验', en: 'Rao-Scott second-order F test' },
};

/** How a model's standard errors were computed (RegressionResult.seType). */
const STANDARD_ERRORS: Words = {
  classical: { zh: '常规标准误', en: 'classical SEs' },
  HC0: { zh: '稳健标准误（HC0）', en: 'robust SEs (HC0)' },
  HC1: { zh: '稳健标准误（HC1）', en: 'robust SEs (HC1)' },
  HC2: { zh: '稳健标准误（HC2）', en: 'robust SEs (HC2)' },
  HC3: { zh: '稳健标准误（HC3）', en: 'robust SEs (HC3)' },
  CR1: { zh: '聚类稳健标准误（CR1）', en: 'cluster-robust SEs (CR1)' },
  linearization: { zh: '线性化标准误（考虑抽样设计）', en: 'linearization SEs (design-based)' },
  hessian: { zh: '基于信息矩阵的标准误', en: 'SEs from the Hessian' },
  replicate: { zh: '重复权重标准误', en: 'replicate-weight SEs' },
};

/** Weighting methods (plan `weight.method`, WeightingResult.calibrated.method). */
const WEIGHTING: Words = {
  poststratify: { zh: '事后分层', en: 'post-stratification' },
  rake: { zh: '迭代比例加权', en: 'raking' },
};

/** Model families of `regress`. */
const MODELS: Words = {
  ols: { zh: '线性回归（OLS）', en: 'linear regression (OLS)' },
  logit: { zh: '二元Logistic回归', en: 'binary logistic regression' },
  ologit: { zh: '有序Logistic回归', en: 'ordinal logistic regression' },
  oprobit: { zh: '有序Probit回归', en: 'ordinal probit regression' },
};

const KINDS = { interval: INTERVALS, test: TESTS, se: STANDARD_ERRORS, weighting: WEIGHTING, model: MODELS } as const;

/** Which list a method name is looked up in. */
export type MethodKind = keyof typeof KINDS;

/**
 * A statistical method as a reader names it; the code name (what results.json and R call it) when
 * the list does not know it, so nothing is hidden.
 * @example methodName('test', 't.test (Welch)', 'zh') // 'Welch t检验'
 */
export function methodName(kind: MethodKind, code: string, lang: Lang): string {
  return KINDS[kind][code]?.[lang] ?? code;
}
