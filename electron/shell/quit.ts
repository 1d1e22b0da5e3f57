/**
 * The quit sequence: quitting waits, at most `timeoutMs`, for a backup of what changed since the
 * last one, then closes the database and quits for real.
 */
import type { App } from 'electron';

export interface ClosingCore {
  shutdown(): Promise<unknown>;
  close(): void;
}

export interface QuitDeps {
  /** The open core, or undefined when none is open (failed start, already closed). */
  core(): ClosingCore | undefined;
  /** Called once the core is closed, so nothing uses it afterwards. */
  forgetCore(): void;
  timeoutMs: number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
}

export function installQuitSequence(app: Pick<App, 'on' | 'quit'>, deps: QuitDeps): void {
  const wait = deps.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  let backingUp = false;
  app.on('before-quit', (event) => {
    const core = deps.core();
    if (!core || backingUp) return;
    event.preventDefault();
    backingUp = true;
    const timedOut = new Promise<void>((resolve) => wait(resolve, deps.timeoutMs));
    void Promise.race([core.shutdown().catch(() => undefined), timedOut]).finally(() => {
      core.close();
      deps.forgetCore();
      app.quit();
    });
  });
  app.on('will-quit', () => {
    // A quit that skipped before-quit (the OS logging out) still closes the database cleanly.
    const core = deps.core();
    if (!core) return;
    core.close();
    deps.forgetCore();
  });
}
