/** Where builds are kept. */
export const BUILT_DIR: string;
/** Imports the entry (a .ts file URL or path), from its build when there is a current one, else through tsx. */
export function importBuilt(entry: URL | string, options?: { dir?: string }): Promise<Record<string, unknown>>;
/** The path of an up-to-date build of `source`, building it if there is none. */
export function currentBuild(source: string, dir?: string): Promise<string>;
