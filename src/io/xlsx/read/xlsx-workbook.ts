import { posix } from 'node:path';
import { ZipError, type ZipEntry, type ZipSource } from '../../zip/zip-entries.js';
import { entryText } from '../../zip/zip-entry-text.js';
import { xmlAttributes } from './xml-text.js';
import { checkPartComplete } from './xlsx-limits.js';

/** What an xlsx file holds, found through its relationship parts: sheets in workbook order and shared parts. */
export interface XlsxWorkbook {
  sheets: { name: string; path: string }[];
  date1904: boolean;
  sharedStringsPath?: string;
  stylesPath?: string;
}

/** Finds an entry by path; some writers differ in letter case between the parts and the relationships. */
export function findEntry(entries: Map<string, ZipEntry>, path: string): ZipEntry | undefined {
  const exact = entries.get(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  for (const [name, entry] of entries) if (name.toLowerCase() === lower) return entry;
  return undefined;
}

async function partText(source: ZipSource, entries: Map<string, ZipEntry>, path: string): Promise<string | undefined> {
  const entry = findEntry(entries, path);
  return entry ? entryText(source, entry) : undefined;
}

interface Relationships {
  /** Target path and type (the last segment of the type URI) by relationship id. */
  byId: Map<string, { path: string; type: string }>;
  /** Target path by type. */
  byType: Map<string, string>;
}

/** A relationships part's internal targets, resolved against `base`. */
function relationships(xml: string, base: string): Relationships {
  const byId: Relationships['byId'] = new Map();
  const byType = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const { Id, Type, Target, TargetMode } = xmlAttributes(m[0]);
    if (!Target || TargetMode === 'External') continue;
    const path = Target.startsWith('/') ? Target.slice(1) : posix.join(base, Target);
    const type = (Type ?? '').slice((Type ?? '').lastIndexOf('/') + 1);
    if (Id) byId.set(Id, { path, type });
    byType.set(type, path);
  }
  return { byId, byType };
}

/** Reads the workbook part and its relationships: sheet names and paths, the date system, shared parts. */
export async function readXlsxWorkbook(source: ZipSource, entries: Map<string, ZipEntry>): Promise<XlsxWorkbook> {
  const rootRels = await partText(source, entries, '_rels/.rels');
  const workbookPath = (rootRels && relationships(rootRels, '').byType.get('officeDocument')) ?? 'xl/workbook.xml';
  const workbookXml = await partText(source, entries, workbookPath);
  if (workbookXml === undefined) throw new ZipError('a zip file, but not an Excel workbook (no workbook part)');
  checkPartComplete(workbookXml.slice(-256), 'workbook', workbookPath);
  const dir = posix.dirname(workbookPath);
  const rels = relationships(
    (await partText(source, entries, posix.join(dir, '_rels', `${posix.basename(workbookPath)}.rels`))) ?? '',
    dir,
  );
  const sheets: XlsxWorkbook['sheets'] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const attributes = xmlAttributes(m[0]);
    const id = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
    const target = id === undefined ? undefined : rels.byId.get(id);
    // Chart sheets and dialog sheets have no cells to read.
    if (attributes.name !== undefined && target?.type === 'worksheet') sheets.push({ name: attributes.name, path: target.path });
  }
  const workbookPr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const date1904 = workbookPr ? ['1', 'true'].includes(xmlAttributes(workbookPr[0]).date1904 ?? '') : false;
  return {
    sheets,
    date1904,
    sharedStringsPath: rels.byType.get('sharedStrings'),
    stylesPath: rels.byType.get('styles'),
  };
}
