/** What a renderer hands the print queue: the bytes for the printer and what happened on the way. */
export interface RenderedLabels {
  bytes: Buffer;
  /** Physical labels, copies included. */
  labelCount: number;
  /** What the operator should know (a name shortened to fit, a character the font lacks), each once. */
  warnings: string[];
  /** How many barcodes were encoded: one per distinct SKU in the batch. */
  barcodeEncodings: number;
}
