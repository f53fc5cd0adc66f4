// `npm run build` after tsc: the CLI and its helpers as single files, because module loading is
// most of a command's start-up (~250 modules of our own plus zod, yaml and commander took ~0.3 s;
// one minified file parses in ~60 ms).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', logLevel: 'warning', legalComments: 'none' };
// Left out of the bundle: a native addon (resvg), and readers loaded only for the files that need
// them (exceljs for XLSForm, SheetJS for .xls), which would only make every start-up slower.
const external = ['@resvg/resvg-js', 'exceljs', '@e965/xlsx', 'survey', 'survey/*'];
// Bundled CommonJS packages (iconv-lite, cli-progress) call require(), which an ES module lacks.
const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

await Promise.all([
  build({
    ...common,
    entryPoints: { survey: 'dist/cli/main.js' },
    outdir: 'dist',
    format: 'esm',
    external,
    banner,
    // Whitespace and syntax only: names stay, so errors and --verbose stack traces read as in src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    sourcesContent: false,
  }),
  // The @stdlib functions the distributions load on first use (see src/math/distributions/lazy-stdlib.ts).
  build({ ...common, entryPoints: ['build/stdlib-entry.cjs'], outfile: 'dist/stdlib.cjs', format: 'cjs' }),
]);
