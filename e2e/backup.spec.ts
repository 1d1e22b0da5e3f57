import fs from 'node:fs';
import path from 'node:path';
import type { Backup } from '../shared/contract/settings';
import type { Plan } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// Backups as a person meets them: made after each take, listed in Settings, restored after a
// confirmation; and a damaged store that opens read-only and offers the newest good backup.

let host: Host;
test.afterEach(async () => host?.stop());

async function ok<T>(method: string, input?: unknown): Promise<T> {
  const reply = await host.call<T>(method, input);
  expect(reply.error, `${method}`).toBeUndefined();
  return reply.value;
}

/** Runs one take of the first demo plan to its end, which makes a backup in the background. */
async function shootATake(): Promise<void> {
  const plan = (await ok<Plan[]>('listPlans'))[0]!;
  await ok('countdownCommand', { type: 'arm', planId: plan.id });
  await ok('countdownCommand', { type: 'goNow' });
  await ok('countdownCommand', { type: 'end' });
}

async function backupsAfter(count: number): Promise<Backup[]> {
  await expect.poll(async () => (await ok<Backup[]>('listBackups')).length).toBe(count);
  return ok<Backup[]>('listBackups');
}

/** Overwrites every page after the first with noise while the host is stopped, as a failing disk might. */
function corruptStore(dataDir: string): void {
  const file = path.join(dataDir, 'cuelight.sqlite');
  expect(fs.existsSync(`${file}-wal`), 'a clean quit leaves no WAL behind').toBe(false);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  for (let at = 4096; at < size; at += 4096) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at);
  fs.closeSync(fd);
}

test('a take makes a backup; restoring it after a confirmation brings back the earlier state', async ({ page }) => {
  host = await startHost({ demo: true });
  await shootATake();
  const [made] = await backupsAfter(1);
  await ok('createPlan', { artist: { name: 'IU' }, song: 'Blueming' });

  await page.goto(`${host.url}/?token=${TOKEN}#/settings`);
  const panel = page.getByRole('region', { name: 'Backups' });
  const rows = panel.getByRole('table', { name: 'Backups, newest first' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and one backup
  await expect(rows.nth(1).getByRole('cell').first()).toHaveAttribute('title', made!.name);
  await page.screenshot({ path: 'e2e/screenshots/backup-settings.png' });

  // Back up now: the new row appears, and the toast says so only after the host answered.
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  await expect(rows).toHaveCount(3);

  // Restore the take's backup: a confirmation first; cancelling changes nothing.
  await rows.nth(2).getByRole('button', { name: /^Restore the backup from / }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Restore the backup from .*\?$/ });
  await expect(dialog).toContainText('What is here now is backed up first');
  await page.screenshot({ path: 'e2e/screenshots/backup-confirm.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await ok<Plan[]>('listPlans')).map((p) => p.song)).toContain('Blueming');

  await rows.nth(2).getByRole('button', { name: /^Restore the backup from / }).click();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup from' })).toBeVisible();
  expect((await ok<Plan[]>('listPlans')).map((p) => p.song)).not.toContain('Blueming');
  // What was there before the restore was backed up first: four backups now, the newest holds it.
  await expect(rows).toHaveCount(4);
  const takes = await ok<unknown[]>('listTakes', {});
  expect(takes).toHaveLength(1);
});

test('a damaged store opens read-only, refuses changes, and restoring the newest good backup gets back to normal', async ({ page }) => {
  host = await startHost({ demo: true });
  const good = await ok<Backup>('backupNow');
  await host.stop();
  corruptStore(host.dataDir);
  host = await startHost({ dataDir: host.dataDir });

  const boot = await ok<{ readOnly: boolean; goodBackup: string | null; readOnlyReason: string }>('getBootstrap');
  expect(boot).toMatchObject({ readOnly: true, goodBackup: good.name });

  await page.goto(`${host.url}/?token=${TOKEN}#/settings`);
  const banner = page.getByRole('alert').filter({ hasText: /^Read-only:/ });
  await expect(banner).toContainText('the database failed its start-up check');
  await expect(banner).toContainText('The newest good backup is from');
  await banner.getByText('What the check found').click();
  await expect(banner).toContainText('The check found: SQLite cannot read it');
  await expect(banner).toContainText(`Data folder: ${host.dataDir}`);
  await page.screenshot({ path: 'e2e/screenshots/backup-read-only.png' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  // The explanation is in the UI's language; only SQLite's own words stay as SQLite put them.
  const bannerKo = page.getByRole('alert').filter({ hasText: /^읽기 전용/ });
  await expect(bannerKo).toContainText('점검에서 발견된 문제: SQLite cannot read it');
  await expect(bannerKo).toContainText(`데이터 폴더: ${host.dataDir}`);
  await page.screenshot({ path: 'e2e/screenshots/backup-read-only-ko.png' });
  // A refused change gives the host's reason in the screen's language.
  await page.getByRole('region', { name: '백업' }).getByRole('button', { name: '지금 백업' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '저장되지 않았습니다. 데이터베이스가 시작 점검을 통과하지 못해' })).toBeVisible();
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');

  // A change is refused, and the message says what to do.
  await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText('Restore the newest good backup');
  expect((await host.call('updateSettings', { crewName: 'Stage B' })).error?.code).toBe('read_only');

  await banner.getByRole('button', { name: 'Restore the newest good backup' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup from' })).toBeVisible();
  expect(await ok<Plan[]>('listPlans')).toHaveLength(6);

  // Back to normal: the crew name (disabled while the app could not load) saves again.
  const crew = page.getByRole('form', { name: /Your name/ });
  await crew.getByRole('textbox').fill('Stage B');
  await crew.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(await ok('getBootstrap')).toMatchObject({ readOnly: false, crewName: 'Stage B' });
  expect(fs.readdirSync(path.join(host.dataDir, 'damaged'))).toHaveLength(1);
});
