package org.ecoplan.common.mongo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB of {@code ./platform up}: {@code --port 27018 --data <dir>} serves an H2-backed
 * mongo-java-server on 127.0.0.1 until the process is told to stop. SIGTERM (and Ctrl-C) run a shutdown hook
 * that closes the H2 file, so every acknowledged write is on disk; only SIGKILL can lose the last second.
 */
public final class EmbeddedMongoMain {

    static final String DATA_FILE = "ecoplan-mongo.mv.db";

    static final int DEFAULT_PORT = 27018;

    private static final String LOGBACK_CONFIG = "logback.configurationFile";

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Without a configuration logback logs Netty at DEBUG; this process has no Spring Boot to tame it.
        if (System.getProperty(LOGBACK_CONFIG) == null) {
            System.setProperty(LOGBACK_CONFIG, "org/ecoplan/common/mongo/embedded-mongo-logback.xml");
        }
        Logger log = LoggerFactory.getLogger(EmbeddedMongoMain.class);
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            log.error("{}\nUsage: EmbeddedMongoMain [--port {}] --data <dir>", ex.getMessage(), DEFAULT_PORT);
            System.exit(2);
            return;
        }
        Path file = options.data().resolve(DATA_FILE);
        EmbeddedMongo mongo;
        try {
            mongo = EmbeddedMongo.h2(file, options.port());
        }
        catch (Exception ex) {
            // Netty rethrows a BindException unchecked; "port in use" is the usual cause and needs no stack trace.
            log.error("Cannot start embedded MongoDB on {}:{} with data in {}: {}", EmbeddedMongo.LOOPBACK,
                    options.port(), file.toAbsolutePath(), ex.toString());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping embedded MongoDB on port {}", mongo.port());
            mongo.close();
            stopped.countDown();
        }, "embedded-mongo-shutdown"));
        log.info("Embedded MongoDB listening on {}:{}, data in {}", EmbeddedMongo.LOOPBACK, mongo.port(),
                file.toAbsolutePath());
        stopped.await();
    }

    record Options(int port, Path data) {

        static Options parse(String[] args) {
            int port = DEFAULT_PORT;
            Path data = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                }
                else if (i + 1 < args.length) {
                    value = args[++i];
                }
                else {
                    throw new IllegalArgumentException("Missing value for " + arg);
                }
                switch (name) {
                    case "--port" -> port = port(value);
                    case "--data" -> data = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data <dir> is required");
            }
            return new Options(port, data);
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("--port must be between 0 and 65535, was " + value);
                }
                return port;
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--port must be a number, was " + value, ex);
            }
        }
    }
}
