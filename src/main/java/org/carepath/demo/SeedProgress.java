package org.carepath.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A progress bar on the console: children seeded, the rate, and the time left at that rate. */
final class SeedProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long startedAt = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastPrinted;

    SeedProgress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    void childSeeded() {
        var now = System.nanoTime();
        var count = done.incrementAndGet();
        if (count == total || now - lastPrinted > 500_000_000L) {
            lastPrinted = now;
            print(count, now, false);
        }
    }

    void finished() {
        print(done.get(), System.nanoTime(), true);
    }

    int done() {
        return done.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private synchronized void print(int count, long now, boolean last) {
        var seconds = Math.max((now - startedAt) / 1e9, 0.001);
        var rate = count / seconds;
        var filled = total == 0 ? WIDTH : (int) ((long) WIDTH * count / total);
        var left = rate > 0 ? Duration.ofSeconds(Math.round((total - count) / rate)) : null;
        out.printf("\rDemo seed [%s%s] %d/%d children, %.1f/s, %s%s", "#".repeat(filled), ".".repeat(WIDTH - filled), count, total,
                rate, last ? "took " + words(Duration.ofNanos(now - startedAt)) : "about " + (left == null ? "?" : words(left)) + " left",
                last ? System.lineSeparator() : "   ");
        out.flush();
    }

    static String words(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
