import type { PickOpenResult, PickPrintResult, PickView } from '../../../shared/contract/picking';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { keepReport } from '../printing/keep-report';
import { renderPickListPdf, type PrintablePickList } from '../printing/render-pick-list';

export interface PickListPrintingDeps {
  /** The station's pick lists: `open` finds one of this branch by its id and gives its lines in bin order. */
  picking: { open(code: string): PickOpenResult };
  branchCode: string;
  stationId: string;
  /** Where printed lists are kept as PDF files (beside the manifests and discrepancy reports). */
  reportsDir: string;
  /** Queues a finished PDF on the station's document printer. */
  printDocument(pdf: Buffer, title: string): Promise<PrintJobStatus>;
}

/** The list as it goes on paper: every line in walking order with the units it holds and the orders they are for. */
export function printablePickList(view: PickView, branch: string, station: string): PrintablePickList {
  return {
    id: view.id,
    createdAt: view.createdAt,
    branch,
    station,
    lines: view.lines.map((line) => ({
      bin: line.bin,
      itemName: line.itemName,
      optionName: line.optionName,
      sku: line.sku,
      quantity: line.expected,
      orders: line.orders.map((order) => ({ orderNo: order.orderNo, quantity: order.quantity })),
    })),
  };
}

/**
 * Prints a pick list for the picker to walk with and the packer to scan at the bench: rendered from the station's own
 * copy of the list (so it works with the hub away), kept in the reports folder, queued on the document printer.
 */
export class PickListPrinting {
  constructor(private readonly deps: PickListPrintingDeps) {}

  async print(pickListId: string): Promise<PickPrintResult> {
    const opened = this.deps.picking.open(pickListId);
    if (!opened.list) return { refusal: opened.refusal ?? 'unknown-pick-list', job: null, path: null, bytes: 0, lineCount: 0 };
    const printable = printablePickList(opened.list, this.deps.branchCode, this.deps.stationId);
    const pdf = await renderPickListPdf(printable);
    const path = keepReport(this.deps.reportsDir, `pick-list-${printable.id}.pdf`, pdf);
    const job = await this.deps.printDocument(pdf, `ピッキングリスト ${printable.id}`);
    return { refusal: null, job, path, bytes: pdf.length, lineCount: printable.lines.length };
  }
}
