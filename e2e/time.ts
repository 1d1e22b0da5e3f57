import type { BrowserContext } from '@playwright/test';
import type { Host } from './host';

/** A fixed moment for specs: both the host's manual clock and the pages' clocks start here. */
export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

/** Every page in a context shares one clock; pause it at T0 before any page loads. */
export async function freezeClock(context: BrowserContext, at = T0): Promise<void> {
  await context.clock.install({ time: at - 60_000 }); // a margin: the clock ticks until paused
  await context.clock.pauseAt(at);
}

/**
 * Moves host time and the pages' time forward together, firing timers on both sides. Small
 * steps keep the pages' clock-offset estimate (pings over the WebSocket) within one step.
 */
export async function advance(host: Host, context: BrowserContext, ms: number): Promise<void> {
  const STEP = 100;
  for (let done = 0; done < ms; done += STEP) {
    const step = Math.min(STEP, ms - done);
    await host.clock({ advance: step });
    await context.clock.runFor(step);
  }
}
