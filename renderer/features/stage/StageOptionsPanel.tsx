import { useState } from 'react';
import { FRAME_RATES } from '../../../shared/timecode';
import type { FrameRate } from '../../../shared/timecode';
import { useT } from '../../stores/ui';
import { setStageOption, useStageOptions } from './stageOptions';
import { unlockAudio } from './beeper';

/** This display's own settings: beeps, timecode and time of day. Hidden until the pointer moves. */
export function StageOptionsPanel() {
  const t = useT();
  const options = useStageOptions();
  const [open, setOpen] = useState(false);
  return (
    <div className="stage-options" onClick={(e) => e.stopPropagation()}>
      <button type="button" className="stage-corner-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('stage.options')}
      </button>
      {open && (
        <div className="stage-options-panel" role="group" aria-label={t('stage.options')}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={options.beeps}
              onChange={(e) => {
                if (e.target.checked) unlockAudio();
                setStageOption('beeps', e.target.checked);
              }}
            />
            {t('stage.beeps')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={options.showTimeOfDay} onChange={(e) => setStageOption('showTimeOfDay', e.target.checked)} />
            {t('stage.showTimeOfDay')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={options.timecode} onChange={(e) => setStageOption('timecode', e.target.checked)} />
            {t('stage.timecode')}
          </label>
          <label>
            {t('stage.frameRate')}
            <select value={options.frameRate} disabled={!options.timecode} onChange={(e) => setStageOption('frameRate', e.target.value as FrameRate)}>
              {FRAME_RATES.map((r) => (
                <option key={r.rate} value={r.rate}>{r.label}</option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
