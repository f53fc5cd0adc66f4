import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyDerivations } from '../clean/apply-derivations.js';
import { makeDesign } from '../core/design.js';
import { dataTable, type DataColumn, type DataTable } from '../core/data-table.js';
import { UsageError } from '../core/errors.js';
import type { Code, Codebook, Variable } from '../core/types.js';
import { readDataTable } from '../ingest/read-data-table.js';
import type { LoadedPlan } from '../run/load-plan.js';
import { runAnalysis } from '../run/run-analysis.js';
import { weightPlan } from '../run/weight-plan.js';
import type { WeightingTargets } from '../weight/weighting-targets.js';
import type { Wave } from './compare-waves.js';
import type { RecodeMapping } from './recode-mapping.js';


/**
 * The mapping a plan's `compare:` entry (or `--recode`) states, checked against the earlier codebook
 * (single-choice questions, codes it has) and, when known, the later one (codes it has: an answer
 * mapped to a code the later wave lacks would be compared with nothing).
 */
export function recodeMapping(stated: Record<string, Record<string, Code>> | undefined, codebook: Codebook, where: string, later: Codebook | null = null): RecodeMapping | undefined {
  if (!stated || !Object.keys(stated).length) return undefined;
  const out = new Map<string, Map<string, Code>>();
  for (const [name, codes] of Object.entries(stated)) {
    const v = codebook.variables.find((x) => x.name === name);
    if (!v) throw new UsageError(`${where}: recode names "${name}", which the earlier wave's codebook does not have`);
    if (v.type !== 'single') throw new UsageError(`${where}: recode of "${name}": only single-choice questions can be recoded (it is ${v.type})`);
    const known = new Set((v.choices ?? []).map((c) => String(c.code)));
    for (const old of Object.keys(codes)) {
      if (!known.has(old)) throw new UsageError(`${where}: recode of "${name}": the earlier wave has no code ${old} (its codes: ${[...known].join(', ')})`);
    }
    const next = later?.variables.find((x) => x.name === name);
    const nextCodes = next?.choices ? new Set(next.choices.map((c) => String(c.code))) : null;
    const unknown = nextCodes ? Object.values(codes).find((code) => !nextCodes.has(String(code))) : undefined;
    if (unknown !== undefined) throw new UsageError(`${where}: recode of "${name}": the later wave has no code ${unknown} (its codes: ${[...nextCodes!].join(', ')})`);
    out.set(name, new Map(Object.entries(codes)));
  }
  return out;
}

const mapped = (codes: ReadonlyMap<string, Code>, code: Code): Code => codes.get(String(code)) ?? code;

/**
 * The earlier codebook as it reads after the mapping: each recoded question's choices under their
 * new codes (codes merged into one keep the first one's label), in the order the later codebook
 * lists its codes, so that `top:` counts the same answers in both waves.
 */
export function recodeCodebook(codebook: Codebook, mapping: RecodeMapping, later: Codebook | null): Codebook {
  const recodeVariable = (v: Variable): Variable => {
    const codes = mapping.get(v.name);
    if (!codes) return v;
    const seen = new Set<string>();
    const choices = (v.choices ?? []).flatMap((c) => {
      const code = mapped(codes, c.code);
      if (seen.has(String(code))) return [];
      seen.add(String(code));
      return [{ ...c, code }];
    });
    const order = (later?.variables.find((x) => x.name === v.name)?.choices ?? []).map((c) => String(c.code));
    const rank = (code: Code) => (order.includes(String(code)) ? order.indexOf(String(code)) : order.length + (typeof code === 'number' ? code : 0));
    return { ...v, choices: [...choices].sort((a, b) => rank(a.code) - rank(b.code)) };
  };
  return { ...codebook, variables: codebook.variables.map(recodeVariable) };
}

function recodeColumn(column: DataColumn, codes: ReadonlyMap<string, Code>): DataColumn {
  if (column.kind === 'number') {
    const values = column.values.map((v) => (Number.isNaN(v) ? v : Number(mapped(codes, v))));
    return { ...column, values };
  }
  return { ...column, values: column.values.map((v) => (v === null ? v : String(mapped(codes, v)))) };
}

/** A table with the mapping applied to its recoded questions' columns, described by the recoded codebook. */
export function recodeTable(table: DataTable, mapping: RecodeMapping, codebook: Codebook): DataTable {
  const columns = table.names.map((name) => {
    const column = table.column(name);
    const codes = mapping.get(column.variable);
    return codes ? recodeColumn(column, codes) : column;
  });
  return dataTable(codebook, columns, table.sourceRows);
}

/**
 * The earlier wave's estimates with the mapping applied to its data before estimating: its clean
 * data (`clean.csv` of its report folder; the plan's data when it does not clean), recoded, then
 * derived, weighted to its own targets and analysed exactly as its plan says. What `survey run`
 * wrote for that wave stays as it is; only the comparison sees the recoded estimates.
 */
export async function recodedResults(loaded: LoadedPlan, folder: string, mapping: RecodeMapping, codebook: Codebook): Promise<unknown> {
  const { plan } = loaded;
  const data = plan.clean ? join(folder, 'clean.csv') : loaded.data;
  if (!existsSync(data)) throw new UsageError(`recode for ${loaded.file} needs its clean data ${data}: run that wave again (survey run ${loaded.file})`);
  const read = (await readDataTable(data, { codebook: loaded.codebook })).table;
  const table = applyDerivations(recodeTable(read, mapping, codebook), data);
  const plain = makeDesign(table);
  const weighted = plan.weight && loaded.targets ? weightPlan(plain, loaded.targets as WeightingTargets, plan.weight).calibrated.design : null;
  const designs = { plain, weighted };
  const analyses = plan.analyses.map((a, i) => {
    const outcome = runAnalysis(designs, a, `${String(i + 1).padStart(2, '0')}-${a.command}`, plan.lang);
    return { ...a, results: outcome.results, ...(outcome.weightedResults ? { weighted_results: outcome.weightedResults } : {}) };
  });
  return { plan: plan.name, analyses };
}

/**
 * An earlier wave with the mapping its `compare:` entry states applied: its codebook under the new
 * codes (so the codebook diff no longer sees the recoded answers) and its estimates recomputed on
 * the recoded data. Without a mapping, the wave as it is.
 */
export async function recodeWave(wave: Wave, loaded: LoadedPlan, folder: string, stated: Record<string, Record<string, Code>> | undefined, later: Codebook | null): Promise<Wave> {
  const mapping = recodeMapping(stated, loaded.codebook, `${loaded.file}: compare`, later);
  if (!mapping) return wave;
  const codebook = recodeCodebook(loaded.codebook, mapping, later);
  return { ...wave, codebook, results: await recodedResults(loaded, folder, mapping, codebook), recoded: mapping };
}
