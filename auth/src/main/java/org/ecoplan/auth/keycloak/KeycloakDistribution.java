package org.ecoplan.auth.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the Keycloak server zip and unpacks it once into a home folder. */
final class KeycloakDistribution {

    /** System property naming a Keycloak server zip to use instead of the one in the Maven repository. */
    static final String ZIP_PROPERTY = "ecoplan.keycloak.dist";

    /** Written last, so a folder without it is the remains of an interrupted unpack. */
    static final String UNPACKED_MARKER = ".ecoplan-unpacked";

    private KeycloakDistribution() {
    }

    /**
     * The zip named by {@value #ZIP_PROPERTY}, else {@code org.keycloak:keycloak-quarkus-dist} in the local
     * Maven repository ({@code maven.repo.local}, else {@code ~/.m2/repository}).
     */
    static Path locate(Properties systemProperties) {
        String explicit = systemProperties.getProperty(ZIP_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path zip = Path.of(explicit);
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("System property " + ZIP_PROPERTY + " names " + zip
                        + ", which is not a file");
            }
            return zip;
        }
        Properties coordinates = coordinates();
        String groupId = coordinates.getProperty("groupId");
        String artifactId = coordinates.getProperty("artifactId");
        String version = coordinates.getProperty("version");
        String localRepository = systemProperties.getProperty("maven.repo.local");
        Path repository = localRepository != null && !localRepository.isBlank() ? Path.of(localRepository)
                : Path.of(systemProperties.getProperty("user.home"), ".m2", "repository");
        Path zip = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak " + version + " is not in the local Maven repository: " + zip
                    + " is missing. Fetch it with `./mvnw dependency:get -Dartifact=" + groupId + ":" + artifactId
                    + ":" + version + ":zip`, or name a Keycloak zip with -D" + ZIP_PROPERTY + "=<file>");
        }
        return zip;
    }

    /**
     * Unpacks the zip's single top-level folder into {@code home}, unless a complete earlier unpack is there.
     * File modes come from the zip: {@code java.util.zip} would lose the executable bit of {@code bin/kc.sh}.
     *
     * @return the real path of the unpacked folder, such as {@code <home>/keycloak-26.5.6}
     */
    static Path unpack(Path zip, Path home) {
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            String folder = topLevelFolder(archive, zip);
            Path target = home.resolve(folder);
            if (Files.exists(target.resolve(UNPACKED_MARKER))) {
                return target.toRealPath();
            }
            deleteRecursively(target);
            Path staging = Files.createTempDirectory(home, ".unpacking-");
            try {
                copyTree(archive.getPath("/", folder), staging.resolve(folder));
                Files.move(staging.resolve(folder), target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(staging);
            }
            Files.writeString(target.resolve(UNPACKED_MARKER), zip.toAbsolutePath() + System.lineSeparator());
            return target.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + home, e);
        }
    }

    private static String topLevelFolder(FileSystem archive, Path zip) throws IOException {
        try (Stream<Path> entries = Files.list(archive.getPath("/"))) {
            List<Path> top = entries.toList();
            if (top.size() != 1 || !Files.isDirectory(top.get(0))) {
                throw new IOException(zip + " is not a Keycloak distribution: expected one top-level folder, found "
                        + top);
            }
            return top.get(0).getFileName().toString().replace("/", "");
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Path normalizedTarget = target.toAbsolutePath().normalize();
        try (Stream<Path> entries = Files.walk(source)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path destination = normalizedTarget.resolve(source.relativize(entry).toString()).normalize();
                if (!destination.startsWith(normalizedTarget)) {
                    throw new IOException("Zip entry " + entry + " would land outside " + target);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(entry, destination);
                    Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE);
                    mode.addAll(Files.getPosixFilePermissions(entry));
                    Files.setPosixFilePermissions(destination, mode);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static Properties coordinates() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("distribution.properties")) {
            if (in == null) {
                throw new IllegalStateException("distribution.properties is missing from the auth jar");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read distribution.properties", e);
        }
    }
}
