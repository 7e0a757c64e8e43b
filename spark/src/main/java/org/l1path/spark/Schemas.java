package org.l1path.spark;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks with errors that name the column. */
final class Schemas {
  private Schemas() {}

  static StructField field(StructType schema, String column, String param) {
    if (column == null || column.isEmpty()) {
      throw new IllegalArgumentException(param + " must name a column");
    }
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(
          param
              + ": column '"
              + column
              + "' is not in the data (columns: "
              + String.join(", ", schema.fieldNames())
              + ")");
    }
    return schema.apply(column);
  }

  static void requireVector(StructType schema, String column) {
    DataType type = field(schema, column, "featuresCol").dataType();
    if (!type.equals(SQLDataTypes.VectorType())) {
      throw new IllegalArgumentException(
          "featuresCol: column '"
              + column
              + "' must be a vector column (as VectorAssembler"
              + " makes), got "
              + type.simpleString());
    }
  }

  static void requireNumeric(StructType schema, String column, String param) {
    DataType type = field(schema, column, param).dataType();
    if (!(type instanceof NumericType)) {
      throw new IllegalArgumentException(
          param + ": column '" + column + "' must be numeric, got " + type.simpleString());
    }
  }

  static StructType appendNew(StructType schema, String column, DataType type) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("output column '" + column + "' already exists");
    }
    return schema.add(column, type, false);
  }

  static final DataType DOUBLE = DataTypes.DoubleType;
}
