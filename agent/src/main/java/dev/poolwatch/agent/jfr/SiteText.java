package dev.poolwatch.agent.jfr;

import java.util.List;

import dev.poolwatch.agent.bootstrap.Site;

/**
 * A site as an event field holds it: the frames the agent's report prints, the first application
 * frame first, each followed by its caller after {@code " <- "}. One line, because {@code jfr print}
 * prints a field's line breaks as they are, out of its indentation. Events committed where the pool
 * was created carry the whole stack too; an event committed elsewhere has only this.
 */
final class SiteText {

    private static final String CALLED_FROM = " <- ";

    private SiteText() {
    }

    /** The site's frames, or {@code null} for a site the agent did not see. */
    static String of(Site site) {
        return site == null ? null : of(site.frames());
    }

    static String of(List<String> frames) {
        return String.join(CALLED_FROM, frames);
    }
}
