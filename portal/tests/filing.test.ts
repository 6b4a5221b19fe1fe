import { describe, expect, it } from 'vitest';
import { documentSlug, editable, missingDocuments } from '../src/app/filing';
import type { DocumentKind } from '../src/api/types';

const withDocuments = (...kinds: DocumentKind[]) => ({ documents: kinds.map((kind) => ({ kind })) }) as never;

describe('the filing wizard', () => {
  it.each([
    ['FILING_FORM', 'filing-form'], ['PLAN', 'plan'], ['RISK_ASSESSMENT', 'risk-assessment'],
    ['RESOURCE_SURVEY', 'resource-survey'], ['EXPERT_REVIEW', 'expert-review'],
  ] as [DocumentKind, string][])('names %s %s in the path, as risk-service does', (kind, slug) => {
    expect(documentSlug(kind)).toBe(slug);
  });

  it('lists the documents still missing, in the wizard\'s order', () => {
    expect(missingDocuments(withDocuments())).toHaveLength(5);
    expect(missingDocuments(withDocuments('PLAN', 'FILING_FORM', 'EXPERT_REVIEW')))
      .toEqual(['RISK_ASSESSMENT', 'RESOURCE_SURVEY']);
    expect(missingDocuments(withDocuments('FILING_FORM', 'PLAN', 'RISK_ASSESSMENT', 'RESOURCE_SURVEY', 'EXPERT_REVIEW')))
      .toEqual([]);
  });

  it.each([
    ['DRAFT', true], ['RETURNED', true], ['SUBMITTED', false], ['FILED', false], ['REVISION_REQUIRED', false],
    ['SUPERSEDED', false],
  ] as const)('a %s filing may change: %s', (status, expected) => {
    expect(editable(status)).toBe(expected);
  });
});
