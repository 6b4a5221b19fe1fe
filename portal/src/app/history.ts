// An audit entry's change in a reader's terms: the top-level fields whose value differs before and after.
export interface AuditEntry {
  id: string;
  action: string;
  at: string;
  actor: { subject: string; username: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping every change touches; listing it would hide the change that matters. */
const IGNORED = new Set(['version', 'updatedAt']);

const MAX_TEXT = 120;

export function valueText(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !IGNORED.has(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: valueText(before[field]), after: valueText(after[field]) }));
}
