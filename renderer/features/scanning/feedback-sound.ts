/** Distinct sounds a packer can tell apart without looking: a short high beep, a low double buzz, a rising chime. */
export type FeedbackKind = 'good' | 'bad' | 'done';

interface Tone {
  frequency: number;
  startMs: number;
  durationMs: number;
  wave: OscillatorType;
}

const tones: Record<FeedbackKind, Tone[]> = {
  good: [{ frequency: 1760, startMs: 0, durationMs: 70, wave: 'sine' }],
  bad: [
    { frequency: 196, startMs: 0, durationMs: 180, wave: 'square' },
    { frequency: 196, startMs: 240, durationMs: 180, wave: 'square' },
  ],
  done: [
    { frequency: 1047, startMs: 0, durationMs: 90, wave: 'sine' },
    { frequency: 1319, startMs: 100, durationMs: 90, wave: 'sine' },
    { frequency: 1568, startMs: 200, durationMs: 160, wave: 'sine' },
  ],
};

let context: AudioContext | null = null;

export function playFeedbackSound(kind: FeedbackKind): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const now = context.currentTime;
    for (const tone of tones[kind]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = tone.wave;
      oscillator.frequency.value = tone.frequency;
      const start = now + tone.startMs / 1000;
      const end = start + tone.durationMs / 1000;
      // A short ramp at both ends avoids the click of a hard start/stop.
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(0.25, start + 0.005);
      gain.gain.setValueAtTime(0.25, end - 0.01);
      gain.gain.linearRampToValueAtTime(0, end);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(end);
    }
  } catch {
    // No audio device: the colour still tells.
  }
}
