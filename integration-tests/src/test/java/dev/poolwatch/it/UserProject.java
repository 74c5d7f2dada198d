package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's small Maven project, kept in the test resources ({@code user-project/}): JUnit 5 tests in
 * package {@code demo}, {@code LeakTest} leaving a fixed thread pool open and {@code CleanTest}
 * shutting its pool down. Its pom has two marked places for the README's recipe.
 */
final class UserProject {

    /** Where a project's pom takes the recipe's properties. */
    static final String PROPERTIES_PLACE = "<!-- README: properties -->";
    /** Where a project's pom takes the recipe's plugins. */
    static final String PLUGINS_PLACE = "<!-- README: plugins -->";

    private UserProject() {
    }

    /** The project in {@code directory} as a user has it before reading the README: no poolwatch in its pom. */
    static Path withoutPoolwatch(Path directory) throws IOException {
        return laidOut(directory, "", "");
    }

    /** The project in {@code directory} with the recipe pasted into its pom, where the README says. */
    static Path withRecipe(Path directory, ReadmeRecipe recipe) throws IOException {
        return laidOut(directory, recipe.properties(), recipe.plugins());
    }

    /**
     * The project with the recipe, in a pom that already has {@code plugin} (another plugin that sets
     * Surefire's {@code argLine}, say) before the recipe's plugins.
     */
    static Path withRecipeAfter(String plugin, Path directory, ReadmeRecipe recipe) throws IOException {
        return laidOut(directory, recipe.properties(), plugin + recipe.plugins());
    }

    private static Path laidOut(Path directory, String properties, String plugins) throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put(PROPERTIES_PLACE, properties);
        blocks.put(PLUGINS_PLACE, plugins);
        return copyOf("user-project", directory, blocks);
    }

    /**
     * Copies the project kept in the test resources under {@code resourceDirectory} into
     * {@code directory}, with each marked place of its pom replaced by its block.
     */
    static Path copyOf(String resourceDirectory, Path directory, Map<String, String> blocksByPlace) throws IOException {
        Path source = resources(resourceDirectory);
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> copy(file, directory.resolve(source.relativize(file).toString())));
        }
        Path pom = directory.resolve("pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> block : blocksByPlace.entrySet()) {
            assertTrue(text.contains(block.getKey()), "the pom marks where the README's blocks go: " + block.getKey());
            text = text.replace(block.getKey(), block.getValue());
        }
        Files.writeString(pom, text, StandardCharsets.UTF_8);
        return directory;
    }

    private static Path resources(String resourceDirectory) {
        URL pom = UserProject.class.getResource("/" + resourceDirectory + "/pom.xml");
        if (pom == null) {
            throw new IllegalStateException("no project " + resourceDirectory + " in the test resources");
        }
        try {
            return Paths.get(pom.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the project " + resourceDirectory + " in the test resources: " + pom, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds {@code demo.NewLeakTest.leaksAfterTheBaseline} to the project in {@code directory}: a test
     * written after a baseline was, leaving a pool open at {@code NewLeakTest.java:10}.
     */
    static void addNewLeakTest(Path directory) throws IOException {
        Files.writeString(directory.resolve("src/test/java/demo/NewLeakTest.java"), """
                package demo;

                import java.util.concurrent.Executors;

                import org.junit.jupiter.api.Test;

                class NewLeakTest {
                    @Test
                    void leaksAfterTheBaseline() {
                        Executors.newSingleThreadExecutor().execute(() -> { });
                    }
                }
                """, StandardCharsets.UTF_8);
    }
}
