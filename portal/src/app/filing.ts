// The five documents of an emergency-plan filing (环发〔2015〕4号) and what the wizard checks before submitting.
import type { DocumentKind, Filing, FilingStatus, ReturnNotice } from '../api/types';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'FILING_FORM', 'PLAN', 'RISK_ASSESSMENT', 'RESOURCE_SURVEY', 'EXPERT_REVIEW',
];

/** The path segment risk-service names a kind by: FILING_FORM is `filing-form`. */
export function documentSlug(kind: DocumentKind): string {
  return kind.toLowerCase().replace(/_/g, '-');
}

/** The documents still to upload, in the order the wizard lists them. */
export function missingDocuments(filing: Pick<Filing, 'documents'>): DocumentKind[] {
  const uploaded = new Set(filing.documents.map((document) => document.kind));
  return DOCUMENT_KINDS.filter((kind) => !uploaded.has(kind));
}

/**
 * A document's size in the unit that reads best: a scanned form of a few hundred bytes is not "0 KB", and a
 * plan of several megabytes is not thousands of kilobytes.
 */
export function documentSize(bytes: number): { value: number; unit: 'B' | 'KB' | 'MB'; digits: number } {
  if (bytes < 1024) {
    return { value: bytes, unit: 'B', digits: 0 };
  }
  if (bytes < 1024 * 1024) {
    return { value: bytes / 1024, unit: 'KB', digits: 0 };
  }
  return { value: bytes / (1024 * 1024), unit: 'MB', digits: 1 };
}

/** Only a draft or a filing returned for correction may change; everything after is the bureau's. */
export function editable(status: FilingStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}

/**
 * The return notice the enterprise still has to act on: the latest one while the filing is returned; none once
 * it has been submitted again (the old notices stay in its history).
 */
export function pendingReturnNotice(filing: Pick<Filing, 'status' | 'returnNotices'>): ReturnNotice | null {
  return filing.status === 'RETURNED' ? filing.returnNotices.at(-1) ?? null : null;
}

/** A reviewer's verdict on one document: not yet checked, in order, or deficient with what is wrong. */
export interface CheckedDocument {
  kind: DocumentKind;
  verdict: 'unchecked' | 'ok' | 'deficient';
  problem: string;
}

export type ReviewDecision = 'unfinished' | 'accept' | 'return';

/**
 * What the checklist allows: every document checked and in order accepts; any deficiency (with its problem
 * written down) returns, with one notice listing them all; anything else is not finished yet.
 */
export function reviewDecision(checklist: readonly CheckedDocument[]): ReviewDecision {
  if (checklist.some((item) => item.verdict === 'unchecked'
    || (item.verdict === 'deficient' && item.problem.trim() === ''))) {
    return 'unfinished';
  }
  return checklist.some((item) => item.verdict === 'deficient') ? 'return' : 'accept';
}

/** The return notice's items, as risk-service takes them. */
export function returnItems(checklist: readonly CheckedDocument[]): { document: DocumentKind; problem: string }[] {
  return checklist
    .filter((item) => item.verdict === 'deficient')
    .map((item) => ({ document: item.kind, problem: item.problem.trim() }));
}
