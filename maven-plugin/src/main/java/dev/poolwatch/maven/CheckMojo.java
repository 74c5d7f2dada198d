package dev.poolwatch.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.poolwatch.junit.Baseline;
import dev.poolwatch.junit.KnownLeak;

/**
 * Fails the build when the module's reports hold a leak, or a task submitted after shutdown, that the
 * baseline does not know; one line per new finding. Known findings that no longer happen are listed as
 * fixed. With {@code -Dpoolwatch.updateBaseline} it writes what was found as the baseline instead, and
 * fails nothing. The baseline is the file the JUnit listener reads in fail mode, in the same format.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    @Parameter(property = "poolwatch.reportDirectory", defaultValue = "${project.build.directory}/poolwatch")
    private File reportDirectory;

    /** The known leaks. */
    @Parameter(property = "poolwatch.baselineFile", defaultValue = "${project.basedir}/poolwatch-baseline.json")
    private File baselineFile;

    /** {@code true}: write what the reports hold as the baseline, and fail nothing. */
    @Parameter(property = "poolwatch.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    @Parameter(property = "poolwatch.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where Surefire and Failsafe write what ran: tests there and no poolwatch report means the agent
     * never reached the test JVMs, which fails the check rather than passing it unchecked.
     */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports,${project.build.directory}/failsafe-reports")
    private List<File> testReportDirectories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping poolwatch: skip is true.");
            return;
        }
        Reports reports;
        try {
            reports = ReportReader.read(reportDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("poolwatch: cannot read the reports in " + reportDirectory + ": " + e, e);
        }
        if (reports.isEmpty()) {
            List<String> ran = TestReports.present(testReportDirectories);
            if (!ran.isEmpty()) {
                throw new MojoFailureException("poolwatch: tests ran (" + String.join(", ", ran) + ") but no test JVM"
                        + " wrote a report to " + reportDirectory + ": the agent was not in their JVM arguments."
                        + " An <argLine> in Surefire's (or Failsafe's) own configuration replaces the argLine property"
                        + " that prepare-agent sets; write it as <argLine>@{argLine} ...</argLine>, with"
                        + " <argLine></argLine> among the pom's properties.");
            }
            getLog().info("poolwatch: no report in " + reportDirectory + " and no test ran; nothing to check.");
            return;
        }
        if (!reports.unreadable().isEmpty()) {
            throw new MojoFailureException("poolwatch: cannot check, " + reports.unreadable().size()
                    + " report(s) cannot be read:\n  " + String.join("\n  ", reports.unreadable()));
        }
        Path baselinePath = baselineFile.toPath();
        List<KnownLeak> found = new ArrayList<>();
        reports.findings().forEach(finding -> found.addAll(finding.asKnownLeaks()));
        if (updateBaseline) {
            Baseline updated = new Baseline(List.copyOf(new LinkedHashSet<>(found)));
            try {
                Files.writeString(baselinePath, updated.json(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("poolwatch: cannot write the baseline " + baselinePath + ": " + e, e);
            }
            getLog().info("poolwatch: wrote " + updated.leaks().size() + " known leak(s) to " + baselinePath
                    + "; from now on, check fails only for leaks not in it.");
            return;
        }
        Baseline baseline;
        try {
            baseline = Baseline.read(baselinePath);
        } catch (Baseline.Unreadable unreadable) {
            throw new MojoFailureException("poolwatch: cannot use the baseline " + baselinePath + ": "
                    + unreadable.getMessage() + "; expected " + Baseline.SHAPE + ", as -Dpoolwatch.updateBaseline writes it.");
        }
        listFixed(baseline, found, baselinePath);
        Set<String> newLines = new LinkedHashSet<>();
        for (Finding finding : reports.findings()) {
            for (KnownLeak leak : finding.asKnownLeaks()) {
                if (!baseline.knows(leak)) {
                    newLines.add(line(finding, leak));
                }
            }
        }
        if (newLines.isEmpty()) {
            getLog().info("poolwatch: " + Summary.of(reports) + "; nothing the baseline does not know.");
            return;
        }
        throw new MojoFailureException("poolwatch: " + newLines.size() + (newLines.size() == 1 ? " leak" : " leaks")
                + " not in the baseline " + baselinePath + ":\n  " + String.join("\n  ", newLines)
                + "\nFix " + (newLines.size() == 1 ? "it" : "them") + " (see target/site/poolwatch/index.html), or accept"
                + " what the build found with -Dpoolwatch.updateBaseline.");
    }

    /** One new finding in one line: kind, pool type, first application frame, test. */
    private static String line(Finding finding, KnownLeak leak) {
        String test = leak.testName() == null ? (finding.isSubmit() ? "" : " outside every test") : " in " + leak.testName();
        return finding.kind() + " " + finding.poolType() + " " + (finding.isSubmit() ? "submitted" : "created") + " at "
                + finding.firstFrame() + test;
    }

    private void listFixed(Baseline baseline, List<KnownLeak> found, Path baselinePath) {
        Set<List<String>> foundKeys = new LinkedHashSet<>();
        found.forEach(leak -> foundKeys.add(leak.key()));
        List<KnownLeak> fixed = baseline.leaks().stream().filter(leak -> !foundKeys.contains(leak.key())).toList();
        if (fixed.isEmpty()) {
            return;
        }
        getLog().info("poolwatch: " + fixed.size() + " known leak(s) in " + baselinePath
                + " no longer happen (fixed?); -Dpoolwatch.updateBaseline takes them out:");
        for (KnownLeak leak : fixed) {
            getLog().info("  " + (leak.testName() == null ? "outside every test" : leak.testName()) + ": "
                    + leak.creatingMethod());
        }
    }
}
