// The five documents of an emergency-plan filing (环发〔2015〕4号) and what the wizard checks before submitting.
import type { DocumentKind, Filing, FilingStatus } from '../api/types';

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

/** Only a draft or a filing returned for correction may change; everything after is the bureau's. */
export function editable(status: FilingStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}
