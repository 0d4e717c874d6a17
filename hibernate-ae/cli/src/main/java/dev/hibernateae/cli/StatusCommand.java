package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.LifecycleStatus;
import java.util.List;

/** {@code status}: rotations, transitions and unfinished jobs. */
final class StatusCommand implements Command {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show key rotations, columns in transition and unfinished jobs";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return "Shows which key names are rotating or rotated, which columns are being encrypted or decrypted in\n"
                + "place, and the partitions of jobs that have not finished (rows done, workers holding them).\n"
                + "A record whose authentication tag does not verify is marked NOT AUTHENTIC.\n"
                + "Exits 0 when nothing is in progress and every record is authentic, 3 otherwise.";
    }

    /** Applications ignore a record whose tag does not verify, and refuse the attributes it concerns. */
    private static String trust(boolean authentic) {
        return authentic ? "" : "  NOT AUTHENTIC: applications refuse it (altered or forged; restore it)";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(Arguments arguments, Context context) {
        Commands.noPositional(arguments);
        LifecycleStatus status = context.lifecycle().status();
        context.out.println("Key rotations (" + status.rotations().size() + "):");
        for (LifecycleStatus.Rotation r : status.rotations()) {
            context.out.println("  " + r.keyName() + ": " + r.sourceKey() + " -> " + r.targetKey() + "  " + r.phase()
                    + " since " + r.changedAt() + trust(r.authentic()));
        }
        List<LifecycleStatus.Transition> transitions = status.transitions().stream()
                .filter(t -> !t.phase().equals("FORGOTTEN")).toList();
        context.out.println("Columns in transition (" + transitions.size() + "):");
        for (LifecycleStatus.Transition t : transitions) {
            context.out.println("  " + t.table() + "." + t.column() + ": " + t.direction() + " under key name "
                    + t.keyName() + " (" + t.type() + ")  " + t.phase() + " since " + t.changedAt()
                    + trust(t.authentic()));
        }
        context.out.println("Unfinished jobs (" + status.jobs().size() + "):");
        for (LifecycleStatus.Job job : status.jobs()) {
            context.out.println("  " + job.name() + ": " + job.partitionsDone() + "/" + job.partitions()
                    + " partitions done, " + job.rowsDone() + " of about " + job.rowsPlanned() + " rows"
                    + (job.owners().isEmpty() ? "" : ", held by " + String.join(", ", job.owners())));
        }
        context.out.println(status.idle() ? "Nothing in progress." : "In progress.");
        return status.idle() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
