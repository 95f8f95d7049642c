// A full disk (or a database at its size limit) makes SQLite answer SQLITE_FULL. The statement's
// transaction is rolled back by SQLite itself, so the file stays whole; what the person needs is a
// clear answer instead of "internal error".

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export const diskFullMessage = (procedureName: string) =>
  `The disk is full: "${procedureName}" could not be saved and nothing was written. Free space on the drive that holds the database, then try again.`;
