/**
 * The agent's runtime that the JDK's own pool classes call into. These classes are loaded by the
 * bootstrap class loader (the agent appends a small jar holding only this package to its search
 * path), so they use JDK types only and know nothing of the rest of the agent, which lives in the
 * agent's own class loader and reads what is recorded here.
 */
package dev.poolwatch.agent.bootstrap;
