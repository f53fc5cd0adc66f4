import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the bundled @stdlib functions (dist/stdlib.cjs)', () => {
  const used = [...new Set(sources(join(root, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/lazyStdlib\('([^']+)'\)/g)].map((m) => m[1])))].sort();

  it('holds every @stdlib function the code asks for', () => {
    expect(used.length).toBeGreaterThan(5);
    const bundle = require('survey/stdlib') as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual(used);
  });

  it('are the packages’ own functions: the same values as loading each package', () => {
    const bundle = require('survey/stdlib') as Record<string, (...args: (number | boolean)[]) => number>;
    expect(bundle['@stdlib/stats-base-dists-t-quantile'](0.975, 7)).toBe((require('@stdlib/stats-base-dists-t-quantile') as (p: number, df: number) => number)(0.975, 7));
    expect(bundle['@stdlib/math-base-special-betainc'](0.3, 2.5, 4, true, true)).toBe((require('@stdlib/math-base-special-betainc') as (...a: (number | boolean)[]) => number)(0.3, 2.5, 4, true, true));
  });
});
