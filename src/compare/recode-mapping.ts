import type { Code } from '../core/types.js';

/** The codes of an earlier wave mapped to the later wave's, per variable: `{sat_ecology: {1: 5, 2: 4}}`; codes not named keep their code. */
export type RecodeMapping = ReadonlyMap<string, ReadonlyMap<string, Code>>;
