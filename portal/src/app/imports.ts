// Bulk import of observations: the file's type by its name, and the service's 422 as a row-by-row report.
import type { FieldError } from '../api/http';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** indicator-service takes CSV (UTF-8) or XLSX; anything else is refused before it is sent. */
export function importContentType(filename: string): string | null {
  const name = filename.toLowerCase();
  if (name.endsWith('.csv')) {
    return CSV;
  }
  return name.endsWith('.xlsx') ? XLSX : null;
}

export interface RowProblems {
  /** The file's line number, or null for a problem with the file as a whole (header, format). */
  line: number | null;
  problems: string[];
}

/** The service names each problem `line 5` (or `file`); the report lists the file first, then line by line. */
export function rowProblems(errors: readonly FieldError[]): RowProblems[] {
  const byLine = new Map<number | null, string[]>();
  for (const error of errors) {
    const match = /^line (\d+)/.exec(error.field);
    const line = match ? Number(match[1]) : null;
    byLine.set(line, [...(byLine.get(line) ?? []), error.message]);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
    .map(([line, problems]) => ({ line, problems }));
}
