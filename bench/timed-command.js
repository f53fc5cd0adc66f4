// A command as a user runs it, in a process of its own under /usr/bin/time -v: the figures the
// README's #22 section reports (wall and CPU seconds, peak RSS), start-up included.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs `command args` under /usr/bin/time -v: its stdout, wall and CPU seconds, peak RSS in MiB. */
export function timedCommand(command, args) {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const field = (name) => result.stderr.match(new RegExp(`${name}: (.+)`))[1].trim();
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number).reduce((s, p) => s * 60 + p, 0);
  const cpu = +field('User time \\(seconds\\)') + +field('System time \\(seconds\\)');
  return { out: result.stdout, seconds: +wall.toFixed(2), cpu_seconds: +cpu.toFixed(2), peak_rss_mib: Math.round(+field('Maximum resident set size \\(kbytes\\)') / 1024) };
}

/**
 * `survey <args>` on `file` timed as a user runs it, beside the floor under reading that file
 * (bench/million-floor.js in its own process: its bytes read and lines counted, and its rows split
 * and decoded by our CSV reader, nothing coded). Returns the command's JSON output and the figures.
 */
export function againstFloor(file, args) {
  const floor = JSON.parse(timedCommand(process.execPath, [fileURLToPath(new URL('./million-floor.js', import.meta.url)), file]).out);
  const run = timedCommand(process.execPath, [fileURLToPath(new URL('../bin/survey.js', import.meta.url)), ...args]);
  return {
    summary: JSON.parse(run.out),
    figures: {
      seconds: run.seconds,
      cpu_seconds: run.cpu_seconds,
      peak_rss_mib: run.peak_rss_mib,
      floor_bytes_seconds: floor.bytes_seconds,
      floor_split_seconds: floor.split_seconds,
      ratio_to_split: +(run.seconds / floor.split_seconds).toFixed(1),
    },
  };
}
