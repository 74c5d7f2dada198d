package dev.poolwatch.maven;

import java.util.List;

/**
 * What a module's test JVMs reported, merged.
 *
 * @param jvms how many test JVMs wrote an exit report
 * @param poolsCreated the pools they created, together
 * @param findings what they found, the most serious kind first
 * @param unreadable each report file that could not be read, with why
 */
record Reports(int jvms, long poolsCreated, List<Finding> findings, List<String> unreadable) {

    /** Whether there was anything to read at all. */
    boolean isEmpty() {
        return jvms == 0 && findings.isEmpty() && unreadable.isEmpty();
    }

    /** The pools found leaked, over every kind; tasks submitted after shutdown are not pools. */
    long leakedPools() {
        return findings.stream().filter(finding -> !finding.isSubmit()).mapToLong(Finding::count).sum();
    }

    long count(String kind) {
        return findings.stream().filter(finding -> finding.kind().equals(kind)).mapToLong(Finding::count).sum();
    }

    /** The distinct tests blamed for a finding, in the order first found. */
    List<TestRef> testsThatLeaked() {
        return findings.stream().flatMap(finding -> finding.tests().stream()).distinct().toList();
    }
}
