#!/usr/bin/env node
// --verbose stack traces point into src/, through the bundle's source map.
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
// One bundled file (npm run build): loading ~250 modules one by one took ~230 ms more at start-up.
const { main } = await import('../dist/survey.js');

process.exitCode = await main(process.argv);
