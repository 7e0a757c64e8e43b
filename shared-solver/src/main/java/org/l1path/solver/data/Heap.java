package org.l1path.solver.data;

/** The heap room that decides whether a copy of the data (or a batch derived from it) is made. */
public final class Heap {
  private Heap() {}

  /** Bytes the heap can still grow into: its limit less what is in use now. */
  public static long freeBytes() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }
}
