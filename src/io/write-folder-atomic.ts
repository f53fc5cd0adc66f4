import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { releaseTemp, removeStaleTemps, tempPathFor } from './temp-files.js';

/** A folder filled file by file that appears under its name only on `commit()` (a report, say). */
export interface FolderWriter {
  /** Path of a file inside the (temporary) folder, for writers that stream. */
  path(name: string): string;
  write(name: string, data: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Opens a temporary sibling of `folder`; `commit()` renames it into place (replacing an existing
 * folder only with `force`), so a run that fails midway leaves no half-written folder.
 */
export async function openFolderAtomic(folder: string, options: { force?: boolean } = {}): Promise<FolderWriter> {
  // What runs killed midway (SIGKILL, a power cut) left beside the folder goes first.
  removeStaleTemps(folder);
  if (existsSync(folder) && !options.force) {
    throw new UsageError(`${folder} already exists`, { hint: 'pass --force to replace it, or change the plan name' });
  }
  const temp = tempPathFor(folder);
  await mkdir(temp, { recursive: true });
  return {
    path: (name) => join(temp, name),
    async write(name, data) {
      // Names may hold a subfolder (charts/01-shares.svg).
      if (/[\\/]/.test(name)) await mkdir(dirname(join(temp, name)), { recursive: true });
      await writeFile(join(temp, name), data);
    },
    async commit() {
      const old = `${temp}.old`;
      const replacing = existsSync(folder);
      if (replacing) await rename(folder, old);
      await rename(temp, folder);
      if (replacing) await rm(old, { recursive: true, force: true });
      releaseTemp(temp);
    },
    async abort() {
      await rm(temp, { recursive: true, force: true });
      releaseTemp(temp);
    },
  };
}
