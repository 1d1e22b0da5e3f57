import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  advance,
  apply,
  CountdownRuleError,
  initialCountdown,
  readout,
  type CountdownCommand,
  type CountdownState,
  type Phase,
} from './countdown';

const T0 = 1_750_000_000_000;
const armCmd = (durationMs = 60_000): CountdownCommand => ({
  type: 'arm',
  planId: 7,
  durationMs,
  warningMs: 30_000,
  dangerMs: 10_000,
});

/** Applies commands in order, each at its own host time. */
function run(steps: [CountdownCommand, number][], from: CountdownState = initialCountdown): CountdownState {
  return steps.reduce((state, [command, now]) => apply(state, command, now), from);
}

const armed = () => run([[armCmd(), T0]]);
const counting = () => run([[armCmd(), T0], [{ type: 'start' }, T0]]);
const atGo = () => run([[armCmd(), T0], [{ type: 'start' }, T0], [{ type: 'goNow' }, T0 + 5_000]]);

function expectRefused(state: CountdownState, command: CountdownCommand, now: number): void {
  const snapshot = { ...state };
  expect(() => apply(state, command, now)).toThrow(CountdownRuleError);
  expect(state).toEqual(snapshot);
}

describe('countdown engine', () => {
  it('arming puts the full duration on standby', () => {
    const s = armed();
    expect(s.phase).toBe('standby');
    expect(s.run).toBe(1);
    expect(readout(s, T0 + 99_999)).toMatchObject({ phase: 'standby', remainingMs: 60_000, shownSeconds: 60, nextChangeAt: null });
  });

  it('start counts down to a deadline one duration away', () => {
    const s = counting();
    expect(s).toMatchObject({ phase: 'counting', deadline: T0 + 60_000, startedAt: T0 });
    expect(readout(s, T0 + 1)).toMatchObject({ remainingMs: 59_999, shownSeconds: 60 });
  });

  it('flips the shown second exactly at each whole-second boundary, never early', () => {
    const s = counting();
    for (let now = T0; now < T0 + 60_000; ) {
      const r = readout(s, now);
      expect(r.shownSeconds).toBe(Math.ceil((T0 + 60_000 - now) / 1000));
      const flip = r.nextChangeAt as number;
      expect(flip).toBe(T0 + 60_000 - (r.shownSeconds - 1) * 1000);
      expect(readout(s, flip - 1).shownSeconds).toBe(r.shownSeconds);
      const after = readout(s, flip);
      expect(after.phase === 'go' ? 0 : after.shownSeconds).toBe(r.shownSeconds - 1);
      now = flip;
    }
  });

  it('turns warning and danger exactly when the shown seconds reach the thresholds', () => {
    const zoneAt = (remainingMs: number) => readout(counting(), T0 + 60_000 - remainingMs).zone;
    expect([zoneAt(30_001), zoneAt(30_000), zoneAt(10_001), zoneAt(10_000), zoneAt(1)]).toEqual(['normal', 'warning', 'warning', 'danger', 'danger']);
  });

  it('pause freezes the readout; resume carries on from the frozen time', () => {
    const paused = apply(counting(), { type: 'pause' }, T0 + 12_345);
    const frozen = readout(counting(), T0 + 12_345);
    for (const later of [0, 1, 60_000, 3_600_000]) {
      const r = readout(paused, T0 + 12_345 + later);
      expect({ remainingMs: r.remainingMs, shownSeconds: r.shownSeconds, zone: r.zone }).toEqual({
        remainingMs: frozen.remainingMs,
        shownSeconds: frozen.shownSeconds,
        zone: frozen.zone,
      });
    }
    const resumed = apply(paused, { type: 'resume' }, T0 + 500_000);
    expect(readout(resumed, T0 + 500_000).remainingMs).toBe(47_655);
    expect(readout(resumed, T0 + 510_000).remainingMs).toBe(37_655);
  });

  it.each([10_000, -10_000, 60_000, -60_000])('adjust by %i ms moves the remaining time by exactly that', (deltaMs) => {
    const start = run([[armCmd(120_000), T0], [{ type: 'start' }, T0]]);
    const cases: [CountdownState, number][] = [
      [run([[armCmd(120_000), T0]]), T0 + 3_000],
      [start, T0 + 3_000],
      [apply(start, { type: 'pause' }, T0 + 3_000), T0 + 9_000],
    ];
    for (const [s, now] of cases) {
      const after = apply(s, { type: 'adjust', deltaMs }, now);
      expect(readout(after, now).remainingMs).toBe(readout(s, now).remainingMs + deltaMs);
    }
  });

  it('refuses an adjustment that would leave under one second, and keeps the state', () => {
    const s = counting();
    expectRefused(s, { type: 'adjust', deltaMs: -59_001 }, T0);
    expectRefused(s, { type: 'adjust', deltaMs: -10_000 }, T0 + 50_500);
    expect(readout(apply(s, { type: 'adjust', deltaMs: -59_000 }, T0), T0).remainingMs).toBe(1_000);
    expectRefused(armed(), { type: 'adjust', deltaMs: -60_000 }, T0);
    expectRefused(apply(s, { type: 'pause' }, T0 + 55_000), { type: 'adjust', deltaMs: -4_500 }, T0 + 56_000);
  });

  it('goes at the deadline itself, however late it is observed', () => {
    const s = counting();
    expect(readout(s, T0 + 59_999).phase).toBe('counting');
    expect(readout(s, T0 + 60_000)).toMatchObject({ phase: 'go', elapsedMs: 0, shownSeconds: 0, nextChangeAt: T0 + 61_000 });
    expect(advance(s, T0 + 95_000)).toMatchObject({ phase: 'go', goAt: T0 + 60_000 });
    const ended = apply(s, { type: 'end' }, T0 + 95_000);
    expect(ended).toMatchObject({ phase: 'ended', goAt: T0 + 60_000, endedAt: T0 + 95_000 });
  });

  it('after GO counts elapsed time up from zero, rounding down', () => {
    const s = counting();
    expect(readout(s, T0 + 60_999)).toMatchObject({ elapsedMs: 999, shownSeconds: 0 });
    expect(readout(s, T0 + 61_000)).toMatchObject({ elapsedMs: 1_000, shownSeconds: 1, nextChangeAt: T0 + 62_000 });
    expect(readout(s, T0 + 150_500).shownSeconds).toBe(90);
  });

  it('go now jumps to GO at the moment it is given', () => {
    const s = atGo();
    expect(s).toMatchObject({ phase: 'go', goAt: T0 + 5_000, startedAt: T0 });
    expect(readout(s, T0 + 7_500)).toMatchObject({ elapsedMs: 2_500, shownSeconds: 2 });
    expect(apply(armed(), { type: 'goNow' }, T0 + 9)).toMatchObject({ phase: 'go', goAt: T0 + 9, startedAt: T0 + 9 });
  });

  it('end records when the take ended and freezes the readout', () => {
    const ended = apply(atGo(), { type: 'end' }, T0 + 65_000);
    expect(ended).toMatchObject({ phase: 'ended', endedAt: T0 + 65_000 });
    expect(readout(ended, T0 + 999_999)).toMatchObject({ elapsedMs: 60_000, shownSeconds: 60, nextChangeAt: null });
  });

  it('restart returns to standby with the full duration under a new run number', () => {
    const adjusted = apply(counting(), { type: 'adjust', deltaMs: 60_000 }, T0 + 1_000);
    for (const s of [adjusted, apply(adjusted, { type: 'pause' }, T0 + 2_000), apply(atGo(), { type: 'end' }, T0 + 9_000)]) {
      const r = apply(s, { type: 'restart' }, T0 + 10_000);
      expect(r).toMatchObject({ phase: 'standby', remainingMs: 60_000, run: s.run + 1, goAt: null, startedAt: null });
    }
  });

  it('reset returns to idle from any phase', () => {
    for (const s of [armed(), counting(), atGo()]) {
      const r = apply(s, { type: 'reset' }, T0 + 10_000);
      expect(r.phase).toBe('idle');
      expect(readout(r, T0 + 10_000)).toMatchObject({ phase: 'idle', shownSeconds: 0 });
    }
  });

  const invalid: [string, () => CountdownState, CountdownCommand[]][] = [
    ['idle', () => initialCountdown, [{ type: 'start' }, { type: 'pause' }, { type: 'resume' }, { type: 'adjust', deltaMs: 10_000 }, { type: 'restart' }, { type: 'goNow' }, { type: 'end' }]],
    ['standby', armed, [{ type: 'pause' }, { type: 'resume' }, { type: 'end' }]],
    ['counting', counting, [armCmd(), { type: 'start' }, { type: 'resume' }, { type: 'end' }]],
    ['paused', () => apply(counting(), { type: 'pause' }, T0 + 1), [armCmd(), { type: 'start' }, { type: 'pause' }, { type: 'end' }]],
    ['go', atGo, [armCmd(), { type: 'start' }, { type: 'pause' }, { type: 'resume' }, { type: 'adjust', deltaMs: 10_000 }, { type: 'restart' }]],
    ['ended', () => apply(atGo(), { type: 'end' }, T0 + 6_000), [{ type: 'start' }, { type: 'pause' }, { type: 'resume' }, { type: 'adjust', deltaMs: 10_000 }, { type: 'goNow' }, { type: 'end' }]],
  ];
  it('treats Go now that arrives after zero as already done, keeping the true zero time', () => {
    const going = atGo();
    const late = apply(going, { type: 'goNow' }, T0 + 7_000);
    expect(late).toBe(going);
    expect(late.goAt).toBe(going.goAt);
  });

  it.each(invalid)('in %s, refuses commands that make no sense there', (_phase, make, commands) => {
    for (const command of commands) expectRefused(make(), command, T0 + 7_000);
  });
});

// ---- Properties over random command sequences on a manual clock ----

type Wait = { kind: 'ms'; ms: number } | { kind: 'toNextChange' | 'toDeadline'; offset: number };
const waitArb: fc.Arbitrary<Wait> = fc.oneof(
  fc.record({ kind: fc.constant('ms' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
  fc.record({ kind: fc.constantFrom('toNextChange' as const, 'toDeadline' as const), offset: fc.integer({ min: -1, max: 1 }) }),
);
const commandArb: fc.Arbitrary<CountdownCommand> = fc.oneof(
  fc.integer({ min: 0, max: 90_000 }).map((d) => armCmd(d)),
  fc.constantFrom<CountdownCommand>({ type: 'start' }, { type: 'pause' }, { type: 'resume' }, { type: 'restart' }, { type: 'goNow' }, { type: 'end' }, { type: 'reset' }),
  fc.constantFrom(10_000, -10_000, 60_000, -60_000).map((deltaMs): CountdownCommand => ({ type: 'adjust', deltaMs })),
  fc.integer({ min: -90_000, max: 90_000 }).map((deltaMs): CountdownCommand => ({ type: 'adjust', deltaMs })),
);
type Script = [Wait, CountdownCommand, number[]][];
const scriptArb: fc.Arbitrary<Script> = fc.array(fc.tuple(waitArb, commandArb, fc.array(fc.nat(1_000), { maxLength: 4 })), { maxLength: 40 });

/** How long a wait lasts from `now`, given the state in force; never negative. */
function waitLength(wait: Wait, state: CountdownState, now: number): number {
  if (wait.kind === 'ms') return wait.ms;
  const target = wait.kind === 'toDeadline' ? advance(state, now).deadline : readout(state, now).nextChangeAt;
  return target === null ? 0 : Math.max(0, target - now + wait.offset);
}

/** Runs a script, checking readouts between commands and GOs per run; `onCommand` sees each command. */
function drive(
  script: Script,
  onCommand: (before: CountdownState, after: CountdownState | null, command: CountdownCommand, now: number) => void,
): void {
  let state = initialCountdown;
  let now = T0;
  const goesPerRun = new Map<number, number>();
  let lastPhase: Phase = 'idle';
  let lastRun = 0;
  const observe = (s: CountdownState, at: number) => {
    const phase = advance(s, at).phase;
    if (phase === 'go' && (lastPhase !== 'go' || lastRun !== s.run)) goesPerRun.set(s.run, (goesPerRun.get(s.run) ?? 0) + 1);
    lastPhase = phase;
    lastRun = s.run;
  };
  for (const [wait, command, samples] of script) {
    const length = waitLength(wait, state, now);
    const times = [now, ...samples.map((x) => now + Math.floor((x / 1_000) * length)), now + length].sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      checkQuiet(state, times[i - 1] as number, times[i] as number);
      observe(state, times[i] as number);
    }
    now += length;
    const snapshot = { ...state };
    let after: CountdownState | null = null;
    try {
      after = apply(state, command, now);
    } catch (error) {
      expect(error).toBeInstanceOf(CountdownRuleError);
      expect(state).toEqual(snapshot);
    }
    onCommand(state, after, command, now);
    if (after) state = after;
    observe(state, now);
  }
  for (const count of goesPerRun.values()) expect(count).toBeLessThanOrEqual(1);
}

/** Between commands the readout moves only with the clock, in the direction expected. */
function checkQuiet(state: CountdownState, t1: number, t2: number): void {
  const a = readout(state, t1);
  const b = readout(state, t2);
  const dt = t2 - t1;
  if (a.phase === 'counting' && b.phase === 'counting') {
    expect(b.remainingMs).toBe(a.remainingMs - dt);
    expect(b.shownSeconds).toBeLessThanOrEqual(a.shownSeconds);
    if (a.nextChangeAt !== null && a.nextChangeAt - 1 >= t1 && a.nextChangeAt - 1 <= t2) {
      expect(readout(state, a.nextChangeAt - 1).shownSeconds).toBe(a.shownSeconds);
    }
  } else if (a.phase === 'counting' && b.phase === 'go') {
    // GO lands on the deadline, not on the moment it was noticed.
    expect(b.elapsedMs).toBe(dt - a.remainingMs);
    expect(a.shownSeconds).toBeGreaterThanOrEqual(1);
  } else if (a.phase === 'go') {
    expect(b.phase).toBe('go');
    expect(b.elapsedMs).toBe(a.elapsedMs + dt);
    expect(b.shownSeconds).toBeGreaterThanOrEqual(a.shownSeconds);
  } else {
    expect(b).toEqual(a);
  }
  if (a.nextChangeAt !== null) expect(a.nextChangeAt).toBeGreaterThan(t1);
  if (a.nextChangeAt !== null && a.nextChangeAt <= t2) expect(readout(state, a.nextChangeAt).shownSeconds).not.toBe(a.shownSeconds);
}

describe('countdown engine properties', () => {
  const opts = { numRuns: 400 };

  it('never jumps between commands, and GO happens at most once per run', () => {
    fc.assert(fc.property(scriptArb, (script) => drive(script, () => {})), opts);
  });

  it('pause freezes the readout exactly', () => {
    fc.assert(
      fc.property(scriptArb, fc.integer({ min: 0, max: 10_000_000 }), (script, later) =>
        drive(script, (before, after, command, now) => {
          if (command.type !== 'pause' || !after) return;
          const frozen = readout(before, now);
          for (const at of [now, now + later]) {
            const r = readout(after, at);
            expect([r.phase, r.remainingMs, r.shownSeconds, r.zone]).toEqual(['paused', frozen.remainingMs, frozen.shownSeconds, frozen.zone]);
          }
        }),
      ),
      opts,
    );
  });

  it('adjustments move the remaining time by exactly their amount, or are refused', () => {
    fc.assert(
      fc.property(scriptArb, (script) =>
        drive(script, (before, after, command, now) => {
          if (command.type !== 'adjust') return;
          const r = readout(before, now);
          const adjustable = r.phase === 'counting' || r.phase === 'paused' || r.phase === 'standby';
          const allowed = adjustable && r.remainingMs + command.deltaMs >= 1_000;
          expect(after !== null).toBe(allowed);
          if (after) expect(readout(after, now).remainingMs).toBe(r.remainingMs + command.deltaMs);
        }),
      ),
      opts,
    );
  });

  it('resume and start carry on from exactly the time left', () => {
    fc.assert(
      fc.property(scriptArb, (script) =>
        drive(script, (before, after, command, now) => {
          if ((command.type !== 'resume' && command.type !== 'start') || !after) return;
          expect(readout(after, now).remainingMs).toBe(readout(before, now).remainingMs);
        }),
      ),
      opts,
    );
  });
});
