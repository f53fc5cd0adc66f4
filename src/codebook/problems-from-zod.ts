import type { z } from 'zod';
import type { Problem } from '../core/errors.js';
import { didYouMean } from './closest-name.js';
import { knownKeys } from './codebook-schema.js';

type Segment = PropertyKey;

/** Turns zod's issues on a codebook document into `path: message` problems a user can act on. */
export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(issue.path);
      return issue.keys.map((key) => ({
        path,
        message: `unknown key "${key}"${didYouMean(key, known) || ` (known keys: ${known.join(', ')})`}`,
      }));
    }
    if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
      const allowed = issue.values.map(String);
      return [{ path, message: `"${issue.input}" is not one of ${allowed.join(', ')}${didYouMean(issue.input, allowed)}` }];
    }
    if (issue.code === 'invalid_key') return [{ path, message: 'codes must be numbers or text' }];
    if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path, message: 'required but missing' }];
    return [{ path, message: issue.message.replace(/^Invalid input: /, '') }];
  });
}

/** `['variables', 3, 'choices', 2]` → `variables[3].choices.2`: list indexes in brackets, choice codes after a dot. */
function formatPath(path: readonly Segment[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((segment, i) => {
      const isIndex = typeof segment === 'number' && !isCodeMap(path[i - 1]);
      if (isIndex) return `[${segment}]`;
      return i === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');
}

function isCodeMap(segment: Segment | undefined): boolean {
  return segment === 'choices' || segment === 'missing';
}

/** The keys allowed in the map at `path`. */
function keysAt(path: readonly Segment[]): string[] {
  if (isCodeMap(path[path.length - 2])) return knownKeys.choice;
  if (path.length !== 2) return knownKeys.codebook;
  if (path[0] === 'checks') return knownKeys.check;
  if (path[0] === 'derive') return knownKeys.derive;
  return knownKeys.variable;
}
