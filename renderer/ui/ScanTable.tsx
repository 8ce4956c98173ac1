import type { ReactNode, Ref } from 'react';

/**
 * The floor's one table shape (inspection lines, pick lines and lists, the pack bench, putaway, bundles): a header
 * row, then one row per thing scanned against, each named by its data-testid so a test (or a reader) finds it.
 * The body is the caller's ScanRows, since a screen may draw several rows for one thing (an order's lines).
 */
export function ScanTable({ testId, headers, children }: { testId?: string; headers: readonly ReactNode[]; children: ReactNode }) {
  return (
    <table className="scan-table" data-testid={testId}>
      <thead>
        <tr>
          {headers.map((header, index) => (
            // Headers never move: their place is their identity.
            <th key={index}>{header}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * One row: `bad` for a line that is off (short, over), `active` for the one being worked on now. Extra `data-*`
 * facts (done, state) go in `data`, where the tests read them.
 */
export function ScanRow({
  testId,
  tone,
  data,
  rowRef,
  children,
}: {
  testId: string;
  tone?: 'bad' | 'active' | null;
  data?: Record<`data-${string}`, string | number | boolean>;
  rowRef?: Ref<HTMLTableRowElement>;
  children: ReactNode;
}) {
  return (
    <tr ref={rowRef} className={tone ?? ''} data-testid={testId} {...data}>
      {children}
    </tr>
  );
}
