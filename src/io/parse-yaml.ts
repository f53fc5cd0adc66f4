import { parseDocument, YAMLParseError, type Document } from 'yaml';
import { UsageError } from '../core/errors.js';

/** How deeply a plan, codebook, spec, rules or targets file may nest (theirs nest 4–5 levels). */
export const MAX_YAML_DEPTH = 64;
/** How many alias expansions a document may make (yaml's own guard against "billion laughs"). */
export const MAX_YAML_ALIASES = 100;

function tooDeep(file: string, what: string): UsageError {
  return new UsageError(`the ${what} nests more than ${MAX_YAML_DEPTH} levels deep`, {
    file,
    hint: `a ${what} nests a few levels; check the brackets and indentation`,
  });
}

/**
 * Parses YAML text into a Document without a stack overflow escaping (a 10,000-deep document is
 * "nests more than 64 levels deep") and without yaml's warnings (an unknown `!tag`) reaching stderr:
 * the caller reads `doc.errors`.
 */
export function readYamlDocument(text: string, file: string, what: string): Document {
  let doc: Document;
  try {
    doc = parseDocument(text, { logLevel: 'silent' });
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep(file, what);
    throw err;
  }
  if (doc.errors.some((e) => /call stack/i.test(e.message))) throw tooDeep(file, what);
  return doc;
}

/**
 * A parsed document's value: aliases expanded at most MAX_YAML_ALIASES times (an alias bomb, or
 * an alias with no anchor, is a UsageError on the alias's line), nesting at most MAX_YAML_DEPTH levels.
 */
export function yamlValue(doc: Document, text: string, file: string, what: string, options: { mapAsMap?: boolean } = {}): unknown {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES, mapAsMap: options.mapAsMap });
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep(file, what);
    if (!(err instanceof ReferenceError)) throw err;
    if (/alias count/i.test(err.message)) {
      throw new UsageError(`the ${what} expands its YAML aliases (*name) more than ${MAX_YAML_ALIASES} times`, {
        file,
        hint: 'an alias repeats an anchored value; write the values out, or use fewer aliases',
      });
    }
    const alias = /alias[^:]*: (\S+)/i.exec(err.message)?.[1] ?? '';
    const at = text.search(new RegExp(`\\*${alias.replace(/^\*/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
    throw new UsageError(`the ${what} uses the YAML alias *${alias.replace(/^\*/, '')}, but no value before it is anchored &${alias.replace(/^\*/, '')}`, {
      file,
      line: at < 0 ? undefined : text.slice(0, at).split('\n').length,
      hint: 'an alias *name repeats a value marked &name earlier in the file',
    });
  }
  if (depthOver(value, MAX_YAML_DEPTH)) throw tooDeep(file, what);
  return value;
}

/** Whether a plain value (objects, arrays, Maps) nests more than `limit` levels, walked without recursion. */
function depthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<unknown>();
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    if (depth >= limit) return true;
    seen.add(node);
    const children = node instanceof Map ? [...node.keys(), ...node.values()] : Array.isArray(node) ? node : Object.values(node);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Parses a YAML document (plan, spec, rules, targets); a syntax error is one UsageError naming the
 * file and line. An empty document is null.
 */
export function parseYaml(text: string, file: string, what: string): unknown {
  const doc = readYamlDocument(text, file, what);
  const [err] = doc.errors;
  if (err) {
    const message = err instanceof YAMLParseError ? err.message : String(err);
    throw new UsageError(`the ${what} is not valid YAML: ${message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, {
      file,
      line: err.linePos?.[0].line,
    });
  }
  return yamlValue(doc, text, file, what) ?? null;
}
