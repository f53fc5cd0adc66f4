import { dirname, isAbsolute, join } from 'node:path';
import { loadCodebook } from '../../codebook/load-codebook.js';
import { readInputText } from '../../io/read-input-file.js';
import { parseSimulationSpec } from './parse-simulation-spec.js';
import { resolveSimulationSpec } from './resolve-simulation-spec.js';
import type { SimulationPlan } from './simulation-plan.js';

/**
 * Reads a simulation spec (YAML) and the codebook it names (relative to the spec, unless
 * `codebook` overrides it) and resolves one against the other. Every spec problem is reported at
 * once with its key path (ProblemsError, exit 2); unreadable files are InputErrors (exit 3).
 */
export async function loadSimulationSpec(path: string, options: { codebook?: string } = {}): Promise<SimulationPlan> {
  const text = await readInputText(path, 'simulation spec');
  const spec = parseSimulationSpec(text, path);
  const codebookFile = options.codebook ?? (isAbsolute(spec.codebook) ? spec.codebook : join(dirname(path), spec.codebook));
  const codebook = await loadCodebook(codebookFile);
  return resolveSimulationSpec(spec, codebook, { file: path, codebookFile });
}
