package org.ecoplan.indicator.air;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.ecoplan.common.mongo.EmbeddedMongo;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.indicator.IndicatorServiceApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * Hourly rows imported per second end to end: a station-year CSV (8,760 rows) POSTed over HTTP with a bearer token
 * to the running indicator-service, parsed, validated and written to an embedded MongoDB (in memory, its own
 * port); for the plan station the year is then read back and evaluated for the derived indicators. One operation
 * is one row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class HourlyImportBenchmark {

    private static final int ROWS = 8760;

    private static final String PLAN_STATION = "城陵矶";

    private EmbeddedMongo mongo;

    private ConfigurableApplicationContext service;

    private HttpClient http;

    private URI hourly;

    private String token;

    private String planStationYear;

    private String newStationYear;

    private int stations;

    /** Derived observations are dropped: recording two of them per import is not what is measured here. */
    @Configuration(proxyBeanMethods = false)
    static class DropDerivedObservations {

        @Bean
        @Primary
        DerivedIndicators dropDerivedObservations() {
            return observation -> Mono.empty();
        }
    }

    @Setup(Level.Trial)
    public void startService() {
        mongo = EmbeddedMongo.inMemory(0);
        // Command-line arguments, because application.yml would override default properties.
        service = new SpringApplicationBuilder(IndicatorServiceApplication.class, TestJwts.class,
                DropDerivedObservations.class)
            .run("--server.port=0", "--spring.mongodb.uri=" + mongo.connectionString("ecoplan-bench"),
                    "--logging.level.root=WARN");
        hourly = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")
                + "/api/v1/air-quality/hourly");
        token = TestJwts.token("bench", PlatformRoles.ECO_ADMIN).expiresAt(Instant.now().plus(Duration.ofHours(2)))
            .encode();
        http = HttpClient.newHttpClient();
        planStationYear = GeneratedStationYear.csv(PLAN_STATION, 2023);
    }

    @Setup(Level.Invocation)
    public void nextStation() {
        newStationYear = planStationYear.replace(PLAN_STATION, "站" + stations++);
    }

    @TearDown(Level.Trial)
    public void stopService() {
        service.close();
        mongo.close();
    }

    /** A station-year the archive has not seen: every station-day is inserted. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int importNewStationYear() throws IOException, InterruptedException {
        return post(newStationYear);
    }

    /** The plan station's year again: every station-day is replaced, then the year is evaluated for the plan. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int reimportPlanStationYear() throws IOException, InterruptedException {
        return post(planStationYear);
    }

    private int post(String csv) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(hourly)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Import answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().length();
    }
}
