package dev.hibernateae.cli;

import java.util.List;

/** One of the tool's commands. */
interface Command {
    String name();

    /** One line, for the command list. */
    String summary();

    /** The arguments after the command's name, for the usage line. */
    String synopsis();

    /** What the command does, a few lines. */
    String description();

    /** The command's own options (connection options are added to every command). */
    List<Option> options();

    /** @return the exit code */
    int run(Arguments arguments, Context context);
}
