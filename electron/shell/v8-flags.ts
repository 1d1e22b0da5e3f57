import type { App } from 'electron';
import { HOST_NODE_FLAGS } from '../host/node-flags';

/**
 * The desktop app's main process runs the core, so it needs the host's V8 flags
 * (host/node-flags.ts) as much as `npm run serve` does. Electron takes main-process V8 flags only
 * from `--js-flags` on its own command line, read once as it starts: `npm start` passes them, but a
 * packaged app is started by the system with no arguments. So a main process started without them
 * starts itself over once, with them, before it opens anything (the store, the instance lock, a
 * window). The marker keeps that to one try: a second start still without them says so and goes on.
 */
export const RELAUNCHED_MARKER = '--cuelight-relaunched';

/** The V8 flags in a `--js-flags` value (flags are separated by spaces). */
function flagsIn(jsFlags: string): string[] {
  return jsFlags.split(/\s+/).filter(Boolean);
}

/** The host flags a `--js-flags` value lacks. */
export function missingMainFlags(jsFlags: string): string[] {
  const present = flagsIn(jsFlags);
  return HOST_NODE_FLAGS.filter((flag) => !present.includes(flag));
}

export type FlagsDecision =
  | { kind: 'ready' }
  /** Start over with these arguments (the executable's own path not among them). */
  | { kind: 'relaunch'; args: string[] }
  /** Already started over once and still without them: go on, and say which are missing. */
  | { kind: 'without'; missing: string[] };

/**
 * What a main process started with `argv` (process.argv: the executable first) and `jsFlags`
 * (Chromium's `--js-flags` value, empty when absent) should do. The relaunch keeps every argument
 * but an old `--js-flags` (its flags carry over into the new one) and puts the switches first, before
 * any app path or file a person opened with it.
 */
export function mainFlagsDecision(argv: readonly string[], jsFlags: string): FlagsDecision {
  const missing = missingMainFlags(jsFlags);
  if (missing.length === 0) return { kind: 'ready' };
  if (argv.includes(RELAUNCHED_MARKER)) return { kind: 'without', missing };
  const kept = argv.slice(1).filter((arg) => !arg.startsWith('--js-flags'));
  const flags = [...flagsIn(jsFlags), ...missing].join(' ');
  return { kind: 'relaunch', args: [`--js-flags=${flags}`, RELAUNCHED_MARKER, ...kept] };
}

type FlagsApp = Pick<App, 'relaunch' | 'exit'> & { commandLine: Pick<App['commandLine'], 'getSwitchValue' | 'removeSwitch'> };

/**
 * Call first thing in the main process. True when it is starting over (it has asked Electron to
 * start it again and exits now): do nothing else. Either way the switch is then taken off the
 * command line Chromium hands to the windows' renderers, which keep their own, tuned V8 defaults:
 * the flags were measured on the host's loop, not on a page drawing the countdown.
 */
export function ensureMainFlags(app: FlagsApp, argv: readonly string[], env: NodeJS.ProcessEnv = process.env, warn: (line: string) => void = console.warn): boolean {
  const decision = mainFlagsDecision(argv, app.commandLine.getSwitchValue('js-flags'));
  if (decision.kind === 'relaunch') {
    // An AppImage runs from a mount that goes away when it exits: start the image itself again.
    app.relaunch({ args: decision.args, ...(env.APPIMAGE ? { execPath: env.APPIMAGE } : {}) });
    app.exit(0);
    return true;
  }
  if (decision.kind === 'without') {
    warn(`Started without ${decision.missing.join(' ')} even after starting over with them: V8's memory compaction and its collecting for background work may pause the countdown 10-30 ms.`);
  }
  app.commandLine.removeSwitch('js-flags');
  return false;
}
