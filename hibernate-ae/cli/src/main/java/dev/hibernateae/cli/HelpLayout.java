package dev.hibernateae.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's help reads: usage line, description, the command's own options in the order they are
 * declared (most important first), then the connection options under a heading of their own (one list, the same in
 * every command, that says where values come from), then the exit codes. A command's one-line {@code header} is
 * what the command list shows; it is not repeated above the usage line.
 */
final class HelpLayout {
    static final String CONNECTION_HEADING = "%nConnection and key store (each from its flag, else its environment "
            + "variable, else the --config file):%n";
    private static final int WIDTH = 120;

    private HelpLayout() {
    }

    /** Applies the layout to {@code tool} and its subcommands, except picocli's own (help, generate-completion). */
    static void apply(CommandLine tool) {
        layOut(tool);
        for (CommandLine command : tool.getSubcommands().values()) {
            if (command.getCommandSpec().mixins().containsKey(ConnectionOptions.MIXIN)) {
                layOut(command);
            }
        }
    }

    private static void layOut(CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.width(WIDTH)
                .longOptionsMaxWidth(32)
                .sortOptions(false)
                .descriptionHeading("%n")
                .parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions:%n")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.help());
        List<String> sections = new ArrayList<>(usage.sectionKeys());
        sections.remove(UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
        sections.remove(UsageMessageSpec.SECTION_KEY_HEADER);
        usage.sectionKeys(sections);
        if (command.getCommandSpec().mixins().containsKey(ConnectionOptions.MIXIN)) {
            Map<String, CommandLine.IHelpSectionRenderer> renderers = new LinkedHashMap<>(usage.sectionMap());
            renderers.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::optionList);
            usage.sectionMap(renderers);
        }
        command.setHelpFactory((spec, colors) -> new Help(spec, colors) {
            @Override
            public IParamLabelRenderer parameterLabelRenderer() {
                return new SpacedLabels(colors);
            }
        });
    }

    private static String optionList(Help help) {
        CommandSpec spec = help.commandSpec();
        List<OptionSpec> connection = spec.mixins().get(ConnectionOptions.MIXIN).options();
        List<OptionSpec> own = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && connection.stream().noneMatch(c -> c.longestName().equals(option.longestName()))) {
                own.add(option);
            }
        }
        own.sort(Comparator.comparing(OptionSpec::usageHelp)); // --help last
        return help.optionListExcludingGroups(own) + help.createHeading(CONNECTION_HEADING)
                + help.optionListExcludingGroups(connection);
    }

    /** {@code --url JDBC_URL} rather than picocli's {@code --url=JDBC_URL}; every option takes one value or none. */
    private record SpacedLabels(ColorScheme colors) implements IParamLabelRenderer {
        @Override
        public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
            if (arg.arity().max == 0) {
                return ansi.new Text("", colors);
            }
            return ansi.new Text(arg.isOption() ? separator() : "", colors).concat(colors.apply(arg.paramLabel(),
                    styles));
        }

        @Override
        public String separator() {
            return " ";
        }
    }
}
