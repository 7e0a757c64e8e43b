package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Lasso;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Lasso models saved with Weka's {@code -d} and loaded with {@code -l}: the loaded model predicts
 * exactly what the trained one did, and a model of another saved form is refused with a message
 * that names the versions and says to rebuild the model.
 */
class SavedModelTest {

  /** Weka's CSV prediction output with the class distribution, at full precision. */
  private static final String CSV_OUTPUT =
      "weka.classifiers.evaluation.output.prediction.CSV -distribution -decimals 16";

  /**
   * A model saved with {@code -d} by the Lasso of commit 30fc35b (l1path 0.1.0), before saved
   * models carried a form version: {@code weka.classifiers.functions.Lasso -t cpu.with.vendor.arff
   * -alpha 2 -no-cv -d lasso-cpu-form0.model}.
   */
  private static final String FORM_0_MODEL = "/models/lasso-cpu-form0.model";

  @TempDir Path dir;

  @Test
  void numericClassPredictionsOfTheLoadedModelEqualTheTrainedModels() throws Exception {
    // cpu: the vendor attribute has 30 values, some missing from the training rows.
    assertLoadedModelPredictsAsTrained(TestData.cpu(), new String[0]);
  }

  @Test
  void twoClassPredictionsOfTheLoadedModelEqualTheTrainedModels() throws Exception {
    // labor: most attributes have missing values, filled with the training means and modes.
    assertLoadedModelPredictsAsTrained(TestData.withLastClass("labor.arff"), new String[0]);
  }

  @Test
  void multiClassPredictionsOfTheLoadedModelEqualTheTrainedModels() throws Exception {
    assertLoadedModelPredictsAsTrained(
        TestData.withLastClass("iris.arff"), new String[] {"-num-alphas", "30", "-folds", "5"});
  }

  /** A relaxed model (saved form 3) keeps its refits and gamma: the blend predicts the same. */
  @Test
  void relaxedPredictionsOfTheLoadedModelEqualTheTrainedModels() throws Exception {
    assertLoadedModelPredictsAsTrained(TestData.cpu(), new String[] {"-relax"});
    assertLoadedModelPredictsAsTrained(
        TestData.withLastClass("labor.arff"), new String[] {"-relax", "-gamma", "0.25,0.5"});
  }

  /**
   * Trains on two thirds of {@code data} and saves the model with {@code -d}, printing its
   * predictions for the other third; loads the model with {@code -l} and predicts that third again;
   * both runs through Weka's command line. The two runs' prediction lines must be identical and
   * equal to an in-memory Lasso's predictions.
   */
  private void assertLoadedModelPredictsAsTrained(Instances data, String[] options)
      throws Exception {
    Instances train = new Instances(data, 0);
    Instances test = new Instances(data, 0);
    for (int i = 0; i < data.numInstances(); i++) {
      (i % 3 == 0 ? test : train).add(data.instance(i));
    }
    Path trainArff = dir.resolve("train.arff");
    Path testArff = dir.resolve("test.arff");
    Files.writeString(trainArff, train.toString());
    Files.writeString(testArff, test.toString());
    Path model = dir.resolve("lasso.model");

    List<String> args =
        new ArrayList<>(
            List.of(
                "-t",
                trainArff.toString(),
                "-T",
                testArff.toString(),
                "-d",
                model.toString(),
                "-classifications",
                CSV_OUTPUT));
    args.addAll(List.of(options));
    String trainedOutput = Evaluation.evaluateModel(new Lasso(), args.toArray(new String[0]));
    assertTrue(Files.size(model) > 0, "-d wrote the model");
    String loadedOutput =
        Evaluation.evaluateModel(
            new Lasso(),
            new String[] {
              "-l", model.toString(), "-T", testArff.toString(), "-classifications", CSV_OUTPUT
            });

    List<String[]> trained = predictionRows(trainedOutput);
    List<String[]> loaded = predictionRows(loadedOutput);
    assertEquals(test.numInstances(), trained.size(), trainedOutput);
    assertEquals(test.numInstances(), loaded.size(), loadedOutput);
    for (int i = 0; i < trained.size(); i++) {
      assertArrayEquals(trained.get(i), loaded.get(i), "test instance " + (i + 1));
    }

    // The printed numbers are the model's: those of a Lasso trained here with the same options.
    Lasso reference = new Lasso();
    reference.setOptions(options.clone());
    reference.buildClassifier(train);
    Set<Double> distinct = new HashSet<>();
    for (int i = 0; i < test.numInstances(); i++) {
      double[] expected = reference.distributionForInstance(test.instance(i));
      double[] printed = printedPrediction(loaded.get(i), test.classAttribute().isNumeric());
      assertEquals(expected.length, printed.length, "test instance " + (i + 1));
      for (int k = 0; k < expected.length; k++) {
        assertEquals(
            expected[k],
            printed[k],
            1e-12 * Math.max(1, Math.abs(expected[k])),
            "test instance " + (i + 1) + ", value " + k);
      }
      distinct.add(printed[printed.length - 1]);
    }
    assertTrue(distinct.size() > test.numInstances() / 2, "the predictions differ: " + distinct);
  }

  /** The rows of the "Predictions on test data" CSV, split into cells. */
  private static List<String[]> predictionRows(String output) {
    List<String> lines = output.lines().toList();
    int heading = lines.indexOf("=== Predictions on test data ===");
    assertTrue(heading >= 0, output);
    int header = heading + 1;
    while (lines.get(header).isBlank()) {
      header++;
    }
    assertTrue(lines.get(header).startsWith("inst#,actual,predicted,error"), lines.get(header));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(header + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  /**
   * The predicted value of a numeric class (column {@code predicted}), or the class distribution
   * (the columns after {@code error}; the predicted class's probability is starred).
   */
  private static double[] printedPrediction(String[] row, boolean numericClass) {
    if (numericClass) {
      return new double[] {Double.parseDouble(row[2])};
    }
    return Arrays.stream(row, 4, row.length)
        .filter(cell -> !cell.isEmpty())
        .mapToDouble(cell -> Double.parseDouble(cell.replace("*", "")))
        .toArray();
  }

  @Test
  void aModelSavedBeforeFormsWereVersionedIsRefusedWithAClearMessage() throws Exception {
    InvalidObjectException e =
        assertThrows(InvalidObjectException.class, () -> read(resource(FORM_0_MODEL)));
    assertOlderFormMessage(e.getMessage());
  }

  /** Through Weka's command line, as a user loading the file with {@code -l} sees it. */
  @Test
  void theCommandLineRefusesAModelOfAnOlderFormWithTheSameMessage() throws Exception {
    Path model = dir.resolve("old.model");
    Files.write(model, resource(FORM_0_MODEL));
    Path arff = dir.resolve("cpu.arff");
    Files.writeString(arff, TestData.cpu().toString());
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                Evaluation.evaluateModel(
                    new Lasso(), new String[] {"-l", model.toString(), "-T", arff.toString()}));
    // Weka prints "Weka exception: " and this message.
    assertOlderFormMessage(e.getMessage());
  }

  /**
   * An old model holding a class that has since changed incompatibly (here the solver's Model, its
   * serialVersionUID altered in the stream) gets the same message, not Java's
   * InvalidClassException.
   */
  @Test
  void anOlderModelWithAChangedClassIsRefusedWithTheSameMessage() throws Exception {
    byte[] stream = resource(FORM_0_MODEL);
    // A class descriptor: the name as writeUTF writes it, then its serialVersionUID (8 bytes).
    ByteArrayOutputStream utf = new ByteArrayOutputStream();
    new DataOutputStream(utf).writeUTF("org.l1path.solver.Model");
    byte[] name = utf.toByteArray();
    int at = indexOf(stream, name, 0);
    assertTrue(at > 0 && indexOf(stream, name, at + 1) < 0, "one class descriptor of Model");
    int uid = at + name.length;
    assertEquals(2, stream[uid + 7]);
    stream[uid + 7] = 7;
    InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
    assertOlderFormMessage(e.getMessage());
    assertInstanceOf(InvalidClassException.class, e.getCause());
  }

  private static void assertOlderFormMessage(String message) {
    assertTrue(message.contains("Cannot load this Lasso model"), message);
    assertTrue(
        message.contains(
            "saved by an older version of the l1path package, from before saved models recorded"
                + " their version (saved form 0)"),
        message);
    assertTrue(
        message.contains("this package, l1path 0.1.0, reads saved form " + Lasso.SAVED_FORM),
        message);
    assertTrue(message.contains("Rebuild the model with this package version"), message);
  }

  /**
   * A model saved by another package version in another form, made by editing a saved model's
   * stream where its form and version are: the int savedForm, then the String savedBy.
   */
  @Test
  void aModelOfAnotherFormIsRefusedNamingThePackageVersionThatSavedIt() throws Exception {
    Lasso lasso = new Lasso();
    lasso.buildClassifier(TestData.cpu());
    byte[] stream = write(lasso);
    byte[] formAndVersion = {
      0, 0, 0, (byte) Lasso.SAVED_FORM, 0x74 /* TC_STRING */, 0, 5, '0', '.', '1', '.', '0'
    };
    int at = indexOf(stream, formAndVersion, 0);
    assertTrue(at > 0 && indexOf(stream, formAndVersion, at + 1) < 0, "one savedForm, savedBy");
    stream[at + 3] = (byte) (Lasso.SAVED_FORM + 1);
    System.arraycopy("0.2.0".getBytes(StandardCharsets.US_ASCII), 0, stream, at + 7, 5);

    InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
    String message = e.getMessage();
    assertTrue(
        message.contains(
            "Cannot load this Lasso model: it was saved by l1path 0.2.0 (saved form "
                + (Lasso.SAVED_FORM + 1)
                + "), and this package, l1path 0.1.0, reads saved form "
                + Lasso.SAVED_FORM
                + " only."),
        message);
    assertTrue(
        message.contains(
            "Rebuild the model with this package version: train Lasso again and save the new"
                + " model (or load this one with l1path 0.2.0)."),
        message);

    // The unedited stream reads back to the same model.
    Lasso back = (Lasso) read(write(lasso));
    assertEquals(lasso.toString(), back.toString());
  }

  /**
   * A model of saved form 2, the form before the relaxed lasso (PathOptions without -relax and
   * -gamma), is refused: its PathOptions would load with relax off whatever it was. So is one of
   * form 3, before -storage, whose PathOptions would load with no storage at all.
   */
  @Test
  void modelsOfSavedFormsTwoAndThreeAreRefused() throws Exception {
    assertEquals(4, Lasso.SAVED_FORM);
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "2"});
    lasso.buildClassifier(TestData.cpu());
    for (byte older : new byte[] {2, 3}) {
      byte[] stream = write(lasso);
      byte[] formAndVersion = {0, 0, 0, 4, 0x74 /* TC_STRING */, 0, 5, '0', '.', '1', '.', '0'};
      int at = indexOf(stream, formAndVersion, 0);
      assertTrue(at > 0, "savedForm 4, savedBy 0.1.0");
      stream[at + 3] = older;
      InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
      assertTrue(
          e.getMessage()
              .contains(
                  "it was saved by l1path 0.1.0 (saved form "
                      + older
                      + "), and this package, l1path 0.1.0, reads saved form 4 only."),
          e.getMessage());
    }
  }

  /** Form 4 keeps -storage: a model trained sparse reads back with it and predicts the same. */
  @Test
  void theStorageOptionReadsBack() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-alpha", "2", "-storage", "sparse"});
    lasso.buildClassifier(TestData.cpu());
    Lasso back = (Lasso) read(write(lasso));
    assertEquals("sparse", back.getStorage().getSelectedTag().getIDStr());
    assertEquals(Utils.joinOptions(lasso.getOptions()), Utils.joinOptions(back.getOptions()));
    for (int i = 0; i < TestData.cpu().numInstances(); i++) {
      assertEquals(
          lasso.classifyInstance(TestData.cpu().instance(i)),
          back.classifyInstance(TestData.cpu().instance(i)));
    }
  }

  /** Form 3 was the first with the relaxed lasso's options: a relaxed model reads back relaxed. */
  @Test
  void aRelaxedModelReadsBackWithItsGammaAndOptions() throws Exception {
    assertTrue(Lasso.SAVED_FORM >= 3);
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-relax", "-gamma", "0,0.5,1", "-num-alphas", "30"});
    lasso.buildClassifier(TestData.cpu());
    Lasso back = (Lasso) read(write(lasso));
    assertEquals(lasso.toString(), back.toString());
    assertEquals(Utils.joinOptions(lasso.getOptions()), Utils.joinOptions(back.getOptions()));
    assertEquals(lasso.getMeasure("measureGamma"), back.getMeasure("measureGamma"));
    assertArrayEquals(lasso.getSummary().gammas(), back.getSummary().gammas());
    for (int i = 0; i < TestData.cpu().numInstances(); i++) {
      assertEquals(
          lasso.classifyInstance(TestData.cpu().instance(i)),
          back.classifyInstance(TestData.cpu().instance(i)));
    }
  }

  /** The version the message names is the package's, as Description.props declares it. */
  @Test
  void thePackageVersionIsDescriptionPropsVersion() throws Exception {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of("..", "Description.props"))) {
      props.load(in);
    }
    assertEquals(props.getProperty("Version"), new Lasso().getRevision());
    assertEquals("0.1.0", props.getProperty("Version"), "update the tests' expected messages");
  }

  /** Weka copies schemes by serialization (the GUI, cross-validation): options survive it. */
  @Test
  void anUnbuiltCopyKeepsItsOptions() throws Exception {
    Lasso lasso = new Lasso();
    lasso.setOptions(new String[] {"-l1-ratio", "0.5,1", "-rule", "1se", "-S", "3", "-positive"});
    Lasso copy = (Lasso) AbstractClassifier.makeCopy(lasso);
    assertEquals(Utils.joinOptions(lasso.getOptions()), Utils.joinOptions(copy.getOptions()));
    assertEquals("Lasso: no model built yet.", copy.toString());

    Lasso relaxed = new Lasso();
    relaxed.setOptions(new String[] {"-relax", "-gamma", "0,0.5"});
    Lasso relaxedCopy = (Lasso) AbstractClassifier.makeCopy(relaxed);
    assertTrue(relaxedCopy.getRelax());
    assertEquals("0,0.5", relaxedCopy.getGammas());
  }

  private static byte[] write(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  /** Reads with Weka's own reader, as {@code -l} and the Explorer's Load model do. */
  private static Object read(byte[] stream) throws Exception {
    return SerializationHelper.read(new ByteArrayInputStream(stream));
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = SavedModelTest.class.getResourceAsStream(name)) {
      assertTrue(in != null, name);
      return in.readAllBytes();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
