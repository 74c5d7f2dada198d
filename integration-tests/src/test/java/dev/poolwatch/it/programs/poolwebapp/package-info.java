/**
 * A web application that uses the pool library, which {@link dev.poolwatch.it.programs.RedeployWebapp}
 * loads in class loaders of its own, as a servlet container does.
 */
package dev.poolwatch.it.programs.poolwebapp;
