import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE } from './db/open';
import { Harness } from './test-harness';

// A stage display on the set network is a stranger: it needs no path on the host's disk.
let h: Harness;
afterEach(() => h?.dispose());

const bootstrap = async (canControl: boolean) => {
  const envelope = await h.call('getBootstrap', undefined, canControl);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as { dataDir: string; readOnlyReason: string };
};

describe('getBootstrap', () => {
  it("gives the data folder's path to the operator only", async () => {
    h = new Harness({ demo: true });
    expect((await bootstrap(true)).dataDir).toBe(h.dataDir);
    expect((await bootstrap(false)).dataDir).toBe('');
  });

  it('words a read-only reason without the path for a view-only display', async () => {
    h = new Harness({ demo: true });
    h.close();
    const store = path.join(h.dataDir, DB_FILE);
    fs.rmSync(`${store}-wal`, { force: true });
    fs.writeFileSync(store, Buffer.alloc(8192, 7));
    h.open();
    expect((await bootstrap(true)).readOnlyReason).toContain(h.dataDir);
    const viewOnly = await bootstrap(false);
    expect(viewOnly.readOnlyReason).toMatch(/No good backup was found/);
    expect(JSON.stringify(viewOnly)).not.toContain(h.dataDir);
  });
});
