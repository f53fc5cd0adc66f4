import { readInputText } from '../io/read-input-file.js';
import { parseTargets } from './parse-targets.js';
import type { WeightingTargets } from './weighting-targets.js';

/** Reads and parses a targets file; an unreadable file is an InputError (exit 3), bad content a UsageError (exit 2). */
export async function loadTargets(path: string): Promise<WeightingTargets> {
  return parseTargets(await readInputText(path, 'targets file'), path);
}
