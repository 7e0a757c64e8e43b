package org.l1path.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.BinaryAttribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.types.StructType;
import org.l1path.solver.Family;

/**
 * The family a fit solves and, for classes, their labels: from the family param and the label
 * column's ML attributes. A label StringIndexer made (nominal metadata) holds class indices; with
 * family auto, two classes make a binomial fit, more a multinomial one, and a numeric label without
 * such metadata a gaussian one. Binomial models the class of index 1, as l1path models its second
 * class.
 */
record LabelKind(Family family, List<String> classes) {
  static LabelKind of(StructType schema, String labelCol, String familyParam) {
    Attribute attribute = Attribute.fromStructField(Schemas.field(schema, labelCol, "labelCol"));
    List<String> named = classNames(attribute);
    if (named != null && named.isEmpty()) {
      throw new IllegalArgumentException(
          "labelCol '"
              + labelCol
              + "' is nominal but its metadata names no classes: index it"
              + " with StringIndexer");
    }
    String family = familyParam.trim().toLowerCase(Locale.ROOT);
    switch (family) {
      case "gaussian" -> {
        return new LabelKind(Family.GAUSSIAN, List.of());
      }
      case "binomial" -> {
        if (named != null && named.size() != 2) {
          throw new IllegalArgumentException(
              "family binomial needs 2 classes, but labelCol '"
                  + labelCol
                  + "' has "
                  + named.size());
        }
        return new LabelKind(Family.BINOMIAL, named != null ? named : List.of("0", "1"));
      }
      case "multinomial" -> {
        if (named == null) {
          throw new IllegalArgumentException(
              "family multinomial needs labelCol '"
                  + labelCol
                  + "' indexed by StringIndexer"
                  + " (its metadata names the classes)");
        }
        return new LabelKind(Family.MULTINOMIAL, named);
      }
      case "auto" -> {
        if (named == null) {
          return new LabelKind(Family.GAUSSIAN, List.of());
        }
        return new LabelKind(named.size() == 2 ? Family.BINOMIAL : Family.MULTINOMIAL, named);
      }
      default ->
          throw new IllegalArgumentException(
              "family must be auto, gaussian, binomial or multinomial, got '" + familyParam + "'");
    }
  }

  /**
   * Whether the label holds class indices, from the schema alone: a Pipeline checks schemas before
   * StringIndexer has seen the data, when its metadata does not name the classes yet.
   */
  static boolean classes(StructType schema, String labelCol, String familyParam) {
    String family = familyParam.trim().toLowerCase(Locale.ROOT);
    if (!family.equals("auto")) {
      return !family.equals("gaussian");
    }
    return classNames(Attribute.fromStructField(Schemas.field(schema, labelCol, "labelCol")))
        != null;
  }

  /**
   * The class labels of a nominal or binary label (empty when the metadata does not name them yet),
   * or null for a numeric one.
   */
  private static List<String> classNames(Attribute attribute) {
    if (attribute instanceof BinaryAttribute binary) {
      return binary.values().isDefined() ? List.of(binary.values().get()) : List.of("0", "1");
    }
    if (attribute instanceof NominalAttribute nominal) {
      if (nominal.values().isDefined()) {
        return List.of(nominal.values().get());
      }
      if (nominal.numValues().isDefined()) {
        int count = (Integer) nominal.numValues().get();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
          out.add(Integer.toString(c));
        }
        return out;
      }
      return List.of(); // a schema before StringIndexer has seen the data: classes, not yet named
    }
    return null;
  }
}
