import { ProblemsError } from '../../core/errors.js';
import { parseYaml } from '../../io/parse-yaml.js';
import { simulationSpecSchema, type SimulationSpec } from './spec-schema.js';

/** Writes a schema issue's path as the spec's key path: `variables.income.by.area.农村.mean`, `wjx.trailing_spaces[0]`. */
function keyPath(path: readonly PropertyKey[]): string {
  const text = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  return text.replace(/^\./, '') || '(top level)';
}

/**
 * Parses and validates the text of a simulation spec (YAML). Throws a UsageError for YAML syntax
 * and a ProblemsError listing every schema problem with its key path; names are resolved later.
 */
export function parseSimulationSpec(text: string, file: string): SimulationSpec {
  const data = parseYaml(text, file, 'simulation spec');
  const result = simulationSpecSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      path: keyPath(issue.path),
      message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
    }));
    throw new ProblemsError(file, 'simulation spec', problems);
  }
  return result.data;
}
