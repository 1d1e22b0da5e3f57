import { create } from 'zustand';
import { z } from 'zod';
import { FRAME_RATES, type FrameRate } from '../../../shared/timecode';
import { readStored } from '../../api/stored';

/** Per-display choices, kept on that display: a monitor by the stage may beep, the console's preview never. */
export interface StageOptions {
  beeps: boolean;
  /** Elapsed take time as m:ss, or as SMPTE timecode for crews matching footage. */
  timecode: boolean;
  frameRate: FrameRate;
  showTimeOfDay: boolean;
}

const KEY = 'cuelight.stageOptions';
const DEFAULTS: StageOptions = { beeps: false, timecode: false, frameRate: '25', showTimeOfDay: false };

const stored = z.object({
  beeps: z.boolean(),
  timecode: z.boolean(),
  frameRate: z.enum(FRAME_RATES.map((option) => option.rate) as [FrameRate, ...FrameRate[]]),
  showTimeOfDay: z.boolean(),
});

function load(): StageOptions {
  return { ...DEFAULTS, ...readStored(KEY, stored) };
}

export const useStageOptions = create<StageOptions>(() => load());

export function setStageOption<K extends keyof StageOptions>(key: K, value: StageOptions[K]): void {
  useStageOptions.setState({ [key]: value } as Pick<StageOptions, K>);
  localStorage.setItem(KEY, JSON.stringify(useStageOptions.getState()));
}
