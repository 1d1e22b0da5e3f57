import { useState } from 'react';
import { api } from '../../api/client';
import { attempt } from '../../stores/data';
import { useReadiness, useRuntime } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import { HoldBanner } from './HoldBanner';
import { ReadinessStrip } from './ReadinessStrip';

/** The go / no-go board with its auto-hold setting. */
export function ReadinessPanel() {
  const t = useT();
  const board = useReadiness();
  const [holdAt, setHoldAt] = useState('10');
  const holdAtMs = board?.holdAtMs;
  // The field follows the host's value when it changes (set during render, not in an effect).
  const [followed, setFollowed] = useState(holdAtMs);
  if (followed !== holdAtMs) {
    setFollowed(holdAtMs);
    if (holdAtMs !== undefined) setHoldAt(String(Math.round(holdAtMs / 1000)));
  }
  if (!board) return null;
  const save = (autoHold: boolean, seconds: string) =>
    void attempt(() => api.setReadinessOptions({ autoHold, holdAtSeconds: Number(seconds) })).then((readiness) => readiness && useRuntime.setState({ readiness }));
  return (
    <section className="panel" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('ready.board')}</h2>
      <HoldBanner variant="console" />
      <ReadinessStrip />
      <label className="checkbox">
        <input type="checkbox" checked={board.autoHold} onChange={(e) => save(e.target.checked, holdAt)} />
        {t('ready.autoHold')}
      </label>
      <label>
        {t('ready.holdAt')}
        <input
          type="number"
          min={1}
          max={600}
          value={holdAt}
          onChange={(e) => setHoldAt(e.target.value)}
          onBlur={() => holdAt !== String(Math.round(board.holdAtMs / 1000)) && save(board.autoHold, holdAt)}
        />
      </label>
    </section>
  );
}
