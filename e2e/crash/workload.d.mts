/** Types for ./workload.mjs (plain JS, so the benchmark can run it without a TypeScript step). */
export interface CrashHost {
  url: string;
  /** SIGKILL, then resolve once the process has exited. */
  kill(): Promise<void>;
}

export interface CrashTally {
  seed: number;
  kills: number;
  /** Kills that landed while at least one request was on the wire. */
  midRequest: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  integrityFailures: number;
  interruptedChecked: number;
  notInterrupted: number;
  badBackups: number;
  problems: string[];
}

export function runCrashRounds(options: {
  kills: number;
  start: (dataDir: string, options: { demo: boolean }) => Promise<CrashHost>;
  token: string;
  seed?: number;
  minMs?: number;
  maxMs?: number;
  log?: (line: string) => void;
  /** An empty folder to use (removed at the end); a fresh temp dir by default. */
  dataDir?: string;
}): Promise<CrashTally>;
