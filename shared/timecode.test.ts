import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FRAME_RATES, framesFromMs, formatTimecode, timeOfDayTimecode, type FrameRate } from './timecode';

/** Exact frames-per-second fractions, kept apart from the module so the oracle is independent. */
const FPS: Record<FrameRate, [bigint, bigint]> = {
  '23.976': [24_000n, 1_001n],
  '24': [24n, 1n],
  '25': [25n, 1n],
  '29.97df': [30_000n, 1_001n],
  '30': [30n, 1n],
};
const ALL_RATES = FRAME_RATES.map((option) => option.rate);
const rateArb = fc.constantFrom(...ALL_RATES);

/** Real time in ms at which frame `n` begins, as an exact fraction num/den. */
function frameStartTimesNumDen(n: number, rate: FrameRate): { num: bigint; den: bigint } {
  const [fpsNum, fpsDen] = FPS[rate];
  return { num: BigInt(n) * fpsDen * 1_000n, den: fpsNum };
}

/** Standard inverse of drop-frame numbering: the frame count a 29.97 DF label stands for. */
function dropFrameLabelToFrames(label: string): number {
  const [hh, mm, ss, ff] = label.split(/[:;]/).map(Number) as [number, number, number, number];
  const totalMinutes = hh * 60 + mm;
  return (hh * 3_600 + mm * 60 + ss) * 30 + ff - 2 * (totalMinutes - Math.floor(totalMinutes / 10));
}

/** The ms at which frame `n` begins at 29.97, rounded up to a whole ms. */
function msOfDropFrame(n: number): number {
  return Math.ceil((n * 1_001) / 30);
}

describe('FRAME_RATES', () => {
  it('offers each rate once, with a label', () => {
    expect(ALL_RATES).toEqual(['23.976', '24', '25', '29.97df', '30']);
    for (const option of FRAME_RATES) expect(option.label.length).toBeGreaterThan(0);
  });
});

describe('framesFromMs', () => {
  it('counts whole frames at the true speed of each rate', () => {
    expect(framesFromMs(1_000, '25')).toBe(25);
    expect(framesFromMs(1_000, '24')).toBe(24);
    expect(framesFromMs(1_000, '30')).toBe(30);
    expect(framesFromMs(1_000, '23.976')).toBe(23);
    expect(framesFromMs(1_001, '23.976')).toBe(24);
    expect(framesFromMs(1_001, '29.97df')).toBe(30);
    expect(framesFromMs(1_000, '29.97df')).toBe(29);
  });

  it('treats negative and non-finite times as zero', () => {
    for (const rate of ALL_RATES) {
      expect(framesFromMs(-1, rate)).toBe(0);
      expect(framesFromMs(-86_400_000, rate)).toBe(0);
      expect(framesFromMs(Number.NaN, rate)).toBe(0);
    }
  });

  it('never shows a frame before it has begun, nor lags a whole frame behind', () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 0, max: 400_000_000 }), (rate, ms) => {
        const n = framesFromMs(ms, rate);
        const start = frameStartTimesNumDen(n, rate);
        const next = frameStartTimesNumDen(n + 1, rate);
        const t = BigInt(ms) * start.den;
        expect(start.num <= t).toBe(true);
        expect(next.num > t).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never shows a frame early for fractional milliseconds either', () => {
    expect(framesFromMs(39.9, '25')).toBe(0);
    fc.assert(
      fc.property(rateArb, fc.double({ min: 0, max: 1e8, noNaN: true }), (rate, ms) => {
        const [fpsNum, fpsDen] = FPS[rate];
        const n = framesFromMs(ms, rate);
        expect((n * Number(fpsDen) * 1_000) / Number(fpsNum)).toBeLessThanOrEqual(ms);
      }),
      { numRuns: 2_000 },
    );
  });

  it('stays exact for epoch-sized times', () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }), (rate, ms) => {
        const [fpsNum, fpsDen] = FPS[rate];
        expect(BigInt(framesFromMs(ms, rate))).toBe((BigInt(ms) * fpsNum) / (fpsDen * 1_000n));
      }),
    );
  });

  it('never goes backwards as time passes', () => {
    fc.assert(
      fc.property(rateArb, fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (rate, t, dt) => {
        expect(framesFromMs(t + dt, rate)).toBeGreaterThanOrEqual(framesFromMs(t, rate));
      }),
    );
  });
});

describe('formatTimecode', () => {
  it('writes non-drop rates with a colon before the frames', () => {
    expect(formatTimecode(0, '25')).toBe('00:00:00:00');
    expect(formatTimecode(1_000, '25')).toBe('00:00:01:00');
    expect(formatTimecode(999, '25')).toBe('00:00:00:24');
    expect(formatTimecode(3_723_040, '25')).toBe('01:02:03:01');
    expect(formatTimecode(1_000, '24')).toBe('00:00:01:00');
    expect(formatTimecode(1_999, '30')).toBe('00:00:01:29');
  });

  it('counts 23.976 as 24 frames per timecode second at the slower true speed', () => {
    expect(formatTimecode(1_001, '23.976')).toBe('00:00:01:00');
    expect(formatTimecode(1_000, '23.976')).toBe('00:00:00:23');
    // An hour of real time is 86,313 frames: the timecode runs 3.6 s slow.
    expect(formatTimecode(3_600_000, '23.976')).toBe('00:59:56:09');
  });

  it('writes drop-frame with a semicolon and skips frames 0 and 1 after most minutes', () => {
    expect(formatTimecode(msOfDropFrame(1_799), '29.97df')).toBe('00:00:59;29');
    expect(formatTimecode(msOfDropFrame(1_800), '29.97df')).toBe('00:01:00;02');
    expect(formatTimecode(msOfDropFrame(17_981), '29.97df')).toBe('00:09:59;29');
    expect(formatTimecode(msOfDropFrame(17_982), '29.97df')).toBe('00:10:00;00');
    expect(formatTimecode(msOfDropFrame(17_983), '29.97df')).toBe('00:10:00;01');
    expect(formatTimecode(msOfDropFrame(17_982 + 1_800), '29.97df')).toBe('00:11:00;02');
    // Drop-frame keeps the label in step with the clock: an hour of real time reads one hour.
    expect(formatTimecode(3_600_000, '29.97df')).toBe('01:00:00;00');
  });

  it('moves from 00:00:59;29 straight to 00:01:00;02 as real time passes', () => {
    const seen: string[] = [];
    for (let ms = 59_900; ms <= 60_200; ms += 1) {
      const label = formatTimecode(ms, '29.97df');
      if (seen.at(-1) !== label) seen.push(label);
    }
    const last = seen.indexOf('00:00:59;29');
    expect(last).toBeGreaterThanOrEqual(0);
    expect(seen[last + 1]).toBe('00:01:00;02');
  });

  it('never writes a dropped frame label, and every label maps back to its frame', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_589_407 }), (frame) => {
        const label = formatTimecode(msOfDropFrame(frame), '29.97df');
        const [, mm, ss, ff] = label.split(/[:;]/).map(Number) as [number, number, number, number];
        if (ss === 0 && mm % 10 !== 0) expect(ff).toBeGreaterThanOrEqual(2);
        expect(dropFrameLabelToFrames(label)).toBe(frame);
      }),
      { numRuns: 2_000 },
    );
  });

  it('always has the HH:MM:SS:FF shape with in-range fields', () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: -1_000_000, max: 10 * 86_400_000 }), (rate, ms) => {
        const label = formatTimecode(ms, rate);
        expect(label).toMatch(rate === '29.97df' ? /^\d\d:\d\d:\d\d;\d\d$/ : /^\d\d:\d\d:\d\d:\d\d$/);
        const [hh, mm, ss, ff] = label.split(/[:;]/).map(Number) as [number, number, number, number];
        expect(hh).toBeLessThan(24);
        expect(mm).toBeLessThan(60);
        expect(ss).toBeLessThan(60);
        expect(ff).toBeLessThan(rate === '25' ? 25 : rate === '23.976' || rate === '24' ? 24 : 30);
      }),
    );
  });

  it('clamps negative times to zero', () => {
    expect(formatTimecode(-5_000, '25')).toBe('00:00:00:00');
    expect(formatTimecode(-1, '29.97df')).toBe('00:00:00;00');
  });

  it('wraps hours at 24', () => {
    expect(formatTimecode(86_400_000, '25')).toBe('00:00:00:00');
    expect(formatTimecode(86_400_000 + 3_600_000, '30')).toBe('01:00:00:00');
    expect(formatTimecode(86_399_999, '25')).toBe('23:59:59:24');
    // 24 drop-frame hours are 2,589,408 frames.
    expect(formatTimecode(msOfDropFrame(2_589_408), '29.97df')).toBe('00:00:00;00');
    expect(formatTimecode(msOfDropFrame(2_589_407), '29.97df')).toBe('23:59:59;29');
  });
});

describe('timeOfDayTimecode', () => {
  const noonUtc = Date.UTC(2025, 5, 1, 12, 0, 0, 0);

  it('shows local wall-clock time for rates that keep real time', () => {
    expect(timeOfDayTimecode(noonUtc, 0, '25')).toBe('12:00:00:00');
    expect(timeOfDayTimecode(noonUtc + 1_040, 0, '25')).toBe('12:00:01:01');
    expect(timeOfDayTimecode(noonUtc, 540, '30')).toBe('21:00:00:00');
    expect(timeOfDayTimecode(noonUtc, -300, '24')).toBe('07:00:00:00');
    expect(timeOfDayTimecode(noonUtc, 720, '25')).toBe('00:00:00:00');
    expect(timeOfDayTimecode(Date.UTC(2025, 5, 1, 2, 30), -180, '25')).toBe('23:30:00:00');
  });

  it('counts from local midnight at the true speed for 29.97 DF and 23.976', () => {
    expect(timeOfDayTimecode(noonUtc, 0, '29.97df')).toBe(formatTimecode(12 * 3_600_000, '29.97df'));
    // Drop-frame drifts about a tenth of a frame per hour, so noon reads within two frames of it.
    expect(timeOfDayTimecode(noonUtc, 0, '29.97df')).toMatch(/^12:00:00;0[0-2]$/);
    expect(timeOfDayTimecode(noonUtc, 0, '23.976')).toBe(formatTimecode(12 * 3_600_000, '23.976'));
  });

  it('matches formatTimecode of the time since local midnight', () => {
    fc.assert(
      fc.property(
        rateArb,
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: -720, max: 840 }),
        (rate, epochMs, offset) => {
          const local = epochMs + offset * 60_000;
          const sinceMidnight = ((local % 86_400_000) + 86_400_000) % 86_400_000;
          expect(timeOfDayTimecode(epochMs, offset, rate)).toBe(formatTimecode(sinceMidnight, rate));
        },
      ),
    );
  });
});
