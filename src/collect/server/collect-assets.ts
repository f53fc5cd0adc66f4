import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors.js';

/** The package's root folder (where package.json is), from wherever this code runs: src/, dist/ or the CLI bundle. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new InputError('cannot find the survey package folder (package.json) for the form assets');
    dir = up;
  }
  return dir;
}

/** The form script, its service worker and stylesheet `npm run build` writes to dist/collect/, served under /static/. */
export function collectAssets(): Record<string, { type: string; body: string }> {
  const dir = join(packageRoot(), 'dist', 'collect');
  const read = (name: string) => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new InputError(`the form asset ${file} is missing`, { hint: 'run `npm run build`' });
    return readFileSync(file, 'utf8');
  };
  return {
    'form.js': { type: 'text/javascript; charset=utf-8', body: read('form.js') },
    'form.css': { type: 'text/css; charset=utf-8', body: read('form.css') },
    'sw.js': { type: 'text/javascript; charset=utf-8', body: read('sw.js') },
    'entry.js': { type: 'text/javascript; charset=utf-8', body: read('entry.js') },
    'entry.css': { type: 'text/css; charset=utf-8', body: read('entry.css') },
  };
}
