package dev.poolwatch.maven;

/** The one line that sums a module's reports up, for the build's log. */
final class Summary {

    private Summary() {
    }

    static String of(Reports reports) {
        long leaked = reports.leakedPools();
        long submits = reports.findings().stream().filter(Finding::isSubmit).mapToLong(Finding::count).sum();
        int tests = reports.testsThatLeaked().size();
        return reports.poolsCreated() + " pools created in " + reports.jvms() + (reports.jvms() == 1 ? " test JVM, " : " test JVMs, ")
                + leaked + " leaked" + (tests == 0 ? "" : " (by " + tests + (tests == 1 ? " test)" : " tests)"))
                + (submits == 0 ? "" : ", " + submits + " tasks submitted after shutdown");
    }
}
