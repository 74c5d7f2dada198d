package dev.poolwatch.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts the poolwatch agent in the JVMs that the build's tests run in: sets a property, Surefire's
 * {@code argLine} by default, to what it held and {@code -javaagent:} with the agent jar this plugin
 * depends on. Each test JVM writes its exit report to {@code reportDirectory} as
 * {@code poolwatch-<pid>.json}, and the JUnit listener, where the tests have it, its report of which
 * test leaked what as {@code poolwatch-tests-<pid>.json}: forks that run at once never write over each
 * other. Reports of an earlier build in that directory are deleted first.
 *
 * <p>The agent is never given {@code failOnLeak}: a test JVM that exits with status 3 is a crashed
 * fork to Surefire, not a leak. {@code check} fails the build for a leak instead, with the leak's
 * name on it.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {

    static final String AGENT_KEY = "dev.poolwatch:poolwatch-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifacts;

    /** The property to set: {@code argLine} for Surefire and Failsafe, or one the build names in its own argLine. */
    @Parameter(property = "poolwatch.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Where the test JVMs write their reports, and where {@code report} and {@code check} read them. */
    @Parameter(property = "poolwatch.reportDirectory", defaultValue = "${project.build.directory}/poolwatch")
    private java.io.File reportDirectory;

    /** Report only pools created from classes that match one of these patterns ({@code *} for any characters). */
    @Parameter
    private List<String> includes;

    /** Never report pools created from classes that match one of these patterns. */
    @Parameter
    private List<String> excludes;

    /** Frames kept after the first application frame of each stack (the agent's default is 5). */
    @Parameter(property = "poolwatch.stackDepth")
    private Integer stackDepth;

    /** {@code true}: the agent prints nothing at the end of a test JVM that leaked nothing. */
    @Parameter(property = "poolwatch.quiet", defaultValue = "false")
    private boolean quiet;

    /** {@code true} leaves the property as it is, and the tests run without the agent. */
    @Parameter(property = "poolwatch.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        String existing = project.getProperties().getProperty(propertyName);
        if (skip) {
            getLog().info("Skipping poolwatch: skip is true; the tests run without the agent.");
            if (existing == null) {
                // An argLine of "@{argLine} ..." needs the property to exist, or Surefire passes it on literally.
                project.getProperties().setProperty(propertyName, "");
            }
            return;
        }
        Path reports = reportDirectory.toPath();
        deleteEarlierReports(reports);
        AgentArgument argument;
        try {
            argument = new AgentArgument(agentJar())
                    .option("report", reports.resolve("poolwatch-%p.json").toString())
                    .option("includes", patterns(includes))
                    .option("excludes", patterns(excludes))
                    .option("stackDepth", stackDepth == null ? null : stackDepth.toString())
                    .option("quiet", quiet ? "true" : null)
                    .systemProperty("poolwatch.reportFile", reports.resolve("poolwatch-tests-%p.json").toString());
        } catch (IllegalArgumentException badOption) {
            throw new MojoExecutionException("poolwatch: " + badOption.getMessage()
                    + "; change it (reportDirectory, includes, excludes) so that it has neither ',' nor '='.");
        }
        String value = argument.appendedTo(existing);
        project.getProperties().setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }

    private Path agentJar() throws MojoExecutionException {
        Artifact agent = pluginArtifacts.get(AGENT_KEY);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("poolwatch: the agent jar (" + AGENT_KEY + ") is not among this plugin's"
                    + " resolved dependencies; is the plugin's own pom complete in the repository?");
        }
        return agent.getFile().toPath();
    }

    private static String patterns(List<String> patterns) {
        return patterns == null || patterns.isEmpty() ? null : String.join(":", patterns);
    }

    private void deleteEarlierReports(Path reports) throws MojoExecutionException {
        if (!Files.isDirectory(reports)) {
            return;
        }
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(reports, "poolwatch-*.json")) {
            for (Path report : earlier) {
                Files.delete(report);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("poolwatch: cannot delete the reports of an earlier build in " + reports, e);
        }
    }
}
