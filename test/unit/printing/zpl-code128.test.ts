import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCode128 } from '../../../electron/station/printing/barcode-symbols';
import { zplCode128Data } from '../../../electron/station/printing/zpl-code128';

/**
 * Reads ^BC field data as a ZPL printer does (invocation codes >; >: start in set C/B, >5 >6 switch, >< a literal '>'),
 * giving back the text the barcode carries and its width in modules.
 */
function readZplCode128(data: string): { text: string; modules: number } {
  let set: 'B' | 'C' = 'B';
  let text = '';
  let symbols = 2; // start and check
  for (let i = 0; i < data.length;) {
    if (data[i] === '>') {
      const code = data[i + 1];
      i += 2;
      if (code === '<') {
        text += '>';
        symbols++;
        continue;
      }
      if (code === ';' || code === '5') set = 'C';
      else if (code === ':' || code === '6') set = 'B';
      else throw new Error(`unexpected invocation code >${code}`);
      if (code === '5' || code === '6') symbols++;
      continue;
    }
    if (set === 'C') {
      const pair = data.slice(i, i + 2);
      if (!/^\d\d$/.test(pair)) throw new Error(`set C holds digit pairs, not ${JSON.stringify(pair)}`);
      text += pair;
      i += 2;
    } else {
      text += data[i];
      i += 1;
    }
    symbols++;
  }
  return { text, modules: symbols * 11 + 13 }; // and the stop symbol, 13 modules
}

describe('Code 128 data for ZPL ^BC', () => {
  it('puts the SKU in set C except the dash and the odd digit, exactly as wide as the PDF barcode', () => {
    const data = zplCode128Data('300001289771-00003');
    expect(data).toBe('>;300001289771>6-0>50003');
    expect(readZplCode128(data)).toEqual({ text: '300001289771-00003', modules: encodeCode128('300001289771-00003').widthModules });
  });

  it('carries every SKU exactly, at the width bwip-js gives it', () => {
    const sku = fc.tuple(fc.stringMatching(/^3\d{11}$/), fc.stringMatching(/^\d{5}$/)).map(([inventory, option]) => `${inventory}-${option}`);
    fc.assert(
      fc.property(sku, (text) => {
        expect(readZplCode128(zplCode128Data(text))).toEqual({ text, modules: encodeCode128(text).widthModules });
      }),
      { numRuns: 50 },
    );
  });

  it("carries any printable ASCII text exactly, including ZPL's own > character", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{1,30}$/), (text) => {
        expect(readZplCode128(zplCode128Data(text)).text).toBe(text);
      }),
    );
    expect(zplCode128Data('A>B')).toBe('>:A><B');
  });

  it('refuses text Code 128 set B cannot carry', () => {
    expect(() => zplCode128Data('日本')).toThrow(/printable ASCII/);
  });
});
