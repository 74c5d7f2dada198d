package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's recipe for attaching the agent in Maven's Surefire, as a user copies it: the block
 * that goes into a pom's {@code <properties>} and the one that goes into its
 * {@code <build><plugins>}. Each is the fenced block after a marker comment in the README
 * ({@code <!-- surefire-recipe:properties ... -->}, {@code <!-- surefire-recipe:plugins ... -->}),
 * so the recipe the tests run is the one the README shows. The test dependency on
 * {@code poolwatch-junit} is the block after {@code <!-- junit-recipe:dependency ... -->}, and the
 * Surefire plugin that silences the JDK's warning about an attached agent the block after
 * {@code <!-- junit-recipe:quiet-attach ... -->}.
 *
 * @param properties the lines for {@code <properties>}
 * @param plugins the {@code <plugin>} elements for {@code <build><plugins>}
 */
record ReadmeRecipe(String properties, String plugins) {

    private static final String MARKER = "<!-- surefire-recipe:";
    private static final String JUNIT_MARKER = "<!-- junit-recipe:";
    private static final String PLUGIN_MARKER = "<!-- plugin-recipe:";
    private static final String AGENT_AT_END_OF_ARG_LINE = "/poolwatch-agent.jar</argLine>";
    private static final Pattern VERSION = Pattern.compile("<poolwatch\\.version>([^<]*)</poolwatch\\.version>");
    private static final Pattern ARG_LINE = Pattern.compile("<argLine>[^<]*</argLine>");

    /** The recipe in the README ({@code poolwatch.readme}, set by the pom). */
    static ReadmeRecipe read() throws IOException {
        List<String> readme = readme();
        return new ReadmeRecipe(blockAfter(readme, MARKER, "properties"), blockAfter(readme, MARKER, "plugins"));
    }

    /** The README's {@code <dependency>} on {@code poolwatch-junit}, for a pom's {@code <dependencies>}. */
    static String junitDependency() throws IOException {
        return blockAfter(readme(), JUNIT_MARKER, "dependency");
    }

    /**
     * The README's Surefire {@code <plugin>} whose argLine silences the JDK's warning about an agent the
     * listener attached, for a pom's {@code <build><plugins>}.
     */
    static String junitQuietAttach() throws IOException {
        return blockAfter(readme(), JUNIT_MARKER, "quiet-attach");
    }

    /** The README's {@code <plugin>} of poolwatch's Maven plugin, for a pom's {@code <build><plugins>}. */
    static String mavenPlugin() throws IOException {
        return blockAfter(readme(), PLUGIN_MARKER, "plugin");
    }

    /** The README's example kinds file, for the agent's {@code kinds=} option. */
    static String kindsFileExample() throws IOException {
        return blockAfter(readme(), "<!-- kinds-file:", "example", "```");
    }

    private static List<String> readme() throws IOException {
        return Files.readAllLines(Paths.get(System.getProperty("poolwatch.readme")), StandardCharsets.UTF_8);
    }

    /** The fenced block that follows the marker comment {@code markerStart} named {@code part}. */
    private static String blockAfter(List<String> readme, String markerStart, String part) {
        return blockAfter(readme, markerStart, part, "```xml");
    }

    /** The block after the marker, fenced by {@code fence} ({@code ```xml}, or a plain {@code ```}). */
    private static String blockAfter(List<String> readme, String markerStart, String part, String fence) {
        int marker = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith(markerStart + part + " ")) {
                assertEquals(-1, marker, "one README marker " + markerStart + part);
                marker = i;
            }
        }
        assertTrue(marker >= 0, "the README marks its recipe's " + part + " block with " + markerStart + part + " ... -->");
        assertEquals(fence, readme.get(marker + 1), "a block fenced " + fence + " right after the marker " + markerStart + part);
        int end = readme.subList(marker + 2, readme.size()).indexOf("```");
        assertTrue(end >= 0, "the recipe's " + part + " block ends with ```");
        return String.join("\n", readme.subList(marker + 2, marker + 2 + end));
    }

    /** The version of the agent the recipe asks for, {@code <poolwatch.version>}. */
    String agentVersion() {
        Matcher version = VERSION.matcher(properties);
        assertTrue(version.find(), "the recipe's properties set poolwatch.version:\n" + properties);
        return version.group(1);
    }

    /** Surefire's {@code <argLine>} element in the recipe's plugins. */
    String argLine() {
        Matcher argLine = ARG_LINE.matcher(plugins);
        assertTrue(argLine.find(), "the recipe's plugins set Surefire's argLine:\n" + plugins);
        return argLine.group();
    }

    /**
     * The recipe with {@code options} after the agent jar in its argLine, where the README tells
     * users to write them ({@code poolwatch-agent.jar=failOnLeak=true}).
     */
    ReadmeRecipe withAgentOptions(String options) {
        int at = plugins.indexOf(AGENT_AT_END_OF_ARG_LINE);
        assertTrue(at >= 0 && at == plugins.lastIndexOf(AGENT_AT_END_OF_ARG_LINE),
                "the recipe has one argLine, ending with the agent jar:\n" + plugins);
        return new ReadmeRecipe(properties,
                plugins.replace(AGENT_AT_END_OF_ARG_LINE, "/poolwatch-agent.jar=" + options + "</argLine>"));
    }
}
