import { createWriteStream, existsSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { releaseTemp, removeStaleTemps, tempPathFor } from './temp-files.js';

export interface WriteOptions {
  /** Overwrite an existing file. */
  force?: boolean;
}

/**
 * Throws unless `path` may be written: in an existing folder, not a directory, and absent unless
 * `force`. Checked before any work, so that a typo in a folder name is not found only when an
 * hour's output is committed.
 */
export function assertWritable(path: string, options: WriteOptions = {}): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`${path}: there is no folder ${folder} to write it in`, { hint: `create the folder first (mkdir -p ${folder}), or choose another output path` });
  }
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    throw new UsageError(`${path} is a directory`, { hint: 'give a file name for the output' });
  }
  if (!options.force) {
    throw new UsageError(`${path} already exists`, {
      hint: 'choose another output name or pass --force to overwrite it',
    });
  }
}

/** Writes a whole file through a temporary file and a rename, so readers never see half of it. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  assertWritable(path, options);
  removeStaleTemps(path);
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  } finally {
    releaseTemp(temp);
  }
}

/** A file written in pieces that appears under its name only on `commit()`. */
export interface AtomicWriter {
  /** Queues a chunk; a promise (to wait for before writing more) only when the file is behind. */
  write(chunk: string | Uint8Array): void | Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens a streaming atomic writer (for outputs too large to build in memory); small writes are batched. */
export function openAtomicWriter(path: string, options: WriteOptions = {}): AtomicWriter {
  assertWritable(path, options);
  removeStaleTemps(path);
  const temp = tempPathFor(path);
  const stream = createWriteStream(temp);
  let failure: Error | undefined;
  stream.on('error', (err) => {
    failure = err;
  });
  let pending: (string | Uint8Array)[] = [];
  let pendingBytes = 0;
  const flush = (): void | Promise<void> => {
    if (failure) return Promise.reject(failure);
    if (!pending.length) return;
    const data = pending.every((p) => typeof p === 'string') ? pending.join('') : Buffer.concat(pending.map((p) => Buffer.from(p)));
    pending = [];
    pendingBytes = 0;
    if (stream.write(data)) return;
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => {
        stream.off('drain', onDrain);
        reject(err);
      };
      const onDrain = () => {
        stream.off('error', onError);
        resolve();
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
  };
  const closed = () =>
    new Promise<void>((resolve, reject) => {
      stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  return {
    write(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      return pendingBytes >= 1 << 16 ? flush() : undefined;
    },
    async commit() {
      await flush();
      await closed();
      if (failure) throw failure;
      await rename(temp, path);
      releaseTemp(temp);
    },
    async abort() {
      pending = [];
      if (!stream.closed) await closed().catch(() => undefined);
      await rm(temp, { force: true });
      releaseTemp(temp);
    },
  };
}
