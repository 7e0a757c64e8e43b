/**
 * The command-line front door: {@code l1path fit FILE.csv [options]} runs the batch job on a local
 * file and writes its results into a directory. It only parses arguments, reports progress and maps
 * failures to exit statuses; the work is in {@link org.l1path.job}.
 */
package org.l1path.cli;
