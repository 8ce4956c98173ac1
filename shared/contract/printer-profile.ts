import { z } from 'zod';

/**
 * What the labels are printed on: a roll of 50 × 30 mm labels (thermal printers, one label per page), or A4 sheets
 * of self-adhesive labels for office printers.
 */
export const labelMediaSchema = z.enum(['roll-50x30', 'a4-3x8', 'a4-4x10']);
export type LabelMedia = z.infer<typeof labelMediaSchema>;

/**
 * A printer as a station knows it. The station stores its profiles (the caller's business); this is their shape and
 * their defaults. Two ways to reach a printer:
 * - 'cups': a queue of the local print system, through `lp` (Linux, macOS). PDF goes through the queue's driver;
 *   ZPL goes with `-o raw`, so the queue must lead straight to the printer.
 * - 'raw-tcp': bytes straight to the printer's raw port (JetDirect, 9100), on every OS. ZPL printers take this
 *   natively; many office printers accept PDF on it too.
 */
const common = {
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a printer id is 1–64 letters, digits, _ . or -'),
  name: z.string().trim().min(1).max(100),
  format: z.enum(['pdf', 'zpl']).default('pdf'),
  media: labelMediaSchema.default('roll-50x30'),
};

// A CUPS destination name: printable, no space, slash, comma or '#' (CUPS's own rule), optionally "queue/instance";
// and not starting with '-', so lp can never read it as an option.
const cupsQueue = z.string().regex(/^[A-Za-z0-9_][^\s/#,\\'"]{0,126}(\/[^\s/#,\\'"]{1,127})?$/, 'not a CUPS queue name');

export const defaultRawTcpPort = 9100;

export const printerProfileSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...common,
      kind: z.literal('cups'),
      queue: cupsQueue,
      /** A CUPS server other than the local one (host or host:port), as lp's -h. */
      server: z.string().regex(/^[A-Za-z0-9.:\[\]-]{1,255}$/).nullable().default(null),
    }),
    z.object({
      ...common,
      kind: z.literal('raw-tcp'),
      host: z.string().regex(/^[A-Za-z0-9.:\[\]-]{1,255}$/, 'not a host name or IP address'),
      port: z.int().min(1).max(65535).default(defaultRawTcpPort),
    }),
  ])
  .refine((profile) => profile.format === 'pdf' || profile.media === 'roll-50x30', {
    message: 'ZPL is for label rolls: a sheet of labels needs format pdf',
    path: ['media'],
  });

export type PrinterProfileInput = z.input<typeof printerProfileSchema>;
export type PrinterProfile = z.output<typeof printerProfileSchema>;
