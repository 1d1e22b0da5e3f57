/**
 * SMPTE timecode for crews matching footage to the take. Pure: frame counts come from elapsed
 * milliseconds at each rate's true speed, and a frame is shown only once it has begun.
 */

export type FrameRate = '23.976' | '24' | '25' | '29.97df' | '30';

export interface FrameRateOption {
  rate: FrameRate;
  /** Industry notation, the same in every language, so it is not translated. */
  label: string;
}

export const FRAME_RATES: readonly FrameRateOption[] = [
  { rate: '23.976', label: '23.976' },
  { rate: '24', label: '24' },
  { rate: '25', label: '25' },
  { rate: '29.97df', label: '29.97 DF' },
  { rate: '30', label: '30' },
];

interface RateSpec {
  /** Frames per second as the exact fraction num/den, so the arithmetic stays in integers. */
  num: number;
  den: number;
  /** Frames counted per timecode second. */
  base: number;
  dropFrame: boolean;
}

const RATE_SPECS: Record<FrameRate, RateSpec> = {
  '23.976': { num: 24_000, den: 1_001, base: 24, dropFrame: false },
  '24': { num: 24, den: 1, base: 24, dropFrame: false },
  '25': { num: 25, den: 1, base: 25, dropFrame: false },
  '29.97df': { num: 30_000, den: 1_001, base: 30, dropFrame: true },
  '30': { num: 30, den: 1, base: 30, dropFrame: false },
};

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Drop-frame at 29.97: two frame numbers skipped each minute, except every tenth minute. */
const DF_DROPPED_PER_MINUTE = 2;
const DF_FRAMES_PER_MINUTE = 30 * 60 - DF_DROPPED_PER_MINUTE;
const DF_FRAMES_PER_TEN_MINUTES = DF_FRAMES_PER_MINUTE * 10 + DF_DROPPED_PER_MINUTE;

/** Number of whole frames that have begun by `ms` (negative times count as zero). */
export function framesFromMs(ms: number, rate: FrameRate): number {
  const spec = RATE_SPECS[rate];
  // Flooring ms first keeps the arithmetic in integers, so the frame can never be shown early.
  const wholeMs = Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0;
  const msPerCycle = spec.den * 1_000;
  // Whole cycles first, so epoch-sized inputs never overflow exact integer range.
  const cycles = Math.floor(wholeMs / msPerCycle);
  const rest = wholeMs - cycles * msPerCycle;
  return cycles * spec.num + Math.floor((rest * spec.num) / msPerCycle);
}

/** Frame number as written on the timecode: drop-frame skips labels, not frames. */
function frameLabelNumber(frames: number, spec: RateSpec): number {
  if (!spec.dropFrame) return frames;
  const tenMinuteBlocks = Math.floor(frames / DF_FRAMES_PER_TEN_MINUTES);
  const intoBlock = frames % DF_FRAMES_PER_TEN_MINUTES;
  // The block's first minute keeps frames 0 and 1; each later minute drops them.
  const droppedInBlock =
    intoBlock < DF_DROPPED_PER_MINUTE
      ? 0
      : DF_DROPPED_PER_MINUTE * Math.floor((intoBlock - DF_DROPPED_PER_MINUTE) / DF_FRAMES_PER_MINUTE);
  return frames + tenMinuteBlocks * DF_DROPPED_PER_MINUTE * 9 + droppedInBlock;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function formatFrames(frames: number, spec: RateSpec): string {
  const label = frameLabelNumber(frames, spec);
  const ff = label % spec.base;
  const totalSeconds = Math.floor(label / spec.base);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3_600) % 24;
  const separator = spec.dropFrame ? ';' : ':';
  return `${two(hh)}:${two(mm)}:${two(ss)}${separator}${two(ff)}`;
}

/** 'HH:MM:SS:FF', or 'HH:MM:SS;FF' for drop-frame, for `ms` since the take's zero. */
export function formatTimecode(ms: number, rate: FrameRate): string {
  const spec = RATE_SPECS[rate];
  return formatFrames(framesFromMs(ms, rate), spec);
}

/**
 * Time-of-day timecode as a generator jammed at local midnight would show it. At 23.976 that
 * runs 0.1% slow, falling 3.6 s behind the wall clock per hour, like any free-running 23.976 clock.
 */
export function timeOfDayTimecode(epochMs: number, tzOffsetMinutes: number, rate: FrameRate): string {
  const localMs = epochMs + tzOffsetMinutes * MS_PER_MINUTE;
  const sinceMidnight = ((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return formatTimecode(sinceMidnight, rate);
}
