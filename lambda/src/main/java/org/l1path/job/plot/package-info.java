/**
 * The report's plots ({@code path.svg} and {@code cv.svg}) as plain SVG text. They take plain
 * arrays so they depend on nothing else in the job, and they measure no text: labels are SVG {@code
 * text} elements that the viewer lays out, so drawing needs no fonts and no AWT (AWS's Java
 * runtimes have neither fonts nor a display).
 */
package org.l1path.job.plot;
