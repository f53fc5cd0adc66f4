import { ProblemsError, type Problem } from '../../core/errors.js';
import type { Codebook } from '../../core/types.js';
import { checkWjxSpec } from './check-wjx-spec.js';
import { describeChoices, resolveShareMap } from './resolve-share-map.js';
import { resolveVariableSpec, type ResolveContext } from './resolve-variable-spec.js';
import type { PlanVariable, SimulationPlan } from './simulation-plan.js';
import type { SimulationSpec } from './spec-schema.js';

/** Where a spec and its codebook were read from (for messages). */
export interface SpecFiles {
  file: string;
  codebookFile: string;
}

/**
 * Resolves a validated spec against its codebook: choice labels to codes, terms and `by` to earlier
 * variables. Throws a ProblemsError listing every problem with its key path in the spec file.
 */
export function resolveSimulationSpec(spec: SimulationSpec, codebook: Codebook, files: SpecFiles): SimulationPlan {
  const problems: Problem[] = [];
  const ctx: ResolveContext = {
    codebook,
    codebookFile: files.codebookFile,
    specNames: new Set(Object.keys(spec.variables)),
    known: new Map(),
    problems,
  };
  const strataVariable = codebook.variables.find((v) => v.name === spec.strata.variable);
  let sizes: number[] = [];
  if (!strataVariable) {
    problems.push({ path: 'strata.variable', message: `${spec.strata.variable} is not a variable of ${files.codebookFile}` });
  } else if (strataVariable.type !== 'single' || !strataVariable.choices?.length) {
    problems.push({ path: 'strata.variable', message: `${strataVariable.name} needs choices to define strata` });
  } else {
    sizes = resolveShareMap(strataVariable.choices, spec.strata.sizes, 'strata.sizes', strataVariable.name, problems);
    if (sizes.every((s) => s === 0)) {
      problems.push({ path: 'strata.sizes', message: `give a positive size to at least one of ${describeChoices(strataVariable.choices)}` });
    }
    if (spec.variables[strataVariable.name]) {
      problems.push({ path: `variables.${strataVariable.name}`, message: `${strataVariable.name} is the strata variable; strata.sizes generates it` });
    }
    ctx.known.set(strataVariable.name, { choices: strataVariable.choices, minimum: -Infinity });
  }
  const variables: PlanVariable[] = [];
  for (const [name, variableSpec] of Object.entries(spec.variables)) {
    if (name === strataVariable?.name) continue;
    const resolved = resolveVariableSpec(name, variableSpec, ctx);
    if (resolved) variables.push(resolved);
  }
  const written = new Set([spec.strata.variable, ...variables.filter((v) => v.variable).map((v) => v.name)]);
  if (written.has(spec.id)) problems.push({ path: 'id', message: `the id column ${spec.id} clashes with a variable` });
  const columns = codebook.variables.filter((v) => written.has(v.name));
  if (spec.wjx) checkWjxSpec(spec.wjx, columns, problems);
  if (problems.length || !strataVariable) throw new ProblemsError(files.file, 'simulation spec', problems);
  return {
    file: files.file,
    codebookFile: files.codebookFile,
    codebook,
    seed: spec.seed,
    idColumn: spec.id,
    strata: { variable: strataVariable, sizes },
    variables,
    columns,
    wjx: spec.wjx,
  };
}
