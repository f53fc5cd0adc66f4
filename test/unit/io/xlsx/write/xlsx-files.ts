import { writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readZipEntries } from '../../../../../src/io/zip/zip-entries.js';
import { entryText } from '../../../../../src/io/zip/zip-entry-text.js';
import { writeXlsx } from '../../../../../src/io/xlsx/write/write-xlsx.js';
import type { Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { tempDir } from '../../../../helpers/run-cli.js';

/** Writes a workbook to a fresh temp file and returns its path. */
export function saveXlsx(workbook: Workbook, name = 'book.xlsx'): string {
  const path = join(tempDir('survey-xlsx-'), name);
  writeFileSync(path, writeXlsx(workbook));
  return path;
}

/** Every part of a zip read back with the repo's own zip reader: XML parts as text, others as their byte count. */
export async function readParts(path: string): Promise<Map<string, string>> {
  const entries = await readZipEntries(path, (await stat(path)).size);
  const parts = new Map<string, string>();
  for (const [name, entry] of entries) parts.set(name, name.endsWith('.png') ? `${entry.size} bytes` : await entryText(path, entry));
  return parts;
}
