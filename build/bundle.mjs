// `npm run build` after tsc: the CLI and its helpers as single files, because module loading is
// most of a command's start-up (~250 modules of our own plus zod, yaml and commander took ~0.3 s;
// one file compiled from V8's code cache takes ~0.05 s; see bin/survey.js).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', logLevel: 'warning', legalComments: 'none' };
// Left out of the bundle: a native addon (resvg), and readers loaded only for the files that need
// them (exceljs for XLSForm, SheetJS for .xls), which would only make every start-up slower.
const external = ['@resvg/resvg-js', 'exceljs', '@e965/xlsx', 'survey', 'survey/*'];

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
]);
