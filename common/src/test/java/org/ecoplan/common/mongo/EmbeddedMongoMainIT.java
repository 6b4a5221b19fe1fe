package org.ecoplan.common.mongo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the launcher's process for real and stops it the way {@code ./platform down} does: SIGTERM. */
class EmbeddedMongoMainIT {

    @Test
    void sigtermFlushesEveryWriteToTheH2File(@TempDir Path data) throws Exception {
        int port = freePort();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedMongoMain.class.getName(), "--port",
                String.valueOf(port), "--data", data.toString())
            .redirectErrorStream(true)
            .start();
        try {
            awaitLine(process, "Embedded MongoDB listening on 127.0.0.1:" + port);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                Mono.from(client.getDatabase("ecoplan-risk")
                    .getCollection("enterprises")
                    .insertOne(new Document("_id", "E-430602-0002"))).block();
            }
            // Immediately, before H2's background writer would have run: only the shutdown hook can save it.
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            process.destroyForcibly();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.h2(data.resolve(EmbeddedMongoMain.DATA_FILE), 0);
                MongoClient client = MongoClients.create(reopened.connectionString("ecoplan-risk"))) {
            List<Document> enterprises = Flux.from(client.getDatabase("ecoplan-risk")
                .getCollection("enterprises")
                .find()).collectList().block();
            assertThat(enterprises).containsExactly(new Document("_id", "E-430602-0002"));
        }
    }

    /** Waits for the line, and keeps draining the output afterwards so the child never blocks on a full pipe. */
    private static void awaitLine(Process process, String expected) throws Exception {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    System.out.println("[EmbeddedMongoMain] " + line);
                    if (line.contains(expected)) {
                        seen.complete(null);
                    }
                }
                seen.completeExceptionally(new IllegalStateException("Process ended without logging: " + expected));
            }
            catch (IOException ex) {
                seen.completeExceptionally(ex);
            }
        }, "embedded-mongo-main-output");
        reader.setDaemon(true);
        reader.start();
        seen.get(60, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
