package org.ecoplan.auth.keycloak;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Zips shaped like the Keycloak distribution, with scripts standing in for kc.sh. */
final class FakeDistribution {

    static final String FOLDER = "fake-keycloak";

    /** Runs a JVM child the way kc.sh does and forwards SIGTERM to it; never becomes ready. */
    static final String SERVER_SCRIPT = """
            #!/bin/sh
            DIR="$(cd "$(dirname "$0")/.." && pwd -P)"
            echo "fake Keycloak: $*"
            echo "bootstrap admin: $KC_BOOTSTRAP_ADMIN_USERNAME/$KC_BOOTSTRAP_ADMIN_PASSWORD"
            echo "java home: $JAVA_HOME"
            "$JAVA_HOME/bin/java" "-Dkc.home.dir=$DIR/bin/.." "$DIR/Sleeper.java" &
            PID=$!
            trap 'kill -TERM $PID; wait $PID' TERM INT
            wait $PID
            """;

    /** Replaces itself with a program whose command line names neither kc.sh nor the distribution. */
    static final String EXEC_SCRIPT = """
            #!/bin/sh
            exec sleep 300
            """;

    static final String FAILING_SCRIPT = """
            #!/bin/sh
            echo "ERROR: Port(s) already bound: 8180: Address already in use"
            exit 1
            """;

    private static final String SLEEPER = """
            public class Sleeper {
                public static void main(String[] args) throws InterruptedException {
                    Thread.sleep(300_000);
                }
            }
            """;

    private FakeDistribution() {
    }

    static Path zip(Path directory, String script) throws IOException {
        return zip(directory.resolve("fake-keycloak.zip"), Map.of(
                FOLDER + "/bin/kc.sh", new Entry(script, "rwxr-xr-x"),
                FOLDER + "/Sleeper.java", new Entry(SLEEPER, "rw-r--r--"),
                FOLDER + "/conf/keycloak.conf", new Entry("# nothing\n", "rw-r--r--")));
    }

    record Entry(String content, String mode) {
    }

    static Path zip(Path zip, Map<String, Entry> entries) throws IOException {
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem archive = FileSystems.newFileSystem(uri,
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                Path path = archive.getPath(entry.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, entry.getValue().content());
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(entry.getValue().mode()));
            }
        }
        return zip;
    }
}
