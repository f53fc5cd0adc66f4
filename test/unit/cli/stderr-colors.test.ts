import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stderrColors, type Io } from '../../../src/cli/base.js';
import { main } from '../../../src/cli/main.js';

function capture(isTty: boolean): { io: Io; text: () => string } {
  let text = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { io: { stdout: sink, stderr: sink, stderrIsTty: isTty }, text: () => text };
}

describe('colour on stderr (chalk)', () => {
  it('colours only an interactive terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(stderrColors(capture(true).io, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(stderrColors(capture(false).io, {}).red('x')).toBe('x');
    expect(stderrColors(capture(true).io, { NO_COLOR: '' }).red('x')).toBe('x');
    expect(stderrColors(capture(true).io, { TERM: 'dumb' }).red('x')).toBe('x');
    expect(stderrColors(capture(false).io, { FORCE_COLOR: '1' }).red('x')).toBe('\u001b[31mx\u001b[39m');
  });

  it('an error line piped to a file has no escape codes', async () => {
    const { io, text } = capture(false);
    expect(await main(['node', 'survey', 'means', 'no-such-file.csv', '--var', 'x'], io)).toBe(3);
    expect(text()).toMatch(/^survey: /);
    expect(text()).not.toContain('\u001b[');
  });
});
