import type { triggerMethods } from '../../../shared/contract/triggers';
import { bad, long, type AreaCases } from './cases';

/** A trigger that is valid but goes nowhere that listens (port 9 is "discard"). */
const osc = { name: 'Lights', event: 'go', action: { kind: 'osc', host: '127.0.0.1', port: 9, address: '/cuelight/go', args: ['{artist}', '{take}'] } };
const withAction = (action: Record<string, unknown>) => ({ planId: null, triggers: [{ ...osc, action: { ...osc.action, ...action } }] });

/** Refusals and one accepted input for every trigger method. */
export const triggerCases: AreaCases<keyof typeof triggerMethods> = {
  bad: {
    getTriggers: [
      bad('unknown field', () => ({ scope: 'all' }), 'scope'),
      bad('unknown plan', () => ({ planId: 99999 }), 'planId', 'not_found'),
    ],
    saveTriggers: [
      bad('no list', () => ({}), 'triggers'),
      bad('unknown plan', () => ({ planId: 99999, triggers: [] }), 'planId', 'not_found'),
      bad('unknown event', () => ({ triggers: [{ ...osc, event: 'lunch' }] }), 'triggers.0.event'),
      bad('unknown kind', () => ({ triggers: [{ ...osc, action: { kind: 'midi' } }] }), 'triggers.0.action.kind'),
      bad('OSC address without a slash', () => withAction({ address: 'go' }), 'triggers.0.action.address'),
      bad('port out of range', () => withAction({ port: 70000 }), 'triggers.0.action.port'),
      bad('host with a scheme', () => withAction({ host: 'http://deck' }), 'triggers.0.action.host'),
      bad('misspelt field', () => withAction({ args: ['{artsit}'] }), 'triggers.0.action.args.0'),
      bad('name too long', () => ({ triggers: [{ ...osc, name: long(120) }] }), 'triggers.0.name'),
      bad(
        'HTTP body that is not JSON',
        () => ({ triggers: [{ ...osc, action: { kind: 'http', url: 'http://127.0.0.1:9/go', body: '{"artist": {artist}' } }] }),
        'triggers.0.action.body',
      ),
      bad('HTTP address without a scheme', () => ({ triggers: [{ ...osc, action: { kind: 'http', url: 'deck.local/go' } }] }), 'triggers.0.action.url'),
      bad('HyperDeck without a command', () => ({ triggers: [{ ...osc, action: { kind: 'hyperdeck', host: '127.0.0.1' } }] }), 'triggers.0.action.command'),
    ],
    testTrigger: [
      bad('no trigger', () => ({}), 'trigger'),
      bad('unknown plan', () => ({ trigger: osc, planId: 99999 }), 'planId', 'not_found'),
    ],
    getTakeTriggers: [bad('no take', () => ({}), 'takeId'), bad('unknown take', () => ({ takeId: 99999 }), 'takeId', 'not_found')],
  },
  valid: {
    getTriggers: (ids) => ({ planId: ids.planId }),
    saveTriggers: () => ({ planId: null, triggers: [osc] }),
    testTrigger: (ids) => ({ trigger: osc, planId: ids.planId }),
    getTakeTriggers: (ids) => ({ takeId: ids.takeId }),
  },
};
