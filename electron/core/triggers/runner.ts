import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventHub } from '../events';
import type { CountdownSnapshot } from '../../../shared/api';
import type { Take } from '../../../shared/schemas';
import type { Trigger, TriggerEvent, TriggerResult } from '../../../shared/contract/triggers';
import { insertTriggerResult, triggersForPlan } from '../repos/triggers';
import type { TakeFields } from './fields';
import type { ActionOutcome } from './action';
import type { FireItem } from './fire-protocol';
import { FireThread } from './fire-thread';
import { statement } from '../db/statements';

/** Cheapest first: a datagram, then a line on an open TCP connection, then an HTTP request. */
const FIRE_ORDER = { osc: 0, hyperdeck: 1, http: 2 } as const;

interface Moment {
  id: number;
  at: number;
  event: TriggerEvent;
  triggers: Trigger[];
  fields: TakeFields;
}

/** What a result needs once its outcome comes back from the firing thread. */
interface Launch {
  trigger: Trigger;
  fields: TakeFields;
  takeId: number | null;
  /** Host time it was due: the moment, or true zero. */
  due: number;
}

/** A trigger fires at most once per run and moment: this key says which. */
const keyOf = (fields: TakeFields, trigger: Trigger) => `${fields.run}:${trigger.id}:${fields.event}`;

/**
 * Show control out. Listens to the countdown's snapshots on the host's loop and hands each moment
 * to the firing thread (fire-thread.ts) ahead of time: payloads encoded, connections opened, and
 * with the wall clock the thread's own timer fires at zero, so a busy loop here cannot make a
 * trigger late, and the GO commit and the triggers never wait for each other. Results come back
 * by message and are written when they are known, with the run that links them to the take.
 */
export class TriggerRunner {
  private last: CountdownSnapshot | null = null;
  private fired = new Set<string>();
  private moments: Moment[] = [];
  private cancels: (() => void)[] = [];
  private launches = new Map<string, Launch>();
  private nextMoment = 1;
  private thread: FireThread;
  /** The wall clock moves by itself and every thread can read it; a manual clock moves only here. */
  private selfTimed: boolean;
  private off: () => void;
  private closed = false;

  constructor(
    private db: Db,
    private clock: Clock,
    private events: EventHub,
  ) {
    this.selfTimed = clock.preciseNow !== undefined;
    this.thread = new FireThread(this.selfTimed, (key, outcome) => this.landed(key, outcome));
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
    void this.thread.close();
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
    const outcome = await this.thread.test({ action: trigger.action }, fields, due);
    return this.resultOf(trigger, fields, null, due, outcome);
  }

  private onSnapshot(s: CountdownSnapshot): void {
    const prev = this.last;
    this.last = s;
    if (prev && s.run !== prev.run) this.forgetRunsBefore(s.run);
    // GO: the armed moment fires now unless its own timer already has; its lateness counts from true zero.
    const go = s.phase === 'go' ? this.moments.find((m) => m.event === 'go' && m.fields.run === s.run) : undefined;
    if (go && !this.closed) this.fireMoment(go, Math.min(go.at, s.goAt ?? go.at));
    this.cancel();
    if (this.closed) return;
    // A take that was running has ended (end, or reset mid-take).
    if (prev?.phase === 'go' && prev.planId !== null && (s.phase !== 'go' || s.run !== prev.run)) {
      this.fireNow(this.fieldsOf(prev, 'ended'), prev.takeId);
    }
    if (s.planId === null) return;
    if (s.phase === 'standby' && prev?.run !== s.run) this.fireNow(this.fieldsOf(s, 'armed'), null);
    if (s.phase === 'counting' && s.deadline !== null) this.schedule(s, s.deadline);
    // GO from "Go now" with nothing armed, or a zero this host's timers missed: fire now (once per run).
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
    return triggersForPlan(this.db, planId).filter((t) => t.enabled && t.event === fields.event && !this.fired.has(keyOf(fields, t)));
  }

  private items(triggers: Trigger[], fields: TakeFields, takeId: number | null, due: number): FireItem[] {
    return triggers.map((trigger) => {
      const key = keyOf(fields, trigger);
      this.launches.set(key, { trigger, fields, takeId, due });
      return { key, trigger: { action: trigger.action }, fields };
    });
  }

  private fireNow(fields: TakeFields, takeId: number | null): void {
    const triggers = this.due(fields, fields.plan);
    if (triggers.length === 0) return;
    const now = this.clock.now();
    for (const t of triggers) this.fired.add(keyOf(fields, t));
    this.thread.fireNow(this.items(triggers, fields, takeId, now), now);
  }

  /** Every moment of this countdown (seconds-before triggers and GO), armed on the firing thread now. */
  private schedule(s: CountdownSnapshot, deadline: number): void {
    const byAt = new Map<string, Moment>();
    for (const event of ['before', 'go'] as const) {
      const fields = this.fieldsOf(s, event);
      for (const t of this.due(fields, s.planId!)) {
        const at = event === 'go' ? deadline : deadline - t.secondsBefore * 1000;
        const key = `${event}:${at}`;
        const moment = byAt.get(key) ?? { id: this.nextMoment++, at, event, triggers: [], fields };
        moment.triggers.push(t);
        moment.triggers.sort((a, b) => FIRE_ORDER[a.action.kind] - FIRE_ORDER[b.action.kind]);
        byAt.set(key, moment);
      }
    }
    const now = this.clock.now();
    for (const moment of byAt.values()) {
      this.thread.arm(moment.id, moment.at, this.items(moment.triggers, moment.fields, null, moment.at), now);
      // A clock that moves only when told: the thread learns the moment has come from here.
      if (!this.selfTimed) this.cancels.push(this.clock.setTimer(() => this.fireMoment(moment, moment.at), moment.at - now));
      this.moments.push(moment);
    }
  }

  /** Asks the thread to fire a moment now (it fires each trigger once, whoever asks first). */
  private fireMoment(moment: Moment, due: number): void {
    this.moments = this.moments.filter((m) => m !== moment);
    for (const t of moment.triggers) {
      const key = keyOf(moment.fields, t);
      this.fired.add(key);
      const launch = this.launches.get(key);
      if (launch) launch.due = due;
    }
    this.thread.fire(moment.id, this.clock.now());
  }

  /** An outcome came back from the firing thread. */
  private landed(key: string, outcome: ActionOutcome): void {
    this.fired.add(key);
    const launch = this.launches.get(key);
    if (!launch) return;
    this.launches.delete(key);
    this.record(this.resultOf(launch.trigger, launch.fields, launch.takeId, launch.due, outcome));
  }

  private resultOf(trigger: Trigger, fields: TakeFields, takeId: number | null, due: number, outcome: ActionOutcome): TriggerResult {
    // The thread's wall time is fractional; the store keeps whole ms, never before the moment.
    const sentAt = outcome.sentAt ?? this.clock.now();
    return {
      triggerId: trigger.id,
      name: trigger.name,
      event: fields.event,
      kind: trigger.action.kind,
      status: outcome.status,
      detail: outcome.detail,
      firedAt: Math.floor(sentAt),
      lateMs: Math.max(0, Math.round((sentAt - due) * 1000) / 1000),
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

  /** Results of runs before the last one can no longer come back. */
  private forgetRunsBefore(run: number): void {
    for (const [key, launch] of this.launches) if (launch.fields.run < run - 1) this.launches.delete(key);
  }

  private cancel(): void {
    for (const cancel of this.cancels.splice(0)) cancel();
    for (const m of this.moments.splice(0)) this.thread.cancel(m.id);
  }
}
