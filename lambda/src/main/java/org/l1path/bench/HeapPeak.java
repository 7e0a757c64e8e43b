package org.l1path.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap's peak use since {@link #reset}: the sum of each heap pool's peak. Pools peak at
 * different moments, so the sum is an upper bound on the true peak. It includes the data, which is
 * on the heap before the fits start. G1 updates its pools' occupancy at collections, so a run
 * without a collection shows little more than what the reset found.
 */
final class HeapPeak {
  private static final double MIB = 1024.0 * 1024.0;

  private HeapPeak() {}

  /** Collects first, so that the data counts in the old generation from the start. */
  static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
  }

  static double megabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      bytes += pool.getPeakUsage().getUsed();
    }
    return bytes / MIB;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}
