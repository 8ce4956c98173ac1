/** Recognises a CHECK constraint violation from either database, so callers can explain it instead of failing. */
export function isCheckViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === 'SQLITE_CONSTRAINT_CHECK' || code === '23514';
}

export function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
