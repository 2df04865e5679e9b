export function findElectronBinary(): { path: string; distDir: string; reason?: undefined } | { path?: undefined; distDir?: undefined; reason: string };
