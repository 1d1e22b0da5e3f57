/**
 * IPC registration: one handler per contract method and per shell channel, each answering only
 * the top frame of the app's own page.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Envelope, MethodName } from '../../shared/api';
import { isAppUrl } from './protocol';
import { forIpc, type SerialisedEnvelope } from './ipc-answer';

export const UNAUTHORIZED: Envelope<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'This call did not come from a Cuelight window. Restart Cuelight and try again.' },
};

/** Only the top frame of our own renderer page may call the main process. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

type Handle = Pick<IpcMain, 'handle'>;
type TrustedEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** Registers `handler` on `channel`, answering `refused` to any sender that is not trusted. */
export function handleTrusted<R>(
  ipcMain: Handle,
  channel: string,
  refused: R,
  handler: (event: TrustedEvent, input: unknown) => Promise<R> | R,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return refused;
    return handler(event, input);
  });
}

/** One channel per contract method, named after it; the core validates each input. */
export function registerContractIpc(
  ipcMain: Handle,
  methodNames: readonly MethodName[],
  call: (name: MethodName, input: unknown) => Promise<Envelope<unknown>>,
): void {
  for (const name of methodNames) {
    handleTrusted<Envelope<unknown> | SerialisedEnvelope>(ipcMain, name, UNAUTHORIZED as Envelope<unknown>, async (_event, input) => forIpc(await call(name, input)));
  }
}
