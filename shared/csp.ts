/**
 * The app page's Content-Security-Policy, one for both shells: the desktop
 * app sends it as a header of its own scheme (electron/main), and both builds
 * put it in the page as a meta tag (renderer/vite.config.mts).
 *
 * The page needs its own scripts and module workers, inline styles (Blockly
 * and xterm set style attributes), data:/blob: images for the timeline export,
 * and wasm only if a bundled library compiles some. Pyodide runs in a worker
 * (the web build's Web Worker, the desktop app's main process), not in the page.
 */
export function contentSecurityPolicy(devServer?: string, delivery: 'header' | 'meta' = 'header'): string {
  const self = devServer ? `'self' ${devServer}` : `'self'`;
  const connect = devServer ? `${self} ${devServer.replace(/^http/, 'ws')}` : self;
  return [
    `default-src 'none'`,
    `script-src ${self} 'wasm-unsafe-eval'`,
    `worker-src ${self} blob:`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `font-src ${self} data:`,
    `media-src ${self} data:`,
    `connect-src ${connect} data: blob:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-src 'none'`,
    // A <meta> policy may not say this one (Chromium reports it as an error); the desktop header does.
    ...(delivery === 'header' ? [`frame-ancestors 'none'`] : []),
  ].join('; ');
}
