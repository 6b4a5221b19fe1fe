import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS as DOCUMENT_KINDS_FOR_TEST, documentSize, documentSlug, editable, missingDocuments, pendingReturnNotice, returnItems,
  reviewDecision,
} from '../src/app/filing';
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

describe('the review checklist', () => {
  const checklist = (...verdicts: [string, string][]) => DOCUMENT_KINDS_FOR_TEST.map((kind, index) => ({
    kind, verdict: (verdicts[index]?.[0] ?? 'ok') as 'unchecked' | 'ok' | 'deficient', problem: verdicts[index]?.[1] ?? '',
  }));

  it('accepts when every document is in order', () => {
    expect(reviewDecision(checklist())).toBe('accept');
  });

  it('is unfinished while a document is unchecked or a deficiency lacks its problem', () => {
    expect(reviewDecision(checklist(['unchecked', '']))).toBe('unfinished');
    expect(reviewDecision(checklist(['deficient', '  ']))).toBe('unfinished');
  });

  it('returns with every deficiency in one notice', () => {
    const list = checklist(['ok', ''], ['deficient', ' 缺少编制说明 '], ['ok', ''], ['deficient', '未盖章']);
    expect(reviewDecision(list)).toBe('return');
    expect(returnItems(list)).toEqual([
      { document: 'PLAN', problem: '缺少编制说明' },
      { document: 'RESOURCE_SURVEY', problem: '未盖章' },
    ]);
  });
});

describe('the return notice an enterprise sees', () => {
  const notice = (refileBy: string) => ({
    items: [{ document: 'PLAN' as const, problem: 'unsigned' }], refileBy, issuedAt: `${refileBy}T00:00:00Z`, issuedBy: 'reviewer',
  });
  const first = notice('2026-03-02');
  const second = notice('2026-04-01');

  it.each([
    ['RETURNED', [first], first],
    ['RETURNED', [first, second], second],
    ['RETURNED', [], null],
    ['SUBMITTED', [first], null],
    ['FILED', [first, second], null],
    ['DRAFT', [], null],
  ] as const)('a %s filing with %j notices shows %j', (status, returnNotices, expected) => {
    expect(pendingReturnNotice({ status, returnNotices: [...returnNotices] })).toEqual(expected);
  });
});

describe('a document\'s size', () => {
  it.each([
    [0, 0, 'B'], [382, 382, 'B'], [1023, 1023, 'B'], [1024, 1, 'KB'], [1536, 1.5, 'KB'],
    [1024 * 1024 - 1, 1024 - 1 / 1024, 'KB'], [1024 * 1024, 1, 'MB'], [15 * 1024 * 1024, 15, 'MB'],
  ] as const)('%i bytes read as %f %s', (bytes, value, unit) => {
    const size = documentSize(bytes);
    expect(size.unit).toBe(unit);
    expect(size.value).toBeCloseTo(value, 6);
  });
});
