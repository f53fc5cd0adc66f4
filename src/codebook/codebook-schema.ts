import { z } from 'zod';
import type { Check, Choice, Codebook, Derivation, Variable } from '../core/types.js';
import { identifierPattern, reservedWords } from './expression.js';
import { omitAbsent } from './omit-absent.js';
import { parseCode } from './parse-code.js';

/** The variable types of DESIGN §3. */
const variableTypes = ['single', 'multi', 'rank', 'numeric', 'text', 'duration', 'datetime', 'id'] as const;

// YAML reads unquoted `2024` or `Q3`-like cells as numbers; a label or alias means the text.
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());

/** An ASCII identifier that is not a keyword of the expression language. */
const identifierSchema = z
  .string()
  .regex(identifierPattern, 'must be a letter or _ followed by letters, digits or _ (ASCII)')
  .refine((name) => !reservedWords.includes(name), 'is a reserved word of expressions (and, or, not, in)');

const choiceObject = z.strictObject(
  { label: text, label_en: text.nullish(), aliases: z.array(text).nullish() },
  { error: 'expected a label or {label, label_en, aliases}' },
);

const choiceValue = z
  .preprocess((v) => (typeof v === 'string' || typeof v === 'number' ? { label: String(v) } : v), choiceObject)
  .transform(({ label, label_en, aliases }) => omitAbsent({ label, labelEn: label_en, aliases: aliases ?? [] }));

// parseDocument keeps choices as a Map so that key order (low → high) and numeric keys survive.
const choiceMap = z
  .map(z.union([z.number(), z.string()]), choiceValue, { error: 'expected a map of code: label, e.g. {1: 城市, 2: 农村}' })
  .transform((map): Choice[] => [...map].map(([code, value]) => ({ code: parseCode(code), ...value })));

const variableShape = {
  name: identifierSchema,
  label: text.nullish(),
  label_en: text.nullish(),
  short_label: text.nullish(),
  short_label_en: text.nullish(),
  type: z.enum(variableTypes),
  choices: choiceMap.nullish(),
  ordered: z.boolean().nullish(),
  missing: choiceMap.nullish(),
  aliases: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text)).nullish(),
  range: z.tuple([z.number(), z.number()], { error: 'expected [low, high], e.g. [0, 120]' }).nullish(),
  required: z.boolean().nullish(),
  relevant: text.nullish(),
  constraint: text.nullish(),
  constraint_message: text.nullish(),
  group: text.nullish(),
  reverse: z.boolean().nullish(),
  unit: text.nullish(),
};

/** One entry of `variables:`, read into a Variable. */
export const variableSchema = z
  .strictObject(variableShape, { error: 'expected a map with name, type, label, ...' })
  .transform(({ label_en, short_label, short_label_en, constraint_message, aliases, ...rest }): Variable =>
    omitAbsent({ ...rest, labelEn: label_en, shortLabel: short_label, shortLabelEn: short_label_en, constraintMessage: constraint_message, aliases: aliases ?? [] }),
  );

const checkShape = { name: text.pipe(z.string().min(1, 'must not be empty')), check: text, message: text.nullish(), message_en: text.nullish() };

/** One entry of `checks:`, read into a Check. */
export const checkSchema = z
  .strictObject(checkShape, { error: 'expected a map with name, check, message' })
  .transform(({ message_en, ...rest }): Check => omitAbsent({ ...rest, messageEn: message_en }));

const deriveShape = { name: identifierSchema, expr: text, label: text.nullish(), label_en: text.nullish() };

/** One entry of `derive:`, read into a Derivation. */
export const deriveSchema = z
  .strictObject(deriveShape, { error: 'expected a map with name, expr, label' })
  .transform(({ label_en, ...rest }): Derivation => omitAbsent({ ...rest, labelEn: label_en }));

const groupLabel = z
  .preprocess((v) => (typeof v === 'string' ? { label: v } : v), z.strictObject({ label: text, label_en: text.nullish() }, { error: 'expected a label or {label, label_en}' }))
  .transform(({ label, label_en }) => omitAbsent({ label, labelEn: label_en }));

const codebookShape = {
  id: text.pipe(z.string().min(1, 'must not be empty')),
  title: text.nullish(),
  title_en: text.nullish(),
  variables: z.array(variableSchema).min(1, 'list at least one variable'),
  groups: z.record(z.string(), groupLabel).nullish(),
  checks: z.array(checkSchema).nullish(),
  derive: z.array(deriveSchema).nullish(),
};

/** A whole codebook document (DESIGN §3, snake_case keys), read into the normalised Codebook. */
export const codebookSchema = z
  .strictObject(codebookShape, { error: 'expected a map with id, title, variables, groups, checks, derive' })
  .transform(({ title_en, checks, derive, ...rest }): Codebook =>
    omitAbsent({ ...rest, titleEn: title_en, checks: checks ?? [], derive: derive ?? [] }),
  );

/** The keys each kind of map accepts, for "did you mean" on unknown keys. */
export const knownKeys = {
  codebook: Object.keys(codebookShape),
  variable: Object.keys(variableShape),
  choice: Object.keys(choiceObject.shape),
  check: Object.keys(checkShape),
  derive: Object.keys(deriveShape),
};
