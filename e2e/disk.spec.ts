import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { advance, freezeClock, T0 } from './time';

// GO survives a failing disk: the stage shows GO at zero, the operator is told loudly that the
// take is not saved and why, and the take is written once the disk takes writes again.
//
// The failure is injected, not a real full filesystem: the store lays its WAL out ahead (2 MB of
// zeros, reused after each checkpoint), so on a tiny tmpfs the next commit fails only when the
// log must grow, which no test can time to the deadline. A trigger written into the store by this
// process makes the host's own commit of the take fail inside SQLite, as a full disk would.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
});
test.afterEach(async () => host.stop());

/** Runs SQL on the host's store from outside, as another connection (the host sees the schema change). */
function onStore(sql: string): void {
  const db = new Database(path.join(host.dataDir, 'cuelight.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.exec(sql);
  } finally {
    db.close();
  }
}

test('GO goes out on time on a full disk, the console says so, and the take is saved once there is room', async ({ page, context }) => {
  await freezeClock(context);
  const stage = await context.newPage();
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await page.getByRole('combobox', { name: 'Choose a performance' }).selectOption({ label: '18:00 · AKMU — Love Lee' });
  await page.getByRole('button', { name: 'Arm countdown' }).click();
  await stage.goto(`${host.url}/stage`);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
  await host.clock({ advance: 80_000 }); // one jump to near zero; small steps (advance) only around GO
  await context.clock.runFor(80_000);

  onStore(`CREATE TRIGGER disk_full BEFORE INSERT ON takes BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  await advance(host, context, 10_000);
  await expect(stage.getByText('GO', { exact: true })).toBeVisible();
  const alarm = page.getByRole('alert').filter({ hasText: 'TAKE NOT SAVED' });
  await expect(alarm).toContainText('database or disk is full');
  await page.screenshot({ path: 'e2e/screenshots/console-take-unsaved.png' });
  expect((await host.call('listTakes', {})).value).toEqual([]);
  const refused = await host.call('createPlan', { artist: { name: 'IU' }, song: 'Blueming', countdownMs: 60_000 });
  expect(refused.error).toMatchObject({ code: 'read_only' });

  onStore('DROP TRIGGER disk_full');
  await advance(host, context, 1_000);
  await expect(alarm).toBeHidden();
  const takes = await host.call<{ goAt: number }[]>('listTakes', {});
  expect(takes.value.map((t) => t.goAt)).toEqual([T0 + 90_000]);
  await expect(stage.getByText('GO', { exact: true })).toBeVisible();
});
