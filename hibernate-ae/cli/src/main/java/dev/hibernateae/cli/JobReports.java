package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.JobReport;
import java.io.PrintStream;
import java.util.Locale;

/** A job's report as the operator reads it, and the exit code it means: 0 completed, 3 run it again. */
final class JobReports {
    private JobReports() {
    }

    /** Prints the report and says which exit code it means. */
    static int print(JobReport report, Context context) {
        PrintStream out = context.out();
        out.println(report.operation() + ": " + (report.completed() ? "completed" : "NOT completed"));
        out.println(String.format(Locale.ROOT, "  rows walked %d, values rewritten %d, already done %d, nulls %d, "
                + "conflicts with the application %d, unreadable %d, in %.1f s", report.rowsWalked(),
                report.rewritten(), report.alreadyDone(), report.nulls(), report.conflicts(), report.unreadable(),
                report.elapsed().toMillis() / 1000.0));
        if (report.completed()) {
            return ExitCodes.OK;
        }
        if (report.unreadable() > 0) {
            context.err().println(report.unreadable()
                    + " value(s) are in neither form and were left alone; the first:");
            report.unreadableSamples().forEach(sample -> context.err().println("  " + sample));
            context.err().println("Restore or fix them, then run the same command again: it resumes and verifies.");
        } else {
            context.err().println("The job stopped before the end; run the same command again to resume it.");
        }
        return ExitCodes.INCOMPLETE;
    }
}
