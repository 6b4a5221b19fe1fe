import { describe, expect, it } from 'vitest';
import { annualSeries, indicatorChartOption } from '../src/app/charts';
import type { IndicatorDetail, IndicatorProgress } from '../src/api/types';

const detail: IndicatorDetail = {
  code: 'AIR-PM25', seq: 1, category: ['环境质量'], name: { zh: '细颗粒物浓度' }, unit: 'µg/m³',
  baseline: { year: 2020, value: 44, text: '44' },
  target: { year: 2025, type: 'NUMERIC', value: 37, direction: 'LOWER_IS_BETTER', text: '37' },
  attribute: 'BINDING', department: 'env', version: 0, status: 'ON_TRACK',
  observations: [
    { period: '2021', value: 42, observationId: 'a', derived: false },
    { period: '2022-05', value: 30, observationId: 'b', derived: false },
    { period: '2022', value: 40, observationId: 'c', derived: false },
  ],
};

const progress = {
  forecast: { year: 2025, value: 36.5, method: 'LEAST_SQUARES_LINEAR_TREND', points: [], meetsTarget: true },
} as unknown as IndicatorProgress;

const labels = { approved: '审核值', baseline: '2020年基准', target: '2025年目标', forecast: '预测' };

describe('the indicator chart', () => {
  it('plots annual approved values only', () => {
    expect(annualSeries(detail)).toEqual([[2021, 42], [2022, 40]]);
  });

  it('draws the baseline and the target as lines and the forecast from the latest value', () => {
    const option = indicatorChartOption(detail, progress, labels, 'zh-CN');
    const series = option.series as { name: string; data: unknown; markLine?: { data: { name: string; yAxis: number }[] } }[];
    expect(series.map((entry) => entry.name)).toEqual(['审核值', '预测']);
    expect(series[0].markLine?.data.map((line) => [line.name, line.yAxis])).toEqual([['2020年基准', 44], ['2025年目标', 37]]);
    expect(series[1].data).toEqual([[2022, 40], [2025, 36.5]]);
    expect(option.xAxis).toMatchObject({ min: 2020, max: 2025 });
    // 36.5 to 44 with a tenth of the range either side: both reference lines stay in view.
    expect(option.yAxis).toMatchObject({ name: 'µg/m³', min: 35.7, max: 44.8 });
  });

  it('leaves out what is missing: no forecast, no target figure', () => {
    const awaiting = { ...detail, target: { ...detail.target, value: null } };
    const option = indicatorChartOption(awaiting, null, labels, 'en');
    const series = option.series as { markLine: { data: unknown[] } }[];
    expect(series).toHaveLength(1);
    expect(series[0].markLine.data).toHaveLength(1);
  });
});
