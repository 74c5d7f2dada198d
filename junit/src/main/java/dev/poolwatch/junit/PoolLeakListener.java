package dev.poolwatch.junit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names the test that leaked each pool, in any JUnit Platform run. Registered through
 * {@code ServiceLoader}: having {@code poolwatch-junit} on the test class path is all it takes. It uses
 * the poolwatch agent given by {@code -javaagent:poolwatch-agent.jar} (e.g. in Surefire's
 * {@code argLine}); without one, it attaches the agent jar that came with it on the class path when the
 * test plan starts, with the options of {@code poolwatch.agentOptions}.
 *
 * <p>Each test and class is judged when it ends (see {@link LeakAttribution} for whose leak a pool
 * is), and what it leaked is printed under its name, in its mode ({@link PoolLeaks}, else
 * {@code poolwatch.mode}); pools created outside every test are printed once, when the plan ends, and
 * then every test's leaks and those are written to the JSON report ({@link TestsReport}, at
 * {@code poolwatch.reportFile}). In {@link Mode#FAIL} the {@link PoolLeakCheck} extension fails the
 * leaking test first, and this listener prints the same verdict.
 *
 * <p>Never fails a run because of itself: without an agent, given or attached, it prints one line saying
 * that leak checks are off, why, and how to turn them on, and does nothing else; an error of its own is
 * printed, and the run goes on unchecked.
 */
public final class PoolLeakListener implements TestExecutionListener {

    private final PrintStream console;
    private final Function<Settings, AgentLookup.Found> agent;
    /** The checks this listener began; another instance's (a launcher run inside a test) are not its own. */
    private volatile Session session;

    /**
     * Called by the JUnit Platform's {@code ServiceLoader}: prints to {@code System.err}, asks the agent in
     * this JVM, attaching it first if there is none.
     */
    public PoolLeakListener() {
        this(System.err, settings -> AgentLookup.findOrAttach(settings.agentOptions()));
    }

    PoolLeakListener(PrintStream console, Function<Settings, AgentLookup.Found> agent) {
        this.console = console;
        this.agent = agent;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        try {
            Settings settings = Settings.from(testPlan.getConfigurationParameters()::get);
            if (settings.problem() != null) {
                console.println("poolwatch: " + settings.problem());
            }
            if (settings.mode() == Mode.OFF) {
                return;
            }
            AgentLookup.Found found = agent.apply(settings);
            if (found.pools() == null) {
                console.println("poolwatch: LEAK CHECKS ARE OFF in this test run: " + found.whyNot()
                        + ". To turn them on, start the test JVM with -javaagent:poolwatch-agent.jar"
                        + " (Surefire's argLine; see poolwatch's README).");
                return;
            }
            if (settings.mode() == Mode.FAIL && !settings.extensionsAutodetected()) {
                console.println("poolwatch: " + Settings.MODE + "=fail, but no test can fail for a leak:"
                        + " set " + Settings.AUTODETECTION + "=true too, so that JUnit loads poolwatch's extension."
                        + " Leaks are printed only.");
            }
            session = new Session(settings, new LeakAttribution(found.pools(), settings.graceMillis(), System::nanoTime),
                    baseline(settings));
            Session.begin(session);
        } catch (RuntimeException | LinkageError failure) {
            unchecked(failure);
        }
    }

    @Override
    public void executionStarted(TestIdentifier testIdentifier) {
        Session session = this.session;
        if (session == null || testIdentifier.getParentIdObject().isEmpty()) {
            return; // an engine: what runs outside its classes is outside every test
        }
        try {
            session.attribution().started(testIdentifier.getUniqueId());
        } catch (RuntimeException | LinkageError failure) {
            unchecked(failure);
        }
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
        Session session = this.session;
        if (session == null) {
            return;
        }
        try {
            // judged even when its mode is off, so that its pools are not reported as outside every test
            TestLeaks test = TestLeaks.of(testIdentifier, session.attribution().finished(testIdentifier.getUniqueId()));
            session.testsRan().add(KnownLeak.test(test.className(), test.methodName()));
            Verdict verdict = test.verdict().against(session.baseline(), test.className(), test.methodName());
            if (verdict.isEmpty()) {
                return;
            }
            Mode mode = TestMode.of(testIdentifier, session.settings().mode()); // reflection, for a leak only
            if (mode != Mode.OFF) {
                session.report().add(new TestLeaks(test.className(), test.methodName(), test.displayName(), verdict));
                for (List<PoolSeen> pools : List.of(verdict.leaked(), verdict.known())) {
                    pools.forEach(pool -> session.happened().add(KnownLeak.of(test.className(), test.methodName(), pool)));
                }
                console.print(LeakText.console(TestName.of(testIdentifier), verdict, mode,
                        session.settings().baselineFile()));
                console.flush();
            }
        } catch (RuntimeException | LinkageError failure) {
            unchecked(failure);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Session session = this.session;
        if (session == null) {
            return;
        }
        stop(session);
        try {
            List<PoolSeen> outsideTests = session.attribution().outsideTests();
            List<PoolSeen> knownOutside = new ArrayList<>();
            for (PoolSeen pool : outsideTests) {
                KnownLeak leak = KnownLeak.of(null, null, pool);
                session.happened().add(leak);
                if (session.baseline().knows(leak)) {
                    knownOutside.add(pool);
                }
            }
            console.print(LeakText.outsideTests(outsideTests, knownOutside));
            console.flush();
            Settings settings = session.settings();
            ReportFile.write(settings.reportFile(), Settings.REPORT_FILE, session.report().json(outsideTests, knownOutside),
                    console);
            List<KnownLeak> happened = List.copyOf(session.happened());
            if (settings.updateBaseline()) {
                Baseline updated = session.baseline().updatedBy(session.testsRan(), happened);
                if (ReportFile.write(settings.baselineFile(), Settings.BASELINE_FILE, updated.json(), console)) {
                    console.println("poolwatch: wrote " + LeakText.count(updated.leaks().size(), "known leak") + " to "
                            + settings.baselineFile().toAbsolutePath() + " (" + Settings.UPDATE_BASELINE
                            + "=true); from now on, fail mode fails only for leaks not in it.");
                }
            } else {
                console.print(LeakText.noLongerHappening(session.baseline().noLongerHappening(session.testsRan(), happened),
                        settings.baselineFile()));
            }
            console.flush();
        } catch (RuntimeException | LinkageError failure) {
            unchecked(failure);
        }
    }

    /** The baseline of known leaks; none, said in one line, if the file cannot be used. */
    private Baseline baseline(Settings settings) {
        try {
            return Baseline.read(settings.baselineFile());
        } catch (Baseline.Unreadable unreadable) {
            console.println("poolwatch: cannot use the baseline " + settings.baselineFile().toAbsolutePath() + " ("
                    + Settings.BASELINE_FILE + "): " + unreadable.getMessage() + "; expected " + Baseline.SHAPE
                    + ", as " + Settings.UPDATE_BASELINE + "=true writes it. Every leak counts as new.");
            return Baseline.NONE;
        }
    }

    private void stop(Session session) {
        this.session = null;
        Session.end(session);
    }

    /** An error of poolwatch's own: said once, and the rest of the run goes unchecked rather than failing. */
    private void unchecked(Throwable failure) {
        Session session = this.session;
        if (session != null) {
            stop(session);
        }
        console.println("poolwatch: ERROR: leak checks stop for the rest of this test run: " + failure);
    }
}
