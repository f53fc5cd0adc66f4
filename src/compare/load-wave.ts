import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { openFolderAtomic } from '../io/write-folder-atomic.js';
import { loadPlan, type LoadedPlan } from '../run/load-plan.js';
import type { CompareEntry } from '../run/plan-schema.js';
import { runPlan } from '../run/run-plan.js';
import type { PreviousWave, Wave } from './compare-waves.js';
import { planWave, sameMap, waveLabel } from './plan-wave.js';
import { recodeWave } from './recode-wave.js';
import type { Codebook } from '../core/types.js';

/** How earlier waves are found or produced. */
export interface WaveOptions {
  /** Where report folders go (a plan's results are `<reports>/<name>/results.json`). */
  reports: string;
  /** Re-run a wave whose report folder is out of date (else that is an error). */
  force?: boolean;
  version: string;
  /** Told what happens to each wave: reused, or run. */
  onWave?: (message: string) => void;
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** The input files of a plan, as manifest.json lists them (paths relative to the plan). */
function planInputs(loaded: LoadedPlan): string[] {
  return [loaded.file, loaded.data, loaded.codebookFile, ...(loaded.rulesFile ? [loaded.rulesFile] : []), ...(loaded.targets ? [loaded.targets.file] : [])];
}

/**
 * Whether a report folder's results.json is still the plan's: same tool version, and every input
 * (plan, data, codebook, rules, targets; earlier waves' results) with the SHA-256 its manifest.json
 * recorded. Returns why not, or null when fresh.
 */
export async function staleReason(loaded: LoadedPlan, folder: string, version: string): Promise<string | null> {
  const manifestFile = join(folder, 'manifest.json');
  if (!existsSync(join(folder, 'results.json')) || !existsSync(manifestFile)) return 'no results.json and manifest.json';
  let manifest: { version?: string; inputs?: { path: string; sha256: string }[]; previous_waves?: { results: string; sha256: string }[] };
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch {
    return 'its manifest.json is unreadable';
  }
  if (manifest.version !== version) return `it was written by survey ${manifest.version ?? '(unknown)'}, this is ${version}`;
  const base = dirname(loaded.file);
  const recorded = new Map((manifest.inputs ?? []).map((i) => [i.path, i.sha256]));
  const current = planInputs(loaded);
  if (recorded.size !== current.length) return 'its inputs differ from the plan\'s';
  for (const path of current) {
    const rel = relative(base, path).split('\\').join('/');
    if (recorded.get(rel) !== (await sha256(path))) return `${rel} changed since it was written`;
  }
  for (const p of manifest.previous_waves ?? []) {
    const file = resolve(folder, p.results);
    if (!existsSync(file) || (await sha256(file)) !== p.sha256) return `the earlier wave's ${p.results} changed since it was written`;
  }
  return null;
}

/**
 * Finds a plan's results for a comparison: `<reports>/<name>/results.json` when its inputs are
 * unchanged (reused, not re-run), else runs the plan there as `survey run` would — replacing an
 * out-of-date folder only with `force`. Its own earlier waves are prepared first.
 */
export async function ensureWaveResults(loaded: LoadedPlan, options: WaveOptions, visiting: Set<string> = new Set()): Promise<{ file: string; reused: boolean }> {
  const folder = join(options.reports, loaded.plan.name);
  const stale = await staleReason(loaded, folder, options.version);
  if (stale === null) {
    options.onWave?.(`${loaded.plan.name}: reusing ${join(folder, 'results.json')} (inputs unchanged)`);
    return { file: join(folder, 'results.json'), reused: true };
  }
  if (existsSync(folder) && !options.force) {
    throw new UsageError(`${folder} is out of date for ${loaded.file}: ${stale}`, { hint: `pass --force to run that wave again, or run: survey run ${loaded.file} --out ${options.reports} --force` });
  }
  const previous = await previousWaves(loaded, options, visiting);
  options.onWave?.(`${loaded.plan.name}: running ${loaded.file} → ${folder}/ (${stale})`);
  const out = await openFolderAtomic(folder, { force: true });
  try {
    await runPlan(loaded, out, { version: options.version, previous, folder });
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
  return { file: join(folder, 'results.json'), reused: false };
}

/**
 * A results.json as a wave; its plan (from the manifest.json beside it) gives the codebook and
 * settings when it can be found, and is needed to recode it (`recode`, mapped towards `later`).
 */
export async function resultsWave(file: string, label: string | undefined, same?: CompareEntry['same'], recode?: CompareEntry['recode'], later: Codebook | null = null): Promise<Wave> {
  let results: { plan?: string };
  try {
    results = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file} is not a results.json of survey run: ${err instanceof Error ? err.message : String(err)}`);
  }
  const manifestFile = join(dirname(file), 'manifest.json');
  if (existsSync(manifestFile)) {
    try {
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { plan_file?: string };
      const planFile = manifest.plan_file && (isAbsolute(manifest.plan_file) ? manifest.plan_file : resolve(manifest.plan_file));
      if (planFile && existsSync(planFile)) {
        const loaded = await loadPlan(planFile);
        return recodeWave(await planWave(loaded, results, file, label ?? waveLabel(loaded), same), loaded, dirname(file), recode, later);
      }
    } catch (err) {
      if (err instanceof UsageError && recode) throw err;
      // The plan moved or no longer loads: compare without its codebook.
    }
  }
  if (recode && Object.keys(recode).length) throw new UsageError(`${file}: recode needs that wave's plan (found through the manifest.json beside it), and none was found`);
  return { label: label ?? results.plan ?? file, source: file, results, codebook: null, cleaning: null, weighting: null, same: sameMap(same) };
}

/**
 * The earlier waves a plan names (`compare:`), oldest first, each with its results found or
 * produced (ensureWaveResults) and its SHA-256 for the run's manifest.
 */
export async function previousWaves(loaded: LoadedPlan, options: WaveOptions, visiting: Set<string> = new Set()): Promise<PreviousWave[]> {
  const entries = loaded.plan.compare ?? [];
  if (!entries.length) return [];
  const key = resolve(loaded.file);
  if (visiting.has(key)) throw new UsageError(`${loaded.file}: its compare: entries lead back to itself`);
  visiting.add(key);
  const base = dirname(loaded.file);
  const at = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const out: PreviousWave[] = [];
  for (const entry of entries) {
    if (entry.results) {
      const file = at(entry.results);
      out.push({ wave: await resultsWave(file, entry.label, entry.same, entry.recode, loaded.codebook), results: file, sha256: await sha256(file), reused: true });
      continue;
    }
    const earlier = await loadPlan(at(entry.plan as string));
    const { file, reused } = await ensureWaveResults(earlier, options, visiting);
    const results = JSON.parse(await readFile(file, 'utf8'));
    const wave = await planWave(earlier, results, file, entry.label ?? waveLabel(earlier), entry.same);
    out.push({ wave: await recodeWave(wave, earlier, dirname(file), entry.recode, loaded.codebook), results: file, sha256: await sha256(file), reused });
  }
  visiting.delete(key);
  return out;
}
