/**
 * Durations as producers and crews type them: one grammar for the plan form, mark times and the
 * plan files (CSV), so what one accepts the others accept.
 *
 *   [[h:]m:]s[.fff]   "1:30", "90", "1:30:00", "240:00", "1:30.25"
 *
 * After a colon, minutes and seconds are 0–59; the first unit has no such limit ("120" is two
 * minutes, "240:00" four hours). Surrounding spaces are ignored.
 */
const GRAMMAR = /^(?:(?:(\d{1,2}):)?(\d{1,3}):)?(\d{1,5})(?:\.(\d{1,3}))?$/;

/** Milliseconds for a typed duration; null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = GRAMMAR.exec(text.trim());
  if (!m) return null;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3])];
  if ((m[2] !== undefined && seconds > 59) || (m[1] !== undefined && minutes > 59)) return null;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

/**
 * m:ss as producers write countdowns (minutes past 59 stay minutes: "240:00"). Exact: a fraction
 * of a second is kept ("1:30.5"), so whatever is written reads back as the same value.
 */
export function formatDuration(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const fraction = ms % 1000;
  const text = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  return fraction === 0 ? text : `${text}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}
