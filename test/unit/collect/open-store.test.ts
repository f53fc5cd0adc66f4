import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, openStore } from '../../../src/index.js';
import { tempDir } from '../../helpers/run-cli.js';

/** What openStore throws for a database, or null when it opens. */
async function refusal(db: string, options: { existing?: boolean } = {}): Promise<InputError | null> {
  try {
    await (await openStore(db, options)).close();
    return null;
  } catch (err) {
    return err as InputError;
  }
}

describe('opening the collection database', () => {
  it('says a file that is not a SQLite database is not one (exit 3), and leaves the file as it was', async () => {
    const dir = tempDir('survey-open-store-');
    const files = {
      'random.sqlite': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      'plan.yaml': Buffer.from('name: x\ndata: a.csv\n'),
      'cut.sqlite': Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(84, 0xff)]),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const err = await refusal(path);
      expect(err, name).toBeInstanceOf(InputError);
      expect(err?.exitCode, name).toBe(3);
      expect(err?.message, name).toContain('not a collection database');
      expect(readFileSync(path).equals(bytes), name).toBe(true);
    }
  });

  it('creates a database only when asked to: a reader of submissions refuses a missing file', async () => {
    const dir = tempDir('survey-open-store-');
    const err = await refusal(join(dir, 'typo.sqlite'), { existing: true });
    expect(err?.message).toBe('no collection database here');
    expect(existsSync(join(dir, 'typo.sqlite'))).toBe(false);
    expect(await refusal(join(dir, 'new.sqlite'))).toBeNull();
    expect(await refusal(join(dir, 'new.sqlite'), { existing: true })).toBeNull();
  });

  it('says a PostgreSQL server that does not answer cannot be reached, without the password', async () => {
    const err = await refusal('postgres://survey:s3cret-pass@127.0.0.1:1/nowhere');
    expect(err).toBeInstanceOf(InputError);
    expect(err?.exitCode).toBe(3);
    expect(JSON.stringify({ message: err?.message, location: err?.location })).not.toContain('s3cret-pass');
    expect(err?.location.file).toBe('postgres://127.0.0.1:1/nowhere');
  });
});
