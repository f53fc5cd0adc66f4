import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { entryDeflater, writeZip } from '../../../../src/io/zip/zip-writer.js';
import { tempDir } from '../../../helpers/run-cli.js';
import { readParts } from '../xlsx/write/xlsx-files.js';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function saveZip(bytes: Buffer): string {
  const path = join(tempDir('survey-zip-'), 'a.zip');
  writeFileSync(path, bytes);
  return path;
}

const files = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: '数据/表1.xml', data: '<t>满意度</t>'.repeat(500) },
  { name: 'empty.txt', data: '' },
  { name: 'image.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), store: true },
];

describe('writeZip', () => {
  it.skipIf(!has('unzip'))('writes an archive unzip tests clean', () => {
    const result = spawnSync('unzip', ['-t', saveZip(writeZip(files))], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('No errors detected');
  });

  it.skipIf(!has('python3'))('writes an archive Python reads with right CRCs, UTF-8 names, methods and a fixed date', () => {
    const script = [
      'import json, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps([[i.filename, i.CRC, i.compress_type, i.flag_bits & 0x800, list(i.date_time), z.read(i).decode("utf-8", "replace")[:6]] for i in z.infolist()], ensure_ascii=False))',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, saveZip(writeZip(files))], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const infos = JSON.parse(result.stdout) as [string, number, number, number, number[], string][];
    expect(infos.map((i) => i[0])).toEqual(files.map((f) => f.name));
    expect(infos.map((i) => i[1])).toEqual(files.map((f) => crc32(f.data)));
    expect(infos.map((i) => i[2])).toEqual([8, 8, 8, 0]);
    expect(infos.every((i) => i[3] === 0x800 && i[4].join() === '1980,1,1,0,0,0')).toBe(true);
    expect(infos[1][5]).toBe('<t>满意度');
  });

  it('writes an archive the repo zip reader reads back', async () => {
    const parts = await readParts(saveZip(writeZip(files)));
    expect(parts.get('数据/表1.xml')).toBe(files[1].data);
    expect(parts.get('empty.txt')).toBe('');
  });

  it('gives the same bytes for the same files', () => {
    expect(writeZip(files).equals(writeZip(files))).toBe(true);
  });

  it('refuses more entries than a zip without ZIP64 holds', () => {
    const many = Array.from({ length: 65_536 }, (_, i) => ({ name: `f${i}`, data: '', store: true }));
    expect(() => writeZip(many)).toThrow('a zip without ZIP64 holds at most 65535 files, not 65536');
  });

  it('joins pieces deflated one by one into one stream that inflates to the whole file', async () => {
    // Pieces of varied size and content, one empty; the entry must unzip as if deflated whole.
    const pieces = [Buffer.from('<row>满意度</row>'.repeat(3000)), Buffer.alloc(0), Buffer.from(Array.from({ length: 70_000 }, (_, i) => 32 + ((i * 7919) % 95))), Buffer.from('end')];
    const deflater = entryDeflater();
    for (const piece of pieces) deflater.write(piece);
    const entry = await deflater.end();
    const whole = Buffer.concat(pieces);
    expect(inflateRawSync(entry.body).equals(whole)).toBe(true);
    expect([entry.crc, entry.size]).toEqual([crc32(whole), whole.length]);
    const parts = await readParts(saveZip(writeZip([{ name: 'big.xml', deflated: entry }])));
    expect(parts.get('big.xml')).toBe(whole.toString('utf8'));
  });
});
