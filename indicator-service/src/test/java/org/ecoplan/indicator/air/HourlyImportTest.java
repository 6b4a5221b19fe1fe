package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "60s")
@Import({ MongoTestConfiguration.class, TestJwts.class, RecordingDerivedIndicators.class })
class HourlyImportTest {

    private static final Logger log = LoggerFactory.getLogger(HourlyImportTest.class);

    private static final String PLAN_STATION = "城陵矶";

    private static final int YEAR = 2023;

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private RecordingDerivedIndicators.Recorded derived;

    @BeforeEach
    void clear() {
        template.remove(new Query(), StationDay.COLLECTION).block();
        derived.clear();
    }

    @Test
    void aStationYearImportsAndYieldsTheDailyAndAnnualResults() {
        String csv = GeneratedStationYear.csv(PLAN_STATION, YEAR);
        long started = System.nanoTime();
        JsonNode report = importCsv(csv).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("8,760 hourly rows imported end to end in {} ms", took.toMillis());

        assertThat(report.get("rows").asInt()).isEqualTo(8760);
        assertThat(report.at("/stations/0/station").asString()).isEqualTo(PLAN_STATION);
        assertThat(report.at("/stations/0/from").asString()).isEqualTo("2023-01-01T00:00:00");
        assertThat(report.at("/stations/0/to").asString()).isEqualTo("2023-12-31T23:00:00");
        assertThat(count(PLAN_STATION)).isEqualTo(8760);
        // a guard against pathological slowness only: the JMH benchmark measures the speed
        assertThat(took).isLessThan(Duration.ofSeconds(20));

        JsonNode annual = annual(PLAN_STATION, YEAR);
        List<LocalDate> days = LocalDate.of(YEAR, 1, 1).datesUntil(LocalDate.of(YEAR + 1, 1, 1)).toList();
        assertThat(annual.get("so2Mean").decimalValue()).isEqualByComparingTo(annualMean(Pollutant.SO2, days));
        assertThat(annual.get("no2Mean").decimalValue()).isEqualByComparingTo(annualMean(Pollutant.NO2, days));
        assertThat(annual.get("pm10Mean").decimalValue()).isEqualByComparingTo(annualMean(Pollutant.PM10, days));
        assertThat(annual.get("pm25Mean").decimalValue()).isEqualByComparingTo(annualMean(Pollutant.PM2_5, days));
        assertThat(annual.get("coP95").decimalValue()).isEqualByComparingTo(percentile(
                days.stream().map(date -> GeneratedStationYear.dailyMean(Pollutant.CO, date)).toList(), 0.95, 1));
        assertThat(annual.get("o3P90").decimalValue()).isEqualByComparingTo(
                percentile(days.stream().map(GeneratedStationYear::o3EightHourMax).toList(), 0.90, 0));
        // CO fails on 12 days (every 30th), O3 on 8 (every 45th), both on 4 (every 90th)
        assertThat(annual.get("validDays").asInt()).isEqualTo(365 - 16);
        assertThat(annual.get("daysWithData").asInt()).isEqualTo(365);
        assertThat(annual.at("/compliance/CO/dailyValues").asInt()).isEqualTo(365 - 12);
        assertThat(annual.at("/compliance/O3/dailyValues").asInt()).isEqualTo(365 - 8);
        long pm25Exceedances = days.stream()
            .filter(date -> GeneratedStationYear.dailyMean(Pollutant.PM2_5, date).compareTo(BigDecimal.valueOf(75)) > 0)
            .count();
        assertThat(annual.at("/exceedanceDays/PM2.5").asLong()).isEqualTo(pm25Exceedances).isPositive();
        assertThat(annual.at("/compliance/PM2.5/limit").decimalValue()).isEqualByComparingTo("35");
        assertThat(annual.at("/compliance/PM2.5/compliant").asBoolean()).isEqualTo(
                annual.get("pm25Mean").decimalValue().compareTo(BigDecimal.valueOf(35)) <= 0);
        assertThat(annual.at("/compliance/PM2.5/valid").asBoolean()).isTrue();
        assertThat(annual.at("/standards/0/code").asString()).isEqualTo("GB 3095-2012");

        JsonNode daily = client.get()
            .uri("/api/v1/air-quality/daily?station={s}&from=2023-01-01&to=2023-12-31", PLAN_STATION)
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> items = daily.get("items").valueStream().toList();
        assertThat(items).hasSize(365);
        long goodDays = items.stream().filter(day -> day.get("valid").asBoolean() && day.get("aqi").asInt() <= 100)
            .count();
        assertThat(annual.get("goodDays").asLong()).isEqualTo(goodDays);
        assertThat(annual.get("goodDayRatio").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(goodDays * 100)
            .divide(BigDecimal.valueOf(349), 1, RoundingMode.HALF_EVEN));

        JsonNode january30 = items.get(29);
        assertThat(january30.get("date").asString()).isEqualTo("2023-01-30");
        assertThat(january30.get("valid").asBoolean()).as("CO has 19 hourly values").isFalse();
        assertThat(january30.get("aqi").isNull()).isTrue();
        assertThat(january30.get("co").isNull()).isTrue();
        assertThat(january30.at("/hourlyValues/CO").asInt()).isEqualTo(19);
        assertThat(january30.get("pm25").decimalValue()).isEqualByComparingTo(
                GeneratedStationYear.dailyMean(Pollutant.PM2_5, LocalDate.of(YEAR, 1, 30)));

        JsonNode february14 = items.get(44);
        assertThat(february14.get("o3_8h").isNull()).as("O3 has 13 valid windows").isTrue();
        assertThat(february14.get("validO3Windows").asInt()).isEqualTo(13);

        JsonNode march5 = items.get(63);
        LocalDate date = LocalDate.of(YEAR, 3, 5);
        assertThat(march5.get("valid").asBoolean()).isTrue();
        assertThat(march5.get("pm25").decimalValue()).isEqualByComparingTo(
                GeneratedStationYear.dailyMean(Pollutant.PM2_5, date));
        assertThat(march5.get("co").decimalValue()).isEqualByComparingTo(
                GeneratedStationYear.dailyMean(Pollutant.CO, date));
        assertThat(march5.get("o3_8h").decimalValue()).isEqualByComparingTo(GeneratedStationYear.o3EightHourMax(date));
        // the day's values posted to the calculator give the day's AQI
        JsonNode calculated = client.post().uri("/api/v1/air-quality/aqi")
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .bodyValue(march5)
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(calculated.get("aqi").asInt()).isEqualTo(march5.get("aqi").asInt());
        assertThat(calculated.get("primaryPollutants")).isEqualTo(march5.get("primaryPollutants"));

        assertThat(derived.observations()).extracting(DerivedObservation::indicatorCode, DerivedObservation::year,
                DerivedObservation::value)
            .containsExactly(tuple("AIR-PM25", YEAR, annual.get("pm25Mean").decimalValue()),
                    tuple("AIR-GOOD-DAYS", YEAR,
                            annual.get("goodDayRatio").decimalValue()));
        assertThat(derived.observations()).allSatisfy(observation -> {
            assertThat(observation.kind()).isEqualTo("AIR_ANNUAL");
            assertThat(observation.reference()).isEqualTo("城陵矶/2023");
            assertThat(observation.link()).isEqualTo("/api/v1/air-quality/annual?station=城陵矶&year=2023");
        });
        assertThat(report.at("/derivations/recorded").size()).isEqualTo(2);

        importCsv(csv).expectStatus().isOk();
        assertThat(count(PLAN_STATION)).as("the same hours again replace themselves").isEqualTo(8760);
        assertThat(annual(PLAN_STATION, YEAR)).isEqualTo(annual);
    }

    @Test
    void importingTheSameHoursAgainReplacesThem() {
        importCsv(GeneratedStationYear.HEADER + "东风湖,2024-05-01T08:00,10,20,30,40,0.5,60\n"
                + "东风湖,2024-05-01T09:00,11,21,31,41,0.6,61\n").expectStatus().isOk();
        importCsv(GeneratedStationYear.HEADER + "东风湖,2024-05-01T09:00,12,,32,42,0.7,62\n").expectStatus().isOk();

        assertThat(count("东风湖")).isEqualTo(2);
        DayOfHours day = StationDay.toDayOfHours(template.findById("东风湖/2024-05-01", Document.class,
                StationDay.COLLECTION).block());
        assertThat(day.value(Pollutant.SO2, 8)).isEqualByComparingTo("10");
        assertThat(day.value(Pollutant.SO2, 9)).isEqualByComparingTo("12");
        assertThat(day.value(Pollutant.NO2, 9)).as("an empty cell replaces the old value with a missing one").isNull();
        assertThat(derived.observations()).as("only the plan station feeds the plan").isEmpty();
    }

    @Test
    void aFileWithBadRowsIsRejectedWholeWithEveryBadLine() {
        String csv = GeneratedStationYear.HEADER
                + "城陵矶,2023-01-01T00:00,10,20,30,40,0.5,60\n"
                + "城陵矶,2023-01-01T01:30,10,20,30,40,0.5,60\n"
                + "城陵矶,2023-01-01T02:00,-1,20,30,40,0.5,60\n"
                + "城陵矶,2023-01-01T03:00+08:00,10,20,30,40,0.5,60\n"
                + "城陵矶,2023-01-01T04:00,10,20,30,abc,0.5,60\n"
                + ",2023-01-01T05:00,10,20,30,40,0.5,60\n"
                + "城陵矶,2023-01-01T06:00,10,20,30,40\n"
                + "城陵矶,2023-01-01T00:00,10,20,30,40,0.5,60\n";

        importCsv(csv).expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail").isEqualTo("7 bad row(s); nothing was imported. Correct them and send the whole file again.")
            .jsonPath("$.badLines").isEqualTo(List.of(3, 4, 5, 6, 7, 8, 9))
            .jsonPath("$.errors[?(@.field == 'line 3, time')].message").isEqualTo(
                    "must be the start of an hour (got '2023-01-01T01:30')")
            .jsonPath("$.errors[?(@.field == 'line 4, so2')].message").isEqualTo(
                    "must lie between 0 and 100000 (got '-1')")
            .jsonPath("$.errors[?(@.field == 'line 5, time')]").exists()
            .jsonPath("$.errors[?(@.field == 'line 6, pm25')].message").isEqualTo("must be a number or empty (got 'abc')")
            .jsonPath("$.errors[?(@.field == 'line 7, station')]").exists()
            .jsonPath("$.errors[?(@.field == 'line 8')].message").isEqualTo("has 6 cells, the header 8")
            .jsonPath("$.errors[?(@.field == 'line 9, time')].message").isEqualTo(
                    "repeats the station and hour of line 2");

        assertThat(count(PLAN_STATION)).isZero();
        assertThat(derived.observations()).isEmpty();
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRejected() {
        importCsv("station,time,so2\n城陵矶,2023-01-01T00:00,1\n").expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("line 1")
            .jsonPath("$.errors[0].message").isEqualTo("the header must be station,time,so2,no2,pm10,pm25,co,o3");
        importCsv("").expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].message").isEqualTo(
                    "the file is empty; it must start with the header station,time,so2,no2,pm10,pm25,co,o3");
        importCsv(GeneratedStationYear.HEADER).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].message").isEqualTo("the file has no data rows");
    }

    @Test
    void aFileThatIsNotUtf8OrLeavesAQuoteOpenIsRejected() {
        String row = "城陵矶,2023-01-01T00:00,10,20,30,40,0.5,60\n";
        importFile((GeneratedStationYear.HEADER + row).getBytes(Charset.forName("GB18030")))
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("file")
            .jsonPath("$.detail").isEqualTo("The file cannot be read: the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        importCsv(GeneratedStationYear.HEADER + "\"" + row).expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.detail").isEqualTo("The file cannot be read: line 2: a quoted field is never closed");

        assertThat(count(PLAN_STATION)).isZero();
    }

    @Test
    void aByteOrderMarkAndQuotedCellsAreRead() {
        importCsv("\uFEFF" + GeneratedStationYear.HEADER + "\"城陵矶\",\"2023-01-01T00:00\",10,20,30,40,0.5,60\n")
            .expectStatus().isOk();

        assertThat(count(PLAN_STATION)).isOne();
    }

    @Test
    void anotherMediaTypeIsUnsupported() {
        client.post().uri("/api/v1/air-quality/hourly")
            .headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus().isEqualTo(415)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPartialYearRecordsNothingForThePlanAndSaysWhy() {
        importCsv(GeneratedStationYear.HEADER + "城陵矶,2024-05-01T08:00,10,20,30,40,0.5,60\n").expectStatus().isOk()
            .expectBody()
            .jsonPath("$.derivations.recorded").isEmpty()
            .jsonPath("$.derivations.skipped[0].indicatorCode").isEqualTo("AIR-PM25")
            .jsonPath("$.derivations.skipped[1].indicatorCode").isEqualTo("AIR-GOOD-DAYS")
            .jsonPath("$.derivations.skipped[*].withdrawn").isEqualTo(List.of(false, false));

        assertThat(derived.observations()).isEmpty();
    }

    @Test
    void aYearLeftShortOfDataByALaterImportLosesWhatItHadYielded() {
        importCsv(GeneratedStationYear.csv(PLAN_STATION, YEAR)).expectStatus().isOk();
        assertThat(derived.observations()).hasSize(2);

        importCsv(GeneratedStationYear.withoutValues(PLAN_STATION, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 1, 31)))
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.derivations.recorded").isEmpty()
            .jsonPath("$.derivations.skipped[*].indicatorCode").isEqualTo(List.of("AIR-PM25", "AIR-GOOD-DAYS"))
            .jsonPath("$.derivations.skipped[*].withdrawn").isEqualTo(List.of(true, true));

        assertThat(derived.observations()).isEmpty();
    }

    @Test
    void deriveRecordsThePlanStationsYearOnDemand() {
        importCsv(GeneratedStationYear.csv(PLAN_STATION, YEAR)).expectStatus().isOk();
        derived.clear();

        client.post().uri("/api/v1/air-quality/annual/derive?station={s}&year=2023", PLAN_STATION)
            .headers(TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env").bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.recorded[0].indicatorCode").isEqualTo("AIR-PM25")
            .jsonPath("$.recorded[1].indicatorCode").isEqualTo("AIR-GOOD-DAYS")
            .jsonPath("$.skipped").isEmpty();

        assertThat(derived.observations()).hasSize(2);
    }

    @Test
    void deriveIsOnlyForThePlanStationAndAYearWithData() {
        client.post().uri("/api/v1/air-quality/annual/derive?station=南湖&year=2023")
            .headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("station");
        client.post().uri("/api/v1/air-quality/annual/derive?station={s}&year=2022", PLAN_STATION)
            .headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec importCsv(String csv) {
        return importFile(csv.getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec importFile(byte[] file) {
        return client.post().uri("/api/v1/air-quality/hourly")
            .headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(CSV)
            .bodyValue(file)
            .exchange();
    }

    private JsonNode annual(String station, int year) {
        return client.get().uri("/api/v1/air-quality/annual?station={s}&year={y}", station, year)
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Stored station-hours. */
    private long count(String station) {
        return template.find(Query.query(Criteria.where("station").is(station)), Document.class,
                StationDay.COLLECTION)
            .map(day -> day.get("hours", Document.class).size())
            .reduce(0, Integer::sum)
            .block();
    }

    private static BigDecimal annualMean(Pollutant pollutant, List<LocalDate> days) {
        List<BigDecimal> values = days.stream().map(date -> GeneratedStationYear.dailyMean(pollutant, date))
            .filter(value -> value != null)
            .toList();
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(values.size()), 0, RoundingMode.HALF_EVEN);
    }

    /** HJ 663-2013 Appendix A, computed here with doubles. */
    private static BigDecimal percentile(List<BigDecimal> dailyValues, double p, int scale) {
        double[] sorted = dailyValues.stream().filter(value -> value != null).mapToDouble(BigDecimal::doubleValue)
            .sorted().toArray();
        double k = 1 + (sorted.length - 1) * p;
        int s = (int) Math.floor(k);
        double value = s >= sorted.length ? sorted[sorted.length - 1]
                : sorted[s - 1] + (sorted[s] - sorted[s - 1]) * (k - s);
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
