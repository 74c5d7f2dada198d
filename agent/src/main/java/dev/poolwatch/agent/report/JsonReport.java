package dev.poolwatch.agent.report;

import java.time.Instant;
import java.util.List;

/** The report as JSON, for CI tools; the shape is documented in the README. */
public final class JsonReport {

    private final StringBuilder out = new StringBuilder();

    private JsonReport() {
    }

    public static String render(Report report) {
        return new JsonReport().report(report).out.toString();
    }

    private JsonReport report(Report report) {
        out.append("{\"tool\": \"poolwatch\", \"version\": ");
        string(report.version());
        // Read here rather than kept in the report: the first call costs milliseconds, which a
        // program whose report is text only should not pay as it exits.
        out.append(",\n \"jvm\": {\"pid\": ").append(ProcessHandle.current().pid()).append(", \"javaVersion\": ");
        string(report.javaVersion());
        out.append("},\n \"summary\": {\"poolsCreated\": ").append(report.poolsCreated())
                .append(", \"leaks\": ").append(report.leakedPools())
                .append(", \"submitAfterShutdown\": ").append(report.submittedAfterShutdown())
                .append(", \"internalErrors\": ").append(report.internalErrors())
                .append(", \"droppedSites\": ").append(report.droppedSites())
                .append(", \"leaksFilteredOut\": ").append(report.filteredOut().pools())
                .append(", \"submitsFilteredOut\": ").append(report.filteredOut().tasks())
                .append(", \"recordsAtExit\": ").append(report.records())
                .append(", \"heldByLibraries\": ").append(report.poolsHeldByLibraries()).append("},\n \"leaks\": [");
        for (int i = 0; i < report.leaks().size(); i++) {
            Leak leak = report.leaks().get(i);
            out.append(i == 0 ? "\n  " : ",\n  ").append("{\"kind\": ");
            string(leak.kind().name());
            out.append(", \"poolType\": ");
            string(leak.poolType());
            out.append(", \"poolKind\": ");
            string(leak.poolKind());
            out.append(", \"count\": ").append(leak.count()).append(", \"creationSite\": ");
            strings(leak.creationSite());
            out.append(", \"creatingThread\": ");
            string(leak.creatingThread());
            out.append(", \"threads\": ");
            strings(leak.threads());
            out.append(", \"active\": ").append(leak.active()).append(", \"queued\": ").append(leak.queued())
                    .append(", \"periodic\": ").append(leak.periodic()).append(", \"firstCreated\": ");
            string(Instant.ofEpochMilli(leak.firstCreatedAtMillis()).toString());
            out.append(", \"lastCreated\": ");
            string(Instant.ofEpochMilli(leak.lastCreatedAtMillis()).toString());
            out.append(", \"fix\": ");
            string(leak.fix());
            out.append('}');
        }
        out.append(report.leaks().isEmpty() ? "],\n" : "\n ],\n").append(" \"submitAfterShutdown\": [");
        for (int i = 0; i < report.submits().size(); i++) {
            SubmitLeak submit = report.submits().get(i);
            out.append(i == 0 ? "\n  " : ",\n  ").append("{\"poolType\": ");
            string(submit.poolType());
            out.append(", \"count\": ").append(submit.count()).append(", \"rejected\": ").append(submit.rejected())
                    .append(", \"handler\": ");
            string(submit.handler());
            out.append(", \"submitSite\": ");
            strings(submit.submitSite());
            out.append(", \"jdkSubmitSite\": ");
            strings(submit.jdkSubmitSite());
            out.append(", \"submittingThread\": ");
            string(submit.submittingThread());
            out.append(", \"poolCreationSite\": ");
            strings(submit.poolCreationSite());
            out.append(", \"shutdownSite\": ");
            strings(submit.shutdownSite());
            out.append(", \"shutdownMethod\": ");
            string(submit.shutdownMethod());
            out.append('}');
        }
        out.append(report.submits().isEmpty() ? "],\n" : "\n ],\n").append(" \"heldByLibraries\": [");
        for (int i = 0; i < report.heldPools().size(); i++) {
            HeldPool held = report.heldPools().get(i);
            out.append(i == 0 ? "\n  " : ",\n  ").append("{\"poolType\": ");
            string(held.poolType());
            out.append(", \"count\": ").append(held.count()).append(", \"library\": ");
            string(held.library());
            out.append(", \"holder\": ");
            string(held.holderClass());
            out.append(", \"creationSite\": ");
            strings(held.creationSite());
            out.append(", \"creatingThread\": ");
            string(held.creatingThread());
            out.append('}');
        }
        out.append(report.heldPools().isEmpty() ? "]}\n" : "\n ]}\n");
        return this;
    }

    private void strings(List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            string(values.get(i));
        }
        out.append(']');
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
