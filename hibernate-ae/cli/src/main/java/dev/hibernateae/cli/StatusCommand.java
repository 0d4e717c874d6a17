package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.LifecycleStatus;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code status}: rotations, transitions and unfinished jobs. */
@Command(name = "status", header = "show key rotations, columns in transition and unfinished jobs",
        customSynopsis = "${COMMAND-FULL-NAME}",
        description = {
            "Shows which key names are rotating or rotated, which columns are being encrypted or decrypted in",
            "place, and the partitions of jobs that have not finished (rows done, workers holding them).",
            "A record whose authentication tag does not verify is marked NOT AUTHENTIC.",
            "Exits 0 when nothing is in progress and every record is authentic, 3 otherwise."})
final class StatusCommand extends KeyCommand {
    StatusCommand(Context context) {
        super(context);
    }

    /** Applications ignore a record whose tag does not verify, and refuse the attributes it concerns. */
    private static String trust(boolean authentic) {
        return authentic ? "" : "  NOT AUTHENTIC: applications refuse it (altered or forged; restore it)";
    }

    @Override
    public Integer call() {
        LifecycleStatus status = lifecycle().status();
        out().println("Key rotations (" + status.rotations().size() + "):");
        for (LifecycleStatus.Rotation r : status.rotations()) {
            out().println("  " + r.keyName() + ": " + r.sourceKey() + " -> " + r.targetKey() + "  " + r.phase()
                    + " since " + r.changedAt() + trust(r.authentic()));
        }
        List<LifecycleStatus.Transition> transitions = status.transitions().stream()
                .filter(t -> !t.phase().equals("FORGOTTEN")).toList();
        out().println("Columns in transition (" + transitions.size() + "):");
        for (LifecycleStatus.Transition t : transitions) {
            out().println("  " + t.table() + "." + t.column() + ": " + t.direction() + " under key name "
                    + t.keyName() + " (" + t.type() + ")  " + t.phase() + " since " + t.changedAt()
                    + trust(t.authentic()));
        }
        out().println("Unfinished jobs (" + status.jobs().size() + "):");
        for (LifecycleStatus.Job job : status.jobs()) {
            out().println("  " + job.name() + ": " + job.partitionsDone() + "/" + job.partitions()
                    + " partitions done, " + job.rowsDone() + " of about " + job.rowsPlanned() + " rows"
                    + (job.owners().isEmpty() ? "" : ", held by " + String.join(", ", job.owners())));
        }
        out().println(status.idle() ? "Nothing in progress." : "In progress.");
        return status.idle() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
