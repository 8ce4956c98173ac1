import type { Symbology } from '../../../shared/scanning/aim';

/**
 * SNAPI code types, from the "Symbology Types" (ST_*) constants of Zebra's Scanner SDK
 * (github.com/zebra-technologies/Scanner-SDK-for-Windows-Code-Snippets, CPP/EnableDisableScanner/common_defs.h).
 * Only types whose family we are sure of are mapped; postal codes, Code 11, MSI, composites and the like
 * stay 'unknown'.
 */
const symbologyBySnapiCodeType: ReadonlyMap<number, Symbology> = new Map<number, Symbology>([
  [0x01, 'code39'], // ST_CODE_39
  [0x13, 'code39'], // ST_C39FULL (full ASCII)
  [0x02, 'codabar'], // ST_CODABAR
  [0x18, 'codabar'], // ST_NW7: NW-7 is the Japanese name of Codabar (our tracking-number labels)
  [0x03, 'code128'], // ST_CODE_128
  [0x0f, 'code128'], // ST_EAN128 (GS1-128)
  [0x19, 'code128'], // ST_ISBT128
  [0x06, 'itf'], // ST_I2OF5
  [0x07, 'code93'], // ST_CODE93
  [0x08, 'ean-upc'], // ST_UPCA
  [0x09, 'ean-upc'], // ST_UPCE0
  [0x0a, 'ean-upc'], // ST_EAN8
  [0x0b, 'ean-upc'], // ST_EAN13 (JAN)
  [0x10, 'ean-upc'], // ST_UPCE1
  [0x16, 'ean-upc'], // ST_BOOKLAND (ISBN as EAN-13)
  [0x48, 'ean-upc'], // ST_UPCA_2 (with 2-digit add-on)
  [0x49, 'ean-upc'], // ST_UPCE0_2
  [0x4a, 'ean-upc'], // ST_EAN8_2
  [0x4b, 'ean-upc'], // ST_EAN13_2
  [0x50, 'ean-upc'], // ST_UPCE1_2
  [0x88, 'ean-upc'], // ST_UPCA_5 (with 5-digit add-on)
  [0x89, 'ean-upc'], // ST_UPCE0_5
  [0x8a, 'ean-upc'], // ST_EAN8_5
  [0x8b, 'ean-upc'], // ST_EAN13_5
  [0x90, 'ean-upc'], // ST_UPCE1_5
  [0x11, 'pdf417'], // ST_PDF417
  [0x1a, 'pdf417'], // ST_MICRO_PDF
  [0x28, 'pdf417'], // ST_MACRO_PDF
  [0x1b, 'datamatrix'], // ST_DATAMATRIX
  [0xc1, 'datamatrix'], // ST_GS1_DATAMATRIX
  [0x1c, 'qr'], // ST_QR_CODE
  [0x29, 'qr'], // ST_MACRO_QR_CODE
  [0x2c, 'qr'], // ST_MICRO_QR_CODE
  [0xc2, 'qr'], // ST_GS1_QR
  [0x2d, 'aztec'], // ST_AZTEC
  [0x30, 'gs1-databar'], // ST_RSS14
  [0x31, 'gs1-databar'], // ST_RSS_LIMITED
  [0x32, 'gs1-databar'], // ST_RSS_EXPANDED
]);

export function symbologyFromSnapiCodeType(codeType: number): Symbology {
  return symbologyBySnapiCodeType.get(codeType) ?? 'unknown';
}
