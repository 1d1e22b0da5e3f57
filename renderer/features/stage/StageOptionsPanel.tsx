import { useState } from 'react';
import { FRAME_RATES } from '../../../shared/timecode';
import type { FrameRate } from '../../../shared/timecode';
import { useT } from '../../stores/ui';
import { setStageOption, useStageOptions } from './stageOptions';
import { unlockAudio } from './beeper';
import { DEVICE_ROLES, DEVICE_NAME_MAX } from '../../../shared/contract/network';
import { setDevice, useDevice } from '../../api/device';

/** This display's own settings: beeps, timecode and time of day. Hidden until the pointer moves. */
export function StageOptionsPanel() {
  const t = useT();
  const options = useStageOptions();
  const [open, setOpen] = useState(false);
  const device = useDevice();
  return (
    <div className="stage-options" onClick={(e) => e.stopPropagation()}>
      <button type="button" className="stage-corner-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('stage.options')}
      </button>
      {open && (
        <div className="stage-options-panel" role="group" aria-label={t('stage.options')}>
          <label>
            {t('network.deviceName')}
            <input value={device.name} maxLength={DEVICE_NAME_MAX} onChange={(e) => setDevice({ name: e.target.value })} />
          </label>
          <label>
            {t('network.deviceRole')}
            <select value={device.role} onChange={(e) => setDevice({ role: e.target.value as (typeof DEVICE_ROLES)[number] })}>
              {DEVICE_ROLES.map((r) => (
                <option key={r} value={r}>{t(`network.role.${r}`)}</option>
              ))}
            </select>
          </label>
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
