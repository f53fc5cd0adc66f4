import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startRunProgress } from '../../../src/cli/run-progress.js';

/** An Io whose stderr is captured, as a terminal or not. */
function captured(tty: boolean) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  // cli-progress asks a terminal stream for its width and how to move the cursor.
  Object.assign(stream, { isTTY: tty, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { io: { stdout: stream, stderr: stream, stderrIsTty: tty }, text: () => text };
}

describe('survey run\'s progress', () => {
  it('on a terminal: one bar naming the stage, with megabytes cleaned and analyses done', async () => {
    const out = captured(true);
    const progress = startRunProgress(out.io);
    // The bar redraws at most ten times a second: each step waits past that.
    const later = () => new Promise((resolve) => setTimeout(resolve, 250));
    progress.stage('clean');
    await later();
    progress.update(1_500_000, 3_000_000);
    await later();
    progress.stage('analyses');
    await later();
    progress.update(4, 9);
    progress.stop();
    expect(out.text()).toMatch(/survey run clean \[[█░]+\] 50% 1\.5\/3\.0 MB/);
    expect(out.text()).toMatch(/survey run analyses \[[█░]+\] 44% 4\/9/);
    // No stage lines: the bar says it, and is cleared at the end.
    expect(out.text()).not.toContain('survey run: clean…');
  });

  it('piped: a line per stage, as before, and no bar', () => {
    const out = captured(false);
    const progress = startRunProgress(out.io);
    progress.stage('clean');
    progress.update(1, 2);
    progress.stage('docx');
    progress.stop();
    expect(out.text()).toBe('survey run: clean…\nsurvey run: docx…\n');
  });
});
