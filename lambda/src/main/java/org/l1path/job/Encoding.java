package org.l1path.job;

import java.util.List;

/**
 * How a fit turned its input columns into design columns, recorded in {@code model.json} so that
 * new rows are encoded the same way: each feature column in file order, numeric or categorical, and
 * the value a missing one took under {@code missing=mean}.
 *
 * @param missing the fit's missing-value policy
 * @param columns the feature columns, in the order their design columns appear
 */
public record Encoding(MissingPolicy missing, List<Input> columns) {

  public Encoding {
    columns = List.copyOf(columns);
  }

  /** One input column. */
  public sealed interface Input permits Numeric, Categorical {
    String name();

    /** How many design columns it became. */
    int width();
  }

  /**
   * A numeric column: one design column, itself.
   *
   * @param fill the value of a missing one (its mean in the fitted rows) under {@code
   *     missing=mean}; NaN under the other policies
   */
  public record Numeric(String name, double fill) implements Input {
    @Override
    public int width() {
      return 1;
    }
  }

  /**
   * A categorical column: one indicator per level seen in the fitted rows, named {@code
   * name=level}.
   *
   * @param levels those levels, in design order
   * @param fill the level a missing value took (the most frequent) under {@code missing=mean}; null
   *     under the other policies
   */
  public record Categorical(String name, List<String> levels, String fill) implements Input {
    public Categorical {
      levels = List.copyOf(levels);
    }

    @Override
    public int width() {
      return levels.size();
    }
  }
}
