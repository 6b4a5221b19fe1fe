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
  // Mark lines do not widen the axis by themselves: the baseline and target must stay in view even far from the data.
  const values = [...approved.map(([, value]) => value), ...markLines.map((line) => line.yAxis)];
  if (forecast !== null) {
    values.push(Number(forecast.value));
  }
  const padding = (Math.max(...values) - Math.min(...values)) * 0.1 || 1;
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => formatQuantity(value as number, detail.unit, locale),
    },
    legend: { top: 0, data: series.map((entry) => entry.name as string) },
    grid: { left: 60, right: 110, top: 50, bottom: 30 },
    xAxis: {
      type: 'value',
      min: Math.min(...years),
      max: Math.max(...years),
      minInterval: 1,
      axisLabel: { formatter: (year: number) => String(year) },
    },
    yAxis: {
      type: 'value',
      name: detail.unit,
      min: roundDown(Math.min(...values) - padding),
      max: roundUp(Math.max(...values) + padding),
    },
    series,
  };
}

const roundDown = (value: number) => Math.floor(value * 10) / 10;
const roundUp = (value: number) => Math.ceil(value * 10) / 10;
