package dev.poolwatch.agent.jfr;

import java.util.List;

import dev.poolwatch.agent.bootstrap.Site;

/**
 * A site as an event field holds it: its frames as a stack trace prints them, one a line, the
 * first application frame first. Events committed where the pool was created carry the whole stack
 * too; this is the part the agent's report prints, and the only one an event committed elsewhere has.
 */
final class SiteText {

    private SiteText() {
    }

    /** The site's frames, or {@code null} for a site the agent did not see. */
    static String of(Site site) {
        return site == null ? null : of(site.frames());
    }

    static String of(List<String> frames) {
        return String.join("\n", frames);
    }
}
