import { test, expect } from './fixtures';
import { startHost, type Host } from './host';

// A stage display reads only what it shows: the plans (for what is next), never the roster, the
// venues or the bootstrap again, and nothing at all when only takes change.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
});
test.afterEach(async () => host.stop());

test('at GO a stage display reads the plans once, and nothing else', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path.slice(5));
  });
  await page.goto(`${host.url}/stage`);
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toBeVisible();
  await expect.poll(() => calls.includes('listPlans')).toBe(true);
  await expect.poll(() => calls.includes('getCountdown')).toBe(true);
  calls.length = 0;

  const plan = ((await host.call<{ id: number; song: string }[]>('listPlans')).value).find((p) => p.song === 'Love Lee')!;
  await host.call('countdownCommand', { type: 'arm', planId: plan.id, rehearsal: false });
  const started = await host.call<{ deadline: number }>('countdownCommand', { type: 'start' });
  await host.clock({ set: started.value.deadline + 1_000 }); // GO: the take is written, the plan is shot
  await expect.poll(() => calls).toContain('listPlans');
  await host.call('addTakeMark', { takeId: (await host.call<{ takeId: number }>('getCountdown')).value.takeId, note: 'mark' }); // takes alone
  await page.waitForTimeout(300); // room for a read that must not happen
  expect(calls).toEqual(['listPlans']);
});
