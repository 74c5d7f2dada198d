package dev.poolwatch.maven;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The merged reports as JSON ({@code target/poolwatch/poolwatch.json}), for CI tools. */
final class MergedJson {

    private MergedJson() {
    }

    static String render(Reports reports) {
        JsonObject root = new JsonObject();
        root.addProperty("tool", "poolwatch");
        root.addProperty("jvms", reports.jvms());
        root.addProperty("poolsCreated", reports.poolsCreated());
        JsonArray findings = new JsonArray();
        for (Finding finding : reports.findings()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("kind", finding.kind());
            entry.addProperty("poolType", finding.poolType());
            entry.addProperty("poolKind", finding.poolKind());
            entry.addProperty("count", finding.count());
            entry.add(finding.isSubmit() ? "submitSite" : "creationSite", strings(finding.site()));
            entry.addProperty("creatingThread", finding.creatingThread());
            entry.add("threads", strings(finding.threads()));
            JsonArray tests = new JsonArray();
            for (TestRef test : finding.tests()) {
                JsonObject ref = new JsonObject();
                ref.addProperty("className", test.className());
                ref.addProperty("methodName", test.methodName());
                ref.addProperty("displayName", test.displayName());
                tests.add(ref);
            }
            entry.add("tests", tests);
            entry.addProperty("fix", finding.fix());
            findings.add(entry);
        }
        root.add("findings", findings);
        root.add("unreadableReports", strings(reports.unreadable()));
        return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonArray strings(java.util.List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
