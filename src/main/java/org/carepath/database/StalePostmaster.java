package org.carepath.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier CarePath killed without warning (SIGKILL, a crash of the JVM) leaves behind: its embedded
 * PostgreSQL still running on the data directory, which the next start could not use. Before a start, a postmaster
 * named by {@code postmaster.pid} that is alive and was started on this data directory is stopped the way PostgreSQL
 * asks: smart shutdown (SIGTERM; the dead JVM's sessions are gone), then fast (SIGINT), then immediate (SIGQUIT, the
 * next start replays the write-ahead log), and SIGKILL only if it still stands. A pid file naming a dead process is
 * left to PostgreSQL, which takes it over; one naming a live process that is no PostgreSQL at all (its PID reused
 * after a reboot) is removed, as PostgreSQL would otherwise refuse to start.
 * <p>
 * A CarePath still running on the directory holds the library's lock file ({@value #LOCK_FILE}): then nothing is
 * stopped, and the start is refused with a message saying so.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    static final String PID_FILE = "postmaster.pid";
    /** The lock file io.zonky's EmbeddedPostgres holds while it runs a server on the directory. */
    static final String LOCK_FILE = "epg-lock";

    private StalePostmaster() {
    }

    /** Stops what an earlier, dead CarePath left running on the directory; returns the PID it stopped, if any. */
    static Optional<Long> stopIfLeftBehind(Path dataDirectory, Duration patience) throws IOException {
        var directory = dataDirectory.toAbsolutePath().normalize();
        var pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // half-written by a postmaster that died starting: PostgreSQL's own check handles it
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names PID {}, which is not running: PostgreSQL takes the stale file over", pidFile, pid);
            return Optional.empty();
        }
        var commandLine = commandLine(pid);
        if (commandLine.isEmpty()) {
            log.warn("{} names PID {}, whose command line cannot be read: left to PostgreSQL", pidFile, pid);
            return Optional.empty();
        }
        var arguments = commandLine.get();
        if (!isPostgres(arguments)) {
            log.warn("{} names PID {}, now another program ({}): removing the stale pid file", pidFile, pid, arguments.get(0));
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        if (!runsOn(arguments, directory)) {
            log.warn("{} names PID {}, a PostgreSQL on another data directory: removing the stale pid file", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        requireNoLiveOwner(directory);
        log.warn("The embedded PostgreSQL (PID {}) of an earlier CarePath that did not shut down is still running on {}: stopping it",
                pid, directory);
        stop(process.get(), patience);
        log.info("Stopped the embedded PostgreSQL left running (PID {})", pid);
        return Optional.of(pid);
    }

    /** A CarePath that is still running holds the library's lock: refuse rather than stop its database under it. */
    private static void requireNoLiveOwner(Path directory) throws IOException {
        var lockFile = directory.resolve(LOCK_FILE);
        try (var file = new RandomAccessFile(lockFile.toFile(), "rw"); var channel = file.getChannel()) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL's data directory " + directory + " is in use by another"
                        + " CarePath that is still running: stop it first, or give this one another directory"
                        + " (CAREPATH_DATABASE_EMBEDDED_DATA_DIRECTORY)");
            }
            lock.release();
        }
    }

    private static void stop(ProcessHandle postmaster, Duration patience) throws IOException {
        // smart: waits for sessions, and the dead JVM's are gone
        signal(postmaster, "TERM");
        if (exited(postmaster, patience)) {
            return;
        }
        log.warn("The embedded PostgreSQL (PID {}) did not stop in {}: fast shutdown", postmaster.pid(), patience);
        signal(postmaster, "INT");
        if (exited(postmaster, patience)) {
            return;
        }
        log.warn("The embedded PostgreSQL (PID {}) did not stop in {}: immediate shutdown (the next start recovers from the log)",
                postmaster.pid(), patience);
        signal(postmaster, "QUIT");
        if (exited(postmaster, patience)) {
            return;
        }
        log.error("The embedded PostgreSQL (PID {}) ignored every shutdown: killing it (the next start recovers from the log)",
                postmaster.pid());
        postmaster.destroyForcibly();
        if (!exited(postmaster, patience)) {
            throw new IOException("Cannot stop the embedded PostgreSQL left running (PID " + postmaster.pid() + ")");
        }
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        if ("TERM".equals(signal)) {
            process.destroy();
            return;
        }
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the embedded PostgreSQL", e);
        }
    }

    private static boolean exited(ProcessHandle process, Duration patience) throws IOException {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the embedded PostgreSQL", e);
        }
    }

    /** The process's arguments, from {@code /proc} (Linux) or, elsewhere, from what the JDK can tell. */
    static Optional<List<String>> commandLine(long pid) {
        var proc = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                var raw = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
                var arguments = new ArrayList<String>(List.of(raw.split("\0")));
                arguments.removeIf(String::isEmpty);
                return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command().map(command -> {
            var arguments = new ArrayList<String>();
            arguments.add(command);
            handle.info().arguments().ifPresent(more -> arguments.addAll(List.of(more)));
            return arguments;
        }));
    }

    private static boolean isPostgres(List<String> arguments) {
        var program = Path.of(arguments.get(0)).getFileName();
        return program != null && (program.toString().equals("postgres") || program.toString().equals("postgres.exe"));
    }

    private static boolean runsOn(List<String> arguments, Path directory) {
        for (int i = 0; i < arguments.size(); i++) {
            String named = null;
            if (arguments.get(i).equals("-D") && i + 1 < arguments.size()) {
                named = arguments.get(i + 1);
            } else if (arguments.get(i).startsWith("-D") && arguments.get(i).length() > 2) {
                named = arguments.get(i).substring(2);
            }
            if (named != null && sameDirectory(Path.of(named), directory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
