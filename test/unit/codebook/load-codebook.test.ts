import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { InputError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/run-cli.js';

describe('loadCodebook', () => {
  test('reads a UTF-8 file, with or without a BOM', async () => {
    const dir = tempDir();
    const path = join(dir, 'q.yaml');
    writeFileSync(path, '\uFEFFid: t\nvariables:\n  - {name: area, type: single, choices: {1: 城市, 2: 农村}}\n');
    const cb = await loadCodebook(path);
    expect(cb.id).toBe('t');
    expect(cb.variables[0].choices?.map((c) => c.label)).toEqual(['城市', '农村']);
  });

  test('a missing file or a directory is an InputError (exit 3)', async () => {
    const dir = tempDir();
    await expect(loadCodebook(join(dir, 'none.yaml'))).rejects.toBeInstanceOf(InputError);
    await expect(loadCodebook(join(dir, 'none.yaml'))).rejects.toThrow('cannot read codebook: no such file');
    mkdirSync(join(dir, 'folder.yaml'));
    await expect(loadCodebook(join(dir, 'folder.yaml'))).rejects.toThrow('cannot read codebook: it is a directory');
  });

  test('text that is not UTF-8 (a GBK file saved on Windows) is refused, never read as U+FFFD', async () => {
    const path = join(tempDir(), 'gbk.yaml');
    // "id: 城市" in GBK: 城 = B3C7, 市 = CAD0.
    writeFileSync(path, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xb3, 0xc7, 0xca, 0xd0, 0x0a]));
    await expect(loadCodebook(path)).rejects.toBeInstanceOf(InputError);
    await expect(loadCodebook(path)).rejects.toThrow('the codebook is not UTF-8 text');
  });
});
