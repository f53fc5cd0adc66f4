import { z } from 'zod';
import { ProblemsError, UsageError, type Problem } from '../core/errors.js';
import { didYouMean } from '../codebook/closest-name.js';
import { parseYaml } from '../io/parse-yaml.js';
import { readInputText } from '../io/read-input-file.js';

const action = z.enum(['exclude', 'flag', 'off']);
const fraction = z.number().gt(0).lte(1);

/**
 * The quality rules of `survey clean` with their documented defaults (README "Cleaning").
 * Each has an action: exclude the row, flag it (kept, listed in `_flags`), or off.
 */
const rulesSchema = z.strictObject({
  /**
   * Far faster than the rest: seconds per answered item below exp(median − mad_k × lower MAD) of
   * their logarithms, and below max_fraction × the median (a relative speed index of at least
   * 1/max_fraction), or below min_seconds_per_item. Setting min_seconds or median_fraction
   * instead applies the fixed rule: duration below max(min_seconds, median_fraction × median).
   */
  speeder: z.strictObject({
    mad_k: z.number().positive().default(3.5),
    max_fraction: fraction.default(0.5),
    min_seconds_per_item: z.number().nonnegative().default(2),
    min_seconds: z.number().nonnegative().optional(),
    median_fraction: fraction.optional(),
    variable: z.string().optional(),
    action: action.default('exclude'),
  }).prefault({}),
  /**
   * The same answers as an earlier row (the first is kept), when a chance match is unlikely: the
   * expected number of rows giving those answers by chance (chance-matches.ts) is at most
   * `max_chance`, or at most `max_chance_with_metadata` when an earlier identical row came from the
   * same IP or within `window_minutes` of it.
   */
  duplicate: z
    .strictObject({
      max_chance: z.number().nonnegative().default(0.01),
      max_chance_with_metadata: z.number().nonnegative().default(0.1),
      window_minutes: z.number().nonnegative().default(10),
      action: action.default('exclude'),
    })
    .prefault({}),
  /** The same respondent id as an earlier row (the first is kept). */
  'duplicate-id': z.strictObject({ variable: z.string().optional(), action: action.default('exclude') }).prefault({}),
  /** Answers identical to an earlier row's on at least `similarity` of the items. */
  'near-duplicate': z.strictObject({ similarity: z.number().gte(0.5).lt(1).default(0.95), action: action.default('exclude') }).prefault({}),
  /**
   * One answer to every row of a grid (codebook `group`) of at least `min_items` items (longstring
   * = the grid's length, intra-individual response variability 0), with more evidence: the grid has
   * at least `exclude_items` items, or a second grid is answered so, or the respondent is fast
   * (seconds per item below `fast_fraction` × the median). Without more evidence the row is kept
   * and flagged `uniform-grid`. Setting only min_items makes it exclude_items too (the rule before 5–9-item grids were checked).
   */
  'straight-lining': z
    .strictObject({ min_items: z.number().int().gte(3).optional(), exclude_items: z.number().int().gte(3).optional(), fast_fraction: fraction.default(0.5), action: action.default('exclude') })
    .transform(({ min_items, exclude_items, ...rest }) => ({ ...rest, min_items: min_items ?? 5, exclude_items: exclude_items ?? min_items ?? 10 }))
    .prefault({}),
  /** A grid answered with one answer throughout and nothing else suspicious (see straight-lining): kept, flagged. */
  'uniform-grid': z.strictObject({ action: action.default('flag') }).prefault({}),
  /** Fewer than `min_answered` of the applicable items answered (not blank). */
  'break-off': z.strictObject({ min_answered: fraction.default(0.5), action: action.default('exclude') }).prefault({}),
  /** No item answered at all. */
  blank: z.strictObject({ action: action.default('exclude') }).prefault({}),
  /** More than `max_per_ip` submissions from one IP within `window_minutes`. */
  'ip-burst': z.strictObject({ max_per_ip: z.number().int().positive().default(5), window_minutes: z.number().positive().default(60), variable: z.string().optional(), action: action.default('flag') }).prefault({}),
  /** Attention-check items and the answer each must have (`{att1: 3}` or `{att1: [3, 4]}`). */
  attention: z.strictObject({ items: z.record(z.string(), z.union([z.number(), z.array(z.number()).min(1)])).default({}), action: action.default('exclude') }).prefault({}),
  /** The codebook's `checks:` (each failing check is a reason named after it). */
  checks: z.strictObject({ action: action.default('flag') }).prefault({}),
});

/** Validated quality rules with every default filled in. */
export type CleanRules = z.infer<typeof rulesSchema>;

/** The rules that decide whole rows (in the order reasons are listed). */
export type RowRule = Exclude<keyof CleanRules, 'checks'>;

/** The default rules (what `survey clean` applies without `--rules`). */
export function defaultRules(): CleanRules {
  return rulesSchema.parse({});
}

function pathOf(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.');
}

/** Parses a rules YAML document, reporting every unknown rule, unknown key and bad threshold at once. */
export function parseRules(text: string, file: string): CleanRules {
  const raw = parseYaml(text, file, 'rules file') ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError('a rules file is a map of rule names to settings', { file });
  const result = rulesSchema.safeParse(raw);
  if (result.success) return result.data;
  const known = Object.keys(rulesSchema.shape);
  const problems: Problem[] = result.error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      const ruleLevel = issue.path.length === 0;
      const candidates = ruleLevel ? known : Object.keys(settingsKeys(String(issue.path[0])));
      return issue.keys.map((key) => ({
        path: ruleLevel ? key : pathOf(issue.path),
        message: ruleLevel
          ? `unknown rule${didYouMean(key, candidates) || ` (rules: ${known.join(', ')})`}`
          : `unknown setting "${key}"${didYouMean(key, candidates) || ` (settings: ${candidates.join(', ')})`}`,
      }));
    }
    return [{ path: pathOf(issue.path), message: issue.message.replace(/^Invalid input: /, '') }];
  });
  throw new ProblemsError(file, 'rules file', problems);
}

function settingsKeys(rule: string): Record<string, unknown> {
  const schema = (rulesSchema.shape as Record<string, z.ZodType>)[rule];
  const inner = (schema as unknown as { unwrap?: () => z.ZodObject }).unwrap?.() ?? schema;
  // A rule whose settings are resolved after parsing (straight-lining) is a pipe: its keys are its input's.
  const input = (inner as unknown as { in?: z.ZodObject }).in ?? inner;
  return (input as unknown as z.ZodObject).shape ?? {};
}

/** Reads a rules file (UTF-8 YAML). */
export async function loadRules(path: string): Promise<CleanRules> {
  return parseRules(await readInputText(path, 'rules file'), path);
}
