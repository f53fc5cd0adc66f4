import cliProgress from 'cli-progress';
import type { Io } from './base.js';

/** A progress display on stderr, shown only on an interactive terminal. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Starts a byte-based progress bar labelled `label` (a no-op when stderr is not a TTY). */
export function startProgress(io: Io, label: string): Progress {
  if (!io.stderrIsTty) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} MB | ETA {eta}s`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  return {
    update(done, total) {
      if (!started) {
        bar.start(mb(total), 0);
        started = true;
      }
      bar.update(mb(done));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
