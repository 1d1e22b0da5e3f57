import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHost, type Host } from './host';
import { advance, freezeClock, T0 } from './time';
import { launchUnfocused, minimise } from './unfocused-browser';

// A stage display whose clocks jump: the host's clock steps +2 s (an NTP step, a host set right),
// and the page is hidden for a minute (another tab in front, its window minimised) and shown again.
// Both clocks are the tests' own: nothing waits for real seconds.

let host: Host;
test.afterEach(async () => host?.stop());

/** The demo's AKMU plan (1:30) counting from T0; returns its deadline. */
async function counting(): Promise<number> {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
  const plans = (await host.call<{ id: number; song: string }[]>('listPlans')).value;
  await host.call('countdownCommand', { type: 'arm', planId: plans.find((p) => p.song === 'Love Lee')!.id });
  return (await host.call<{ deadline: number }>('countdownCommand', { type: 'start' })).value.deadline;
}

/**
 * Init script, before the page clock is installed: keeps the browser's own requestAnimationFrame,
 * records every text the timer shows with the page's (test) time, and, after every listener of the
 * page's own, the first frame painted each time the page is shown again.
 */
function recordStage() {
  const nativeFrame = window.requestAnimationFrame.bind(window);
  const record = { shown: [] as [number, string][], frames: [] as { text: string | null; stale: boolean }[] };
  (window as unknown as { __stage: typeof record }).__stage = record;
  const text = () => document.querySelector('[role=timer]')?.textContent ?? null;
  let last: string | null = null;
  new MutationObserver(() => {
    const now = text();
    if (now === null || now === last) return;
    last = now;
    record.shown.push([Date.now(), now]);
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // On window, so it runs after the document's listeners (the display's own) have done their work.
  window.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    nativeFrame(() => record.frames.push({ text: text(), stale: document.querySelector('.stage-face')?.hasAttribute('data-stale') ?? false }));
  });
}

const recorded = (stage: Page) => stage.evaluate(() => (window as unknown as { __stage: { shown: [number, string][]; frames: { text: string | null; stale: boolean }[] } }).__stage);

/** What the stage must show with `hostNow` on the host's clock: the seconds left, rounded up. */
function trueText(deadline: number, hostNow: number): string {
  const seconds = Math.ceil((deadline - hostNow) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
const secondsOf = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/**
 * Texts shown before the host's clock could have reached them. `hostLead(p)` is the most the host's
 * clock was ahead of the page's at page time p (the tests move the host first, then the page).
 */
function early(shown: [number, string][], deadline: number, hostLead: (pageTime: number) => number): string[] {
  return shown.filter(([p, text]) => /^\d+:\d\d$/.test(text) && p + hostLead(p) < deadline - secondsOf(text) * 1000).map(([p, text]) => `${text} at ${p - T0} ms`);
}

/** Moves both clocks in small steps, reading the stage after each: [host time, text]. */
async function watch(stage: Page, context: BrowserContext, ms: number, step: number): Promise<[number, string][]> {
  const seen: [number, string][] = [];
  for (let done = 0; done < ms; done += step) {
    const hostNow = await host.clock({ advance: step });
    await context.clock.runFor(step);
    seen.push([hostNow, (await stage.getByRole('timer').textContent()) ?? '']);
  }
  return seen;
}

/** A stage page recording what it paints, on a frozen page clock, 3.5 s into the count (1:27 left). */
async function openCountingStage(context: BrowserContext): Promise<Page> {
  await context.addInitScript(recordStage);
  await freezeClock(context);
  const stage = await context.newPage();
  await stage.goto(`${host.url}/stage`);
  await expect(stage.getByRole('timer')).toBeVisible();
  await advance(host, context, 3_500);
  await expect(stage.getByRole('timer')).toHaveText('1:27');
  return stage;
}

test('a +2 s step of the host clock: the stage follows within 1.5 s and never shows a second early', async ({ context }) => {
  const deadline = await counting();
  const stage = await openCountingStage(context);

  const STEP = 20;
  const steppedAt = T0 + 3_500; // page time when the host's clock jumps ahead
  const hostAtStep = await host.clock({ advance: 2_000 });
  const seen = await watch(stage, context, 4_000, STEP);

  // From some moment on, the stage shows the host's second at every step (a flip may come up to
  // LATE_MS after its boundary: it waits out the clock estimate's uncertainty); that moment is soon.
  const LATE_MS = 50;
  const right = (hostNow: number, text: string) => text === trueText(deadline, hostNow) || text === trueText(deadline, hostNow - LATE_MS);
  const wrong = seen.findLastIndex(([hostNow, text]) => !right(hostNow, text));
  const followedAt = wrong === -1 ? hostAtStep : seen[wrong + 1]![0];
  expect(followedAt - hostAtStep, `followed the step after ${followedAt - hostAtStep} ms`).toBeLessThanOrEqual(1_500);
  test.info().annotations.push({ type: 'step recovery', description: `${followedAt - hostAtStep} ms` });
  const { shown } = await recorded(stage);
  expect(early(shown, deadline, (p) => (p >= steppedAt ? 2_000 : 0) + 100)).toEqual([]);
});

for (const way of ['another tab in front', 'its window minimised'] as const) {
  test(`a stage hidden for a minute (${way}) paints the true second in its first frame back`, async () => {
    test.slow();
    const deadline = await counting();
    const { context, close } = await launchUnfocused();
    try {
      const stage = await openCountingStage(context);

      const other = way === 'another tab in front' ? await context.newPage() : null;
      if (other) await other.bringToFront();
      else await minimise(stage, true);
      await expect.poll(() => stage.evaluate(() => document.visibilityState)).toBe('hidden');

      // A minute passes on both clocks. A hidden page's timers are throttled or frozen, so none of
      // its timers run: Playwright's clock moves only by running them, so its own step is used.
      const hostNow = await host.clock({ advance: 60_000 });
      await stage.evaluate(() => {
        const clock = (globalThis as unknown as { __pwClock: { controller: { _now: { ticks: number }; _advanceNow(to: number): void } } }).__pwClock.controller;
        clock._advanceNow(clock._now.ticks + 60_000);
      });
      expect(await stage.evaluate(() => Date.now())).toBe(hostNow);

      if (other) await stage.bringToFront();
      else await minimise(stage, false);
      await expect.poll(async () => (await recorded(stage)).frames.length).toBe(1);
      const [first] = (await recorded(stage)).frames;
      expect(first).toEqual({ text: trueText(deadline, hostNow), stale: false });
      await advance(host, context, 2_000);
      await expect(stage.getByRole('timer')).toHaveText(trueText(deadline, hostNow + 2_000));
      expect(early((await recorded(stage)).shown, deadline, () => 100)).toEqual([]);
    } finally {
      await close();
    }
  });
}
