import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import type { Design } from '../../../src/core/design.js';

/** The folder of a committed R reference case (test/reference/<name>/). */
export const referenceDir = (name: string) => fileURLToPath(new URL(`../../reference/${name}/`, import.meta.url));

/** Reads a reference case's expected.json. */
export function readExpected(name: string): Record<string, any> {
  return JSON.parse(readFileSync(`${referenceDir(name)}expected.json`, 'utf8'));
}

/** Loads a reference case's CSV as a design (unweighted unless `spec` says otherwise). */
export async function referenceDesign(name: string, csv: string, spec: DesignSpec = {}): Promise<Design> {
  const { table } = await readDataTable(`${referenceDir(name)}${csv}`);
  return makeDesign(table, spec);
}
