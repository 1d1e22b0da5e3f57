import type { Clock } from '../clock';
import type { Trigger } from '../../../shared/contract/triggers';
import type { TakeFields } from './fields';
import type { ArmedAction } from './action';
import { armOsc } from './osc';
import { armHttp } from './http';
import { armHyperdeck, type DeckPool } from './hyperdeck';

/** Makes one trigger ready to fire: `connectAhead` when its moment is still to come. */
export function armAction(trigger: Pick<Trigger, 'action'>, fields: TakeFields, clock: Clock, decks: DeckPool, connectAhead: boolean, test = false): ArmedAction {
  const { action } = trigger;
  switch (action.kind) {
    case 'osc':
      return armOsc(action, fields, clock, connectAhead);
    case 'http':
      return armHttp(action, fields, clock, connectAhead);
    case 'hyperdeck':
      return armHyperdeck(action, fields, clock, decks, test);
  }
}
