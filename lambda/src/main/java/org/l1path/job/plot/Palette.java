package org.l1path.job.plot;

/** Line colours: Tableau 10, distinguishable for most colour-vision deficiencies. */
final class Palette {
  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };

  private Palette() {}

  /** The colour of feature {@code index}, stable across the plot and its labels. */
  static String colour(int index) {
    return COLOURS[index % COLOURS.length];
  }
}
