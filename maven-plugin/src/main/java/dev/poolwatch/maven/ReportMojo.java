package dev.poolwatch.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Reads every report the module's test JVMs wrote (see {@code prepare-agent}) and writes a page to open,
 * {@code target/site/poolwatch/index.html}, and the same merged as JSON,
 * {@code target/poolwatch/poolwatch.json}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(property = "poolwatch.reportDirectory", defaultValue = "${project.build.directory}/poolwatch")
    private File reportDirectory;

    /** Where the page goes. */
    @Parameter(property = "poolwatch.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/poolwatch")
    private File outputDirectory;

    @Parameter(property = "poolwatch.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping poolwatch: skip is true.");
            return;
        }
        try {
            Reports reports = ReportReader.read(reportDirectory.toPath());
            if (reports.isEmpty()) {
                getLog().info("poolwatch: no report in " + reportDirectory + " (no test ran with prepare-agent's argLine);"
                        + " no page written.");
                return;
            }
            reports.unreadable().forEach(problem -> getLog().warn("poolwatch: cannot read a report: " + problem));
            Path page = outputDirectory.toPath().resolve("index.html");
            write(page, HtmlPage.render(project.getName(), reports));
            write(reportDirectory.toPath().resolve("poolwatch.json"), MergedJson.render(reports));
            getLog().info("poolwatch: " + Summary.of(reports) + "; see " + page);
        } catch (IOException e) {
            throw new MojoExecutionException("poolwatch: cannot write the report: " + e, e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
