// Only the chart kinds the portal draws, so the bundle stays a fraction of the whole of ECharts.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  CalendarComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapPiecewiseComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, HeatmapChart, LineChart, ScatterChart, CalendarComponent, GridComponent, LegendComponent,
  MarkLineComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

export { echarts, type EChartsOption };
