import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadCodebook, parseCodebook } from '../codebook/load-codebook.js';
import { InputError, UsageError } from '../core/errors.js';
import type { Codebook } from '../core/types.js';
import type { Quotas } from './server/render-tables.js';

/** What collection needs from a plan: its codebook, the quotas, and where `data:` points. */
export interface CollectionPlan {
  file: string;
  codebook: Codebook;
  quotas: Quotas;
  /** The plan's `data:` resolved against its folder, or null. */
  data: string | null;
  /** The plan's cleaning rules file (`rules:`) resolved against its folder, or null for the defaults. */
  rules: string | null;
}

/**
 * Reads the collection side of a plan (`codebook:`, `quotas:`, `data:`) without requiring the
 * data to exist yet (fieldwork comes first). A codebook file itself (it has `variables:`) is
 * accepted too: a questionnaire served without a plan.
 */
export async function readCollectionPlan(file: string): Promise<CollectionPlan> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`, { file });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new UsageError(`YAML syntax error: ${(err as Error).message.split('\n')[0]}`, { file });
  }
  if (typeof raw !== 'object' || raw === null) throw new UsageError('expected a plan (codebook: …) or a codebook (variables: …)', { file });
  const doc = raw as Record<string, unknown>;
  if (Array.isArray(doc.variables)) return { file: resolve(file), codebook: parseCodebook(text, file), quotas: {}, data: null, rules: null };
  if (typeof doc.codebook !== 'string') throw new UsageError('the plan names no codebook', { file, path: 'codebook' });
  const at = (path: string) => (isAbsolute(path) || /^postgres(ql)?:\/\//i.test(path) ? path : join(dirname(resolve(file)), path));
  const codebook = await loadCodebook(at(doc.codebook));
  const quotas: Quotas = {};
  if (doc.quotas !== undefined) {
    if (typeof doc.quotas !== 'object' || doc.quotas === null) throw new UsageError('quotas: expected {variable: {choice: target, …}}', { file, path: 'quotas' });
    for (const [name, targets] of Object.entries(doc.quotas as Record<string, unknown>)) {
      if (!codebook.variables.some((v) => v.name === name)) throw new UsageError(`quotas.${name}: no such variable in the codebook`, { file, path: `quotas.${name}` });
      if (typeof targets !== 'object' || targets === null) throw new UsageError(`quotas.${name}: expected {choice: target}`, { file, path: `quotas.${name}` });
      quotas[name] = {};
      for (const [key, n] of Object.entries(targets as Record<string, unknown>)) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new UsageError(`quotas.${name}.${key}: expected a whole number`, { file, path: `quotas.${name}.${key}` });
        quotas[name][key] = n;
      }
    }
  }
  return { file: resolve(file), codebook, quotas, data: typeof doc.data === 'string' ? at(doc.data) : null, rules: typeof doc.rules === 'string' ? at(doc.rules) : null };
}
