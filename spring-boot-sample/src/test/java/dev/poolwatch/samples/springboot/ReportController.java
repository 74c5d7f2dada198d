package dev.poolwatch.samples.springboot;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deliberate leak: a pool for each request, to run one query, never shut down. */
@RestController
class ReportController {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    ReportController(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping("/report")
    String report() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(3);
        Future<Integer> tables = workers.submit(
                () -> jdbc.queryForObject("select count(*) from information_schema.tables", Integer.class));
        audit.record("report");
        return "tables: " + tables.get() + "\n";
    }
}
