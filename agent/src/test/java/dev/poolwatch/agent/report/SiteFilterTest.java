package dev.poolwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolwatch.agent.bootstrap.Site;

class SiteFilterTest {

    /** A site as captured: its first application frame first. */
    private static final Site FROM_HANDLER = Site.of(new StackTraceElement("com.acme.web.Handler", "handle", "Handler.java", 12),
            new StackTraceElement("org.junit.Runner", "run", "Runner.java", 40));

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
        assertFalse(new SiteFilter(List.of(), List.of()).reports(Site.of()));
    }
}
