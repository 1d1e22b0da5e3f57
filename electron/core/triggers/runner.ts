import { performance } from 'node:perf_hooks';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventHub } from '../events';
import type { CountdownSnapshot } from '../../../shared/api';
import type { Take } from '../../../shared/schemas';
import type { Trigger, TriggerEvent, TriggerResult } from '../../../shared/contract/triggers';
import { insertTriggerResult, triggersForPlan } from '../repos/triggers';
import type { TakeFields } from './fields';
import type { ActionOutcome, ArmedAction } from './action';
import { armAction } from './arm';
import { DeckPool } from './hyperdeck';
import { statement } from '../db/statements';

/** Connections open this long before their moment (receivers drop idle connections after a while). */
const WARM_MS = 2_000;
/** The fire timer wakes this early and waits out the rest, so a timer that wakes a little late costs nothing. */
const LEAD_MS = 5;
/** Cheapest first: a datagram, then a line on an open TCP connection, then an HTTP request. */
const FIRE_ORDER = { osc: 0, hyperdeck: 1, http: 2 } as const;

interface Moment {
  at: number;
  event: TriggerEvent;
  triggers: Trigger[];
  armed: Map<number, ArmedAction> | null;
}

/**
 * Show control out. Listens to the countdown's snapshots and fires each trigger from its own
 * timers: the GO moment's timer wakes just before the deadline the countdown service also waits
 * for, so first bytes leave at zero and the GO commit follows (neither waits for the other's
 * answers). Results are written when they are known, with the run that links them to the take.
 */
export class TriggerRunner {
  private last: CountdownSnapshot | null = null;
  private fired = new Set<string>();
  private moments: Moment[] = [];
  private cancels: (() => void)[] = [];
  private decks = new DeckPool();
  private off: () => void;
  private closed = false;

  constructor(
    private db: Db,
    private clock: Clock,
    private events: EventHub,
  ) {
    this.off = events.on('countdown', (snapshot) => this.onSnapshot(snapshot));
  }

  /** Picks up the countdown as the store left it: a countdown still running gets its timers, nothing re-fires. */
  prime(snapshot: CountdownSnapshot): void {
    this.last = snapshot;
    if (snapshot.phase === 'counting' && snapshot.deadline !== null && snapshot.planId !== null) this.schedule(snapshot, snapshot.deadline);
  }

  close(): void {
    this.closed = true;
    this.off();
    this.cancel();
    this.decks.close();
  }

  /** A take's outcome was logged (called by the takes API after its commit). */
  outcomeLogged(take: Take): void {
    const run = statement(this.db, 'SELECT run FROM takes WHERE id = ?').pluck().get(take.id) as number;
    const fields: TakeFields = { plan: take.planId, artist: take.artist, song: take.song, take: take.number, run, event: 'outcome', outcome: take.outcome, rehearsal: take.rehearsal };
    this.fireNow(fields, take.id);
  }

  /** Fires one trigger now and answers with its result, stored nowhere (the editor's "send test"). */
  async test(trigger: Trigger, fields: TakeFields): Promise<TriggerResult> {
    const due = this.clock.now();
    const outcome = await armAction(trigger, fields, this.clock, this.decks, false, true).fire();
    return this.resultOf(trigger, fields, null, due, outcome);
  }

  private onSnapshot(s: CountdownSnapshot): void {
    const prev = this.last;
    this.last = s;
    this.cancel();
    if (this.closed) return;
    // A take that was running has ended (end, or reset mid-take).
    if (prev?.phase === 'go' && prev.planId !== null && (s.phase !== 'go' || s.run !== prev.run)) {
      this.fireNow(this.fieldsOf(prev, 'ended'), prev.takeId);
    }
    if (s.planId === null) return;
    if (s.phase === 'standby' && prev?.run !== s.run) this.fireNow(this.fieldsOf(s, 'armed'), null);
    if (s.phase === 'counting' && s.deadline !== null) this.schedule(s, s.deadline);
    // GO from "Go now", or a zero this host's timer missed: fire now (once per run).
    if (s.phase === 'go') this.fireNow(this.fieldsOf(s, 'go'), s.takeId);
  }

  private fieldsOf(s: CountdownSnapshot, event: TriggerEvent): TakeFields {
    return { plan: s.planId!, artist: s.artist, song: s.song, take: this.takeNumber(s), run: s.run, event, outcome: 'pending', rehearsal: s.rehearsal };
  }

  /** The take's number; before GO, the one GO will give it (as repos/takes numbers them). */
  private takeNumber(s: CountdownSnapshot): number | null {
    if (s.takeId !== null) return (statement(this.db, 'SELECT number FROM takes WHERE id = ?').pluck().get(s.takeId) as number | null) ?? null;
    if (s.rehearsal) return null;
    return statement(this.db, 'SELECT count(*) + 1 FROM takes WHERE plan_id = ? AND rehearsal = 0').pluck().get(s.planId) as number;
  }

  private due(fields: TakeFields, planId: number): Trigger[] {
    return triggersForPlan(this.db, planId).filter(
      (t) => t.enabled && t.event === fields.event && !this.fired.has(`${fields.run}:${t.id}:${fields.event}`),
    );
  }

  private fireNow(fields: TakeFields, takeId: number | null): void {
    const triggers = this.due(fields, fields.plan);
    if (triggers.length === 0) return;
    const now = this.clock.now();
    const armed = triggers.map((t) => [t, armAction(t, fields, this.clock, this.decks, false)] as const);
    for (const [t, action] of armed) this.launch(t, fields, takeId, now, action);
  }

  /** Timers for every moment of this countdown: seconds-before triggers and GO. */
  private schedule(s: CountdownSnapshot, deadline: number): void {
    const byAt = new Map<string, Moment>();
    for (const event of ['before', 'go'] as const) {
      for (const t of this.due(this.fieldsOf(s, event), s.planId!)) {
        const at = event === 'go' ? deadline : deadline - t.secondsBefore * 1000;
        const key = `${event}:${at}`;
        const moment = byAt.get(key) ?? { at, event, triggers: [], armed: null };
        moment.triggers.push(t);
        moment.triggers.sort((a, b) => FIRE_ORDER[a.action.kind] - FIRE_ORDER[b.action.kind]);
        byAt.set(key, moment);
      }
    }
    const now = this.clock.now();
    for (const moment of byAt.values()) {
      const fields = this.fieldsOf(s, moment.event);
      const warm = () => (moment.armed ??= new Map(moment.triggers.map((t) => [t.id, armAction(t, fields, this.clock, this.decks, true)])));
      if (moment.at - WARM_MS <= now) warm();
      else this.cancels.push(this.clock.setTimer(warm, moment.at - WARM_MS - now));
      this.cancels.push(this.clock.setTimer(() => this.fireAt(moment, fields, warm), moment.at - LEAD_MS - now));
      this.moments.push(moment);
    }
  }

  /** Waits out the last milliseconds to the moment (never early), then writes every trigger's first bytes. */
  private fireAt(moment: Moment, fields: TakeFields, warm: () => Map<number, ArmedAction>): void {
    const armed = warm();
    const budgetEnd = performance.now() + LEAD_MS + 2;
    while (this.clock.now() < moment.at && performance.now() < budgetEnd) {
      // spin: a few milliseconds at most, and only before the moment
    }
    if (this.clock.now() < moment.at) {
      // A clock that does not move by itself (tests, --test-clock): wait for it properly.
      this.cancels.push(this.clock.setTimer(() => this.fireAt(moment, fields, warm), moment.at - this.clock.now()));
      return;
    }
    moment.armed = null; // fired: cancel() must not close what is now in flight
    this.moments = this.moments.filter((m) => m !== moment);
    for (const t of moment.triggers) this.launch(t, fields, null, moment.at, armed.get(t.id)!);
  }

  private launch(trigger: Trigger, fields: TakeFields, takeId: number | null, due: number, action: ArmedAction): void {
    this.fired.add(`${fields.run}:${trigger.id}:${fields.event}`);
    action
      .fire()
      .catch((error: unknown) => ({ status: 'failed', detail: (error as Error).message, sentAt: null }) as ActionOutcome)
      .then((outcome) => this.record(this.resultOf(trigger, fields, takeId, due, outcome)))
      // Recording can fail on a failing disk: an unhandled rejection would take the host (and the countdown) down.
      .catch((error: unknown) => console.error(`Trigger "${trigger.name}" ran, but its result could not be kept:`, error));
  }

  private resultOf(trigger: Trigger, fields: TakeFields, takeId: number | null, due: number, outcome: ActionOutcome): TriggerResult {
    const firedAt = outcome.sentAt ?? this.clock.now();
    return {
      triggerId: trigger.id,
      name: trigger.name,
      event: fields.event,
      kind: trigger.action.kind,
      status: outcome.status,
      detail: outcome.detail,
      firedAt,
      lateMs: Math.max(0, firedAt - due),
      run: fields.run,
      planId: fields.plan,
      takeId,
      clip: outcome.clip ?? null,
      timecode: outcome.timecode ?? null,
    };
  }

  private record(result: TriggerResult): void {
    if (this.closed || !this.db.open) return;
    try {
      insertTriggerResult(this.db, result);
    } catch (error) {
      console.error(`Keeping the result of trigger "${result.name}" failed: ${(error as Error).message}`);
    }
    if (result.takeId === null && result.event !== 'armed' && result.event !== 'before') {
      result.takeId = (statement(this.db, 'SELECT id FROM takes WHERE run = ?').pluck().get(result.run) as number | undefined) ?? null;
    }
    this.events.emit('triggerResult', result);
  }

  private cancel(): void {
    for (const cancel of this.cancels.splice(0)) cancel();
    for (const m of this.moments.splice(0)) for (const a of m.armed?.values() ?? []) a.dispose();
  }
}
