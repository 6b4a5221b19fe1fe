import { describe, expect, it } from 'vitest';
import { CSV, XLSX, importContentType, rowProblems } from '../src/app/imports';

describe('observation import', () => {
  it.each([
    ['观测数据.csv', CSV], ['DATA.CSV', CSV], ['2024.xlsx', XLSX], ['old.xls', null], ['notes.txt', null],
  ])('sends %s as %s', (name, type) => {
    expect(importContentType(name)).toBe(type);
  });

  it('reports the file first, then each line with all its problems', () => {
    expect(rowProblems([
      { field: 'line 7', message: 'value: is not a number' },
      { field: 'line 3', message: 'indicatorCode: unknown indicator X' },
      { field: 'line 7', message: 'period: must be a year like 2023' },
      { field: 'file', message: 'The first row must be the header' },
    ])).toEqual([
      { line: null, problems: ['The first row must be the header'] },
      { line: 3, problems: ['indicatorCode: unknown indicator X'] },
      { line: 7, problems: ['value: is not a number', 'period: must be a year like 2023'] },
    ]);
  });
});
