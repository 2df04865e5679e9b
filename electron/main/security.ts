/**
 * The renderer is treated as untrusted web content: it is served from our
 * own `corolab://app/` scheme under a strict Content-Security-Policy, may not
 * navigate, open windows, attach webviews, ask for permissions or fetch
 * anything from the network.
 */
import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp.js';

export const APP_SCHEME = 'corolab';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Pages of ours: the bundled renderer, or the dev server while developing. */
export function isAppUrl(url: string, devServer?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app') return true;
  return devServer !== undefined && parsed.origin === new URL(devServer).origin;
}

export interface SecurityDeps {
  app: Pick<App, 'on'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;
  devServer?: string;
}

export function setupSecurity({ app, session, devServer }: SecurityDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServer));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // No remote content: only our own scheme (and the dev server while developing) may be requested.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    callback({ cancel: !(devServer && isAppUrl(details.url, devServer)) });
  });
  if (devServer) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(devServer)] },
      });
    });
  }
}

export function hardenContents(contents: WebContents, devServer?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServer)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
