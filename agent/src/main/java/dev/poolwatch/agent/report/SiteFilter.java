package dev.poolwatch.agent.report;

import java.util.List;
import java.util.function.Predicate;

import dev.poolwatch.agent.bootstrap.Site;

/**
 * The {@code includes} and {@code excludes} options applied to a stack: a site is reported when its
 * first application frame's class is included (or no includes are given) and not excluded. A site
 * with no application frame at all is the JDK's own business and is never reported.
 */
public final class SiteFilter implements Predicate<Site> {

    private final ClassPatterns includes;
    private final ClassPatterns excludes;

    public SiteFilter(List<String> includes, List<String> excludes) {
        this.includes = new ClassPatterns(includes);
        this.excludes = new ClassPatterns(excludes);
    }

    @Override
    public boolean test(Site site) {
        return reports(site);
    }

    public boolean reports(Site site) {
        String applicationClass = site.firstApplicationClass();
        if (applicationClass == null) {
            return false;
        }
        if (!includes.isEmpty() && !includes.matches(applicationClass)) {
            return false;
        }
        return !excludes.matches(applicationClass);
    }
}
