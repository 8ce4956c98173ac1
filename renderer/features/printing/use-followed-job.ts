import { useEffect, useState } from 'react';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { station } from '../../station-client/station-client';

/** A job a screen started, kept up to date by the station's print.job events (waiting → printed, or → failed). */
export function useFollowedJob(): [PrintJobStatus | null, (job: PrintJobStatus | null) => void] {
  const [job, setJob] = useState<PrintJobStatus | null>(null);
  useEffect(() => station.on('print.job', (status) => setJob((current) => (current && current.jobId === status.jobId ? status : current))), []);
  return [job, setJob];
}
