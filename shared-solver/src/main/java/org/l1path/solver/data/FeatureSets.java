package org.l1path.solver.data;

/**
 * The features one coefficient row's coordinate descent visits at one alpha: the strong set (the
 * sequential strong rule's survivors, the non-zero and the unpenalized features, and any that
 * failed the KKT check), and within it the active set that full passes found moving.
 */
public final class FeatureSets {
  public final int[] strong;
  public int strongCount;
  private final boolean[] inStrong;
  public final int[] active;
  public int activeCount;
  private final boolean[] inActive;

  public FeatureSets(int p) {
    strong = new int[p];
    inStrong = new boolean[p];
    active = new int[p];
    inActive = new boolean[p];
  }

  /** Empties both sets. */
  public void clear() {
    for (int t = 0; t < strongCount; t++) {
      inStrong[strong[t]] = false;
    }
    for (int t = 0; t < activeCount; t++) {
      inActive[active[t]] = false;
    }
    strongCount = 0;
    activeCount = 0;
  }

  public boolean isStrong(int j) {
    return inStrong[j];
  }

  public void addStrong(int j) {
    if (!inStrong[j]) {
      inStrong[j] = true;
      strong[strongCount++] = j;
    }
  }

  public void addActive(int j) {
    if (!inActive[j]) {
      inActive[j] = true;
      active[activeCount++] = j;
    }
  }
}
