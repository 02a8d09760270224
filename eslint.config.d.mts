// Types of eslint.config.mjs for the tests that lint with it (test/lint).
import type { Linter } from 'eslint';

declare const config: Linter.Config[];
export default config;
/** Per top folder or top-level file of src/, the others it may import. */
export declare const LAYERS: Record<string, string[]>;
