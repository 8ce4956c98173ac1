/** Why a scan is refused before any screen looks at its meaning. */
export type BadScanReason = 'empty' | 'control-characters' | 'too-long' | 'unfinished';

export const maxScanLength = 4096;

// GS (0x1D) is the GS1 field separator some scanners send inside a code; it is data, not garbage.
const forbiddenControl = /[\u0000-\u001C\u001E\u001F\u007F]/;

export function checkScanText(data: string): BadScanReason | null {
  if (data.length === 0) return 'empty';
  if (data.length > maxScanLength) return 'too-long';
  if (forbiddenControl.test(data)) return 'control-characters';
  return null;
}
