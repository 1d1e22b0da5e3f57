import type { Trigger } from '../../../shared/contract/triggers';
import type { TakeFields } from './fields';
import type { ActionOutcome } from './action';

/** One trigger to fire, named by its once-per-run key (`run:triggerId:event`). */
export interface FireItem {
  key: string;
  trigger: Pick<Trigger, 'action'>;
  fields: TakeFields;
}

/**
 * What the host's loop asks of the firing thread. `hostNow` is the host's time when asked: with a
 * clock that moves only when told (tests, --test-clock) it is the thread's only time.
 */
export type ToFireThread =
  /** A moment to come: connect ahead and, with a self-timed clock, fire on the thread's own timer at `at`. */
  | { type: 'arm'; moment: number; at: number; items: FireItem[]; hostNow: number }
  /** Fire an armed moment now, unless it already fired (GO from the countdown, a manual clock's moment). */
  | { type: 'fire'; moment: number; hostNow: number }
  /** The moment will not come (pause, reset, adjust): close what it opened. */
  | { type: 'cancel'; moment: number }
  /** Fire these now, cold: armed, ended and outcome moments, or GO with nothing armed. */
  | { type: 'fireNow'; items: FireItem[]; hostNow: number }
  /** The editor's "send test": fire one and answer, stored nowhere. */
  | { type: 'test'; request: number; trigger: Pick<Trigger, 'action'>; fields: TakeFields; hostNow: number }
  | { type: 'close' };

/** Given when the thread starts: whether the host's clock moves by itself (the wall clock) or only when told. */
export interface FireThreadData {
  selfTimed: boolean;
}

export type FromFireThread =
  /** One fired trigger's result; `sentAt` is host time (fractional with a self-timed clock). */
  | { type: 'outcome'; key: string; outcome: ActionOutcome }
  | { type: 'tested'; request: number; outcome: ActionOutcome }
  | { type: 'closed' };
