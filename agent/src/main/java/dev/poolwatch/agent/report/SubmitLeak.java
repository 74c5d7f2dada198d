package dev.poolwatch.agent.report;

import java.util.List;

/**
 * Tasks handed to pools after shutdown from one submit site.
 *
 * @param poolType the pool class
 * @param count how many tasks
 * @param rejected {@code true} if the submitter got an exception, {@code false} if the task was
 *     silently dropped, {@code null} if a custom handler decided
 * @param handler the rejection handler's class, or {@code null}
 * @param submitSite the frames of the submit, from the first application frame on
 * @param shutdownSite the frames that shut the pool down, empty if the agent did not see it
 * @param shutdownMethod the method that shut the pool down, or {@code null}
 */
public record SubmitLeak(String poolType, int count, Boolean rejected, String handler, List<String> submitSite,
        List<String> shutdownSite, String shutdownMethod) {
}
