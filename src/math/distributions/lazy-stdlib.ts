import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A numeric @stdlib function loaded on first use. The @stdlib packages are hundreds of small
 * CommonJS files: loading them all when the CLI starts cost ~0.3 s on every command.
 */
export function lazyStdlib(id: string): (...args: (number | boolean)[]) => number {
  let fn: ((...args: (number | boolean)[]) => number) | undefined;
  return (...args) => (fn ??= require(id) as (...args: (number | boolean)[]) => number)(...args);
}
