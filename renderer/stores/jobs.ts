import { create } from 'zustand';
import type { Events } from '../../shared/api';
import { onEvent } from '../api/client';

/** The long jobs a screen waits on: imports and exports, whose cost grows with the data. */
export type JobName = Events['progress']['job'] | 'exportTakes';

interface RunningJob {
  job: JobName;
  /** How far the host says it has got; absent until its first report (or for a job that sends none). */
  progress?: Events['progress'];
}

export const useJobs = create<{ running: RunningJob | null }>(() => ({ running: null }));

/** Runs a call as this screen's job, so its progress shows while it lasts. */
export async function asJob<T>(job: JobName, run: () => Promise<T>): Promise<T> {
  useJobs.setState({ running: { job } });
  try {
    return await run();
  } finally {
    useJobs.setState({ running: null });
  }
}

/** The host's reports reach only the job this screen started (another display's import is not ours). */
export function followJobProgress(): () => void {
  return onEvent('progress', (progress) => {
    const running = useJobs.getState().running;
    if (running?.job === progress.job) useJobs.setState({ running: { job: running.job, progress } });
  });
}
