package dev.poolwatch.agent.report;

import static dev.poolwatch.agent.report.FramesTest.stack;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SiteFilterTest {

    private static final Throwable FROM_HANDLER = stack("java.util.concurrent.ThreadPoolExecutor.<init>",
            "com.acme.web.Handler.handle", "org.junit.Runner.run");

    @Test
    void without_includes_or_excludes_every_application_site_is_reported() {
        assertTrue(new SiteFilter(List.of(), List.of()).reports(FROM_HANDLER));
        assertTrue(new SiteFilter(List.of("*"), List.of()).reports(FROM_HANDLER));
    }

    @Test
    void includes_keep_only_matching_first_application_classes() {
        assertTrue(new SiteFilter(List.of("com.acme.web.*"), List.of()).reports(FROM_HANDLER));
        assertFalse(new SiteFilter(List.of("org.junit.*"), List.of()).reports(FROM_HANDLER),
                "only the first application frame counts, not the frames after it");
    }

    @Test
    void excludes_win_over_includes() {
        assertFalse(new SiteFilter(List.of("com.acme.*"), List.of("*.Handler")).reports(FROM_HANDLER));
    }

    @Test
    void a_site_with_no_application_frame_is_never_reported() {
        assertFalse(new SiteFilter(List.of(), List.of()).reports(stack("java.util.concurrent.ForkJoinPool.<init>")));
    }
}
