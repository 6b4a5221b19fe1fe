import { describe, expect, it } from 'vitest';
import {
  formatAmount, formatCount, formatDate, formatPercent, formatPeriod, formatQuantity, nameIn,
} from '../src/app/format';

describe('numbers carry their unit', () => {
  it.each([
    [1234.5, '万元', 'zh-CN', '1,234.5万元'],
    [1234.5, '万元', 'en', '1,234.5 ×10k CNY'],
    [35, 'µg/m³', 'zh-CN', '35 µg/m³'],
    ['0.125', 't/a', 'en', '0.13 t/a'],
    [80, '%', 'zh-CN', '80 %'],
    [12, '', 'zh-CN', '12'],
  ] as const)('%s %s in %s reads %s', (value, unit, locale, expected) => {
    expect(formatQuantity(value, unit, locale)).toBe(expected);
  });

  it.each([null, undefined, '', 'abc'])('a missing value %s is a dash, never 0', (value) => {
    expect(formatQuantity(value as never, '万元', 'zh-CN')).toBe('—');
  });

  it('formats investments and percentages', () => {
    expect(formatAmount({ amount: 5600, unit: '万元' }, 'zh-CN')).toBe('5,600万元');
    expect(formatAmount(null, 'en')).toBe('—');
    expect(formatPercent(58.333, 'en')).toBe('58.3 %');
  });

  it.each([
    [3, 'projects', 'zh-CN', '3个'],
    [3, 'projects', 'en', '3 projects'],
    [1, 'days', 'en', '1 day'],
    [146, 'days', 'zh-CN', '146天'],
  ] as const)('counts %s %s in %s as %s', (value, what, locale, expected) => {
    expect(formatCount(value, what, locale)).toBe(expected);
  });
});

describe('dates follow the language', () => {
  it('writes a calendar date the Chinese way in Chinese', () => {
    expect(formatDate('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
  });

  it('writes a calendar date day-month-year in English', () => {
    expect(formatDate('2025-03-01', 'en')).toBe('1 Mar 2025');
  });

  it('reads a bare date as that day whatever the browser time zone', () => {
    expect(formatDate('2025-12-31', 'zh-CN')).toBe('2025年12月31日');
  });

  it('shows an instant in Beijing time', () => {
    // 16:30 UTC is half past midnight the next day in Beijing.
    expect(formatDate('2025-03-01T16:30:00Z', 'zh-CN')).toContain('2025年3月2日');
    expect(formatDate('2025-03-01T16:30:00Z', 'zh-CN')).toContain('00:30');
  });

  it.each([
    ['2024-Q1', 'zh-CN', '2024年第1季度'],
    ['2024-Q1', 'en', 'Q1 2024'],
    ['2024-05', 'zh-CN', '2024年5月'],
    ['2024-05', 'en', 'May 2024'],
    ['2023', 'zh-CN', '2023年'],
    ['2023', 'en', '2023'],
  ] as const)('period %s in %s reads %s', (period, locale, expected) => {
    expect(formatPeriod(period, locale)).toBe(expected);
  });

  it('a missing date is a dash', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
  });
});

describe('names', () => {
  it('fall back to Chinese where no English is recorded', () => {
    expect(nameIn({ zh: '细颗粒物浓度', en: null }, 'en')).toBe('细颗粒物浓度');
    expect(nameIn({ zh: '细颗粒物浓度', en: 'PM2.5' }, 'en')).toBe('PM2.5');
    expect(nameIn({ zh: '细颗粒物浓度', en: 'PM2.5' }, 'zh-CN')).toBe('细颗粒物浓度');
  });
});
