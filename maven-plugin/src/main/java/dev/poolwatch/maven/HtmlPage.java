package dev.poolwatch.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.poolwatch.agent.report.LeakKind;

/**
 * The report as one static HTML page: no script, no external resource (CI artifact viewers are
 * offline and strict), readable at a glance. A summary first, then each finding by where it was
 * created, then by test.
 */
final class HtmlPage {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d232a}
            h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .6rem;border-bottom:1px solid #d8dee4;padding-bottom:.3rem}
            .sub{color:#57606a;margin:0 0 1.2rem}
            .cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #d8dee4;border-radius:8px;padding:.7rem 1rem;min-width:9rem}
            .card b{display:block;font-size:1.6rem}.card.bad{border-color:#cf222e;background:#fff5f5}.card.ok{border-color:#1a7f37;background:#f4fbf6}
            .finding{border:1px solid #d8dee4;border-left:5px solid #bf8700;border-radius:6px;padding:.7rem 1rem;margin:.7rem 0}
            .finding.OPEN_BUSY,.finding.SUBMIT_AFTER_SHUTDOWN{border-left-color:#cf222e}.finding.CLOSED_BY_GC{border-left-color:#8250df}
            .kind{font:600 .75rem/1 ui-monospace,monospace;padding:.2rem .45rem;border-radius:4px;background:#fff8c5;margin-right:.4rem}
            .OPEN_BUSY .kind,.SUBMIT_AFTER_SHUTDOWN .kind{background:#ffebe9}.CLOSED_BY_GC .kind{background:#fbefff}
            code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}pre{background:#f6f8fa;padding:.6rem;border-radius:6px;overflow-x:auto;margin:.4rem 0}
            .fix{color:#1a7f37}.tests{margin:.3rem 0}.muted{color:#57606a}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
            """;

    private final StringBuilder html = new StringBuilder();

    private HtmlPage() {
    }

    static String render(String projectName, Reports reports) {
        return new HtmlPage().page(projectName, reports).html.toString();
    }

    private HtmlPage page(String projectName, Reports reports) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>poolwatch: ").append(escape(projectName)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<h1>poolwatch: ").append(escape(projectName)).append("</h1>\n<p class=\"sub\">Thread pools left open,"
                + " closed only by the garbage collector, or handed tasks after shutdown, in this module's test JVMs.</p>\n");
        summary(reports);
        unreadable(reports.unreadable());
        if (!reports.findings().isEmpty()) {
            html.append("<h2>By where the pool was created</h2>\n");
            reports.findings().forEach(this::finding);
            byTest(reports.findings());
        }
        html.append("</body></html>\n");
        return this;
    }

    private void summary(Reports reports) {
        long leaked = reports.leakedPools();
        html.append("<div class=\"cards\" id=\"summary\">");
        card("pools-created", reports.poolsCreated(), "pools created", null);
        card("pools-leaked", leaked, "pools leaked", leaked == 0 ? "ok" : "bad");
        for (LeakKind kind : LeakKind.values()) {
            long count = reports.count(kind.name());
            if (count > 0) {
                card("kind-" + kind.name(), count, kind.name(), "bad");
            }
        }
        long openAtTestEnd = reports.count(Finding.OPEN_AT_TEST_END);
        if (openAtTestEnd > 0) {
            card("kind-" + Finding.OPEN_AT_TEST_END, openAtTestEnd, "left open by a test", "bad");
        }
        int tests = reports.testsThatLeaked().size();
        card("tests-leaked", tests, tests == 1 ? "test leaked" : "tests leaked", tests == 0 ? "ok" : "bad");
        card("jvms", reports.jvms(), reports.jvms() == 1 ? "test JVM" : "test JVMs", null);
        html.append("</div>\n");
        if (reports.findings().isEmpty()) {
            html.append("<p>No leak found.</p>\n");
        }
    }

    private void card(String id, long number, String label, String tone) {
        html.append("<div class=\"card").append(tone == null ? "" : " " + tone).append("\" id=\"").append(id)
                .append("\"><b>").append(number).append("</b>").append(escape(label)).append("</div>");
    }

    private void unreadable(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        html.append("<h2>Reports that could not be read</h2>\n<ul>");
        files.forEach(file -> html.append("<li><code>").append(escape(file)).append("</code></li>"));
        html.append("</ul>\n");
    }

    private void finding(Finding finding) {
        html.append("<div class=\"finding ").append(escape(finding.kind())).append("\"><div><span class=\"kind\">")
                .append(escape(finding.kind())).append("</span> <b>").append(finding.count()).append(" × <code>")
                .append(escape(finding.poolType())).append("</code></b> ")
                .append(finding.poolKind() == null ? "" : "<span class=\"muted\">(" + escape(finding.poolKind()) + ")</span> ")
                .append(escape(finding.meaning()))
                .append("</div>\n");
        if (!finding.tests().isEmpty()) {
            html.append("<div class=\"tests\">in ");
            for (int i = 0; i < finding.tests().size(); i++) {
                html.append(i == 0 ? "" : ", ").append("<code>").append(escape(finding.tests().get(i).label())).append("</code>");
            }
            html.append("</div>\n");
        } else if (!finding.isSubmit()) {
            html.append("<div class=\"tests muted\">created outside every test, or no test named</div>\n");
        }
        html.append("<div class=\"muted\">").append(finding.isSubmit() ? "submitted" : "created")
                .append(finding.creatingThread() == null ? "" : " by thread <code>" + escape(finding.creatingThread()) + "</code>")
                .append(" at:</div><pre>");
        finding.site().forEach(frame -> html.append("at ").append(escape(frame)).append('\n'));
        html.append("</pre>\n");
        if (!finding.threads().isEmpty()) {
            html.append("<div class=\"muted\">threads at exit: <code>").append(escape(String.join(", ", finding.threads())))
                    .append("</code></div>\n");
        }
        html.append("<div class=\"fix\">fix: ").append(escape(finding.fix())).append("</div></div>\n");
    }

    private void byTest(List<Finding> findings) {
        Map<String, List<Finding>> byTest = new LinkedHashMap<>();
        for (Finding finding : findings) {
            for (TestRef test : finding.tests()) {
                byTest.computeIfAbsent(test.label(), label -> new ArrayList<>()).add(finding);
            }
        }
        if (byTest.isEmpty()) {
            return;
        }
        html.append("<h2>By test</h2>\n<table id=\"by-test\"><tr><th>test</th><th>what it leaked</th></tr>\n");
        byTest.forEach((test, leaks) -> {
            html.append("<tr><td><code>").append(escape(test)).append("</code></td><td>");
            for (Finding leak : leaks) {
                html.append("<div><span class=\"kind\">").append(escape(leak.kind())).append("</span> <code>")
                        .append(escape(leak.poolType())).append("</code> at <code>").append(escape(leak.firstFrame()))
                        .append("</code></div>");
            }
            html.append("</td></tr>\n");
        });
        html.append("</table>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
