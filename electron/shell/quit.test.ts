import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import type { App } from 'electron';
import { installQuitSequence, type ClosingCore } from './quit';

function fakeApp() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  const app = { on: (name: string, listener: (event: { preventDefault(): void }) => void) => void listeners.set(name, listener), quit: vi.fn() };
  const emit = (name: string) => {
    const preventDefault = vi.fn();
    listeners.get(name)!({ preventDefault });
    return preventDefault.mock.calls.length > 0 ? 'held' : 'let through';
  };
  return { app, emit };
}

function setup(shutdown: () => Promise<unknown>) {
  const { app, emit } = fakeApp();
  let core: ClosingCore | undefined = { shutdown: vi.fn(shutdown), close: vi.fn() };
  const opened = core;
  installQuitSequence(app as unknown as App, { core: () => core, forgetCore: () => (core = undefined), timeoutMs: 5_000 });
  return { app, emit, opened, current: () => core };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the quit sequence', () => {
  it('holds the quit for the backup, then closes the database and quits', async () => {
    let finish!: () => void;
    const { app, emit, opened, current } = setup(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(emit('before-quit')).toBe('held');
    expect(opened.shutdown).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(opened.close).toHaveBeenCalledOnce();
    expect(current()).toBeUndefined();
    expect(app.quit).toHaveBeenCalledOnce();
    // The second before-quit (from app.quit) goes through.
    expect(emit('before-quit')).toBe('let through');
  });

  it('quits after at most the time limit when the backup hangs', async () => {
    const { app, emit, opened } = setup(() => new Promise(() => {}));
    expect(emit('before-quit')).toBe('held');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(opened.close).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('quits even when the backup fails', async () => {
    const { app, emit } = setup(() => Promise.reject(new Error('disk full')));
    emit('before-quit');
    await vi.advanceTimersByTimeAsync(0);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('closes the database when the system quits without before-quit', () => {
    const { emit, opened, current } = setup(() => Promise.resolve());
    emit('will-quit');
    expect(opened.close).toHaveBeenCalledOnce();
    expect(current()).toBeUndefined();
  });
});
