package dev.poolwatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private static final Finding LEAK = new Finding("OPEN_IDLE", "java.util.concurrent.ThreadPoolExecutor", 2,
            List.of("demo.Leaky.<init>(Leaky.java:3)", "demo.LeakyTest.leaks(LeakyTest.java:14)"), "main",
            List.of("pool-1-thread-1"), List.of(new TestRef("demo.LeakyTest", "leaks", "leaks()")), null, null);

    @Test
    void text_of_the_reports_is_escaped_and_nothing_is_loaded_from_elsewhere() {
        String page = HtmlPage.render("demo <&> \"project\"", new Reports(1, 5, List.of(LEAK), List.of()));

        assertTrue(page.contains("<title>poolwatch: demo &lt;&amp;&gt; &quot;project&quot;</title>"), page);
        assertTrue(page.contains("at demo.Leaky.&lt;init&gt;(Leaky.java:3)"), page);
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("src="), page);
    }

    @Test
    void the_summary_counts_pools_kinds_and_tests_and_each_test_is_listed_with_its_leak() {
        String page = HtmlPage.render("demo", new Reports(2, 5, List.of(LEAK), List.of()));

        assertTrue(page.contains("id=\"pools-created\"><b>5</b>"), page);
        assertTrue(page.contains("id=\"pools-leaked\"><b>2</b>"), page);
        assertTrue(page.contains("id=\"kind-OPEN_IDLE\"><b>2</b>"), page);
        assertTrue(page.contains("id=\"tests-leaked\"><b>1</b>test leaked"), page);
        assertTrue(page.contains("<tr><td><code>demo.LeakyTest.leaks()</code></td>"), page);
        assertEquals(1, page.split("class=\"finding ", -1).length - 1, page);
    }

    @Test
    void a_library_pool_shows_its_kind_and_the_agent_fix_naming_its_close_method() {
        Finding group = new Finding("OPEN_IDLE", "io.netty.channel.MultiThreadIoEventLoopGroup", 1,
                List.of("demo.Server.main(Server.java:5)"), "main", List.of(), List.of(), "netty",
                "call shutdownGracefully() when done with it (a finally block, or where the program stops)");

        String page = HtmlPage.render("demo", new Reports(1, 1, List.of(group), List.of()));

        assertTrue(page.contains("<code>io.netty.channel.MultiThreadIoEventLoopGroup</code></b> <span class=\"muted\">(netty)</span>"),
                page);
        assertTrue(page.contains("fix: call shutdownGracefully() when done with it"), page);
    }

    @Test
    void a_clean_build_says_so() {
        String page = HtmlPage.render("demo", new Reports(1, 3, List.of(), List.of()));

        assertTrue(page.contains("<p>No leak found.</p>"), page);
        assertTrue(page.contains("id=\"pools-leaked\"><b>0</b>pools leaked"), page);
    }
}
