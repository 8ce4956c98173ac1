/**
 * npm run bench:labels — 1,000 SKU labels of 50 × 30 mm (200 SKUs × 5 copies, Japanese names) into one PDF through the
 * station's print service, against the way Electron apps usually print: the same labels as HTML, printed to PDF by
 * Chromium, measured in the same run. Barcode encoding counts on both sides: bwip-js encodes each distinct SKU once
 * inside each timed section (as SVG for the HTML). Also times the same 1,000 labels as ZPL.
 * BENCH_LABEL_OUT=dir keeps both PDFs there, to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { code128Svg } from '../../electron/station/printing/barcode-symbols';
import { createPrintService } from '../../electron/station/printing/print-service';
import { renderSkuLabelsPdf } from '../../electron/station/printing/render-pdf';
import { renderSkuLabelsZpl } from '../../electron/station/printing/render-zpl';
import { skuLabelBatchSchema, type SkuLabel } from '../../electron/station/printing/sku-label';
import { listenAsPrinter } from '../support/raw-port-listener';
import { chromiumPath } from '../support/chromium';

const distinctSkus = Number(process.env.BENCH_LABEL_SKUS ?? 200);
const copies = Number(process.env.BENCH_LABEL_COPIES ?? 5);
const runs = Number(process.env.BENCH_LABEL_RUNS ?? 3);

const products = ['ボディタオル', 'マグカップ', 'エコバッグ', 'ハンドクリーム', '靴下', 'Tシャツ', '抹茶', '手ぬぐい', 'ボールペン', '保存容器'];
const qualities = ['日本製', '泡立ち', '食洗機対応', '無添加', 'オーガニック', '折りたたみ', '大容量', '敏感肌用'];
const options = ['サイズ : S', 'サイズ : M', 'サイズ : L', 'カラー : 藍', 'カラー : ホワイト', '容量 : 300ml'];

function benchLabels(): SkuLabel[] {
  return skuLabelBatchSchema.parse(
    Array.from({ length: distinctSkus }, (_, index) => ({
      sku: `3000012${String(89000 + index).padStart(5, '0')}-${String((index % 7) + 1).padStart(5, '0')}`,
      itemName: `${products[index % products.length]} ${qualities[index % qualities.length]} ${qualities[(index * 3 + 1) % qualities.length]} No.${index + 1}`,
      optionName: options[index % options.length],
      sellerSkuCode: `SKU-${String(index + 1).padStart(4, '0')}`,
      copies,
    })),
  );
}

/** The labels as an Electron app would print them: HTML with inline SVG barcodes, one 50 × 30 mm page each. */
function labelsHtml(labels: readonly SkuLabel[], svgs: ReadonlyMap<string, string>, fontUrl: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const pages = labels.flatMap((label) =>
    Array.from(
      { length: label.copies },
      () =>
        `<div class="label"><div class="name">${escape(label.itemName)}</div><div class="option">${escape(label.optionName)}</div>` +
        `<div class="bars">${svgs.get(label.sku)}</div><div class="sku">${label.sku}</div><div class="seller">${escape(label.sellerSkuCode ?? '')}</div></div>`,
    ),
  );
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@font-face { font-family: LabelFont; src: url("${fontUrl}"); }
@page { size: 50mm 30mm; margin: 0; }
body { margin: 0; font-family: LabelFont, sans-serif; }
.label { width: 50mm; height: 30mm; box-sizing: border-box; padding: 1.4mm 2mm; overflow: hidden; page-break-after: always; }
.name { font-size: 7pt; line-height: 1.2; max-height: 6.6mm; overflow: hidden; }
.option { font-size: 6.5pt; line-height: 1.2; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bars { text-align: center; height: 11mm; } .bars svg { height: 10mm; width: 44mm; }
.sku { text-align: center; font-size: 7pt; } .seller { text-align: center; font-size: 6pt; }
</style></head><body>${pages.join('')}</body></html>`;
}

function pdfPages(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-bench-pdf-'));
  try {
    writeFileSync(join(dir, 'out.pdf'), pdf);
    return /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(dir, 'out.pdf')], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const secondsSince = (start: number) => (performance.now() - start) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const row = (name: string, values: number[], detail = '') =>
  `  ${name.padEnd(62)} ${median(values).toFixed(2).padStart(6)} s  (runs ${values.map((value) => value.toFixed(2)).join(', ')})  ${detail}`;

const labels = benchLabels();
const total = labels.reduce((sum, label) => sum + label.copies, 0);
const fontUrl = pathToFileURL(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-jp/500Medium/NotoSansJP_500Medium.ttf')).href;
const dir = mkdtempSync(join(tmpdir(), 'qwms-bench-labels-'));
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const printer = await listenAsPrinter();
const service = createPrintService({ log: () => {}, onJobStatus: () => {} });
try {
  console.log(`bench:labels — ${total} SKU labels 50 × 30 mm (${distinctSkus} SKUs × ${copies} copies, Japanese names) into one PDF`);

  // Untimed warm-up, as in a station that has been running: font read and parsed, bwip-js and Chromium's PDF path loaded.
  await renderSkuLabelsPdf(labels.slice(0, 20), 'roll-50x30');
  await renderSkuLabelsZpl(labels.slice(0, 2));
  const warmPage = await browser.newPage();
  await warmPage.setContent('<p>warm-up</p>');
  await warmPage.pdf({ width: '50mm', height: '30mm' });
  await warmPage.close();

  const times = { service: [] as number[], render: [] as number[], chromium: [] as number[], encode: [] as number[], zpl: [] as number[] };
  let ourPdf: Buffer = Buffer.alloc(0);
  let chromiumPdf: Buffer = Buffer.alloc(0);
  const encodings = { ours: 0, chromium: 0, zpl: 0 };
  let zplBytes = 0;
  for (let run = 0; run < runs; run++) {
    // Ours: the whole way through the print service (validate, render, queue, send) to a printer on a loopback raw port.
    let start = performance.now();
    const job = await service.print({ id: 'bench', name: 'bench', kind: 'raw-tcp', host: '127.0.0.1', port: printer.port, format: 'pdf' }, labels);
    const done = await service.settled(job.jobId);
    times.service.push(secondsSince(start));
    if (done.state !== 'done') throw new Error(`the bench job ended ${done.state}: ${done.message}`);
    ourPdf = await printer.job(run);

    start = performance.now();
    encodings.ours = (await renderSkuLabelsPdf(labels, 'roll-50x30')).barcodeEncodings;
    times.render.push(secondsSince(start));

    // Chromium: encode the SVGs, build the HTML, load it, print it.
    start = performance.now();
    const svgs = new Map<string, string>();
    for (const label of labels) if (!svgs.has(label.sku)) svgs.set(label.sku, code128Svg(label.sku));
    times.encode.push(secondsSince(start));
    encodings.chromium = svgs.size;
    const htmlPath = join(dir, 'labels.html');
    writeFileSync(htmlPath, labelsHtml(labels, svgs, fontUrl));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    chromiumPdf = Buffer.from(await page.pdf({ width: '50mm', height: '30mm' }));
    times.chromium.push(secondsSince(start));
    await page.close();

    start = performance.now();
    const zpl = await renderSkuLabelsZpl(labels);
    times.zpl.push(secondsSince(start));
    encodings.zpl = zpl.barcodeEncodings;
    zplBytes = zpl.bytes.length;
  }

  const keep = process.env.BENCH_LABEL_OUT;
  if (keep) {
    writeFileSync(join(keep, 'labels-print-service.pdf'), ourPdf);
    writeFileSync(join(keep, 'labels-chromium.pdf'), chromiumPdf);
  }
  console.log(`median of ${runs} runs each`);
  console.log(
    row(
      'QWMS print service, print() → done (vector bars, a form per label)',
      times.service,
      `${pdfPages(ourPdf)} pages, ${(ourPdf.length / 1024).toFixed(0)} KiB, ${encodings.ours} encodings`,
    ),
  );
  console.log(row('  of which rendering the PDF alone', times.render));
  console.log(
    row(
      'baseline: Chromium printToPDF of the same labels as HTML',
      times.chromium,
      `${pdfPages(chromiumPdf)} pages, ${(chromiumPdf.length / 1024).toFixed(0)} KiB, ${encodings.chromium} encodings`,
    ),
  );
  console.log(row('  of which encoding the SVG barcodes', times.encode));
  console.log(`  ratio Chromium / print service: ${(median(times.chromium) / median(times.service)).toFixed(2)}x (above 1: the print service is faster)`);
  console.log(
    row(`ZPL for 203 dpi printers (text as ^GF graphics)`, times.zpl, `${total} labels, ${(zplBytes / 1024).toFixed(0)} KiB, ${encodings.zpl} encodings`),
  );
} finally {
  await service.close();
  await printer.close();
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
