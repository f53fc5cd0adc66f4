import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { openAtomicWriter, writeFileAtomic } from '../../../src/io/write-atomic.js';
import { tempDir } from '../../helpers/run-cli.js';

// An output in a folder that does not exist was found only when the file was committed, after all
// the work (a million rows cleaned, then "internal error: ENOENT"): it is refused before any work.
describe('an output path in a missing folder', () => {
  it('is a usage error naming the folder when the writer opens, and nothing is written', async () => {
    const dir = tempDir('survey-write-atomic-');
    const path = join(dir, 'missing', 'clean.csv');
    expect(() => openAtomicWriter(path)).toThrow(UsageError);
    expect(() => openAtomicWriter(path)).toThrow(`there is no folder ${join(dir, 'missing')}`);
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(UsageError);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('is refused when the "folder" is a file', () => {
    const dir = tempDir('survey-write-atomic-');
    const writer = openAtomicWriter(join(dir, 'a.csv'));
    expect(writer).toBeDefined();
    return writer.commit().then(() => expect(() => openAtomicWriter(join(dir, 'a.csv', 'b.csv'))).toThrow('there is no folder'));
  });
});
