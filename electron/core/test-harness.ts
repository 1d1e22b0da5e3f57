/**
 * Shared set-up for the core's unit tests: a real SQLite file in a temp dir, a manual clock, and
 * calls made the way both hosts make them (through `dispatch`). Not part of the app's bundle.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiError, Envelope, MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { Core } from './core';
import type { Db } from './db/open';
import { ManualClock } from './clock';
import { openCore, openCoreChecked } from './core';
import { SerialisedAnswer } from '../../shared/serialised-answer';
import { dispatch } from './dispatch';
import { stopJobWorkers } from './workers/run-worker';

/** 2026-11-26 09:00 UTC: the first shoot day. */
export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-test-'));
}

/** A clock whose timers fire `lateMs` after they are due, as a busy or sleeping host's would. */
export class LateClock extends ManualClock {
  constructor(
    start: number,
    private lateMs: number,
  ) {
    super(start);
  }

  override setTimer(fn: () => void, ms: number): () => void {
    return super.setTimer(fn, ms + this.lateMs);
  }
}

/** Every table's rows, the schema and user_version: equal dumps mean nothing was written. */
export function dumpDatabase(db: Db): Record<string, unknown> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const withoutRowid = new Set(db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND wr = 1").pluck().all() as string[]);
  return {
    userVersion: db.pragma('user_version', { simple: true }),
    schema: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
    // A WITHOUT ROWID table has no rowid: its rows are in primary-key order already.
    ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ${withoutRowid.has(t) ? '' : 'ORDER BY rowid'}`).all()])),
  };
}

/** One data dir, the cores opened on it (closed by `dispose`), and typed calls through dispatch. */
export class Harness {
  readonly dataDir = makeTempDir();
  clock: ManualClock;
  private cores: Core[] = [];
  private current: Core | null = null;

  constructor(private options: { demo?: boolean; clock?: ManualClock } = {}) {
    this.clock = options.clock ?? new ManualClock(T0);
    this.open();
  }

  get core(): Core {
    if (!this.current) throw new Error('No core is open');
    return this.current;
  }

  get db(): Db {
    return this.core.db;
  }

  open(clock: ManualClock = this.clock): Core {
    this.clock = clock;
    this.current = openCore({ dataDir: this.dataDir, clock, demo: this.options.demo ?? false });
    this.cores.push(this.current);
    return this.current;
  }

  /** Opens the data dir as both hosts do: the store checked in a worker first. */
  async openChecked(clock: ManualClock = this.clock): Promise<Core> {
    this.clock = clock;
    this.current = await openCoreChecked({ dataDir: this.dataDir, clock, demo: this.options.demo ?? false });
    this.cores.push(this.current);
    return this.current;
  }

  /** Closes the core (as quitting or a crash after the last commit would) and forgets it. */
  close(): void {
    this.current?.close();
    this.current = null;
  }

  /** Opens the same data dir again, as the next launch would, with a fresh clock set to `at`. */
  reopen(at: number = this.clock.now()): Core {
    this.close();
    return this.open(new ManualClock(at));
  }

  /** Calls as a transport would; an answer a worker serialised is read back, as the renderer would. */
  async call(name: string, input: unknown, canControl = true): Promise<Envelope<unknown>> {
    const envelope = await dispatch(this.core, name, input, { canControl });
    return envelope.ok && envelope.value instanceof SerialisedAnswer ? { ok: true, value: JSON.parse(new TextDecoder().decode(envelope.value.json)) as unknown } : envelope;
  }

  /** Calls a method that must succeed; a refusal fails the test with its message. */
  async ok<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.call(name, input);
    if (!result.ok) throw new Error(`${name} was refused: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  /** Calls a method that must be refused, and returns why. */
  async refused(name: string, input: unknown, canControl = true): Promise<ApiError> {
    const result = await this.call(name, input, canControl);
    if (result.ok) throw new Error(`${name} was accepted: ${JSON.stringify(result.value)}`);
    return result.error;
  }

  /**
   * Closes every core, stops the job workers they left running (a take's backup at the lowest
   * priority can take seconds on a busy machine, and would go on writing into the folder), and
   * removes the folder.
   */
  async dispose(): Promise<void> {
    for (const core of this.cores) {
      try {
        core.close();
      } catch {
        // already closed
      }
    }
    this.cores = [];
    this.current = null;
    await stopJobWorkers();
    // A pruning of old backups may still be in libuv's pool. The promise form retries the whole
    // removal; rmSync retries only the last rmdir, so one file written after its listing failed
    // all 100 retries in CI, sleeping 50 ms more each time (250 s).
    await fs.promises.rm(this.dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
  }
}

/** Arms, starts and lets the clock pass zero: returns the GO snapshot. */
export async function runToGo(h: Harness, planId: number, rehearsal = false): Promise<MethodOutput<'getCountdown'>> {
  await h.ok('countdownCommand', { type: 'arm', planId, rehearsal });
  const started = await h.ok('countdownCommand', { type: 'start' });
  h.clock.set(started.deadline! + 250);
  return h.ok('getCountdown', undefined);
}

/** The take rows as stored, oldest first. */
export function takeRows(db: Db): Record<string, unknown>[] {
  return db.prepare('SELECT * FROM takes ORDER BY id').all() as Record<string, unknown>[];
}

/** Counts how often a timer got to run while `work` was under way: zero when the work held the loop throughout. */
export async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    ticks++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await work();
  running = false;
  return { value, ticks };
}

/** The WAL header's salts, of the store file `dbFile`: SQLite changes them each time it starts the log over. */
export function walSalts(dbFile: string): string {
  return fs.readFileSync(`${dbFile}-wal`).subarray(16, 24).toString('hex');
}
