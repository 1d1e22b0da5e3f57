/** Parses "m:ss", "mm:ss" or plain seconds into milliseconds; null when it is not a time. */
export function parseCountdown(text: string): number | null {
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1] ?? 0);
  const seconds = Number(m[2]);
  if (m[1] !== undefined && seconds > 59) return null;
  return (minutes * 60 + seconds) * 1000;
}

export function formatCountdown(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
