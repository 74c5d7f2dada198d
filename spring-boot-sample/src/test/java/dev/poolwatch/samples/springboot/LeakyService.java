package dev.poolwatch.samples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring Boot service as people run them: Tomcat, {@code @Async}, {@code @Scheduled}, HikariCP on H2,
 * the actuator's shutdown endpoint, and one endpoint that creates a pool per request and never shuts
 * it down ({@link ReportController}). Prints {@code serving on 127.0.0.1:<port>} once it serves.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class LeakyService {

    public static void main(String[] args) {
        SpringApplication.run(LeakyService.class, args);
    }
}
