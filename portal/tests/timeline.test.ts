import { describe, expect, it } from 'vitest';
import { timelineOption, yearFraction } from '../src/app/timeline';
import type { ListedProject } from '../src/api/types';

const project = (code: string, startYear: number, completionYear: number, extra: Partial<ListedProject> = {}) => ({
  code, name: { zh: code }, startYear, completionYear, milestones: [], standing: null, ...extra,
}) as unknown as ListedProject;

describe('the project timeline', () => {
  it.each([
    ['2024-01-01', 2024], ['2024-07-02', 2024.5], ['2025-12-31', 2025.997],
  ])('puts %s at year %s', (date, year) => {
    expect(yearFraction(date)).toBeCloseTo(year, 3);
  });

  it('spans each project from the start of its first year to the end of its last', () => {
    const option = timelineOption([project('P1', 2022, 2025), project('P2', 2021, 2021)], {
      planned: '计划', reached: '完成', project: (p) => p.code,
    });
    const series = option.series as { data: unknown[] }[];
    expect(series[0].data).toEqual([2022, 2021]);
    expect((series[1].data as { value: number }[]).map((bar) => bar.value)).toEqual([4, 1]);
    expect(option.xAxis).toMatchObject({ min: 2021, max: 2026 });
  });

  it('marks planned and reached milestones on their project\'s row', () => {
    const withMilestone = project('P1', 2022, 2025, {
      milestones: [{ key: 'k', name: { zh: '开工' }, plannedDate: '2022-07-02', actualDate: null, note: null }],
    });
    const series = timelineOption([withMilestone], { planned: '计划', reached: '完成', project: (p) => p.code })
      .series as { data: { value: [number, string] }[] }[];
    expect(series[2].data.map((point) => point.value[1])).toEqual(['P1']);
    expect(series[2].data[0].value[0]).toBeCloseTo(2022.5, 2);
    expect(series[3].data).toEqual([]);
  });
});
