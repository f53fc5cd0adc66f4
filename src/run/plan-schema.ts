import { z } from 'zod';
import { CI_METHODS } from '../analyze/estimators/proportion-interval.js';
import { QUANTILE_RULES } from '../analyze/estimators/quantile-rules.js';

const name = z.string().min(1);
const names = z.union([name, z.array(name).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** One analysis of a plan: the same words as the CLI command it mirrors. */
export const analysisSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('shares'), var: names, top: z.number().int().positive().optional(), values: z.array(z.union([z.number(), z.string()])).min(1).optional(), by: name.optional(), ci: z.enum(CI_METHODS).optional(), title: z.string().optional() })
    .refine((a) => (a.top === undefined) !== (a.values === undefined), { error: 'give exactly one of top or values' }),
  z.strictObject({ command: z.literal('means'), var: names, by: name.optional(), title: z.string().optional() }),
  z.strictObject({ command: z.literal('totals'), var: names, by: name.optional(), title: z.string().optional() }),
  z.strictObject({ command: z.literal('quantiles'), var: names, probs: z.array(z.number().min(0).max(1)).min(1).default([0.25, 0.5, 0.75]), qrule: z.enum(QUANTILE_RULES).default('math'), by: name.optional(), title: z.string().optional() }),
  z.strictObject({ command: z.literal('ratio'), num: name, den: name, by: name.optional(), title: z.string().optional() }),
  z.strictObject({ command: z.literal('freq'), vars: names, title: z.string().optional() }),
  z.strictObject({ command: z.literal('multi'), var: names, by: name.optional(), title: z.string().optional() }),
  z.strictObject({ command: z.literal('crosstab'), rows: name, cols: name, title: z.string().optional() }),
  z.strictObject({ command: z.literal('reliability'), items: names.optional(), group: name.optional(), title: z.string().optional() })
    .refine((a) => (a.items === undefined) !== (a.group === undefined), { error: 'give exactly one of items or group' }),
  z.strictObject({ command: z.literal('regress'), formula: z.string().min(3), model: z.enum(['ols', 'logit', 'ologit', 'oprobit']).default('ols'), robust: z.enum(['HC0', 'HC1', 'HC2', 'HC3']).optional(), title: z.string().optional() }),
]);

const pair = z.tuple([z.number(), z.number()]);
/** Trimming bounds or quantiles: [low, high], checked with the plan rather than after cleaning. */
const ordered = pair.refine(([low, high]) => low < high, { error: 'give [low, high] with low < high' });
const quantiles = ordered.refine((q) => q.every((p) => p >= 0 && p <= 1), { error: 'quantiles are probabilities in [0, 1]' });
const bounds = ordered.refine(([low]) => low > 0, { error: 'weights are positive: the low bound must be above 0' });

/** Weighting to population margins (as `survey weight`): shares and means are then reported weighted beside unweighted. */
export const weightSchema = z.strictObject({
  /** Population targets file (`survey weight --targets`), relative to the plan. */
  targets: z.string().min(1),
  method: z.enum(['poststratify', 'rake']).optional(),
  /** Weight on these variables only; default every table of the targets file. */
  by: names.optional(),
  /** Trim to fixed bounds or to quantiles of the calibrated weights, then re-calibrate. */
  trim: z.union([z.strictObject({ bounds }), z.strictObject({ quantiles })]).optional(),
});

/** The sample profile (样本概况): the distribution of background variables, overall and by a group. */
export const profileSchema = z.strictObject({ vars: names, by: name.optional() });

/**
 * An earlier wave of the same survey to compare with (`compare:`): its plan (run, or its
 * results.json reused when its inputs are unchanged) or a results.json, how the report names it,
 * and the variables the plan states comparable despite a codebook change (with the reason).
 */
export const compareSchema = z.strictObject({
  plan: z.string().min(1).optional(),
  results: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  same: z.union([z.array(name), z.record(z.string(), z.string())]).optional(),
  // Codes of the earlier wave mapped to this wave's before comparing: {var: {old_code: new_code}}.
  recode: z.record(name, z.record(z.string(), z.union([z.number(), z.string()]))).optional(),
}).refine((c) => (c.plan === undefined) !== (c.results === undefined), { error: 'give exactly one of plan or results' });

/**
 * The cover page of a 结项 report (the 社科联 结项申请书 cover): 立项编号, 项目类别, 项目名称 (default
 * the title), 项目负责人, 所在单位 (default `unit:`), 填表日期 (default `date:`), and who issued the form.
 */
export const coverSchema = z.strictObject({
  /** The large line on the cover (default 结项报告 / Final report). */
  heading: z.string().min(1).optional(),
  number: z.string().optional(),
  category: z.string().optional(),
  project: z.string().optional(),
  leader: z.string().optional(),
  unit: z.string().optional(),
  date: z.string().optional(),
  /** The body that issued the form, at the foot of the cover (巴州区社会科学界联合会制). */
  issuer: z.string().optional(),
});

/**
 * The team's own text for the sections a tool cannot write: Markdown files (relative to the plan)
 * placed where a 结项 report has them — 背景 first, 对策建议 after the findings, 摘要 after the
 * generated key findings.
 */
export const sectionsSchema = z.strictObject({
  背景: z.string().min(1).optional(),
  对策建议: z.string().min(1).optional(),
  摘要: z.string().min(1).optional(),
});

/** The report files a run writes besides results.json and manifest.json. */
export const OUTPUTS = ['md', 'xlsx', 'docx'] as const;

/** The plan `survey run` executes (DESIGN §1): data, codebook, cleaning, analyses, report. */
export const planSchema = z.strictObject({
  /** Report folder name: reports/<name>/. */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'name is a folder name: letters, digits, . _ -' }),
  title: z.string().min(1),
  title_en: z.string().optional(),
  authors: z.array(z.string()).default([]),
  /** The byline of an English report (`--lang en`); without them it keeps the Chinese ones. */
  authors_en: z.array(z.string()).optional(),
  unit: z.string().optional(),
  unit_en: z.string().optional(),
  date: z.string().optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
  cover: coverSchema.optional(),
  sections: sectionsSchema.optional(),
  /** Input files, relative to the plan file. */
  data: z.string().min(1),
  codebook: z.string().min(1),
  rules: z.string().optional(),
  /** Questionnaires handed out (发放), for the 有效率 line. */
  distributed: z.number().int().positive().optional(),
  /** Clean the data first (default); false when `data` is already clean. */
  clean: z.boolean().default(true),
  weight: weightSchema.optional(),
  profile: profileSchema.optional(),
  outputs: z.array(z.enum(OUTPUTS)).min(1).default([...OUTPUTS]),
  analyses: z.array(analysisSchema).min(1),
  /** How comparisons name this wave (2025年); default the year of `date`, else the plan name. */
  wave: z.string().min(1).optional(),
  /** Earlier waves, oldest first: the report adds a comparison with the last (与上年比较) and trends over all. */
  compare: z.array(compareSchema).optional(),
  /** Fieldwork quotas for `survey serve` ({variable: {choice: target}}); checked there, ignored by the report. */
  quotas: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())).optional(),
});

/** A plan as validated (paths not yet resolved). */
export type Plan = z.infer<typeof planSchema>;
/** An earlier wave named by a plan's `compare:`. */
export type CompareEntry = z.infer<typeof compareSchema>;
/** The team's section texts a plan names (`sections:`). */
export type SectionName = keyof z.infer<typeof sectionsSchema>;
/** The cover fields of a plan (`cover:`). */
export type Cover = z.infer<typeof coverSchema>;
/** One analysis of a plan. */
export type Analysis = z.infer<typeof analysisSchema>;
