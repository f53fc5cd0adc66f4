import type { Problem } from '../../core/errors.js';
import type { Choice, Codebook, Variable } from '../../core/types.js';
import { parseTerm } from './parse-term.js';
import { resolveChoiceIndex } from './resolve-choice-index.js';
import { describeChoices, resolveShareMap } from './resolve-share-map.js';
import { roundTo } from '../draw/round-to.js';
import type { PlanVariable, ResolvedBy, ResolvedMissing, ResolvedParams, ResolvedTerm } from './simulation-plan.js';
import type { VariableSpec } from './spec-schema.js';

/** What later variables may know of an earlier one when they use it in `by` or `terms`. */
export interface KnownVariable {
  /** Answer options of a choice variable. */
  choices?: readonly Choice[];
  /** The smallest value it can take (for `log()` terms). */
  minimum: number;
}

/** Shared state while a spec's variables are resolved one by one, in spec order. */
export interface ResolveContext {
  codebook: Codebook;
  codebookFile: string;
  /** Every variable name the spec generates (to tell "later" from "unknown"). */
  specNames: ReadonlySet<string>;
  /** The strata variable and the variables resolved so far. */
  known: Map<string, KnownVariable>;
  problems: Problem[];
}

const KIND_OF_DIST = { categorical: 'single', ordinal: 'single', normal: 'numeric', lognormal: 'numeric' } as const;

/** Resolves one variable's generator against the codebook and the variables before it; null when unusable. */
export function resolveVariableSpec(name: string, spec: VariableSpec, ctx: ResolveContext): PlanVariable | null {
  const path = `variables.${name}`;
  const report = (at: string, message: string) => ctx.problems.push({ path: at, message });
  const hidden = (spec.dist === 'normal' || spec.dist === 'lognormal') && spec.hidden === true;
  const variable = ctx.codebook.variables.find((v) => v.name === name);
  if (hidden && variable) {
    report(`${path}.hidden`, `${name} is a variable of ${ctx.codebookFile}; only helpers outside the codebook can be hidden`);
  }
  if (!hidden && !variable) {
    report(path, `${name} is not a variable of ${ctx.codebookFile}`);
    return null;
  }
  if (variable && variable.type !== KIND_OF_DIST[spec.dist]) {
    report(`${path}.dist`, `${spec.dist} needs a ${KIND_OF_DIST[spec.dist]} variable, but ${name} is ${variable.type} in ${ctx.codebookFile}`);
    return null;
  }
  const choices = variable?.choices ?? [];
  const isChoice = spec.dist === 'categorical' || spec.dist === 'ordinal';
  if (isChoice && choices.length === 0) {
    report(path, `${name} has no choices in ${ctx.codebookFile}`);
    return null;
  }
  if (spec.dist === 'ordinal' && !variable?.ordered) {
    report(`${path}.dist`, `an ordinal item needs an ordered variable; mark ${name} ordered: true in ${ctx.codebookFile}`);
  }
  const range = variable?.range;
  const params = (raw: { mean?: number; sd?: number; sdlog?: number; clamp?: [number, number]; shares?: Record<string, number>; targets?: Record<string, number> }, at: string): ResolvedParams => {
    const out: ResolvedParams = {};
    if (raw.mean !== undefined) out.mean = raw.mean;
    if (raw.sd !== undefined) out.sd = raw.sd;
    if (raw.sdlog !== undefined) out.sdlog = raw.sdlog;
    if (raw.clamp) {
      out.clamp = raw.clamp;
      if (range && (raw.clamp[0] < range[0] || raw.clamp[1] > range[1])) {
        report(`${at}.clamp`, `clamp [${raw.clamp.join(', ')}] reaches outside ${name}'s range [${range.join(', ')}] in ${ctx.codebookFile}`);
      }
    }
    if (raw.shares) out.shares = resolveShareMap(choices, raw.shares, `${at}.shares`, name, ctx.problems);
    if (raw.targets) out.targets = resolveShareMap(choices, raw.targets, `${at}.targets`, name, ctx.problems);
    return out;
  };
  const base = params(spec, path);
  if (!isChoice && !base.clamp && range) base.clamp = [range[0], range[1]];
  const by = resolveBy(spec.by ?? {}, `${path}.by`, params, ctx);
  const round = spec.dist === 'normal' || spec.dist === 'lognormal' ? spec.round : undefined;
  const terms = spec.dist === 'ordinal' ? resolveTerms(name, spec.terms, `${path}.terms`, ctx) : [];
  const missing = resolveMissing(variable, spec.missing ?? {}, `${path}.missing`, ctx);
  ctx.known.set(name, {
    choices: isChoice ? choices : undefined,
    minimum: minimumOf(spec.dist, [base, ...by.flatMap((b) => [...b.overrides.values()].map((o) => ({ ...base, ...o })))], round, choices),
  });
  return {
    name,
    path,
    variable,
    dist: spec.dist,
    base,
    by,
    round,
    exactMean: spec.dist === 'normal' || spec.dist === 'lognormal' ? spec.exact_mean : undefined,
    noise: spec.dist === 'ordinal' ? spec.noise : undefined,
    terms,
    missing,
  };
}

function resolveBy(
  by: Record<string, Record<string, object>>,
  path: string,
  params: (raw: object, at: string) => ResolvedParams,
  ctx: ResolveContext,
): ResolvedBy[] {
  const out: ResolvedBy[] = [];
  for (const [source, levels] of Object.entries(by)) {
    const known = ctx.known.get(source);
    if (!known?.choices) {
      ctx.problems.push({ path: `${path}.${source}`, message: byProblem(source, known, ctx) });
      continue;
    }
    const overrides = new Map<number, ResolvedParams>();
    for (const [level, raw] of Object.entries(levels)) {
      const index = resolveChoiceIndex(known.choices, level);
      if (index < 0) {
        ctx.problems.push({ path: `${path}.${source}.${level}`, message: `"${level}" is not a choice of ${source} (${describeChoices(known.choices)})` });
      } else {
        overrides.set(index, params(raw, `${path}.${source}.${level}`));
      }
    }
    out.push({ source, overrides });
  }
  return out;
}

function byProblem(source: string, known: KnownVariable | undefined, ctx: ResolveContext): string {
  if (known) return `${source} is numeric; by needs a variable with choices`;
  if (ctx.specNames.has(source)) return `${source} is generated later; list it before this variable`;
  return `${source} is neither the strata variable nor a variable of the spec`;
}

function resolveTerms(name: string, terms: Record<string, number>, path: string, ctx: ResolveContext): ResolvedTerm[] {
  const out: ResolvedTerm[] = [];
  for (const [text, coefficient] of Object.entries(terms)) {
    const at = `${path}.${text}`;
    const report = (message: string) => ctx.problems.push({ path: at, message });
    const term = parseTerm(text);
    if (!term) {
      report('a term is a variable (x), its log (log(x)) or a level indicator (x=level)');
      continue;
    }
    const known = ctx.known.get(term.source);
    if (!known) {
      report(
        term.source === name
          ? `${name} cannot predict itself`
          : ctx.specNames.has(term.source)
            ? `${term.source} is generated after ${name}; list it earlier in variables`
            : `unknown covariate ${term.source}: it is neither the strata variable nor a variable of the spec`,
      );
      continue;
    }
    if (term.transform === 'indicator') {
      const level = known.choices ? resolveChoiceIndex(known.choices, term.level) : -1;
      if (!known.choices) report(`${term.source} is numeric; an indicator needs a variable with choices`);
      else if (level < 0) report(`"${term.level}" is not a choice of ${term.source} (${describeChoices(known.choices)})`);
      else out.push({ text, source: term.source, transform: 'indicator', level, coefficient });
      continue;
    }
    if (known.choices && known.choices.some((c) => typeof c.code !== 'number')) {
      report(`${term.source} has text codes; use indicators (${term.source}=level)`);
    } else if (term.transform === 'log' && !(known.minimum > 0)) {
      report(`log(${term.source}) needs ${term.source} > 0: give it a clamp with a positive lower bound`);
    } else {
      out.push({ text, source: term.source, transform: term.transform, coefficient });
    }
  }
  return out;
}

function resolveMissing(
  variable: Variable | undefined,
  rates: Record<string, number>,
  path: string,
  ctx: ResolveContext,
): ResolvedMissing[] {
  const out: ResolvedMissing[] = [];
  const declared = variable?.missing ?? [];
  for (const [key, rate] of Object.entries(rates)) {
    if (!variable) {
      ctx.problems.push({ path: `${path}.${key}`, message: 'a hidden helper is never written, so it cannot be missing' });
    } else if (key === 'empty') {
      out.push({ kind: 'empty', index: -1, rate });
    } else {
      const index = resolveChoiceIndex(declared, key);
      if (index >= 0) out.push({ kind: 'declared', index, rate });
      else {
        const known = declared.length ? `declared: ${describeChoices(declared)}` : 'it declares none';
        ctx.problems.push({ path: `${path}.${key}`, message: `"${key}" is neither "empty" nor a missing code of ${variable.name} (${known})` });
      }
    }
  }
  return out;
}

function minimumOf(
  dist: VariableSpec['dist'],
  params: ResolvedParams[],
  round: number | undefined,
  choices: readonly Choice[],
): number {
  if (dist === 'categorical' || dist === 'ordinal') {
    return Math.min(...choices.map((c) => (typeof c.code === 'number' ? c.code : -Infinity)));
  }
  // Without a clamp a normal is unbounded below and a log-normal only positive (rounding can reach 0).
  const unclamped = dist === 'lognormal' && round === undefined ? Number.MIN_VALUE : dist === 'lognormal' ? 0 : -Infinity;
  return Math.min(
    ...params.map((p) => (p.clamp ? (round === undefined ? p.clamp[0] : roundTo(p.clamp[0], round)) : unclamped)),
  );
}
