import { describe, expect, it } from 'vitest';
import { offsetKm, receptorPlotOption } from '../src/app/plot';

const yueyang = { longitude: 113.1, latitude: 29.36 };

describe('the receptor plot', () => {
  it('puts a point one hundredth of a degree north about 1.11 km up', () => {
    expect(offsetKm(yueyang, { longitude: 113.1, latitude: 29.37 })).toEqual([0, 1.112]);
  });

  it('shortens a degree of longitude by the cosine of the latitude', () => {
    const [east, north] = offsetKm(yueyang, { longitude: 113.11, latitude: 29.36 });
    expect(east).toBeCloseTo(0.969, 3);
    expect(north).toBe(0);
  });

  it('draws the enterprise at the centre and one series per receptor type', () => {
    const option = receptorPlotOption(yueyang, '示范化工', [
      { name: '一中', type: '学校', location: { longitude: 113.1, latitude: 29.37 } },
      { name: '二中', type: '学校', location: { longitude: 113.11, latitude: 29.36 } },
      { name: '南湖', type: '饮用水水源地', location: { longitude: 113.09, latitude: 29.35 } },
    ], 5, 'km');
    const series = option.series as { name: string; data: { value: number[] }[] }[];
    expect(series.map((entry) => entry.name)).toEqual(['示范化工', '学校', '饮用水水源地']);
    expect(series[0].data[0].value).toEqual([0, 0]);
    expect(series[1].data).toHaveLength(2);
    expect(option.xAxis).toMatchObject({ min: -5, max: 5 });
  });
});
