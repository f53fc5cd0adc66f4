import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';

/** A path a command reads or writes, and how the user named it (`--out`, `the input`, `--codebook`). */
export interface NamedPath {
  path: string | null | undefined;
  role: string;
}

/**
 * What identifies a file however it is named: device and inode when it exists (so `./a.csv`,
 * `../dir/a.csv`, a symbolic link and a hard link to it are one file), else its real directory
 * and name.
 */
function identity(path: string): string {
  if (existsSync(path)) {
    const info = statSync(path);
    return `inode:${info.dev}:${info.ino}`;
  }
  return `path:${realPath(path)}`;
}

/** The absolute path with every symbolic link of its existing part resolved. */
function realPath(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const parent = dirname(full);
  return parent === full ? full : `${realPath(parent)}${sep}${basename(full)}`.replace(`${sep}${sep}`, sep);
}

/**
 * Throws a UsageError (exit 2) when an output of a command is one of its inputs, or two outputs
 * are one file: an output may never overwrite what the command reads, `--force` or not (DESIGN §7:
 * the input is never modified).
 */
export function assertOutputsApart(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const read = inputs.filter((p): p is { path: string; role: string } => Boolean(p.path)).map((p) => ({ ...p, id: identity(p.path) }));
  const written: { path: string; role: string; id: string }[] = [];
  for (const output of outputs) {
    if (!output.path) continue;
    const id = identity(output.path);
    const input = read.find((r) => r.id === id);
    if (input) {
      throw new UsageError(`${output.role} ${output.path} is ${input.role === 'the input' ? 'the input file' : `the file ${input.role} reads`} (${input.path})`, {
        hint: 'an output never overwrites an input, even with --force: choose another output name',
      });
    }
    const twin = written.find((w) => w.id === id);
    if (twin) throw new UsageError(`${twin.role} and ${output.role} are the same file (${output.path})`, { hint: 'give each output its own name' });
    written.push({ ...output, path: output.path, id });
  }
}

/** Throws a UsageError when an output folder (replaced as a whole) holds one of the inputs, or is one. */
export function assertFolderApart(folder: string, inputs: readonly NamedPath[]): void {
  const root = realPath(folder);
  for (const input of inputs) {
    if (!input.path) continue;
    const path = realPath(input.path);
    if (path === root || path.startsWith(`${root}${sep}`)) {
      throw new UsageError(`the output folder ${folder} holds ${input.role} (${input.path}), which writing the report would replace`, {
        hint: 'move the input out of the report folder, or write the report elsewhere (--out DIR or the plan name)',
      });
    }
  }
}
