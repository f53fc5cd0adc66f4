import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { loadCodebook } from '../codebook/load-codebook.js';
import { ProblemsError, type Problem } from '../core/errors.js';
import type { Codebook } from '../core/types.js';
import { parseYaml } from '../io/parse-yaml.js';
import { readInputText } from '../io/read-input-file.js';
import type { FormulaNode } from '../model/formula.js';
import { parseFormula } from '../model/parse-formula.js';
import { loadTargets } from '../weight/load-targets.js';
import type { WeightingTargets } from '../weight/weighting-targets.js';
import { planSchema, type Analysis, type Plan, type SectionName } from './plan-schema.js';

/** A validated plan with its input paths resolved and its codebook loaded. */
export interface LoadedPlan {
  file: string;
  plan: Plan;
  data: string;
  codebookFile: string;
  rulesFile: string | null;
  /** The weighting targets file (`weight.targets`), resolved; null without one. */
  targetsFile: string | null;
  codebook: Codebook;
  /** The weighting targets (`weight.targets`), loaded; null without a weight step. */
  targets: WeightingTargets | null;
  /** The team's section texts (`sections:`), resolved and read: Markdown by section name. */
  sections: Partial<Record<SectionName, { file: string; text: string }>>;
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') || '(top level)';
}

/** Collects the variable names a formula expression reads. */
export function namesIn(node: FormulaNode, out: Set<string>): void {
  if (node.kind === 'name') out.add(node.name);
  else if (node.kind === 'call') node.args.forEach((a) => namesIn(a, out));
  else if (node.kind === 'binary') (namesIn(node.left, out), namesIn(node.right, out));
  else if (node.kind === 'unary') namesIn(node.arg, out);
  else if (node.kind === 'paren') namesIn(node.inner, out);
}

/** The variables an analysis reads (for checking them against the codebook before any work). */
function variablesOf(a: Analysis): { key: string; names: string[] }[] {
  switch (a.command) {
    case 'shares':
    case 'means':
    case 'totals':
    case 'quantiles':
    case 'multi':
      return [{ key: 'var', names: a.var }, ...(a.by ? [{ key: 'by', names: [a.by] }] : [])];
    case 'ratio':
      return [{ key: 'num', names: [a.num] }, { key: 'den', names: [a.den] }, ...(a.by ? [{ key: 'by', names: [a.by] }] : [])];
    case 'freq':
      return [{ key: 'vars', names: a.vars }];
    case 'crosstab':
      return [{ key: 'rows', names: [a.rows] }, { key: 'cols', names: [a.cols] }];
    case 'reliability':
      return a.items ? [{ key: 'items', names: a.items }] : [];
    case 'regress': {
      const names = new Set<string>();
      for (const node of parseFormula(a.formula).variables.values()) namesIn(node, names);
      return [{ key: 'formula', names: [...names] }];
    }
  }
}

/**
 * Reads and checks a plan before any work: its shape, that its files exist, and that every
 * variable an analysis names is in the codebook. Every problem is reported at once, with the plan's path.
 */
export async function loadPlan(file: string): Promise<LoadedPlan> {
  const raw = parseYaml(await readInputText(file, 'plan'), file, 'plan');
  const shape = planSchema.safeParse(raw ?? {});
  if (!shape.success) {
    throw new ProblemsError(file, 'plan', shape.error.issues.map((i) => ({ path: keyPath(i.path), message: i.message.replace(/^Invalid input: /, '') })));
  }
  const plan = shape.data;
  const problems: Problem[] = [];
  const resolve = (key: string, path: string | undefined, what = '') => {
    if (path === undefined) return null;
    const full = isAbsolute(path) ? path : join(dirname(file), path);
    if (!existsSync(full) || statSync(full).isDirectory()) problems.push({ path: key, message: `no such file: ${full}${what}` });
    return full;
  };
  // A PostgreSQL address (collected submissions) is not a file; `survey run` exports it first.
  const data = /^postgres(?:ql)?:\/\//i.test(plan.data) ? plan.data : (resolve('data', plan.data) as string);
  const codebookFile = resolve('codebook', plan.codebook) as string;
  const rulesFile = resolve('rules', plan.rules);
  const targetsFile = resolve('weight.targets', plan.weight?.targets);
  (plan.compare ?? []).forEach((c, i) => resolve(`compare[${i}].${c.plan ? 'plan' : 'results'}`, c.plan ?? c.results));
  const sectionFiles = Object.entries(plan.sections ?? {}).map(([section, path]) => [section as SectionName, resolve(`sections.${section}`, path, ` (the team's ${section} text in Markdown: write it there, or take the line out of the plan)`) as string] as const);
  if (problems.length) throw new ProblemsError(file, 'plan', problems);
  const sections: LoadedPlan['sections'] = {};
  for (const [section, full] of sectionFiles) sections[section] = { file: full, text: await readInputText(full, `section ${section}`) };
  const codebook = await loadCodebook(codebookFile);
  const targets = targetsFile ? await loadTargets(targetsFile) : null;
  const known = new Set<string>([
    ...codebook.variables.flatMap((v) => [v.name, ...(v.type === 'multi' || v.type === 'rank' ? (v.choices ?? []).map((c) => `${v.name}_${c.code}`) : [])]),
    ...codebook.derive.map((d) => d.name),
  ]);
  const groups = new Set(codebook.variables.flatMap((v) => (v.group ? [v.group] : [])));
  // As the CLI's --var: a name, a codebook group, or a glob (`sat_*`) matching some name.
  const selects = (selector: string) => {
    if (known.has(selector) || groups.has(selector)) return true;
    if (!/[*?]/.test(selector)) return false;
    const pattern = new RegExp(`^${selector.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return [...known].some((name) => pattern.test(name));
  };
  const check = (key: string, list: readonly string[], what = 'variable, group or pattern') => {
    for (const name of list) if (!selects(name)) problems.push({ path: key, message: `${name} is not a ${what} of ${codebookFile}` });
  };
  plan.analyses.forEach((a, i) => {
    try {
      for (const { key, names } of variablesOf(a)) check(`analyses[${i}].${key}`, names);
    } catch (err) {
      problems.push({ path: `analyses[${i}].formula`, message: err instanceof Error ? err.message : String(err) });
    }
    if (a.command === 'reliability' && a.group && !groups.has(a.group)) {
      problems.push({ path: `analyses[${i}].group`, message: `no codebook variable has group: ${a.group}` });
    }
  });
  for (const table of targets?.tables ?? []) check(`weight.targets (${table.path})`, table.variables, 'variable');
  check('weight.by', plan.weight?.by ?? []);
  check('profile.vars', plan.profile?.vars ?? []);
  check('profile.by', plan.profile?.by ? [plan.profile.by] : []);
  if (problems.length) throw new ProblemsError(file, 'plan', problems);
  return { file, plan, data, codebookFile, rulesFile, targetsFile, codebook, targets, sections };
}
