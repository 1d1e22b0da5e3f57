import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, makeTempDir } from '../test-harness';
import { openFile, type Db } from './open';
import { WalSync } from './wal-sync';
import { jobWorkersRunning, startWorker } from '../workers/run-worker';
import { TakeReview } from '../review/review-thread';

/** The WAL syncs the store's file asked for, by descriptor: what reached fs.fdatasync. */
function watchSyncs(fail?: NodeJS.ErrnoException) {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const spy = vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    started.push(fd);
    finish.push(() => done(fail ?? null));
  }) as typeof fs.fdatasync);
  /** Lets the oldest sync still running finish, and the promises that wait on it settle. */
  const settleOne = async () => {
    finish.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, settleOne, restore: () => spy.mockRestore() };
}

let db: Db | null = null;
let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
  db = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function store(): { db: Db; sync: WalSync } {
  dir = makeTempDir();
  const file = path.join(dir, 'store.sqlite');
  db = openFile(file);
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (x)');
  return { db, sync: new WalSync(`${file}-wal`, db) };
}

const commit = (target: Db) => target.prepare('INSERT INTO t VALUES (1)').run();

/** A store with one commit not yet synced, and the syncs it asks for watched. */
function committed(fail?: NodeJS.ErrnoException) {
  const { db, sync } = store();
  const syncs = watchSyncs(fail);
  commit(db);
  return { db, sync, syncs };
}

describe('WalSync', () => {
  it('answers a commit once a sync that began after it is done', async () => {
    const { sync, syncs } = committed();
    let done = false;
    const durable = sync.durable().then(() => (done = true));
    expect(syncs.started).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(done, 'not before the disk said so').toBe(false);
    await syncs.settleOne();
    await durable;
    expect(done).toBe(true);
    sync.close();
  });

  it('shares the running sync with callers who committed nothing since it began', async () => {
    const { sync, syncs } = committed();
    const first = sync.durable();
    const second = sync.durable(); // the reply after its displays were told: the same commit
    await syncs.settleOne();
    await Promise.all([first, second]);
    expect(syncs.started).toHaveLength(1);
    sync.close();
  });

  it('gives callers who committed after the running sync began one more sync, shared among them', async () => {
    const { db, sync, syncs } = committed();
    const first = sync.durable();
    commit(db);
    let laterDone = false;
    const later = Promise.all([sync.durable(), (commit(db), sync.durable())]).then(() => (laterDone = true));
    await syncs.settleOne();
    await first;
    expect(laterDone, 'the first sync may have begun before their writes').toBe(false);
    expect(syncs.started).toHaveLength(2);
    await syncs.settleOne();
    await later;
    expect(syncs.started).toHaveLength(2);
    sync.close();
  });

  it('reports the disk’s refusal to whoever waits, and a nudge’s to nobody', async () => {
    const { db, sync, syncs } = committed(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    sync.nudge(); // nobody waits: its failure must not become an unhandled rejection
    await syncs.settleOne();
    commit(db);
    const waiting = sync.durable();
    await syncs.settleOne();
    await expect(waiting).rejects.toThrow(/EIO/);
    sync.close();
  });

  it('lets go of the WAL only after the sync under way is done', async () => {
    const { sync, syncs } = committed();
    const closeSpy = vi.spyOn(fs, 'closeSync');
    const durable = sync.durable();
    sync.close();
    expect(closeSpy).not.toHaveBeenCalledWith(syncs.started[0]);
    await syncs.settleOne();
    await durable;
    expect(closeSpy).toHaveBeenCalledWith(syncs.started[0]);
  });
});

describe('a change through the API', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  /** A countdown running to its deadline: GO's timer is set. */
  async function counting(): Promise<void> {
    const planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id; // 90 s
    await h.ok('countdownCommand', { type: 'arm', planId });
    await h.ok('countdownCommand', { type: 'start' });
  }

  /** A change made now is answered only after the pool has synced it, and is never synced on the loop. */
  async function changeSyncedInThePool(): Promise<void> {
    const onLoop = vi.spyOn(fs, 'fdatasyncSync');
    const syncs = watchSyncs();
    let answered = false;
    const call = h.ok('updateSettings', { crewName: 'Mina' }).then(() => (answered = true));
    // A sync started before (the countdown's own commands', unmocked) may still be running: this one follows it.
    await vi.waitFor(() => expect(syncs.started.length).toBeGreaterThan(0));
    expect(answered).toBe(false);
    while (!answered) await syncs.settleOne();
    await call;
    expect(onLoop).not.toHaveBeenCalled();
  }

  /** A change made now is synced by the loop itself before it is answered, with nothing sent to the pool. */
  async function changeSyncedOnTheLoop(): Promise<void> {
    const inPool = watchSyncs();
    const onLoop = vi.spyOn(fs, 'fdatasyncSync');
    await h.ok('updateSettings', { crewName: 'Mina' });
    expect(onLoop).toHaveBeenCalled();
    expect(inPool.started).toEqual([]);
  }

  it('while a countdown counts, is committed without a sync on the loop and answered after the pool synced the WAL', async () => {
    h = new Harness({ demo: true });
    expect(h.db.pragma('synchronous', { simple: true }), 'NORMAL: the commit itself does not sync').toBe(1);
    await counting();
    await changeSyncedInThePool();
  });

  it('between takes, with nothing else writing, is synced by the loop itself before it is answered', async () => {
    h = new Harness({ demo: true });
    await changeSyncedOnTheLoop();
  });

  it('between takes, while a worker only reads (the review thread, there as long as the store is open), is still synced by the loop', async () => {
    h = new Harness({ demo: true });
    await TakeReview.of(h.db).warm();
    expect(jobWorkersRunning()).toBe(1);
    await changeSyncedOnTheLoop();
  });

  it('between takes, while a worker writes a backup, is synced in the pool: the loop never waits behind its writes', async () => {
    h = new Harness({ demo: true });
    const dir = makeTempDir();
    const writing = await startWorker('store-backup', { file: h.db.name, partial: path.join(dir, 'partial'), final: path.join(dir, 'backup.sqlite') });
    try {
      await changeSyncedInThePool();
    } finally {
      writing.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when the disk does not confirm the change, and keeps what was written', async () => {
    h = new Harness({ demo: true });
    const eio = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    vi.spyOn(fs, 'fdatasyncSync').mockImplementation(() => {
      throw eio;
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await h.refused('updateSettings', { crewName: 'Mina' });
    expect(error.message).toMatch(/^Written, but the disk did not confirm it \(EIO.*Check the disk/);
    expect(error.key).toBe('err.diskUnconfirmed'); // the screens word it in the operator's language
    vi.restoreAllMocks();
    expect((await h.ok('getBootstrap', undefined)).crewName).toBe('Mina');
  });
});

describe('a show-time call', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('is answered before its sync is done, and the sync is under way', async () => {
    h = new Harness({ demo: true });
    const planId = (await h.ok('listPlans', undefined))[0]!.id;
    const syncs = watchSyncs();
    const armed = await h.ok('countdownCommand', { type: 'arm', planId }); // no sync has finished
    expect(armed.planId).toBe(planId);
    expect(syncs.started.length).toBeGreaterThan(0);
    await syncs.settleOne();
  });
});
