import { removeLiveTemps } from '../index.js';

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
let installed = false;

/**
 * Makes the process behave as a Unix tool does at its edges:
 * - output into a closed pipe (`survey regress --help | head -2`, `| less` quit early) is dropped
 *   quietly: no EPIPE stack trace, and the command still finishes its files and exits with its own code;
 * - SIGINT, SIGTERM and SIGHUP remove the temporary files and folders being written before the
 *   process ends with 128 + the signal number, so an interrupted command leaves nothing behind
 *   (one killed with SIGKILL leaves them to the next run, which removes them); a command with its own
 *   handler for the signal (survey serve) is left to shut down by itself.
 */
export function installProcessGuards(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
      // Any other failure to write our own output (a full disk behind `> file`) ends the command.
      removeLiveTemps();
      process.exit(4);
    });
  }
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      removeLiveTemps();
      // A command that shuts itself down on the signal (survey serve closes its server and database) ends on its own.
      if (process.listenerCount(signal) > 0) return;
      process.exit(128 + number);
    });
  }
}
