// Receptors around an enterprise drawn in kilometres east and north of it: a plot that needs no map tiles
// (the machines here are offline). Over a few kilometres the equirectangular approximation is off by metres.
import type { EChartsOption } from './echarts';

export interface Point {
  longitude: number;
  latitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;

export function offsetKm(origin: Point, point: Point): [number, number] {
  const radians = Math.PI / 180;
  const east = (point.longitude - origin.longitude) * radians * Math.cos(origin.latitude * radians) * EARTH_RADIUS_KM;
  const north = (point.latitude - origin.latitude) * radians * EARTH_RADIUS_KM;
  return [Math.round(east * 1000) / 1000, Math.round(north * 1000) / 1000];
}

export interface PlottedReceptor {
  name: string;
  type: string;
  location: Point;
}

export function receptorPlotOption(origin: Point, enterprise: string, receptors: readonly PlottedReceptor[],
  radiusKm: number, unit: string): EChartsOption {
  const types = [...new Set(receptors.map((receptor) => receptor.type))];
  return {
    tooltip: { trigger: 'item', formatter: '{a}: {b}' },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 70, bottom: 40 },
    xAxis: { type: 'value', min: -radiusKm, max: radiusKm, name: `${unit} E` },
    yAxis: { type: 'value', min: -radiusKm, max: radiusKm, name: `${unit} N` },
    series: [
      { name: enterprise, type: 'scatter', symbol: 'diamond', symbolSize: 16, data: [{ name: enterprise, value: [0, 0] }] },
      ...types.map((type) => ({
        name: type,
        type: 'scatter' as const,
        symbolSize: 10,
        data: receptors.filter((receptor) => receptor.type === type)
          .map((receptor) => ({ name: receptor.name, value: offsetKm(origin, receptor.location) })),
      })),
    ],
  };
}
