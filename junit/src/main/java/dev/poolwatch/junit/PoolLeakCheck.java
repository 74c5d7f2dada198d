package dev.poolwatch.junit;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a Jupiter test, or its class, that leaked a pool, when {@code poolwatch.mode=fail}: its
 * {@code afterEach} (or {@code afterAll}) throws an {@link AssertionError} whose message starts with
 * {@code poolwatch:} and names each pool, its type and where it was created.
 *
 * <p>A listener cannot fail a test that has finished, so the verdict is reached here, while the test
 * still runs: after its {@code @AfterEach} methods and other extensions' callbacks, since an extension
 * JUnit finds by itself is registered first and so called back last. Registered through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}, which Jupiter reads only with
 * {@code junit.jupiter.extensions.autodetection.enabled=true}; it can also be named in
 * {@code @ExtendWith}. Does nothing unless {@link PoolLeakListener} runs the checks, and the test's mode
 * ({@link PoolLeaks}, else {@code poolwatch.mode}) is fail; never for a leak the {@link Baseline} knows,
 * nor in a run that updates the baseline.
 */
public final class PoolLeakCheck implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        failIfLeaked(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failIfLeaked(context);
    }

    private static void failIfLeaked(ExtensionContext context) {
        Session session = Session.current();
        if (session == null) {
            return;
        }
        List<PoolSeen> leaked;
        try {
            if (TestMode.of(context, session.settings().mode()) != Mode.FAIL || session.settings().updateBaseline()) {
                return;
            }
            String methodName = context.getTestMethod().map(Method::getName).orElse(null);
            leaked = session.attribution().judge(context.getUniqueId())
                    .against(session.baseline(), context.getRequiredTestClass().getName(), methodName).leaked();
        } catch (RuntimeException | LinkageError failure) {
            return; // poolwatch's own error fails no test; the listener says it when the test ends
        }
        if (!leaked.isEmpty()) {
            throw new AssertionError(LeakText.assertionMessage(TestName.of(context), leaked));
        }
    }
}
