import type { ESLint } from 'eslint';

/** The layer a project file belongs to, from its path alone (e.g. `electron/services`, `renderer`, `other`). */
export function layerOf(absolutePath: string): string;

declare const plugin: ESLint.Plugin;
export default plugin;
