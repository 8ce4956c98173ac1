/**
 * ^FD data for ZPL's ^BC (Code 128) with the code sets chosen here, written with ZPL's invocation codes (>; start in
 * set C, >: start in set B, >5 switch to C, >6 switch to B). Zebra's own "automatic" mode exists only on newer
 * firmware and may pick a different, wider encoding; choosing here keeps the symbol exactly as wide as the one in the
 * PDF (bwip-js optimises the same way), which the 50 mm label needs.
 *
 * The rule (ISO/IEC 15417 annex E, minimal form): digits go in set C, two to a symbol, when there are at least four
 * of them at the start or end of the data or six in the middle; an odd run gives its first digit to set B.
 */
export function zplCode128Data(text: string): string {
  if (!/^[\x20-\x7e]+$/.test(text)) throw new Error(`Code 128 here takes printable ASCII only, not ${JSON.stringify(text)}`);
  const runs = text.match(/\d+|\D+/g) ?? [];
  let set: 'B' | 'C' | null = null;
  let out = '';
  const switchTo = (next: 'B' | 'C'): void => {
    if (set === next) return;
    out += set === null ? (next === 'C' ? '>;' : '>:') : next === 'C' ? '>5' : '>6';
    set = next;
  };

  runs.forEach((run, index) => {
    const atEdge = index === 0 || index === runs.length - 1;
    const isDigits = /^\d/.test(run);
    if (isDigits && (run.length >= (atEdge ? 4 : 6) || (runs.length === 1 && run.length % 2 === 0))) {
      if (run.length % 2 === 1) {
        // The odd digit goes in set B: first when more text came before, last when the data starts with these digits.
        if (index === 0) {
          switchTo('C');
          out += run.slice(0, -1);
          switchTo('B');
          out += run.slice(-1);
          return;
        }
        switchTo('B');
        out += run[0];
        run = run.slice(1);
      }
      switchTo('C');
      out += run;
      return;
    }
    switchTo('B');
    out += run.replaceAll('>', '><');
  });
  return out;
}
