import { describe, it, expect, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { handleTrusted, isTrustedSender, registerContractIpc, UNAUTHORIZED } from './ipc';
import { forIpc, fromIpc } from './ipc-answer';
import { SerialisedAnswer } from '../../shared/serialised-answer';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) };
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, input?: unknown) =>
    handlers.get(channel)!({ senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent, input);
  return { ipcMain, handlers, invoke };
}

const topFrame = { url: 'cuelight://app/index.html#/console', parent: null };

describe('IPC sender checks', () => {
  it('answers the top frame of the app page', async () => {
    const { ipcMain, handlers, invoke } = fakeIpcMain();
    const call = vi.fn(async (name: string, input: unknown) => ({ ok: true as const, value: { name, input } }));
    registerContractIpc(ipcMain as never, ['getBootstrap', 'listPlans'], call);
    expect([...handlers.keys()]).toEqual(['getBootstrap', 'listPlans']);
    await expect(invoke('listPlans', topFrame, { q: 1 })).resolves.toEqual({ ok: true, value: { name: 'listPlans', input: { q: 1 } } });
  });

  it.each([
    ['a subframe of the app page', { url: 'cuelight://app/index.html', parent: topFrame }],
    ['another site', { url: 'https://example.com/', parent: null }],
    ['a file:// page', { url: 'file:///opt/Cuelight/resources/app.asar/dist/renderer/index.html', parent: null }],
    ['a look-alike host', { url: 'cuelight://app.evil/index.html', parent: null }],
    ['a frame already gone', null],
  ])('refuses a call from %s without running it', async (_name, frame) => {
    const { ipcMain, invoke } = fakeIpcMain();
    const call = vi.fn();
    registerContractIpc(ipcMain as never, ['countdownCommand'], call);
    await expect(invoke('countdownCommand', frame, { command: 'start' })).resolves.toEqual(UNAUTHORIZED);
    expect(call).not.toHaveBeenCalled();
  });

  it('guards shell channels the same way, with their own refusal', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const open = vi.fn();
    handleTrusted(ipcMain as never, 'shell:openStageDisplay', 'refused', open);
    await expect(invoke('shell:openStageDisplay', { url: 'https://example.com/', parent: null })).resolves.toBe('refused');
    expect(open).not.toHaveBeenCalled();
    await invoke('shell:openStageDisplay', topFrame);
    expect(open).toHaveBeenCalledOnce();
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('an answer a worker serialised, over IPC', () => {
  it('crosses as bytes and reaches the page as the value, Hangul intact; other answers pass unchanged', async () => {
    const file = { filename: 'cuelight-plans.csv', mime: 'text/csv', content: '\uFEFFartist\n악뮤\n' };
    const crossed = forIpc({ ok: true, value: new SerialisedAnswer(new TextEncoder().encode(JSON.stringify(file))) });
    expect(crossed).toEqual({ ok: true, json: expect.any(Uint8Array) });
    // Electron's structured clone keeps a Uint8Array as one; the preload reads it back.
    expect(fromIpc(structuredClone(crossed))).toEqual({ ok: true, value: file });
    const plain = { ok: true as const, value: { phase: 'idle' } };
    expect(fromIpc(structuredClone(forIpc(plain)))).toEqual(plain);
    const refused = { ok: false as const, error: { code: 'not_found' as const, message: 'No such plan' } };
    expect(fromIpc(forIpc(refused))).toEqual(refused);
  });
});
