#!/usr/bin/env node
// The CLI is one bundled CommonJS file (npm run build), compiled here with V8's code cache for it
// (dist/survey.cjs.cache, recorded by a run of the bundled plan at build time): start-up parses
// and compiles little, where ~250 modules one by one took ~0.3 s more. A stale or missing cache
// only makes V8 compile as usual.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/survey.cjs', import.meta.url));
const cacheFile = `${file}.cache`;

/** The bundle compiled from its code cache; returns it with a function that records the cache anew. */
function loadCached() {
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file));
  return { main: bundle.exports.main, record: () => writeFileSync(cacheFile, script.createCachedData()) };
}

// --verbose stack traces point into src/ through the bundle's source map, which Node applies to
// files it loads itself (not to a vm script): such a run goes without the cache.
const verbose = process.argv.includes('--verbose');
if (verbose) process.setSourceMapsEnabled(true);
const cli = verbose ? { main: createRequire(import.meta.url)(file).main, record: null } : loadCached();

process.exitCode = await cli.main(process.argv);
// build/record-code-cache.mjs: the cache holds what this run compiled.
if (process.env.SURVEY_RECORD_CODE_CACHE === cacheFile) cli.record?.();
