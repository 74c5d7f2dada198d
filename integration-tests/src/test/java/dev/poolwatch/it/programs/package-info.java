/**
 * Small programs the integration tests run in forked JVMs, beside the sample apps: each sets up one
 * situation the samples do not (an exit status of its own, two creators to filter, a library of its
 * own that the agent also uses, a pool or a view waited on by compiled code, a webapp redeployed, a
 * look at which class loaders see the agent's classes, a pool a library keeps for the life of the
 * process). They use only the JDK and the pool library, Guava's {@code JdkFutureAdapters} aside, and
 * print what the tests check.
 */
package dev.poolwatch.it.programs;
