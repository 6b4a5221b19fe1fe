import { describe, expect, it } from 'vitest';
import { changedFields, valueText } from '../src/app/history';

describe('an audit entry in a reader\'s terms', () => {
  it('lists the fields that changed, leaving out the version', () => {
    expect(changedFields({
      before: { code: 'P1', totalInvestment: { amount: 5000, unit: '万元' }, content: 'a', version: 0 },
      after: { code: 'P1', totalInvestment: { amount: 5600, unit: '万元' }, content: 'a', version: 1 },
    })).toEqual([{
      field: 'totalInvestment', before: '{"amount":5000,"unit":"万元"}', after: '{"amount":5600,"unit":"万元"}',
    }]);
  });

  it('shows a created record\'s fields as coming from nothing', () => {
    expect(changedFields({ before: null, after: { status: 'DRAFT' } }))
      .toEqual([{ field: 'status', before: '—', after: 'DRAFT' }]);
  });

  it('cuts long values', () => {
    expect(valueText('x'.repeat(500))).toHaveLength(120);
    expect(valueText(null)).toBe('—');
  });
});
