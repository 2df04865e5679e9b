/**
 * The main side of the IPC contract (shared/ipc.ts). Every request is checked
 * twice before a handler sees it: the sender must be the top frame of one of
 * our own windows showing our own page, and the payload must match the
 * channel's schema. Replies and events are validated too, so main can never
 * send the renderer something the contract does not allow.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { eventContract, invokeContract } from '../../shared/ipc.js';
import type { EventChannel, EventOf, InvokeChannel, ParsedRequestOf, ResponseOf } from '../../shared/ipc.js';

export type TrustCheck = (event: IpcMainInvokeEvent) => boolean;
type Reply<C extends InvokeChannel> = undefined extends ResponseOf<C> ? ResponseOf<C> | void : ResponseOf<C>;
export type Handler<C extends InvokeChannel> = (request: ParsedRequestOf<C>, event: IpcMainInvokeEvent) => Reply<C> | Promise<Reply<C>>;

export class IpcRejected extends Error {
  override name = 'IpcRejected';
}

export interface IpcRouter {
  handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void;
  dispose(): void;
}

export function createIpcRouter(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, isTrusted: TrustCheck, log: (message: string) => void = console.warn): IpcRouter {
  const channels: InvokeChannel[] = [];
  return {
    handle(channel, handler) {
      const contract = invokeContract[channel];
      channels.push(channel);
      ipcMain.handle(channel, async (event, ...args: unknown[]) => {
        if (!isTrusted(event)) {
          log(`corolab: refused ${channel} from an untrusted sender (${senderUrl(event)})`);
          throw new IpcRejected(`${channel}: the sender is not a Corolab window`);
        }
        if (args.length > 1) throw new IpcRejected(`${channel}: expected one argument, got ${args.length}`);
        const parsed = contract.request.safeParse(args[0]);
        if (!parsed.success) {
          log(`corolab: refused a malformed ${channel} request`);
          throw new IpcRejected(`${channel}: malformed request: ${z.prettifyError(parsed.error)}`);
        }
        const result = await handler(parsed.data as ParsedRequestOf<typeof channel>, event);
        return contract.response.parse(result);
      });
    },
    dispose() {
      for (const channel of channels.splice(0)) ipcMain.removeHandler(channel);
    },
  };
}

/** Sends an event after checking it against the contract. */
export function sendEvent<C extends EventChannel>(contents: Pick<WebContents, 'send' | 'isDestroyed'>, channel: C, payload: EventOf<C>): void {
  const valid = eventContract[channel].parse(payload);
  if (!contents.isDestroyed()) contents.send(channel, valid);
}

/**
 * Trusts a request only from the main frame of a window we created, while it
 * shows a page we serve (not some page it was navigated to).
 */
export function makeTrustCheck(isOurWindow: (contents: WebContents) => boolean, isOurUrl: (url: string) => boolean): TrustCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || !isOurWindow(event.sender)) return false;
    if (frame !== event.sender.mainFrame) return false;
    return isOurUrl(frame.url);
  };
}

function senderUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
