// Writes the million-row benchmark's CSV: 11 columns (id, area, w, happy, y, x1…x6), a fixed
// seed, so that `survey` and R read the very same bytes. Plain ASCII area levels keep R's
// locale-dependent sorting of factor levels out of the comparison.
import { closeSync, openSync, writeSync } from 'node:fs';

/** Writes `rows` rows to `path`; the same rows every time. */
export function writeMillionCsv(path, rows) {
  let seed = 20251205;
  const uniform = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const fd = openSync(path, 'w');
  let text = 'id,area,w,happy,y,x1,x2,x3,x4,x5,x6\n';
  for (let i = 1; i <= rows; i++) {
    const urban = uniform() < 0.6;
    const x = [uniform() * 10, uniform() * 10, uniform() * 10, 1 + Math.floor(uniform() * 5), 1 + Math.floor(uniform() * 5), Math.floor(uniform() * 2)];
    const w = (urban ? 80 : 120) * (0.5 + uniform());
    const latent = 1 + 0.15 * x[0] + 0.1 * x[3] + (urban ? 0.4 : 0) + uniform() * 2;
    const happy = Math.min(5, Math.max(1, Math.round(latent)));
    const y = 2 + 0.5 * x[0] - 0.3 * x[1] + 0.2 * x[2] + 0.4 * x[3] - 0.1 * x[4] + x[5] + 0.25 * happy + (urban ? 1 : 0) + (uniform() - 0.5) * 4;
    text += `${i},${urban ? 'urban' : 'rural'},${w.toFixed(2)},${happy},${y.toFixed(3)},${x[0].toFixed(2)},${x[1].toFixed(2)},${x[2].toFixed(3)},${x[3]},${x[4]},${x[5]}\n`;
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = '';
    }
  }
  writeSync(fd, text);
  closeSync(fd);
}
