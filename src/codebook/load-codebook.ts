import type { z } from 'zod';
import { ProblemsError, UsageError, type Problem } from '../core/errors.js';
import type { Codebook, Variable } from '../core/types.js';
import { checkSchema, codebookSchema, deriveSchema, variableSchema } from './codebook-schema.js';
import { identifierPattern } from './expression.js';
import { problemsFromZod } from './problems-from-zod.js';
import { readInputText } from '../io/read-input-file.js';
import { readYamlDocument, yamlValue } from '../io/parse-yaml.js';
import { validateCodebook } from './validate-codebook.js';

/**
 * Reads codebook YAML (DESIGN §3) into the normalised Codebook, reporting every problem at once:
 * throws ProblemsError (exit 2) listing each `path: message`, or UsageError for a YAML syntax
 * error (with its line and column) or an empty document.
 */
export function parseCodebook(text: string, file: string): Codebook {
  const doc = readYamlDocument(text, file, 'codebook');
  const [syntax] = doc.errors;
  if (syntax) {
    const [where] = syntax.linePos ?? [];
    const what = syntax.message.split(/ at line \d+/)[0];
    throw new UsageError(`YAML syntax error${where ? ` at column ${where.col}` : ''}: ${what}`, {
      file,
      line: where?.line,
    });
  }
  if (doc.contents === null) {
    throw new UsageError('the codebook is empty', { file, hint: 'start it with `id:` and a `variables:` list' });
  }
  const raw = plain(yamlValue(doc, text, file, 'codebook', { mapAsMap: true }));
  const shape = codebookSchema.safeParse(raw, { reportInput: true });
  const problems = shape.success
    ? validateCodebook(shape.data)
    : [...problemsFromZod(shape.error), ...salvagedProblems(raw)];
  if (problems.length > 0) throw new ProblemsError(file, 'codebook', problems);
  return shape.data as Codebook;
}

/** Reads and validates a codebook file (UTF-8 YAML); a missing or unreadable file is an InputError (exit 3). */
export async function loadCodebook(path: string): Promise<Codebook> {
  return parseCodebook(await readInputText(path, 'codebook'), path);
}

/**
 * YAML maps as plain objects, except `choices:` and `missing:`, which stay Maps: a plain object
 * would reorder numeric keys (an ordered scale listed 5 → 1 must stay so) and make them strings.
 */
function plain(value: unknown, key?: unknown): unknown {
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]): [unknown, unknown] => [k, plain(v, k)]);
    if (key === 'choices' || key === 'missing') return new Map(entries);
    return Object.fromEntries(entries.map(([k, v]) => [String(k), v]));
  }
  return Array.isArray(value) ? value.map((item) => plain(item)) : value;
}

/**
 * When the shape is bad, still validate what can be read, so that one run reports every problem:
 * entries that fail their own schema stand in by name only and are not checked further.
 */
function salvagedProblems(raw: unknown): Problem[] {
  if (!isRecord(raw)) return [];
  const unchecked = new Set<string>();
  const salvage = <T>(list: unknown, key: string, schema: z.ZodType<T>, stand: (name: string) => T): T[] =>
    (Array.isArray(list) ? list : []).map((item, i) => {
      const result = schema.safeParse(item);
      if (result.success) return result.data;
      unchecked.add(`${key}[${i}]`);
      return stand(isRecord(item) && typeof item.name === 'string' && identifierPattern.test(item.name) ? item.name : '');
    });
  const codebook: Codebook = {
    id: '',
    variables: salvage(raw.variables, 'variables', variableSchema, (name): Variable => ({ name, type: 'text', aliases: [] })),
    checks: salvage(raw.checks, 'checks', checkSchema, (name) => ({ name, check: '' })),
    derive: salvage(raw.derive, 'derive', deriveSchema, (name) => ({ name, expr: '' })),
  };
  return validateCodebook(codebook, unchecked);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}
