package org.ecoplan.e2e;

import org.ecoplan.common.testing.ApiClient;
import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrix.Row;
import org.ecoplan.common.testing.MatrixFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole authorization matrix ({@code authorization/matrix.csv}), every row for every identity, through the
 * gateway with real Keycloak tokens: the services' own matrix tests prove the same answers without the gateway.
 * Rows run side by side (each row's identities one after the other, since some of them change the same fixture),
 * and every answer that differs from the table is reported, not only the first.
 */
@ExtendWith(TestPlatform.Resolver.class)
class AuthorizationMatrixIT {

    /** Enough to keep the gateway busy while one request waits for a service, few enough for two shared cores. */
    private static final int PARALLEL_ROWS = 4;

    private static AuthorizationMatrix matrix;
    private static ApiClient gateway;
    private static MatrixFixtures fixtures;

    @BeforeAll
    static void usePlatform(TestPlatform platform) {
        matrix = AuthorizationMatrix.readAll(platform.root().resolve("authorization"));
        gateway = platform.api();
        // The platform runs on the real clock.
        fixtures = new MatrixFixtures(matrix, gateway, Clock.systemUTC());
    }

    @Test
    void everyRowAnswersEveryIdentityThroughTheGatewayAsTheMatrixSays() throws Exception {
        List<String> differences = new ArrayList<>();
        List<Row> runnable = new ArrayList<>();
        for (Row row : matrix.rows()) {
            Set<String> unknown = fixtures.unknownPlaceholders(row);
            if (unknown.isEmpty()) {
                runnable.add(row);
            } else {
                differences.add(describe(row) + ": placeholders " + unknown + " unknown to AuthorizationMatrixIT;"
                        + " add their fixtures to MatrixFixtures");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_ROWS);
        try {
            List<Future<List<String>>> rows = runnable.stream().map(row -> pool.submit(() -> run(row))).toList();
            for (Future<List<String>> row : rows) {
                differences.addAll(row.get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(differences)
                .withFailMessage("%d of %d answers differ from authorization/matrix.csv:%n%s", differences.size(),
                        matrix.cases().size(), String.join(System.lineSeparator(), differences))
                .isEmpty();
    }

    /** Calls the row as each identity; a difference or a fixture that could not be made is one line. */
    private List<String> run(Row row) {
        List<String> differences = new ArrayList<>();
        for (Case matrixCase : matrix.cases().stream().filter(c -> c.row() == row).toList()) {
            String identity = matrixCase.identity().column();
            try {
                MatrixFixtures.Call call = fixtures.prepare(row);
                ApiClient.Answer answer = ApiClient.untilNotLimited(() -> matrix.send(gateway.client(), matrixCase,
                                gateway.credentials(matrixCase.identity()), call.path(), call.ifMatch(),
                                call.placeholders())
                        .expectBody(byte[].class).returnResult());
                if (answer.status() != matrixCase.expectedStatus()) {
                    differences.add(describe(row) + " as " + identity + ": expected " + matrixCase.expectedStatus()
                            + ", got " + answer.status() + " " + answer.excerpt());
                }
            } catch (RuntimeException e) {
                differences.add(describe(row) + " as " + identity + ": not run, " + e.getMessage());
            }
        }
        return differences;
    }

    private static String describe(Row row) {
        return "row " + (matrix.rows().indexOf(row) + 1) + " " + row.service() + " " + row.method() + " "
                + row.path() + (row.body() == null ? "" : " (" + row.body() + ")");
    }
}
