package dev.hibernateae.cli;

/**
 * A command-line option.
 *
 * @param name without the leading dashes
 * @param valueName what the value is, for help; null for a flag without value
 * @param help one line
 * @param repeatable whether it may be given more than once
 */
record Option(String name, String valueName, String help, boolean repeatable) {

    static Option value(String name, String valueName, String help) {
        return new Option(name, valueName, help, false);
    }

    static Option repeated(String name, String valueName, String help) {
        return new Option(name, valueName, help, true);
    }

    static Option flag(String name, String help) {
        return new Option(name, null, help, false);
    }

    boolean takesValue() {
        return valueName != null;
    }

    String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "");
    }
}
