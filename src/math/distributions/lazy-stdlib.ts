import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Numeric = (...args: (number | boolean)[]) => number;
let bundle: Record<string, Numeric> | null | undefined;

/** The @stdlib functions in one file (dist/stdlib.cjs, made by `npm run build`), or null before a build. */
function stdlibBundle(): Record<string, Numeric> | null {
  if (bundle === undefined) {
    try {
      bundle = require('survey/stdlib') as Record<string, Numeric>;
    } catch {
      bundle = null;
    }
  }
  return bundle;
}

/**
 * A numeric @stdlib function loaded on first use. The @stdlib packages are hundreds of small
 * CommonJS files: loading them when the CLI starts cost ~0.3 s on every command, and one by one
 * ~165 ms on first use, so they come from one bundled file (the packages themselves before a build).
 */
export function lazyStdlib(id: string): Numeric {
  let fn: Numeric | undefined;
  return (...args) => (fn ??= stdlibBundle()?.[id] ?? (require(id) as Numeric))(...args);
}
