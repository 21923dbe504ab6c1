package dev.mobilevec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every help text of every command: defaults stated, nothing printed as null, no word split across lines. */
class HelpTextTest {

    static List<CommandLine> commands() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        return all;
    }

    static String usage(CommandLine c, int width) {
        c.setUsageHelpWidth(width);
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void everyOptionStatesItsDefaultOrThatItIsRequired() {
        int checked = 0;
        for (CommandLine c : commands()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String d = String.join(" ", o.description());
                String where = c.getCommandName() + " " + o.longestName() + ": " + d;
                assertTrue(o.required() ? d.contains("Required.") : d.contains("Default: "), where);
                checked++;
            }
        }
        assertTrue(checked >= 30, "options checked: " + checked);
    }

    @Test
    void noHelpTextPrintsNullOrAFormatWarning() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true));
        try {
            for (CommandLine c : commands()) {
                String u = usage(c, 80);
                assertFalse(u.toLowerCase(java.util.Locale.ROOT).contains("null"), c.getCommandName() + ":\n" + u);
            }
        } finally {
            System.setErr(saved);
        }
        // picocli formats descriptions with String.format: a bare % makes it warn and print the raw text.
        assertEquals("", warnings.toString(), "picocli warnings while rendering help");
    }

    /**
     * Rendered at 80 columns, every word must also be a word of the same text rendered on unbounded
     * lines: a word split across lines leaves fragments ("proces", "sors") that are not.
     */
    @Test
    void noWordIsBrokenAcrossLines() {
        for (CommandLine c : commands()) {
            Set<String> whole = new HashSet<>(Arrays.asList(usage(c, 2000).split("\\s+")));
            String narrow = usage(c, 80);
            for (String w : narrow.split("\\s+")) {
                assertTrue(whole.contains(w), c.getCommandName() + ": '" + w + "' is part of a word split across lines:\n" + narrow);
            }
            assertTrue(narrow.lines().allMatch(l -> l.length() <= 80), narrow);
        }
    }

    @Test
    void everySubcommandHasAOneLineSummaryInTheCommandList() {
        String root = usage(commands().get(0), 80);
        for (CommandLine c : commands().subList(1, commands().size())) {
            String[] header = c.getCommandSpec().usageMessage().header();
            assertEquals(1, header.length, c.getCommandName());
            assertTrue(header[0].endsWith("."), header[0]);
            assertTrue(root.contains(c.getCommandName()), root);
        }
    }
}
