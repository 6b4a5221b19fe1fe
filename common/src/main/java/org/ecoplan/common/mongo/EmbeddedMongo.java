package org.ecoplan.common.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server in this JVM (de.bwaldvogel's mongo-java-server), for local runs and tests.
 * It listens on 127.0.0.1 only: it has no authentication, so nothing beyond this machine may reach it.
 * <p>
 * It lacks transactions, geo and text search and some aggregation stages, and {@code findOneAndUpdate} with
 * {@code $inc} is not atomic; code written for it must stay correct on a real MongoDB (see STACK-NOTES).
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private final MongoServer server;

    private final String description;

    private EmbeddedMongo(MongoBackend backend, int port, String description) {
        this.server = new MongoServer(backend);
        this.server.bind(LOOPBACK, port);
        this.description = description;
    }

    /** A server whose data lives only as long as it runs; port 0 picks a free port. */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new MemoryBackend(), port, "in memory");
    }

    /**
     * A server keeping its data in an H2 MVStore file, created if missing. Data reaches the file when H2's
     * background writer runs (about every second) and fully on {@link #close()}.
     */
    public static EmbeddedMongo h2(Path file, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the folder for " + absolute, ex);
        }
        return new EmbeddedMongo(new H2Backend(absolute.toString()), port, "H2 file " + absolute);
    }

    /** The port it listens on, also when it was started with port 0. */
    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>}, ready for {@code spring.mongodb.uri}. */
    public String connectionString(String database) {
        return "mongodb://" + LOOPBACK + ":" + port() + "/" + database;
    }

    /** Closes client connections, stops listening and closes the backend, which flushes an H2 file. */
    @Override
    public void close() {
        server.shutdownNow();
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + LOOPBACK + ":" + port() + ", " + description + "]";
    }
}
