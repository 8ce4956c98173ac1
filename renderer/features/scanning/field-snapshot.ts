/** The text of the focused field before a burst began, so a burst that turns out to be a scan can be taken back out. */
export interface FieldSnapshot {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

export function snapshotFocusedField(): FieldSnapshot | null {
  const field = document.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return null;
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = field.selectionStart;
    selectionEnd = field.selectionEnd;
  } catch {
    // Inputs such as type=number have no selection.
  }
  return { field, value: field.value, selectionStart, selectionEnd };
}

/**
 * Puts the field back as it was. Goes through the native value setter and an `input` event so React's controlled
 * inputs see the change too (setting `.value` alone is invisible to them).
 */
export function restoreField(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  if (field.value === snapshot.value) return;
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, snapshot.value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // Not every input type keeps a selection.
    }
  }
}
