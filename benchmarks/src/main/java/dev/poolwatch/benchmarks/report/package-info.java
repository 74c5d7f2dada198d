/**
 * What the sections of {@code BENCHMARKS.md} share: each section is a program that measures, in one
 * run, the sides it compares and prints its Markdown ({@code ## title}, tables of medians and
 * ratios, each goal and whether it is met) on standard output; {@code benchmarks/run} runs them all.
 */
package dev.poolwatch.benchmarks.report;
