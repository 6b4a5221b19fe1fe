// 项目进度横道图: each project a bar from the start of its start year to the end of its completion year, coloured
// by its schedule status, with its milestones as points (planned hollow, reached filled). Drawn as stacked bars,
// the first one transparent, which ECharts supports without its custom-series machinery.
import type { EChartsOption } from './echarts';
import type { ListedProject } from '../api/types';

/** A date as a fractional year, so 2024-07-01 sits half-way through 2024. */
export function yearFraction(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year + (Date.UTC(year, month - 1, day) - start) / (end - start);
}

const COLOURS: Record<string, string> = {
  ON_SCHEDULE: '#67c23a', AT_RISK: '#e6a23c', DELAYED: '#f56c6c', OVERDUE: '#c45656',
};

export interface TimelineLabels {
  planned: string;
  reached: string;
  project: (project: ListedProject) => string;
}

export function timelineOption(projects: readonly ListedProject[], labels: TimelineLabels): EChartsOption {
  const names = projects.map(labels.project);
  const first = Math.min(...projects.map((project) => project.startYear));
  const last = Math.max(...projects.map((project) => project.completionYear)) + 1;
  const milestones = (reached: boolean) => projects.flatMap((project, index) => project.milestones
    .filter((milestone) => (reached ? milestone.actualDate : milestone.plannedDate) !== null)
    .map((milestone) => ({
      name: milestone.name.zh,
      value: [yearFraction((reached ? milestone.actualDate : milestone.plannedDate) as string), names[index]],
    })));
  return {
    tooltip: { trigger: 'item', formatter: '{b}' },
    legend: { top: 0, data: [labels.planned, labels.reached] },
    grid: { left: 220, right: 30, top: 40, bottom: 30 },
    xAxis: { type: 'value', min: first, max: last, interval: 1, axisLabel: { formatter: (year: number) => String(year) } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      { type: 'bar', stack: 'span', silent: true, itemStyle: { color: 'transparent' },
        data: projects.map((project) => project.startYear) },
      {
        type: 'bar',
        stack: 'span',
        barWidth: 12,
        data: projects.map((project, index) => ({
          name: names[index],
          value: project.completionYear + 1 - project.startYear,
          itemStyle: { color: COLOURS[project.standing?.scheduleStatus ?? ''] ?? '#909399' },
        })),
      },
      { name: labels.planned, type: 'scatter', symbol: 'emptyCircle', symbolSize: 9, data: milestones(false) },
      { name: labels.reached, type: 'scatter', symbol: 'circle', symbolSize: 9, data: milestones(true) },
    ],
  };
}
