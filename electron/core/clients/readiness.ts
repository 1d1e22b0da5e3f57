/**
 * Go / no-go on the host: departments say ready or not through their own links; with auto-hold
 * on, a countdown that reaches the hold point while anyone is not ready pauses itself through the
 * countdown's own pause command (so every rule of the console's pause holds), and tells every
 * display whom it waits for. Only the operator's resume lets it go on; the count does not hold
 * twice in one run. The countdown never waits for this: it hears it through the event hub.
 * The hold is kept on disk, so a host that restarts (or is killed) mid-hold comes back held, with
 * its reason, and a run the operator already resumed does not hold again.
 */
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventHub } from '../events';
import type { CountdownService } from '../services/countdown';
import type { CountdownSnapshot } from '../../../shared/api';
import type { ReadinessBoard } from '../../../shared/contract/readiness';
import { keepHold, keptHold, listDepartments, logReadiness, readinessOptions, setDepartmentReady } from '../repos/readiness';

/** Phases of a run a readiness change belongs to (and so is shown with its take). */
const IN_RUN = new Set(['standby', 'counting', 'paused', 'go']);

export class ReadinessService {
  private hold: { since: number; waitingFor: string[]; run: number } | null = null;
  /** Runs that already held once: the operator's resume is final for that run. */
  private heldRun = -1;
  private cancelTimer: (() => void) | null = null;
  private last: CountdownSnapshot;
  private readonly off: () => void;

  constructor(
    private db: Db,
    private clock: Clock,
    private events: EventHub,
    private countdown: CountdownService,
    /** Before a write of its own: an import writing on another connection gives way at once. */
    private beforeWrite: () => void = () => {},
  ) {
    this.last = countdown.snapshot();
    this.restoreHold();
    this.off = events.on('countdown', (snapshot) => this.follow(snapshot));
    this.schedule();
  }

  board(): ReadinessBoard {
    const { autoHold, holdAtMs } = readinessOptions(this.db);
    return { departments: listDepartments(this.db), autoHold, holdAtMs, hold: this.hold && { since: this.hold.since, waitingFor: this.hold.waitingFor } };
  }

  /** A department said ready or not (its own link, inside the caller's transaction). */
  setReady(departmentId: number, name: string, ready: boolean): void {
    const now = this.clock.now();
    setDepartmentReady(this.db, departmentId, ready, now);
    this.log(ready ? 'ready' : 'not-ready', name);
    if (this.hold) {
      this.hold.waitingFor = this.notReady();
      keepHold(this.db, { ...this.hold, active: true });
    }
  }

  /** After any change to the board: every display hears it, and the hold point is looked at again. */
  announce(): void {
    this.schedule();
    this.events.emit('readiness', this.board());
  }

  close(): void {
    this.off();
    this.cancelTimer?.();
  }

  /**
   * A hold kept from before a restart: still in force if the count is paused in the same run. A
   * kept hold whose run counts on was resumed (or, if the host died between writing it and
   * pausing, never took): either way that run does not hold itself again.
   */
  private restoreHold(): void {
    let kept;
    try {
      kept = keptHold(this.db);
    } catch (error) {
      return console.error(`The kept hold could not be read: ${(error as Error).message}`);
    }
    if (!kept || kept.run !== this.last.run) return;
    this.heldRun = kept.run;
    if (kept.active && this.last.phase === 'paused') this.hold = { since: kept.since, waitingFor: kept.waitingFor, run: kept.run };
  }

  private notReady(): string[] {
    return listDepartments(this.db).filter((d) => !d.ready).map((d) => d.name);
  }

  private log(kind: 'ready' | 'not-ready' | 'start' | 'hold' | 'release', departments: string): void {
    const { phase, run, planId } = this.last;
    const inRun = IN_RUN.has(phase);
    logReadiness(this.db, { at: this.clock.now(), kind, departments, run: inRun ? run : null, planId: inRun ? planId : null });
  }

  private follow(snapshot: CountdownSnapshot): void {
    const before = this.last;
    this.last = snapshot;
    let changed = false;
    try {
      if (snapshot.phase === 'counting' && before.phase === 'standby') {
        this.beforeWrite();
        this.log('start', this.notReady().join(', '));
      }
      if (this.hold && (snapshot.run !== this.hold.run || snapshot.phase !== 'paused')) {
        // The operator resumed (or reset, or went): the hold is over, and this run will not hold again.
        const ended = this.hold;
        this.hold = null;
        changed = true;
        this.beforeWrite();
        keepHold(this.db, { ...ended, active: false });
        if (snapshot.run === ended.run) this.log('release', ended.waitingFor.join(', '));
      }
    } catch (error) {
      console.error(`Readiness could not be logged: ${(error as Error).message}`);
    }
    this.schedule();
    if (changed) this.events.emit('readiness', this.board());
  }

  private schedule(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const { phase, deadline, run } = this.last;
    if (phase !== 'counting' || deadline === null || run === this.heldRun) return;
    const { autoHold, holdAtMs } = readinessOptions(this.db);
    if (!autoHold) return;
    this.cancelTimer = this.clock.setTimer(() => this.reachHoldPoint(run), Math.max(0, deadline - holdAtMs - this.clock.now()));
  }

  /** The host's timer at the hold point: pause through the countdown's own rules if anyone is not ready. */
  private reachHoldPoint(run: number): void {
    this.cancelTimer = null;
    const waitingFor = this.notReady();
    if (this.last.run !== run || this.last.phase !== 'counting' || waitingFor.length === 0) return;
    try {
      this.heldRun = run;
      this.hold = { since: this.clock.now(), waitingFor, run };
      // Kept before the pause: a host killed in between comes back counting, and does not hold this run twice.
      this.beforeWrite();
      keepHold(this.db, { ...this.hold, active: true });
      this.countdown.command({ type: 'pause' });
      this.beforeWrite();
      this.log('hold', waitingFor.join(', '));
    } catch (error) {
      // A refused pause (GO already due) leaves the count running: no hold to show.
      this.hold = null;
      console.error(`The countdown could not hold for ${waitingFor.join(', ')}: ${(error as Error).message}`);
    }
    this.events.emit('readiness', this.board());
  }
}
