import { z } from 'zod';

/** How far shares may stray from summing to 1 (rounding in hand-written specs). */
const SHARE_TOLERANCE = 1e-6;

const shareMap = z
  .record(z.string(), z.number().nonnegative({ error: 'a share cannot be negative' }))
  .superRefine((shares, ctx) => {
    const sum = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: 'custom', message: `shares sum to ${Number(sum.toFixed(6))}, not 1`, input: shares });
    }
  });

const rate = z.number().min(0, { error: 'a rate is between 0 and 1' }).max(1, { error: 'a rate is between 0 and 1' });

const missing = z.record(z.string(), rate).superRefine((rates, ctx) => {
  const sum = Object.values(rates).reduce((a, b) => a + b, 0);
  if (sum > 1) ctx.addIssue({ code: 'custom', message: `missing rates sum to ${Number(sum.toFixed(6))}, more than 1`, input: rates });
});

const clamp = z
  .tuple([z.number(), z.number()])
  .refine(([low, high]) => low <= high, { error: 'clamp is [low, high] with low ≤ high' });

const normal = { mean: z.number(), sd: z.number().positive() };
const lognormal = { mean: z.number().positive(), sdlog: z.number().positive() };

/** `by: {variable: {level: overrides}}`: parameters that differ for rows at a level of an earlier variable. */
function byLevels<T extends z.ZodType>(overrides: T) {
  return z.record(z.string(), z.record(z.string(), overrides)).optional();
}

const numericCommon = {
  clamp: clamp.optional(),
  round: z.number().int().min(0).max(10).optional(),
  exact_mean: z.boolean().optional(),
  hidden: z.boolean().optional(),
  missing: missing.optional(),
};

const variableSpec = z.discriminatedUnion('dist', [
  z.strictObject({
    dist: z.literal('normal'),
    ...normal,
    ...numericCommon,
    by: byLevels(z.strictObject({ mean: normal.mean.optional(), sd: normal.sd.optional(), clamp: clamp.optional() })),
  }),
  z.strictObject({
    dist: z.literal('lognormal'),
    ...lognormal,
    ...numericCommon,
    by: byLevels(
      z.strictObject({ mean: lognormal.mean.optional(), sdlog: lognormal.sdlog.optional(), clamp: clamp.optional() }),
    ),
  }),
  z.strictObject({
    dist: z.literal('categorical'),
    shares: shareMap,
    missing: missing.optional(),
    by: byLevels(z.strictObject({ shares: shareMap })),
  }),
  z.strictObject({
    dist: z.literal('ordinal'),
    noise: z.enum(['logistic', 'normal']).default('logistic'),
    terms: z.record(z.string(), z.number()).default({}),
    targets: shareMap,
    missing: missing.optional(),
    by: byLevels(z.strictObject({ targets: shareMap })),
  }),
], { error: 'dist must be normal, lognormal, categorical or ordinal' });

const wjxSpec = z.strictObject({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'start is a date written YYYY-MM-DD' }),
  days: z.number().int().positive().default(30),
  median_seconds: z.number().int().positive().default(420),
  minutes_format: rate.default(0),
  regions: shareMap,
  trailing_spaces: z.array(z.string()).default([]),
  grids: z.record(z.string(), z.string().min(1)).default({}),
  /** The grids straight-liners are put on (default: every grid). */
  straight_line_grids: z.array(z.string()).optional(),
  faults: z
    .strictObject({
      speeder: rate.default(0),
      duplicate: rate.default(0),
      near_duplicate: rate.default(0),
      straight_liner: rate.default(0),
      out_of_range: rate.default(0),
      unknown_answer: rate.default(0),
      blank: rate.default(0),
    })
    .prefault({}),
});

/** The YAML simulation spec (`simulate.yaml`) as validated, before names are resolved against the codebook. */
export const simulationSpecSchema = z.strictObject({
  codebook: z.string().min(1),
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  id: z.string().min(1).default('id'),
  strata: z.strictObject({
    variable: z.string(),
    sizes: z.record(z.string(), z.number().int({ error: 'a size is a whole number' }).nonnegative({ error: 'a size cannot be negative' })),
  }),
  variables: z.record(z.string(), variableSpec),
  wjx: wjxSpec.optional(),
});

/** A validated simulation spec. */
export type SimulationSpec = z.infer<typeof simulationSpecSchema>;
/** One variable's generator in a spec. */
export type VariableSpec = z.infer<typeof variableSpec>;
/** The 问卷星 export section of a spec. */
export type WjxSpec = z.infer<typeof wjxSpec>;
