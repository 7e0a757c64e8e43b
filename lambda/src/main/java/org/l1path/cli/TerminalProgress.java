package org.l1path.cli;

import java.io.PrintStream;
import org.l1path.job.JobProgress;

/**
 * Shows progress on one self-overwriting line of stderr, at most a few times a second. Only used
 * when a person is watching a terminal.
 */
final class TerminalProgress implements JobProgress {
  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintStream err;
  private long lastShown = System.nanoTime();
  private boolean shown;

  TerminalProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void rowsRead(long rows) {
    show("reading: " + rows + " rows", false);
  }

  @Override
  public void alphaSolved(int solved, int total) {
    show("fitting: " + solved + " of " + total + " alphas", solved == total);
  }

  @Override
  public void foldFinished(int done, int total) {
    show("cross-validating: " + done + " of " + total + " fits", done == total);
  }

  /** Ends the progress line so that later output starts on a fresh line. */
  synchronized void finish() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }

  private synchronized void show(String text, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastShown < INTERVAL_NANOS) {
      return;
    }
    lastShown = now;
    err.print("\r\033[K" + text);
    err.flush();
    shown = true;
  }
}
