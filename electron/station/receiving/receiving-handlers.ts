import type { ReportWording } from '../../../shared/contract/receiving';
import { callerId, type HandlerSlice } from '../contract-host/dispatcher';
import { keepReport } from '../printing/keep-report';
import { renderDiscrepancyReport } from '../printing/render-discrepancy-report';
import type { StationPrinting } from '../printing/station-printing';
import type { ReceivingService } from './receiving-service';

export interface ReceivingHandlerDeps {
  receiving: ReceivingService;
  printers: StationPrinting;
  /** Where discrepancy reports are kept (A4 PDFs, also sent to the document printer). */
  reportsDir: string;
  /** The window's language: the report's time is written in its convention. */
  languageOf(clientId: string): string;
}

type ReceivingMethods =
  | 'receiving.expected'
  | 'receiving.arrive'
  | 'inspection.open'
  | 'inspection.scan'
  | 'inspection.key'
  | 'inspection.undo'
  | 'inspection.finish'
  | 'inspection.setBlind'
  | 'inspection.reportPdf'
  | 'inspection.printReport'
  | 'printing.skuLabels';

/** The dock and the inspection bench; a bundle that cannot be inspected ends the call (the service throws). */
export function receivingHandlers(deps: ReceivingHandlerDeps): HandlerSlice<ReceivingMethods> {
  const { receiving, printers } = deps;
  const report = async (bundleId: string, wording: ReportWording, clientId: string) => {
    const view = receiving.report(bundleId);
    // Its time in Japan time, in the convention of the language its words are in (the window's).
    const pdf = await renderDiscrepancyReport(view, wording, new Date(), deps.languageOf(clientId));
    const path = keepReport(deps.reportsDir, `${bundleId}-discrepancy.pdf`, pdf);
    return { pdf, path };
  };
  return {
    'receiving.expected': () => receiving.expected(),
    'receiving.arrive': (input, ctx) => receiving.arrive(input.code, input.boxesReceived, callerId(ctx)),
    'inspection.open': (input) => receiving.open(input.bundleId),
    'inspection.scan': (input, ctx) => receiving.scan(input.bundleId, input.code, callerId(ctx)),
    'inspection.key': (input, ctx) => receiving.key(input.bundleId, input.lineId, input.count, callerId(ctx)),
    'inspection.undo': (input, ctx) => receiving.undo(input.bundleId, callerId(ctx)),
    'inspection.finish': (input, ctx) => receiving.finish(input.bundleId, input.reasons, callerId(ctx)),
    'inspection.setBlind': (input) => ({ blind: receiving.setBlind(input.blind) }),
    'inspection.reportPdf': async (input, ctx) => {
      const { pdf, path } = await report(input.bundleId, input.wording, ctx.clientId);
      return { path, bytes: pdf.length };
    },
    'inspection.printReport': async (input, ctx) => {
      const { pdf, path } = await report(input.bundleId, input.wording, ctx.clientId);
      return { path, bytes: pdf.length, job: await printers.document('discrepancy-report', pdf, `${input.wording.title} ${input.bundleId}`) };
    },
    // Print jobs carry more than their status; the contract's schema keeps only the status fields.
    'printing.skuLabels': (input) => printers.skuLabels(receiving.skuLabels(input.bundleId)),
  };
}
