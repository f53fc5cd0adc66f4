import { readFileSync } from 'node:fs';

/** The tool's version (package.json), for `--version` and report manifests. This file sits one level under the package root both as dist/version.js and inside the dist/survey.js bundle. */
export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
