package org.l1path.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The number of features and their names, from the vector column's ML attributes (VectorAssembler
 * writes them: no job needed), or, without them, from the first row (one small job) with names
 * {@code x1, x2, …}.
 */
record FeatureSchema(int size, List<String> names) {
  static FeatureSchema of(Dataset<?> data, String featuresCol) {
    AttributeGroup group = AttributeGroup.fromStructField(data.schema().apply(featuresCol));
    int size = group.size();
    List<String> names = new ArrayList<>();
    if (size < 0) {
      List<Row> first = data.select(featuresCol).limit(1).collectAsList();
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the data has no rows");
      }
      size = ((Vector) first.get(0).get(0)).size();
    } else if (group.attributes().isDefined()) {
      Attribute[] attributes = group.attributes().get();
      for (int j = 0; j < size; j++) {
        names.add(attributes[j].name().isDefined() ? attributes[j].name().get() : "x" + (j + 1));
      }
    }
    if (size < 1) {
      throw new IllegalArgumentException("featuresCol: column '" + featuresCol + "' is empty");
    }
    if (names.size() != size) {
      names.clear();
      for (int j = 0; j < size; j++) {
        names.add("x" + (j + 1));
      }
    }
    return new FeatureSchema(size, List.copyOf(names));
  }
}
