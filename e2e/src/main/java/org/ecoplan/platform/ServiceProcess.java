package org.ecoplan.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM child that outlives the launcher, its output appended to its own log file. */
final class ServiceProcess {

    private ServiceProcess() {
    }

    // A session of its own keeps the child clear of the terminal's Ctrl-C once the launcher has exited;
    // setsid execs without forking, so the pid stays the JVM's.
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    static ProcessHandle start(List<String> javaArguments, Path workingDir, Path logFile) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDir);
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    // The launcher exits after `up`; a child reading the launcher's stdin would see EOF.
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }
}
