import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventHub } from '../events';
import type { CountdownSnapshot } from '../../../shared/api';
import { apply, advance, initialCountdown, CountdownRuleError } from '../../../shared/countdown';
import type { CountdownCommand, CountdownState } from '../../../shared/countdown';
import { endTake, getTake, insertTake, interruptOpenTakes, writeOutcome } from '../repos/takes';
import { getSetting } from '../repos/settings';
import { requirePlan } from './plans';
import { refusal } from '../errors';
import { statement } from '../db/statements';
import { randomUUID } from 'node:crypto';

/** How often a take the disk refused at GO is tried again. */
const SAVE_RETRY_MS = 500;

export type CountdownRequest =
  | (Exclude<CountdownCommand, { type: 'arm' }>)
  | { type: 'arm'; planId: number; rehearsal: boolean };

/** What the core hears from the countdown: a take has ended (end, or reset mid-take). */
export interface CountdownHooks {
  takeEnded?: () => void;
  /** Before each commit: a long import writing on another connection gives way at once. */
  beforeWrite?: () => void;
  /** After a commit no call waits on (GO, or its retry, by the timer): its sync starts off the loop. */
  committedUnasked?: () => void;
  /** The takes left running, as the start-up check found them; absent or null: recovery looks itself. */
  openTakesAtStart?: readonly number[] | null;
}

interface Persisted {
  state: CountdownState;
  takeId: number | null;
  rehearsal: boolean;
}

/**
 * The one live countdown. Every change is committed before it is announced; GO commits the take
 * row in the same transaction as the state, at the deadline's own time.
 */
export class CountdownService {
  private current: Persisted;
  private message = '';
  /** Bumped with each announced change; with the run's id, it orders snapshots on every screen. */
  private version = 0;
  private readonly boot = randomUUID().slice(0, 8);
  private cancelTimer: (() => void) | null = null;
  /** GO went out but its take could not be committed: why, and the timer that tries again. */
  private unsaved: { reason: string; cancelRetry: () => void } | null = null;

  constructor(
    private db: Db,
    private clock: Clock,
    private events: EventHub,
    private hooks: CountdownHooks = {},
  ) {
    const row = statement(db, 'SELECT state, message FROM countdown WHERE id = 1').get() as
      | { state: string; message: string }
      | undefined;
    this.current = row ? (JSON.parse(row.state) as Persisted) : { state: initialCountdown, takeId: null, rehearsal: false };
    this.message = row?.message ?? '';
    this.recover();
  }

  /** After a crash or restart: a take that was running is interrupted; a missed zero gets its GO. */
  private recover(): void {
    this.commit(() => {
      interruptOpenTakes(this.db, this.hooks.openTakesAtStart ?? null);
      this.commitGoIfDue(true);
    });
    this.schedule();
  }

  /** Tells every display the state changed: a new version, so older snapshots never win. */
  private announce(): CountdownSnapshot {
    this.version++;
    const snap = this.snapshot();
    this.events.emit('countdown', snap);
    return snap;
  }

  snapshot(): CountdownSnapshot {
    const { state, takeId, rehearsal } = this.current;
    const plan = state.planId === null ? undefined : statement(this.db, 
      // CAST: a bare id parameter in a join is recompiled on every run (see db/statements.test.ts).
      'SELECT a.name AS artist, p.song FROM plans p JOIN people a ON a.id = p.artist_id WHERE p.id = CAST(? AS INTEGER)',
    ).get(state.planId) as { artist: string; song: string } | undefined;
    return {
      ...state,
      takeId,
      rehearsal,
      artist: plan?.artist ?? '',
      song: plan?.song ?? '',
      message: this.message,
      saveFailure: this.unsaved?.reason ?? null,
      hostNow: this.clock.now(),
      boot: this.boot,
      version: this.version,
    };
  }

  /** A countdown is running to its deadline: GO's timer is set. */
  get counting(): boolean {
    return this.current.state.phase === 'counting';
  }

  /** Why GO's take is not on disk yet, or null: while set, nothing but the countdown may write. */
  get saveFailure(): string | null {
    return this.unsaved?.reason ?? null;
  }

  command(request: CountdownRequest): CountdownSnapshot {
    this.tick(); // a zero that passed before this command keeps its own GO and take
    // Nothing may replace a GO whose take is not on disk yet: its take would be lost.
    if (this.unsaved) throw refusal('conflict', 'err.takeUnsaved', { params: { reason: this.unsaved.reason } });
    const now = this.clock.now();
    let takeEnded = false;
    this.commit(() => {
      let command: CountdownCommand = request as CountdownCommand;
      let rehearsal = this.current.rehearsal;
      if (request.type === 'arm') {
        const plan = requirePlan(this.db, request.planId, 'planId');
        command = { type: 'arm', planId: plan.id, durationMs: plan.countdownMs, warningMs: plan.warningMs, dangerMs: plan.dangerMs };
        rehearsal = request.rehearsal;
      }
      let next: CountdownState;
      try {
        next = apply(this.current.state, command, now);
      } catch (error) {
        if (error instanceof CountdownRuleError) throw refusal('conflict', error.key);
        throw error;
      }
      const newRun = next.run !== this.current.state.run;
      let takeId = newRun ? null : this.current.takeId;
      if (next.phase === 'go' && this.current.state.phase !== 'go') takeId = this.openTake(next, rehearsal, false);
      if (next.phase === 'ended' && takeId !== null) {
        endTake(this.db, takeId, now);
        takeEnded = this.current.state.phase === 'go';
      }
      if (request.type === 'reset' && this.current.state.phase === 'go' && this.current.takeId !== null) {
        this.abortTake(this.current.takeId, now); // reset mid-take: the take stays in the log, aborted
        takeEnded = true;
      }
      this.save({ state: next, takeId, rehearsal });
    });
    this.schedule();
    const snap = this.announce();
    if (this.current.takeId !== null) this.events.emit('dataChanged', { tables: ['takes', 'plans'] });
    if (takeEnded) this.hooks.takeEnded?.(); // after the snapshot went out: the backup never delays the stage
    return snap;
  }

  setMessage(text: string): void {
    this.commit(() => this.save(this.current, text));
    this.announce();
  }

  close(): void {
    this.cancelTimer?.();
    this.unsaved?.cancelRetry();
  }

  /**
   * Fires at the deadline: commits GO and its take without waiting for any client. A commit the
   * disk refuses still announces GO on time; the take is written as soon as the disk allows.
   */
  private tick(): void {
    if (this.unsaved) return this.retrySave();
    const next = advance(this.current.state, this.clock.now());
    if (next === this.current.state) return this.schedule();
    try {
      this.commit(() => this.commitGoIfDue(false));
    } catch (error) {
      this.current = { state: next, takeId: null, rehearsal: this.current.rehearsal };
      this.holdUnsaved(error as Error);
    }
    this.schedule();
    this.announce();
    if (!this.unsaved) {
      this.hooks.committedUnasked?.();
      this.events.emit('dataChanged', { tables: ['takes', 'plans'] });
    }
  }

  /** Keeps GO in memory (takeId null, so nothing claims it is saved) and tries again soon. */
  private holdUnsaved(error: Error): void {
    const reason = error.message || String(error);
    if (this.unsaved?.reason !== reason) console.error(`The take at GO could not be saved (${reason}); trying again every ${SAVE_RETRY_MS} ms`);
    this.unsaved?.cancelRetry();
    this.unsaved = { reason, cancelRetry: this.clock.setTimer(() => this.retrySave(), SAVE_RETRY_MS) };
  }

  /** One more try at writing the held GO; the transaction is all or nothing, so it is written once. */
  private retrySave(): void {
    if (!this.unsaved) return;
    const held = this.current;
    try {
      this.commit(() => this.save({ ...held, takeId: this.openTake(held.state, held.rehearsal, false) }));
    } catch (error) {
      this.current = held;
      const before = this.unsaved.reason;
      this.holdUnsaved(error as Error);
      if (this.unsaved.reason !== before) this.announce();
      return;
    }
    this.unsaved.cancelRetry();
    this.unsaved = null;
    this.announce();
    this.hooks.committedUnasked?.();
    this.events.emit('dataChanged', { tables: ['takes', 'plans'] });
  }

  private commitGoIfDue(recovered: boolean): boolean {
    const next = advance(this.current.state, this.clock.now());
    if (next === this.current.state) return false;
    const takeId = this.openTake(next, this.current.rehearsal, recovered);
    this.save({ state: next, takeId, rehearsal: this.current.rehearsal });
    return true;
  }

  private openTake(state: CountdownState, rehearsal: boolean, recovered: boolean): number {
    return insertTake(
      this.db,
      {
        planId: state.planId!,
        run: state.run,
        rehearsal,
        countdownStartedAt: state.startedAt,
        goAt: state.goAt!,
        loggedBy: getSetting(this.db, 'crewName') ?? '',
        recovered,
      },
      this.clock.now(),
    );
  }

  /** Runs one transaction; if it does not commit, the in-memory state goes back to what is on disk. */
  private commit(fn: () => void): void {
    const before = { current: this.current, message: this.message };
    this.hooks.beforeWrite?.();
    try {
      this.db.transaction(fn).immediate();
    } catch (error) {
      this.current = before.current;
      this.message = before.message;
      throw error;
    }
  }

  private abortTake(takeId: number, now: number): void {
    endTake(this.db, takeId, now);
    const take = getTake(this.db, takeId);
    if (take?.outcome === 'pending') {
      writeOutcome(this.db, { id: takeId, outcome: 'aborted', changedBy: getSetting(this.db, 'crewName') ?? '' }, now);
    }
  }

  private save(next: Persisted, message = this.message): void {
    statement(this.db, 
        `INSERT INTO countdown (id, state, message) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, message = excluded.message`,
      )
      .run(JSON.stringify(next), message);
    this.current = next;
    this.message = message;
  }

  private schedule(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const { phase, deadline } = this.current.state;
    if (phase === 'counting' && deadline !== null) {
      this.cancelTimer = this.clock.setTimer(() => this.tick(), deadline - this.clock.now());
    }
  }
}
