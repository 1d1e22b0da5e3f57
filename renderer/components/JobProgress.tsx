import { useEffect, useState } from 'react';
import { followJobProgress, useJobs, type JobName } from '../stores/jobs';
import { useT } from '../stores/ui';

/** What each step says; the host reports checking, waiting and writing for imports, exporting for exports. */
const STEP_TEXT = {
  checking: 'job.importPlans.checking',
  waiting: 'job.importPlans.waiting',
  writing: 'job.importPlans.writing',
  exporting: 'job.exportPlans.exporting',
} as const;

/** A job quicker than this needs no progress: showing it would only flicker. */
const SHOW_AFTER_MS = 400;

/** Shows how far an import or export has got, once it takes more than a moment. */
export function JobProgress({ jobs }: { jobs: JobName[] }) {
  const t = useT();
  const running = useJobs((s) => s.running);
  const [shown, setShown] = useState(false);
  useEffect(() => followJobProgress(), []);
  const mine = running !== null && jobs.includes(running.job);
  // A new job starts hidden again: reset while rendering, not in an effect (no extra render pass).
  const [shownFor, setShownFor] = useState<string | null>(null);
  const current = mine ? running.job : null;
  if (shownFor !== current) {
    setShownFor(current);
    setShown(false);
  }
  useEffect(() => {
    if (!current) return undefined;
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [current]);
  if (!mine || !shown) return null;
  const progress = running.progress;
  const label = progress
    ? t(STEP_TEXT[progress.step], { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() })
    : t(`job.${running.job}`);
  return (
    <div className="job-progress" role="status">
      <span>{label}</span>
      {/* Waiting for the countdown has no amount done: the bar moves without a value, as before the first report. */}
      {progress && progress.step !== 'waiting' ? <progress max={progress.total} value={progress.done} aria-label={label} /> : <progress aria-label={label} />}
    </div>
  );
}
