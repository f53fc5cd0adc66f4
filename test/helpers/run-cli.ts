import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

const bin = fileURLToPath(new URL('../../bin/survey.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Folder the command runs in (relative paths resolve against it). */
  cwd?: string;
  /** Variables added to the environment for this one call. */
  env?: Record<string, string>;
}

/** A stream that keeps what is written to it, as a user's terminal or pipe would receive it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs `survey ARGS` inside the test's own process through the CLI's `main(argv, io)`: the same
 * program, commands and exit codes as the binary, without a Node start-up (~0.3 s) per call.
 * The process-wide state a command may read, the working folder and the environment, is set for
 * the call and put back after it, so calls do not leak into one another; vitest runs each test
 * file in its own process and the tests of a file one at a time, so no other call sees it.
 * Tests of the process itself (signals, EPIPE, hangs, the binary's start-up) use `spawnCli`.
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const cwd = process.cwd();
  const env = { NO_COLOR: '1', ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(['node', 'survey', ...args], { stdout: stdout.stream, stderr: stderr.stream, stderrIsTty: false });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(cwd);
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Runs the built `survey` binary as a real process (`npm test` builds first), for tests of the process itself. */
export function spawnCli(args: readonly string[], options: CliOptions & { input?: string; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    // A command that hangs fails its test (code -1) instead of blocking the test worker forever.
    timeout: options.timeoutMs ?? 120_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory for one test's files. */
export function tempDir(prefix = 'survey-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
