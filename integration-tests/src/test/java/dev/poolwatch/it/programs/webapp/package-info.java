/**
 * Classes that {@link dev.poolwatch.it.programs.RedeployedWebapp} loads in class loaders of their
 * own, as a servlet container loads a web application. They use the JDK only.
 */
package dev.poolwatch.it.programs.webapp;
