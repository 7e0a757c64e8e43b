package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Dataset;
import org.l1path.solver.Family;

/** The target made into the solver's response: classes, their order, and the family. */
class ResponseTest {
  private static Dataset prepare(String csv, Map<String, String> options) throws IOException {
    CsvTable table =
        CsvTableReader.read(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            "t.csv",
            JobProgress.NONE);
    return TrainingData.prepare(table, FitRequest.fromOptions(options)).dataset();
  }

  @Test
  void aForcedNumericTargetHasItsValuesAsClassesInNumericOrder() throws IOException {
    Dataset d = prepare("x,y\n1,10\n2,-0\n3,2.5\n4,0\n5,10\n", Map.of("family", "multinomial"));

    assertEquals(Family.MULTINOMIAL, d.family());
    // -0 and 0 are one class; numeric order puts 10 last, where code-point order would not.
    assertEquals(List.of("0", "2.5", "10"), d.classes());
    assertArrayEquals(new double[] {2, 0, 1, 0, 2}, d.response());
  }

  @Test
  void aTextLevelSeenOnlyInADroppedRowIsNotAClass() throws IOException {
    Dataset d = prepare("x,c\n1,b\nNA,z\n3,a\n4,b\n", Map.of("missing", "drop"));

    assertEquals(Family.BINOMIAL, d.family());
    assertEquals(List.of("a", "b"), d.classes());
    assertArrayEquals(new double[] {1, 0, 1}, d.response());
  }

  @Test
  void aNumericTargetIsGaussianUnlessForced() throws IOException {
    Dataset d = prepare("x,y\n1,0\n2,1\n3,1\n", Map.of());

    assertEquals(Family.GAUSSIAN, d.family());
    assertEquals(List.of(), d.classes());
  }
}
