package org.ecoplan.indicator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastTest {

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource(delimiterString = "|", textBlock = """
            # two points, CAGR: 35 x (35/36)^(2/3) = 34.3488; integers, so one decimal
            2020:36 2023:35                 | 34.3   | CAGR_EXTRAPOLATION
            # negative values keep their sign: -8 x (0.8)^(2/3) = -6.8942
            2020:-10 2023:-8                | -6.9   | CAGR_EXTRAPOLATION
            # a zero leaves no compound rate: 3 + (3 - 0)/2 x 3 = 7.5
            2020:0 2022:3                   | 7.5    | LINEAR_EXTRAPOLATION
            # across zero: 1 + (1 - -2)/3 x 2 = 3
            2020:-2 2023:1                  | 3.0    | LINEAR_EXTRAPOLATION
            # least squares: x̄ = 2021.5, ȳ = 34.75, Sxy = -1.875 - 0.125 + 0.125 - 2.625 = -4.5, Sxx = 5,
            # slope -0.9: 34.75 - 0.9 x 3.5 = 31.6
            2020:36 2021:35 2022:35 2023:33 | 31.6   | LEAST_SQUARES_LINEAR_TREND
            # x̄ = 2021, ȳ = 91.4333, Sxy = (-1)(0.6667) + 0 + (1)(-0.7333) = -1.4, Sxx = 2, slope -0.7:
            # 91.4333 - 0.7 x 4 = 88.6333, two decimals as the data has one
            2020:92.1 2021:91.5 2022:90.7   | 88.63  | LEAST_SQUARES_LINEAR_TREND
            # a year without data: x̄ = 2021.3333, ȳ = 10, Sxy = (-1.3333)(-2) + (-0.3333)(0) + (1.6667)(2) = 6,
            # Sxx = 1.7778 + 0.1111 + 2.7778 = 4.6667, slope 1.285714: 10 + 1.285714 x 3.6667 = 14.7143
            2020:8 2021:10 2023:12          | 14.7   | LEAST_SQUARES_LINEAR_TREND
            """)
    void projectsToTheTargetYear(String series, BigDecimal expected, Forecast.Method method) {
        List<AnnualValue> points = points(series);

        Forecast forecast = Forecast.project(points, 2025).orElseThrow();

        assertThat(forecast.value()).isEqualByComparingTo(expected);
        assertThat(forecast.value().scale()).isEqualTo(expected.scale());
        assertThat(forecast.method()).isEqualTo(method);
        assertThat(forecast.year()).isEqualTo(2025);
        assertThat(forecast.points()).isEqualTo(points);
        assertThat(forecast.meetsTarget()).isNull();
    }

    @Test
    void onePointIsNoTrend() {
        assertThat(Forecast.project(points("2023:35"), 2025)).isEmpty();
    }

    @Test
    void anObservedTargetYearNeedsNoForecast() {
        assertThat(Forecast.project(points("2020:36 2025:33"), 2025)).isEmpty();
        assertThat(Forecast.project(points("2020:36 2026:33"), 2025)).isEmpty();
    }

    private static List<AnnualValue> points(String series) {
        List<AnnualValue> points = new ArrayList<>();
        for (String point : series.trim().split(" +")) {
            String[] parts = point.split(":");
            points.add(AnnualValue.approved(Integer.parseInt(parts[0]), new BigDecimal(parts[1]), "obs-" + parts[0],
                    false));
        }
        return points;
    }
}
