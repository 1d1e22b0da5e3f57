import os from 'node:os';

/** The nicest a thread can be: it runs on CPU time no one else at a higher priority wants. */
export const LOWEST_PRIORITY = 19;

/**
 * The review's thread (workers/review.worker.ts): crew wait for its answers, so it does not queue
 * behind an export or a backup at 19, yet the countdown's thread (0) still gets ~10 times its
 * share of a busy core (CFS weights 1024 against 110).
 */
export const REVIEW_PRIORITY = 10;

/**
 * Called by every job worker as its job starts (workers/answer.ts). On Linux a thread has its own
 * nice value (NPTL), and `os.setPriority(0, …)` (setpriority(PRIO_PROCESS, 0)) changes the calling
 * thread alone: at the lowest priority, a worker's long job (an import's parse, an export, a
 * backup, the review's cold load) takes only CPU time the countdown's thread leaves over, instead
 * of sharing a busy machine's cores with it equally. On macOS and Windows the call would lower the
 * whole process, countdown included, so it is skipped there. Returns whether it lowered.
 */
export function yieldTheCpuToTheLoop(platform: NodeJS.Platform = process.platform, nice = LOWEST_PRIORITY): boolean {
  if (platform !== 'linux') return false;
  try {
    os.setPriority(0, nice);
    return true;
  } catch {
    return false; // a sandbox may forbid it; the job still runs, at normal priority
  }
}
