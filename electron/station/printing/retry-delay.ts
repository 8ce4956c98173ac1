export interface RetryPolicy {
  /** Wait before the second attempt. */
  initialDelayMs: number;
  /** The longest wait: a printer switched back on is noticed within this. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000 };

/** Doubling waits (1 s, 2 s, 4 s, … up to the cap) after each failed attempt: attempts counts the ones made so far. */
export function retryDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempts - 1));
}
