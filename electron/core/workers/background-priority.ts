import os from 'node:os';

/** How much nicer than the loop a job worker runs (nice 10 beside a loop at 0: about 1/10 of its share). */
export const BACKGROUND_NICENESS = 10;
/** The nicest a thread can be. */
const NICEST = 19;

/**
 * Lowers the calling thread's scheduling priority, so a job worker (an import's parse, an export,
 * a backup, the review's cold load) waits for a core while the countdown's loop needs one. On a
 * two-core laptop a worker at the same priority as the loop takes its turns from it: the loop then
 * stalls for a scheduler slice (10–30 ms) though it has no long work of its own.
 *
 * Linux only: there a thread's nice value is its own (NPTL), and `setpriority(PRIO_PROCESS, 0)`,
 * which `os.setPriority(0, …)` calls, changes the calling thread alone. On macOS and Windows it
 * changes the whole process, the loop with it, so it is left alone there. Returns whether it lowered.
 */
export function lowerThisThreadsPriority(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    os.setPriority(0, Math.min(NICEST, os.getPriority(0) + BACKGROUND_NICENESS));
    return true;
  } catch {
    return false; // a sandbox that refuses it: the worker runs at the loop's priority, as before
  }
}
