import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files and folders this process is writing (removed if it is interrupted). */
const live = new Set<string>();

/** The hidden sibling an output is written to before it is renamed into place: `.name.<pid>.<time>.tmp`. */
export function tempPathFor(path: string): string {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  live.add(temp);
  return temp;
}

/** Forgets a temporary path once it has been renamed into place or removed. */
export function releaseTemp(temp: string): void {
  live.delete(temp);
}

/**
 * Removes this process's temporary files and folders at once (for SIGINT/SIGTERM: an interrupted
 * command leaves nothing behind). Synchronous, as a signal handler must finish before exiting.
 */
export function removeLiveTemps(): void {
  for (const temp of live) {
    rmSync(temp, { recursive: true, force: true });
    rmSync(`${temp}.old`, { recursive: true, force: true });
  }
  live.clear();
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.(\d+)\.tmp(?:\.old)?$/;

/** Whether a process with this id is running (one we may not signal is running too). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary siblings of `path` that an earlier run left when it was killed (SIGKILL,
 * a power cut): those whose process is gone. A temporary of a process still running — another
 * `survey` writing the same output — is never touched. Returns the names removed.
 */
export function removeStaleTemps(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || running(pid)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
