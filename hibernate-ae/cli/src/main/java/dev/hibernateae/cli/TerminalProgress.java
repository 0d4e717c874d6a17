package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.JobProgress;
import dev.hibernateae.lifecycle.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on the terminal: one line rewritten in place on a console, a line every few seconds otherwise (logs).
 * {@code rotate cek1 ... patient: 45,000 / 100,000 rows (45.0%), 12,345 rows/s, 4 s left}.
 */
final class TerminalProgress implements ProgressListener {
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean console;
    private long lastLine;
    private JobProgress.Stage lastStage;

    TerminalProgress(PrintStream err, boolean console) {
        this.err = err;
        this.console = console;
    }

    @Override
    public synchronized void onProgress(JobProgress progress) {
        String line = line(progress);
        long now = System.nanoTime();
        boolean stageChanged = progress.stage() != lastStage;
        if (console) {
            err.print("\r" + line + "   ");
            if (progress.stage() == JobProgress.Stage.DONE) {
                err.println();
            }
        } else if (stageChanged || now - lastLine >= LOG_EVERY_NANOS || progress.stage() == JobProgress.Stage.DONE) {
            err.println(line);
            lastLine = now;
        }
        lastStage = progress.stage();
        err.flush();
    }

    static String line(JobProgress progress) {
        return switch (progress.stage()) {
            case WAITING -> progress.job() + ": waiting " + seconds(progress.remaining())
                    + " for running applications to see the change";
            case REWRITING, VERIFYING, DONE -> String.format(Locale.ROOT, "%s: %s%,d / %,d rows (%.1f%%), %,.0f rows/s%s",
                    progress.job(), progress.stage() == JobProgress.Stage.VERIFYING ? "verifying, "
                            : progress.stage() == JobProgress.Stage.DONE ? "done, " : "",
                    progress.rowsDone(), progress.rowsTotal(), progress.percent(), progress.rowsPerSecond(),
                    progress.remaining() == null || progress.stage() != JobProgress.Stage.REWRITING ? ""
                            : ", " + seconds(progress.remaining()) + " left");
        };
    }

    private static String seconds(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long s = duration.toSeconds();
        return s >= 120 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
