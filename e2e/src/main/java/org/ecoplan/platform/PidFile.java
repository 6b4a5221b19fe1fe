package org.ecoplan.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A started process, remembered on disk so that a later {@code ./platform down} in another JVM
 * stops exactly it. The start instant guards against the pid having been reused by an unrelated
 * process since: such a process is never signalled.
 */
record PidFile(Path file, long pid, Instant started) {

    static PidFile write(Path file, ProcessHandle process) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new PidFile(file, process.pid(), started);
    }

    static Optional<PidFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split(" ");
            return Optional.of(new PidFile(file, Long.parseLong(parts[0]), Instant.parse(parts[1])));
        } catch (IOException | RuntimeException e) {
            // A half-written or hand-edited file names no process we can trust.
            return Optional.empty();
        }
    }

    /** The live process this file names, if it is still the one we started. */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant().map(started::equals).orElse(false)
                        || started.equals(Instant.EPOCH));
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
