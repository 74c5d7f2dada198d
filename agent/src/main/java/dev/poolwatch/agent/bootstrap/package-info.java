/**
 * The agent's runtime that the JDK's own pool classes call into. These classes are defined in the
 * bootstrap class loader (by {@code BootstrapClasses}, this package only), so they use JDK types only
 * and know nothing of the rest of the agent, which lives in the agent's own class loader and reads
 * what is recorded here.
 */
package dev.poolwatch.agent.bootstrap;
