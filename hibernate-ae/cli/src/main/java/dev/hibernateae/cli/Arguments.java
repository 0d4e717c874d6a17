package dev.hibernateae.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command's parsed options: {@code --name value}, {@code --name=value}, flags, repeated options. */
final class Arguments {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    static Arguments parse(List<String> tokens, List<Option> options) {
        Map<String, Option> byName = new LinkedHashMap<>();
        for (Option option : options) {
            byName.put(option.name(), option);
        }
        Arguments arguments = new Arguments();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("--")) {
                arguments.positional.add(token);
                continue;
            }
            String name = token.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Option option = byName.get(name);
            if (option == null) {
                throw new UsageException("Unknown option --" + name);
            }
            String value;
            if (!option.takesValue()) {
                if (inline != null) {
                    throw new UsageException("Option --" + name + " takes no value");
                }
                value = "true";
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < tokens.size()) {
                value = tokens.get(++i);
            } else {
                throw new UsageException("Option --" + name + " needs a value (" + option.valueName() + ")");
            }
            List<String> given = arguments.values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!given.isEmpty() && !option.repeatable()) {
                throw new UsageException("Option --" + name + " is given more than once");
            }
            given.add(value);
        }
        return arguments;
    }

    String value(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(0);
    }

    String required(String name) {
        String value = value(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("Option --" + name + " is required");
        }
        return value;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int intValue(String name, int defaultValue) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Option --" + name + " needs a whole number, got '" + value + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
