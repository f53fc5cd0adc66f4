import { existsSync, readFileSync } from 'node:fs';
import { CONVERSION_TYPES, REPLICATE_TYPES, UsageError, convertToReplicates, withReplicateColumns, type ConversionType, type Design, type ReplicateType } from '../index.js';

/** The replicate-weight options of every estimator command (DESIGN §2). */
export interface ReplicateCliOptions {
  repweights?: string;
  repType?: string;
  rho?: string;
  scale?: string;
  rscales?: string;
  mse?: boolean;
  replicates?: string;
}

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number, not "${text}"`);
  return value;
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((t) => t.toLowerCase() === text.toLowerCase());
  if (!found) throw new UsageError(`${flag} ${text} is not one of ${allowed.join(', ')}`);
  return found;
}

/** `--rscales 0.5,0.5,…` or `--rscales FILE` (numbers separated by commas, spaces or lines; a header line is skipped). */
export function parseRscales(text: string): number[] {
  const fromFile = existsSync(text);
  const source = fromFile ? readFileSync(text, 'utf8') : text;
  const tokens = source.split(/[\s,;]+/).filter((t) => t !== '');
  if (fromFile && tokens.length && !Number.isFinite(Number(tokens[0]))) tokens.shift();
  const values = tokens.map(Number);
  const bad = tokens.find((t, k) => !Number.isFinite(values[k]));
  if (bad !== undefined || values.length === 0) {
    throw new UsageError(`--rscales ${fromFile ? `file ${text}` : text}: ${bad === undefined ? 'no numbers' : `"${bad}" is not a number`}`, { hint: 'give the numbers separated by commas, or a file with one number per line' });
  }
  return values;
}

/**
 * Turns the design into a replicate-weight design when the options ask for one: `--repweights`
 * (R `svrepdesign`) or `--replicates` (R `as.svrepdesign`); the design itself otherwise. Throws a
 * UsageError for replicate options without either, or both at once.
 */
export function applyReplicateOptions(design: Design, options: ReplicateCliOptions): Design {
  const { repweights, replicates } = options;
  if (repweights !== undefined && replicates !== undefined) throw new UsageError('give either --repweights (replicate weight columns) or --replicates (make them from --strata/--cluster), not both');
  if (replicates !== undefined) {
    if (options.repType !== undefined) throw new UsageError('--rep-type describes --repweights columns; --replicates takes the type itself, e.g. --replicates JKn');
    if (options.scale !== undefined || options.rscales !== undefined) throw new UsageError('--scale and --rscales go with --repweights; --replicates computes them as R as.svrepdesign');
    const type = oneOf<ConversionType>('--replicates', replicates, CONVERSION_TYPES);
    return convertToReplicates(design, type, { mse: options.mse, rho: number('--rho', options.rho) });
  }
  if (repweights === undefined) {
    const stray = (['repType', 'rho', 'scale', 'rscales', 'mse'] as const).find((k) => options[k] !== undefined && options[k] !== false);
    if (stray) {
      const flag = { repType: '--rep-type', rho: '--rho', scale: '--scale', rscales: '--rscales', mse: '--mse' }[stray];
      throw new UsageError(`${flag} describes replicate weights; it needs --repweights PATTERN (or --replicates TYPE)`, { hint: 'e.g. --weight wt --repweights "^repwt[0-9]+$" --rep-type JK1' });
    }
    return design;
  }
  if (options.repType === undefined) throw new UsageError('--repweights needs --rep-type JK1|JKn|BRR|Fay|bootstrap|other', { hint: 'the type says how the replicates combine (R svrepdesign(type = ...)); see the data\'s documentation' });
  const type = oneOf<ReplicateType>('--rep-type', options.repType, REPLICATE_TYPES);
  return withReplicateColumns(design, {
    pattern: repweights,
    type,
    rho: number('--rho', options.rho),
    scale: number('--scale', options.scale),
    rscales: options.rscales !== undefined ? parseRscales(options.rscales) : undefined,
    mse: options.mse,
    weight: design.spec.weight ?? '',
  });
}
