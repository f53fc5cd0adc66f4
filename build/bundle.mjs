// `npm run build` after tsc: the CLI and its helpers as single files, because module loading is
// most of a command's start-up (~250 modules of our own plus zod, yaml and commander took ~0.3 s;
// one file compiled from V8's code cache takes ~0.05 s; see bin/survey.js).
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', logLevel: 'warning', legalComments: 'none' };
// Left out of the bundle: a native addon (resvg), and readers loaded only for the files that need
// them (SheetJS for .xls), which would only make every start-up slower.
const external = ['@resvg/resvg-js', '@e965/xlsx', 'survey', 'survey/*', 'better-sqlite3', 'pg', 'pg-native'];

// The questionnaire page's script: the form checks (src/collect/form) and the codebook's expression
// evaluator, reached through the public facade. Tree-shaking leaves only what the browser runs; the
// facade's Node-only imports resolve to an empty module (nothing of them is left to call).
const browserStubs = {
  name: 'browser-stubs',
  setup(b) {
    b.onResolve({ filter: /^(node:|[a-z@])/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, namespace: 'stub', sideEffects: false }));
    // Our modules only declare things: one whose exports the page does not use is left out whole
    // (zod schemas built at load time would otherwise run against the empty stub).
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.resolving) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      return found.errors.length ? undefined : { path: found.path, sideEffects: false };
    });
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
await mkdir('dist/collect', { recursive: true });
await copyFile('src/collect/client/form.css', 'dist/collect/form.css');
await copyFile('src/collect/entry/client/entry.css', 'dist/collect/entry.css');

const BROWSERS = ['chrome100', 'safari15', 'firefox100'];

/** A browser script: one IIFE, with the Node-only modules it never runs stubbed out. */
function pageScript(entry, outfile) {
  return build({
    ...common,
    entryPoints: [entry],
    outfile,
    platform: 'browser',
    format: 'iife',
    target: BROWSERS,
    plugins: [browserStubs],
    // Node-only modules the page never runs are still parsed; their import.meta is of no concern.
    logOverride: { 'empty-import-meta': 'silent' },
    minify: true,
  });
}

await Promise.all([
  build({
    ...common,
    entryPoints: ['dist/cli/main.js'],
    outfile: 'dist/survey.cjs',
    // CommonJS, because only a classic script can be compiled with a code cache on Node 20; a vm
    // script has no import(), so the readers loaded on demand come through require().
    format: 'cjs',
    supported: { 'dynamic-import': false },
    external,
    banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
    // Whitespace and syntax only: names stay, so errors and --verbose stack traces read as in src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    sourcesContent: false,
  }),
  // The @stdlib functions the distributions load on first use (see src/math/distributions/lazy-stdlib.ts).
  build({ ...common, entryPoints: ['build/stdlib-entry.cjs'], outfile: 'dist/stdlib.cjs', format: 'cjs' }),
  // The form page's script and the paper-entry screen's.
  pageScript('src/collect/client/form-client.ts', 'dist/collect/form.js'),
  pageScript('src/collect/entry/client/entry-client.ts', 'dist/collect/entry.js'),
  // The service worker that keeps the form for offline use (src/collect/client/service-worker.ts).
  build({ ...common, entryPoints: ['src/collect/client/service-worker.ts'], outfile: 'dist/collect/sw.js', platform: 'browser', format: 'iife', target: BROWSERS, minify: true }),
]);
