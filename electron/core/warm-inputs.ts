import { methods } from '../../shared/api';
import type { MethodName } from '../../shared/api';

/**
 * One valid input of each kind an operator, a crew member or a department sends while a countdown
 * counts. zod builds an object's parser on its first use (and V8 compiles the code it runs then):
 * the host's first arm, start and +1 s spent ~7 ms of the day's first countdown in validation alone.
 * The ids need not exist: only the shapes are checked here, and nothing is run.
 */
const SHOW_TIME_INPUTS: ReadonlyArray<readonly [MethodName, unknown]> = [
  ['countdownCommand', { type: 'arm', planId: 1 }],
  ['countdownCommand', { type: 'arm', planId: 1, rehearsal: true }],
  ...(['start', 'pause', 'resume', 'restart', 'goNow', 'end', 'reset'] as const).map((type) => ['countdownCommand', { type }] as const),
  ['countdownCommand', { type: 'adjust', deltaMs: 1000 }],
  ['setStageMessage', { text: 'Stand by' }],
  ['setMyReadiness', { token: 'warm-up-token-0000', ready: true }],
  ['setTakeOutcome', { id: 1, outcome: 'succeeded' }],
  ['setTakeOutcome', { id: 1, outcome: 'failed', failureReason: 'camera', note: 'Warm-up' }],
  ['addTakeMark', { takeId: 1, atMs: 1000, note: 'Warm-up' }],
];

/**
 * Parses each show-time input once, one a turn of the loop (the longest, the first arm, ~2 ms), so
 * a client's request is never queued behind more than one. Returns a stop for a core that closes first.
 */
export function warmShowTimeInputs(): () => void {
  let next = 0;
  let timer: NodeJS.Immediate | null = null;
  const step = () => {
    const [name, input] = SHOW_TIME_INPUTS[next++]!;
    if (!methods[name].input.safeParse(input).success) console.error(`warm-up: the sample ${name} input no longer fits its schema`);
    timer = next < SHOW_TIME_INPUTS.length ? setImmediate(step) : null;
  };
  timer = setImmediate(step);
  return () => {
    if (timer) clearImmediate(timer);
    timer = null;
  };
}

/** The samples, for the tests: each must fit its method's schema, or the warm-up runs another path. */
export function showTimeSamples(): ReadonlyArray<readonly [MethodName, unknown]> {
  return SHOW_TIME_INPUTS;
}
