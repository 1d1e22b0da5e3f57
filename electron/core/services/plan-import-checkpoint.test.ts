import { describe, it, expect, afterEach, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE } from '../db/open';
import { Harness } from '../test-harness';

// A big import's pages reach the store file in a worker right after it commits: left in the WAL,
// the next commit on the countdown's connection (GO's take) would copy them all on the loop.

let h: Harness;
afterEach(() => h.dispose());

function csv(rows: number): string {
  const lines = ['artist,song,countdown,notes'];
  for (let i = 1; i <= rows; i++) lines.push(`Artist ${i % 500},Song ${i},1:30,${'In-ears for the band. '.repeat(8)}`);
  return `${lines.join('\n')}\n`;
}

describe('after a big import commits', () => {
  it('its pages are moved into the store file off the loop, and the countdown’s connection checkpoints as before once they are', async () => {
    h = new Harness({ demo: true });
    const store = path.join(h.dataDir, DB_FILE);
    const before = fs.statSync(store).size;
    expect((await h.ok('importPlans', { format: 'csv', content: csv(8_000) })).imported).toBe(8_000);
    await vi.waitFor(() => {
      expect(fs.statSync(store).size).toBeGreaterThan(before + 2_000_000);
      expect(h.db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(0);
    }, { timeout: 20_000, interval: 50 });
  });
});
