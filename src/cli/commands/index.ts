import type { RegisterCommand } from '../base.js';

/** Every command of the `survey` program, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [];
