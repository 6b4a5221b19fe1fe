// The indicator chart's option built from the API's answers, apart from the component so it can be tested.
import type { EChartsOption } from './echarts';
import type { IndicatorDetail, IndicatorProgress } from '../api/types';
import { formatQuantity, type Locale } from './format';

export interface IndicatorChartLabels {
  approved: string;
  baseline: string;
  target: string;
  forecast: string;
}

/** Annual approved values only: monthly values would put twelve points into one year of an annual axis. */
export function annualSeries(detail: IndicatorDetail): [number, number][] {
  return detail.observations
    .filter((observation) => /^\d{4}$/.test(observation.period))
    .map((observation) => [Number(observation.period), Number(observation.value)]);
}

export function indicatorChartOption(
  detail: IndicatorDetail,
  progress: IndicatorProgress | null,
  labels: IndicatorChartLabels,
  locale: Locale,
): EChartsOption {
  const approved = annualSeries(detail);
  const baseline = detail.baseline.value;
  const target = detail.target.value;
  const forecast = progress?.forecast ?? null;
  const latest = approved.at(-1);
  const years = [detail.baseline.year, detail.target.year, ...approved.map(([year]) => year)];
  const markLines: { name: string; yAxis: number; lineStyle: { color: string; type: 'dashed' | 'solid' } }[] = [];
  if (baseline !== null) {
    markLines.push({ name: labels.baseline, yAxis: Number(baseline), lineStyle: { color: '#909399', type: 'dashed' } });
  }
  if (target !== null) {
    markLines.push({ name: labels.target, yAxis: Number(target), lineStyle: { color: '#67c23a', type: 'solid' } });
  }
  const series: EChartsOption['series'] = [
    {
      name: labels.approved,
      type: 'line',
      data: approved,
      symbolSize: 8,
      markLine: {
        symbol: 'none',
        label: { formatter: '{b}: {c}' },
        data: markLines,
      },
    },
  ];
  if (forecast !== null && latest !== undefined) {
    series.push({
      name: labels.forecast,
      type: 'line',
      data: [latest, [forecast.year, Number(forecast.value)]],
      lineStyle: { type: 'dashed' },
      symbol: 'emptyCircle',
    });
  }
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => formatQuantity(value as number, detail.unit, locale),
    },
    legend: { data: series.map((entry) => entry.name as string) },
    grid: { left: 60, right: 90, top: 40, bottom: 30 },
    xAxis: { type: 'value', min: Math.min(...years), max: Math.max(...years), minInterval: 1 },
    yAxis: { type: 'value', name: detail.unit, scale: true },
    series,
  };
}
