import cliProgress from 'cli-progress';
import type { Io } from './base.js';

/** What `survey run` shows while it works: the stage it is in and, for the long ones, how far along. */
export interface RunProgress {
  /** A stage begins (clean, analyses, charts, docx, …). */
  stage(name: string): void;
  /** The current stage's progress: bytes read while cleaning, analyses done. */
  update(done: number, total: number): void;
  stop(): void;
}

/** How a stage's progress reads: cleaning in megabytes of the input, the rest in steps. */
const detail = (stage: string, done: number, total: number) =>
  stage === 'clean' ? `${(done / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB` : `${done}/${total}`;

/**
 * The progress of `survey run` on stderr. On a terminal: one bar, redrawn in place, naming the
 * stage and how far the long ones (cleaning, the analyses) are, cleared at the end. Elsewhere (a
 * pipe, a log file, CI): one `survey run: <stage>…` line per stage, as before, and no bar.
 */
export function startRunProgress(io: Io): RunProgress {
  if (!io.stderrIsTty) {
    return { stage: (name) => io.stderr.write(`survey run: ${name}…\n`), update: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr as NodeJS.WriteStream, format: 'survey run {stage} [{bar}] {percentage}% {detail}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = '';
  return {
    stage(name) {
      current = name;
      // A stage without steps of its own shows as done: the bar then says which stage is running.
      if (!started) bar.start(1, 0, { stage: name, detail: '' });
      started = true;
      bar.setTotal(1);
      bar.update(0, { stage: name, detail: '' });
    },
    update(done, total) {
      if (!started) return;
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { detail: detail(current, done, total) });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
