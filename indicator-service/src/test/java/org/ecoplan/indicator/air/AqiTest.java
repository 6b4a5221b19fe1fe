package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class AqiTest {

    private static final Aqi AQI = AirStandards.load().aqiOn(LocalDate.of(2024, 6, 1));

    private static final IaqiTable TABLE = AQI.table();

    @ParameterizedTest(name = "{0} {1} at {3} {4} is IAQI {2}")
    @CsvFileSource(resources = "/standards/hj633-2012-iaqi.csv", numLinesToSkip = 1)
    void everyBreakpointOfTable1TakesItsIaqiInclusively(String pollutant, String averaging, int iaqi,
            BigDecimal concentration, String unit) {
        AqiItem item = AqiItem.of(Pollutant.ofCode(pollutant), Averaging.ofCode(averaging));
        int reported = item.pollutant().reported(concentration);

        assertThat(TABLE.iaqi(item, reported)).isEqualTo(iaqi);
        assertThat(TABLE.aboveScale(item, reported)).isFalse();
        if (reported > 0) {
            assertThat(TABLE.iaqi(item, reported - 1)).as("one reporting step below").isLessThanOrEqualTo(iaqi);
        }
        int above = TABLE.iaqi(item, reported + 1);
        if (iaqi < TABLE.scaleTop() && TABLE.note(item).filter(note -> note.above() == reported).isEmpty()) {
            assertThat(above).as("one reporting step above rounds up into the next segment").isGreaterThan(iaqi);
        }
    }

    @ParameterizedTest(name = "{0} at {1} is IAQI {2}")
    @CsvSource(textBlock = """
            # item,      concentration, IAQI   (hand-computed with HJ 633-2012 §4.2, rounded up)
            SO2_24H,     12,            12
            NO2_24H,     40,            50
            PM10_24H,    80,            65
            PM2_5_24H,   55,            75
            CO_24H,      0.9,           23
            O3_8H,       120,           67
            PM2_5_24H,   76,            102
            PM2_5_24H,   36,            52
            PM2_5_24H,   0,             0
            SO2_1H,      300,           72
            O3_1H,       600,           250
            NO2_1H,      201,           101
            CO_24H,      2.1,           53
            # GB/T 8170 round half to even before the IAQI: 75.5 -> 76, 74.5 -> 74, 2.05 -> 2.0, 2.15 -> 2.2
            PM2_5_24H,   75.5,          102
            PM2_5_24H,   74.5,          99
            PM2_5_24H,   74.51,         100
            CO_24H,      2.05,          50
            CO_24H,      2.15,          55
            CO_24H,      2.051,         53
            PM10_24H,    50.5,          50
            PM10_24H,    51.5,          51
            """)
    void handCheckedSubIndexes(AqiItem item, BigDecimal concentration, int iaqi) {
        assertThat(TABLE.iaqi(item, item.pollutant().reported(concentration))).isEqualTo(iaqi);
    }

    @ParameterizedTest(name = "{0} above {1} is not computed")
    @CsvSource({ "SO2_1H, 800", "O3_8H, 800" })
    void itemsWithANoteAreNotComputedAboveTheirLastBreakpoint(AqiItem item, int last) {
        assertThat(TABLE.iaqi(item, last)).isNotEqualTo(IaqiTable.NOT_COMPUTED);
        assertThat(TABLE.iaqi(item, last + 1)).isEqualTo(IaqiTable.NOT_COMPUTED);
        assertThat(TABLE.note(item)).hasValueSatisfying(note -> assertThat(note.above()).isEqualTo(last));
    }

    @Test
    void theIssuesExampleIsAqi75GoodWithPm25Primary() {
        AqiResult result = AQI.daily(new ItemConcentrations().set(AqiItem.SO2_24H, new BigDecimal("12"))
            .set(AqiItem.NO2_24H, new BigDecimal("40"))
            .set(AqiItem.PM10_24H, new BigDecimal("80"))
            .set(AqiItem.PM2_5_24H, new BigDecimal("55"))
            .set(AqiItem.CO_24H, new BigDecimal("0.9"))
            .set(AqiItem.O3_8H, new BigDecimal("120")));

        assertThat(result.aqi()).isEqualTo(75);
        assertThat(result.category().level()).isEqualTo(2);
        assertThat(result.category().zh()).isEqualTo("良");
        assertThat(result.category().en()).isEqualTo("Good");
        assertThat(result.primaryPollutants()).containsExactly(Pollutant.PM2_5);
        assertThat(result.iaqi()).containsExactlyInAnyOrderEntriesOf(Map.of(Pollutant.SO2, 12, Pollutant.NO2, 50,
                Pollutant.PM10, 65, Pollutant.PM2_5, 75, Pollutant.CO, 23, Pollutant.O3, 67));
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void aqiOf50NamesNoPrimaryPollutantAnd51Does() {
        AqiResult fifty = AQI.daily(allSix("50", "40", "50", "35", "2", "100"));
        assertThat(fifty.aqi()).isEqualTo(50);
        assertThat(fifty.category().level()).isEqualTo(1);
        assertThat(fifty.primaryPollutants()).isEmpty();

        AqiResult fiftyOne = AQI.daily(allSix("50", "40", "50", "35", "2", "101"));
        assertThat(fiftyOne.aqi()).isEqualTo(51);
        assertThat(fiftyOne.category().level()).isEqualTo(2);
        assertThat(fiftyOne.primaryPollutants()).containsExactly(Pollutant.O3);
    }

    @Test
    void everyPollutantAtTheAqiIsPrimary() {
        AqiResult result = AQI.daily(allSix("10", "10", "150", "75", "0.5", "30"));

        assertThat(result.aqi()).isEqualTo(100);
        assertThat(result.primaryPollutants()).containsExactly(Pollutant.PM10, Pollutant.PM2_5);
    }

    @Test
    void so2HourlyAbove800IsNotComputedAndThe24HourIaqiStands() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "55", "0.9", "120")
            .set(AqiItem.SO2_1H, new BigDecimal("900")));

        assertThat(result.iaqi()).containsEntry(Pollutant.SO2, 12);
        assertThat(result.itemIaqi()).doesNotContainKey(AqiItem.SO2_1H);
        assertThat(result.notComputed()).containsOnlyKeys(AqiItem.SO2_1H);
        assertThat(result.notComputed().get(AqiItem.SO2_1H)).contains("note (2)");
        assertThat(result.aqi()).isEqualTo(75);
    }

    @Test
    void so2HourlyUpTo800IsIndexedButBelongsToTheHourlyReportOnly() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "55", "0.9", "120")
            .set(AqiItem.SO2_1H, new BigDecimal("800")));

        assertThat(result.itemIaqi()).containsEntry(AqiItem.SO2_1H, 200);
        assertThat(result.iaqi()).containsEntry(Pollutant.SO2, 12);
        assertThat(result.notComputed()).isEmpty();
    }

    @Test
    void o3EightHourAbove800TakesTheOneHourIaqi() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "55", "0.9", "850")
            .set(AqiItem.O3_1H, new BigDecimal("600")));

        assertThat(result.iaqi()).containsEntry(Pollutant.O3, 250);
        assertThat(result.notComputed()).containsOnlyKeys(AqiItem.O3_8H);
        assertThat(result.notComputed().get(AqiItem.O3_8H)).contains("note (3)");
        assertThat(result.aqi()).isEqualTo(250);
        assertThat(result.category().level()).isEqualTo(5);
        assertThat(result.primaryPollutants()).containsExactly(Pollutant.O3);
    }

    @Test
    void o3EightHourAt800IsStillComputed() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "55", "0.9", "800"));

        assertThat(result.iaqi()).containsEntry(Pollutant.O3, 300);
        assertThat(result.notComputed()).isEmpty();
    }

    @Test
    void o3EightHourAbove800WithoutTheOneHourValueLeavesTheAqiUnstated() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "55", "0.9", "801"));

        assertThat(result.unresolved()).containsExactly(Pollutant.O3);
        assertThat(result.aqi()).isNull();
        assertThat(result.category()).isNull();
    }

    @Test
    void theDailyMaximumOneHourO3CountsWhenItIsHigher() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "55", "0.9", "120")
            .set(AqiItem.O3_1H, new BigDecimal("250")));

        assertThat(result.itemIaqi()).containsEntry(AqiItem.O3_8H, 67).containsEntry(AqiItem.O3_1H, 125);
        assertThat(result.iaqi()).containsEntry(Pollutant.O3, 125);
        assertThat(result.aqi()).isEqualTo(125);
    }

    @Test
    void concentrationsBeyondTheTopOfTable1AreReportedAt500AndFlagged() {
        AqiResult result = AQI.daily(allSix("12", "40", "80", "600", "0.9", "120"));

        assertThat(result.iaqi()).containsEntry(Pollutant.PM2_5, 500);
        assertThat(result.aboveScale()).containsExactly(Pollutant.PM2_5);
        assertThat(result.category().level()).isEqualTo(6);
        assertThat(AQI.daily(allSix("12", "40", "80", "500", "0.9", "120")).aboveScale()).isEmpty();
    }

    @Test
    void missingPollutantsAreListedAndTheAqiComesFromTheOthers() {
        AqiResult result = AQI.daily(new ItemConcentrations().set(AqiItem.PM2_5_24H, new BigDecimal("55"))
            .set(AqiItem.NO2_24H, new BigDecimal("40")));

        assertThat(result.aqi()).isEqualTo(75);
        assertThat(result.missing()).containsExactly(Pollutant.SO2, Pollutant.PM10, Pollutant.CO, Pollutant.O3);
    }

    @Test
    void withoutAnyValueThereIsNoAqi() {
        AqiResult result = AQI.daily(new ItemConcentrations());

        assertThat(result.aqi()).isNull();
        assertThat(result.missing()).hasSize(6);
    }

    @ParameterizedTest(name = "AQI {1} to {2} is level {0} {4}")
    @CsvFileSource(resources = "/standards/hj633-2012-categories.csv", numLinesToSkip = 1)
    void categoryBoundariesAreInclusive(int level, int from, Integer to, String levelZh, String zh, String en,
            String colourZh, String colourEn, String rgb) {
        AqiCategories categories = AQI.categories();

        assertThat(categories.of(from)).extracting(AqiCategory::level, AqiCategory::levelZh, AqiCategory::zh,
                AqiCategory::en, category -> category.colour().rgb())
            .containsExactly(level, levelZh, zh, en, rgb);
        if (from > 0) {
            assertThat(categories.of(from - 1).level()).isEqualTo(level - 1);
        }
        if (to != null) {
            assertThat(categories.of(to).level()).isEqualTo(level);
            assertThat(categories.of(to + 1).level()).isEqualTo(level + 1);
        }
    }

    private static ItemConcentrations allSix(String so2, String no2, String pm10, String pm25, String co, String o3) {
        return new ItemConcentrations().set(AqiItem.SO2_24H, new BigDecimal(so2))
            .set(AqiItem.NO2_24H, new BigDecimal(no2))
            .set(AqiItem.PM10_24H, new BigDecimal(pm10))
            .set(AqiItem.PM2_5_24H, new BigDecimal(pm25))
            .set(AqiItem.CO_24H, new BigDecimal(co))
            .set(AqiItem.O3_8H, new BigDecimal(o3));
    }
}
