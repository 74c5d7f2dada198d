package dev.poolwatch.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's project with poolwatch's Maven plugin (test resources, {@code plugin-project/}), laid out
 * with the README's blocks: the plugin, and the test dependency on {@code poolwatch-junit}.
 */
final class PluginProject {

    private PluginProject() {
    }

    static void laidOut(Path directory) throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put(UserProject.PROPERTIES_PLACE, "<poolwatch.version>" + System.getProperty("poolwatch.version")
                + "</poolwatch.version>");
        blocks.put("<!-- README: junit dependency -->", ReadmeRecipe.junitDependency());
        blocks.put(UserProject.PLUGINS_PLACE, ReadmeRecipe.mavenPlugin());
        UserProject.copyOf("plugin-project", directory, blocks);
    }
}
