import type { CountdownSnapshot } from '../../../shared/api';

/** One OSC message mapped to a contract call, or to a first press that waits for its second. */
export type OscCall =
  | { kind: 'call'; method: 'countdownCommand' | 'addTakeMark' | 'setTakeOutcome'; input: unknown }
  | { kind: 'confirm'; what: string }
  | { kind: 'refused'; reason: string };

/** A second press within this long confirms a command the console asks about (Go now; reset mid-take). */
export const CONFIRM_WINDOW_MS = 3_000;

const PREFIX = '/cuelight/';
export const OSC_ADDRESSES = ['arm', 'start', 'pause', 'resume', 'toggle', 'adjust', 'gonow', 'end', 'restart', 'reset', 'mark', 'outcome'] as const;

const refused = (reason: string): OscCall => ({ kind: 'refused', reason });
const countdown = (input: Record<string, unknown>): OscCall => ({ kind: 'call', method: 'countdownCommand', input });

/**
 * The console's commands as OSC addresses. The host's own rules (the countdown engine, the
 * contract's validation) decide the rest, exactly as for the console's buttons; what the
 * console asks to confirm, OSC confirms with the same address sent twice.
 */
export class OscCommands {
  private armedConfirm: { what: string; at: number } | null = null;

  map(address: string, args: unknown[], snapshot: CountdownSnapshot, now: number): OscCall {
    if (!address.startsWith(PREFIX)) return refused(`Unknown address ${address}: use ${PREFIX}<command>`);
    const command = address.slice(PREFIX.length).toLowerCase();
    const confirmed = this.armedConfirm?.what === command && now - this.armedConfirm.at <= CONFIRM_WINDOW_MS;
    this.armedConfirm = null;
    const twoStep = (input: Record<string, unknown>): OscCall => {
      if (confirmed) return countdown(input);
      this.armedConfirm = { what: command, at: now };
      return { kind: 'confirm', what: command };
    };
    switch (command) {
      case 'arm': {
        const planId = Number(args[0]);
        if (!Number.isInteger(planId) || planId < 1) return refused('arm needs the plan id as its first argument, e.g. /cuelight/arm 3');
        return countdown({ type: 'arm', planId, rehearsal: Number(args[1] ?? 0) === 1 });
      }
      case 'start':
      case 'pause':
      case 'resume':
      case 'end':
      case 'restart':
        return countdown({ type: command });
      case 'toggle':
        return countdown({ type: snapshot.phase === 'counting' ? 'pause' : snapshot.phase === 'paused' ? 'resume' : 'start' });
      case 'adjust': {
        const seconds = Number(args[0]);
        if (!Number.isFinite(seconds) || seconds === 0) return refused('adjust needs seconds to add or take away, e.g. /cuelight/adjust -10');
        return countdown({ type: 'adjust', deltaMs: Math.round(seconds * 1000) });
      }
      case 'gonow':
        return twoStep({ type: 'goNow' });
      case 'reset':
        // Show mode, as in the console: only a running take needs the second press.
        return snapshot.phase === 'go' ? twoStep({ type: 'reset' }) : countdown({ type: 'reset' });
      case 'mark':
        if (snapshot.takeId === null) return refused('mark needs a running take');
        return { kind: 'call', method: 'addTakeMark', input: { takeId: snapshot.takeId, note: String(args[0] ?? '') } };
      case 'outcome': {
        if (snapshot.takeId === null) return refused('outcome needs a take: log it while the take runs or before the next one is armed');
        const outcome = String(args[0] ?? '');
        const reason = args[1] === undefined ? {} : { failureReason: String(args[1]) };
        return { kind: 'call', method: 'setTakeOutcome', input: { id: snapshot.takeId, outcome, ...(outcome === 'failed' ? reason : {}) } };
      }
      default:
        return refused(`Unknown command ${address}: use one of ${OSC_ADDRESSES.map((a) => PREFIX + a).join(', ')}`);
    }
  }
}
