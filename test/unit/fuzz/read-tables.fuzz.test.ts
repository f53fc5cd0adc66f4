import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openTable } from '../../../src/ingest/read/open-table.js';
import type { OpenTableOptions, TextEncoding } from '../../../src/ingest/read/raw-table.js';
import { writeZip } from '../../../src/io/zip/zip-writer.js';
import { hostileCell, mutate, mutations, noteInput, params, survives } from '../../helpers/fuzz.js';
import { tempDir } from '../../helpers/run-cli.js';

// Issue #16's fuzz suite, readers: a well-formed table of hostile text reads back cell for cell
// and row for row; a damaged one reads or is refused with a typed error, within the bound.

const dir = tempDir('survey-fuzz-read-');
let files = 0;
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, bytes);
  noteInput(path);
  return path;
};

async function readRows(path: string, options?: OpenTableOptions): Promise<{ header: string[]; rows: string[][] }> {
  const table = await openTable(path, options);
  const rows: string[][] = [];
  for await (const row of table.rows()) rows.push(row.cells);
  return { header: table.header, rows };
}

/** A table: unique non-empty header names and rows of hostile cells, at least one row not blank. */
const tables = fc
  .integer({ min: 1, max: 6 })
  .chain((width) =>
    fc.record({
      header: fc.uniqueArray(fc.oneof(fc.constantFrom('序号', '1、您的性别？ ', 'q1', 'a b', '"x"', '年龄', 'score'), fc.string({ minLength: 1, maxLength: 6 })), { minLength: width, maxLength: width }).filter((h) => h.some((c) => c.trim() !== '')),
      rows: fc.array(fc.array(hostileCell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }),
    }),
  )
  .filter(({ rows }) => rows.some((r) => r.some((c) => c.trim() !== '')));

/** What a reader keeps of a table: trailing blank rows (empty or white space) are dropped, blank rows in between kept. */
function expectedRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c.trim() === '')) end--;
  return rows.slice(0, end);
}

function csvText(header: string[], rows: string[][], delimiter: string, newline: string): string {
  const field = (c: string) => (/[",\r\n;\t]/.test(c) || c === '' ? (c === '' ? '' : `"${c.replace(/"/g, '""')}"`) : c);
  return [header, ...rows].map((r) => r.map(field).join(delimiter)).join(newline) + newline;
}

const encodings: { name: TextEncoding | 'utf-8-bom'; encode: (text: string) => Buffer; option?: TextEncoding }[] = [
  { name: 'utf-8', encode: (t) => Buffer.from(t, 'utf8') },
  { name: 'utf-8-bom', encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]) },
  { name: 'utf-16le', encode: (t) => iconv.encode(t, 'utf-16le', { addBOM: true }) },
  { name: 'gb18030', encode: (t) => iconv.encode(t, 'gb18030'), option: 'gb18030' },
];

describe('CSV of hostile text', () => {
  it('reads back every cell and row, in every encoding, delimiter and line ending', async () => {
    await fc.assert(
      fc.asyncProperty(tables, fc.constantFrom(...encodings), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'), async ({ header, rows }, encoding, delimiter, newline) => {
        const path = file('t.csv', encoding.encode(csvText(header, rows, delimiter, newline)));
        const { value } = await survives('csv-roundtrip', () => readRows(path, { delimiter, encoding: encoding.option }), () => false);
        expect(value?.header).toEqual(header);
        expect(value?.rows).toEqual(expectedRows(rows));
      }),
      params(25, 1500),
    );
  });

  it('reads damaged bytes or refuses them with a typed error, never a crash or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(tables, fc.constantFrom(...encodings), mutations, fc.boolean(), async ({ header, rows }, encoding, steps, ragged) => {
        const path = file('m.csv', mutate(encoding.encode(csvText(header, rows, ',', '\n')), steps));
        await survives('csv-mutated', () => readRows(path, { allowRagged: ragged }));
      }),
      params(40, 2500),
    );
  });
});

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Excel's text cells: no control characters but tab and line breaks, no `_xHHHH_` lookalikes. */
const sheetText = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|_x[0-9a-f]{4}_/i.test(s);

function column(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A workbook of one sheet, text as shared strings or inline strings, whole numbers as numbers. */
function workbook(header: string[], rows: string[][], inline: boolean): { sheet: string; shared: string; bytes: (sheet: string | Uint8Array, shared: string | Uint8Array) => Buffer } {
  const strings: string[] = [];
  const cell = (value: string, r: number, c: number) => {
    const ref = `${column(c)}${r}`;
    if (value === '') return '';
    if (/^-?[1-9]\d{0,8}$|^0$/.test(value)) return `<c r="${ref}"><v>${value}</v></c>`;
    if (inline) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
    strings.push(value);
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
  };
  const body = [header, ...rows].map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r + 1, c)).join('')}</row>`).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
  const book = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="答卷" sheetId="1" r:id="rId1"/></sheets></workbook>';
  return {
    sheet,
    shared,
    bytes: (s, sh) => writeZip([{ name: 'xl/workbook.xml', data: book }, { name: 'xl/_rels/workbook.xml.rels', data: rels }, { name: 'xl/worksheets/sheet1.xml', data: s }, { name: 'xl/sharedStrings.xml', data: sh }]),
  };
}

const sheetTables = tables.filter(({ header, rows }) => [header, ...rows].every((r) => r.every(sheetText)) && header[header.length - 1] !== '');

describe('.xlsx of hostile text', () => {
  it('reads back every cell and row, from shared or inline strings', async () => {
    await fc.assert(
      fc.asyncProperty(sheetTables, fc.boolean(), async ({ header, rows }, inline) => {
        const book = workbook(header, rows, inline);
        const path = file('t.xlsx', book.bytes(book.sheet, book.shared));
        const { value } = await survives('xlsx-roundtrip', () => readRows(path), () => false);
        expect(value?.header).toEqual(header);
        expect(value?.rows).toEqual(expectedRows(rows));
      }),
      params(20, 800),
    );
  });

  it('reads a damaged sheet, shared strings or zip, or refuses it with a typed error, never a crash or a hang', async () => {
    const junk = fc.constantFrom('<row r="999999999">', '<c r="ZZZZZZ1">', '&bogus;', '<row>', '</row>', '<c t="s"><v>99999</v></c>', '<c t="inlineStr"><is><t>', '</sheetData>', '<?xml', '_x0000_', '&#0;', '&#x110000;', '<v>1e400</v>', '"', '<!--');
    await fc.assert(
      fc.asyncProperty(
        sheetTables,
        fc.boolean(),
        fc.constantFrom('sheet', 'shared', 'zip'),
        mutations,
        fc.array(fc.tuple(fc.nat(), junk), { maxLength: 3 }),
        async ({ header, rows }, inline, where, steps, inserts) => {
          const book = workbook(header, rows, inline);
          const damage = (xml: string) => {
            let text = xml;
            for (const [at, piece] of inserts) {
              const k = at % (text.length + 1);
              text = text.slice(0, k) + piece + text.slice(k);
            }
            return mutate(Buffer.from(text), steps);
          };
          const bytes =
            where === 'zip'
              ? mutate(book.bytes(book.sheet, book.shared), steps)
              : where === 'sheet'
                ? book.bytes(damage(book.sheet), book.shared)
                : book.bytes(book.sheet, damage(book.shared));
          const path = file('m.xlsx', bytes);
          await survives(`xlsx-mutated-${where}`, () => readRows(path));
        },
      ),
      params(30, 2500),
    );
  });
});
