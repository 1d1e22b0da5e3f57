/** Short cue tones through Web Audio: pips in the last five seconds, a longer tone at GO. */
let context: AudioContext | null = null;

/** Browsers start audio only after a gesture: call this from the click that turns beeps on. */
export function unlockAudio(): void {
  context ??= new AudioContext();
  void context.resume();
}

export function beep(kind: 'pip' | 'go'): void {
  if (!context || context.state !== 'running') return;
  const osc = context.createOscillator();
  const gain = context.createGain();
  const length = kind === 'go' ? 0.6 : 0.12;
  osc.frequency.value = kind === 'go' ? 1320 : 880;
  gain.gain.setValueAtTime(0.25, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + length);
  osc.connect(gain).connect(context.destination);
  osc.start();
  osc.stop(context.currentTime + length);
}
