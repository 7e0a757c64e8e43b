package org.l1path.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Family;
import org.l1path.solver.Model;
import org.l1path.solver.Scores;
import org.l1path.solver.SelectionRule;

/** A model.json read back, and new rows predicted with it. */
class PredictJobTest {

  /** A fit's result and the model.json it wrote. */
  private record Fitted(FitResult result, byte[] modelJson) {
    SavedModel saved() throws IOException {
      return SavedModel.read(new ByteArrayInputStream(modelJson), "model.json");
    }
  }

  private static Fitted fit(String csv, Map<String, String> options) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    FitResult result =
        new FitJob(2)
            .run(
                stream(csv),
                "train.csv",
                FitRequest.fromOptions(options),
                files::put,
                JobProgress.NONE);
    return new Fitted(result, files.get(FitJob.MODEL_JSON));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Predicts, returning the output CSV's lines; the score goes to {@code score[0]}. */
  private static List<String> predict(
      SavedModel saved, Model model, String csv, boolean unseenAsZero, PredictionScore[] score)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PredictionScore s =
        PredictJob.run(
            saved,
            model,
            stream(csv),
            "new.csv",
            out,
            new PredictChoice(
                Double.NaN, null, unseenAsZero, StandardCharsets.UTF_8, Double.NaN, null));
    if (score != null) {
      score[0] = s;
    }
    return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
  }

  /**
   * A file with a numeric column, a categorical one and a target: numeric (gaussian), two classes
   * or four.
   */
  private static String data(int n, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("x1,colour,x2,y\n");
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < n; i++) {
      double x1 = random.nextDouble() * 4 - 2;
      double x2 = random.nextDouble() * 4 - 2;
      int c = random.nextInt(3);
      double eta = 1.5 * x1 - x2 + (c == 0 ? 1 : c == 1 ? -1 : 0) + random.nextDouble() - 0.5;
      String y;
      if (classes == 0) {
        y = Double.toString(eta);
      } else if (classes == 2) {
        y = eta > 0 ? "yes" : "no";
      } else {
        y = "k" + Math.min(classes - 1, Math.max(0, (int) Math.floor(eta + classes / 2.0)));
      }
      sb.append(x1).append(',').append(colours[c]).append(',').append(x2);
      sb.append(',').append(y).append('\n');
    }
    return sb.toString();
  }

  @Test
  void aReloadedModelPredictsAsTheInMemoryOneForEveryFamily() throws IOException {
    for (int classes : new int[] {0, 2, 4}) {
      String csv = data(150, classes, 7 + classes);
      Fitted fitted = fit(csv, Map.of("folds", "3"));
      SavedModel saved = fitted.saved();
      Model original = fitted.result().model();
      Model reloaded = saved.model();
      assertEquals(original.family(), reloaded.family());
      assertEquals(original.alpha(), reloaded.alpha(), 0.0);
      assertEquals(original.toString(), reloaded.toString());
      for (int k = 0; k < fitted.result().path().size(); k++) {
        Model a = fitted.result().path().model(k);
        Model b = saved.path().model(k);
        for (double[] row : new double[][] {{0.3, 1, 0, 0, -1.2}, {-1.5, 0, 0, 1, 2.0}}) {
          if (a.family() == Family.GAUSSIAN) {
            assertEquals(a.predict(row), b.predict(row), 1e-12);
          } else {
            double[] pa = a.probabilities(row);
            double[] pb = b.probabilities(row);
            for (int c = 0; c < pa.length; c++) {
              assertEquals(pa[c], pb[c], 1e-12, "class " + c + " at alpha " + k);
            }
          }
        }
      }
      assertEquals(
          fitted.result().cv().bestCurve().alpha1se(),
          saved.model(SelectionRule.ONE_SE).alpha(),
          0.0);
    }
  }

  @Test
  void aReloadedRelaxedModelPredictsAsTheInMemoryOneForEveryFamily() throws IOException {
    for (int classes : new int[] {0, 2, 4}) {
      String csv = data(150, classes, 11 + classes);
      Fitted fitted = fit(csv, Map.of("folds", "3", "relax", "true"));
      SavedModel saved = fitted.saved();
      assertEquals(fitted.result().gamma(), saved.gamma(), 0.0);
      Model original = fitted.result().model();
      Model reloaded = saved.model();
      assertEquals(original.toString(), reloaded.toString());
      for (double gamma : new double[] {0, 0.25, 1}) {
        for (int k = 0; k < saved.path().size(); k += 7) {
          Model a = fitted.result().relaxed().model(k, gamma);
          Model b = saved.model(saved.path().alpha(k), gamma);
          for (double[] row : new double[][] {{0.3, 1, 0, 0, -1.2}, {-1.5, 0, 0, 1, 2.0}}) {
            if (a.family() == Family.GAUSSIAN) {
              assertEquals(a.predict(row), b.predict(row), 1e-12);
            } else {
              double[] pa = a.probabilities(row);
              double[] pb = b.probabilities(row);
              for (int c = 0; c < pa.length; c++) {
                assertEquals(pa[c], pb[c], 1e-12, "class " + c + " at alpha " + k);
              }
            }
          }
        }
      }
      // gamma 1 is the lasso.
      assertEquals(
          saved.path().model(3).toString(), saved.model(saved.path().alpha(3), 1).toString());
    }
    SavedModel plain = fit(data(100, 0, 5), Map.of("folds", "0")).saved();
    InputException e = assertThrows(InputException.class, () -> plain.model(Double.NaN, 0.5));
    assertTrue(e.getMessage().contains("gamma applies to a relaxed fit"), e.getMessage());
  }

  @Test
  void predictingTheTrainingFileScoresAsTheInMemoryModel() throws IOException {
    String csv = data(200, 2, 3);
    Fitted fitted = fit(csv, Map.of("folds", "3"));
    Model model = fitted.result().model();
    PredictionScore[] score = new PredictionScore[1];
    List<String> lines = predict(fitted.saved(), fitted.saved().model(), csv, false, score);
    assertEquals("row,class,probability:no,probability:yes", lines.get(0));
    assertEquals(201, lines.size());
    // The training design, rebuilt by hand in the encoding's order: x1, colour=blue,
    // colour=green, colour=red, x2.
    String[] rows = csv.split("\n");
    int[] observed = new int[200];
    double[] yes = new double[200];
    for (int i = 0; i < 200; i++) {
      String[] f = rows[i + 1].split(",");
      double[] x = {
        Double.parseDouble(f[0]),
        f[1].equals("blue") ? 1 : 0,
        f[1].equals("green") ? 1 : 0,
        f[1].equals("red") ? 1 : 0,
        Double.parseDouble(f[2])
      };
      double[] p = model.probabilities(x);
      String[] out = lines.get(i + 1).split(",");
      assertEquals(Integer.toString(i + 1), out[0]);
      assertEquals(p[1], Double.parseDouble(out[3]), 1e-12);
      assertEquals(p[1] > p[0] ? "yes" : "no", out[1]);
      observed[i] = f[3].equals("yes") ? 1 : 0;
      yes[i] = p[1];
    }
    assertEquals(200, score[0].scored());
    assertEquals("auc", score[0].measures().get(2).name());
    assertEquals(Scores.auc(observed, yes, null), score[0].measures().get(2).value(), 1e-12);
    assertTrue(score[0].summary().startsWith("scored 200 of 200 rows: deviance "));
  }

  @Test
  void columnsAreFoundByNameAndExtraOnesIgnored() throws IOException {
    Fitted fitted = fit(data(100, 0, 5), Map.of("folds", "0"));
    SavedModel saved = fitted.saved();
    Model model = saved.model();
    PredictionScore[] score = new PredictionScore[1];
    List<String> lines =
        predict(saved, model, "id,x2,colour,note,x1\n7,0.5,green,hello,-1.0\n", false, score);
    assertEquals("row,prediction", lines.get(0));
    double expected = model.predict(new double[] {-1.0, 0, 1, 0, 0.5});
    assertEquals(expected, Double.parseDouble(lines.get(1).split(",")[1]), 1e-12);
    assertNull(score[0].summary(), "no target column, no score");
  }

  @Test
  void aMissingFeatureColumnIsAnErrorNamingIt() throws IOException {
    SavedModel saved = fit(data(100, 0, 5), Map.of("folds", "0")).saved();
    InputException e =
        assertThrows(
            InputException.class, () -> predict(saved, saved.model(), "x1,x2\n1,2\n", false, null));
    assertEquals(
        "new.csv: line 1: no column 'colour', which the model needs as a feature", e.getMessage());
  }

  @Test
  void anUnseenLevelIsAnErrorNamingLineAndColumnUnlessAskedToBeZero() throws IOException {
    SavedModel saved = fit(data(100, 0, 5), Map.of("folds", "0")).saved();
    Model model = saved.model();
    String csv = "x1,colour,x2\n1,red,2\n0.5,purple,1\n";
    InputException e =
        assertThrows(InputException.class, () -> predict(saved, model, csv, false, null));
    assertTrue(
        e.getMessage()
            .startsWith(
                "new.csv: line 3, column 'colour': level 'purple' was not seen when the model"
                    + " was fitted (its levels: blue, green, red)"),
        e.getMessage());
    List<String> lines = predict(saved, model, csv, true, null);
    double expected = model.predict(new double[] {0.5, 0, 0, 0, 1});
    assertEquals(expected, Double.parseDouble(lines.get(2).split(",")[1]), 1e-12);
  }

  @Test
  void rowsInAnotherEncodingAreRefusedUnlessItIsNamed() throws IOException {
    SavedModel saved =
        fit(data(100, 0, 5).replace("green", "gr\u00fcn"), Map.of("folds", "0")).saved();
    Model model = saved.model();
    String csv = "x1,colour,x2\n1,red,2\n0.5,gr\u00fcn,1\n";
    byte[] latin1 = csv.getBytes(StandardCharsets.ISO_8859_1);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                PredictJob.run(
                    saved,
                    model,
                    new ByteArrayInputStream(latin1),
                    "new.csv",
                    new ByteArrayOutputStream(),
                    PredictChoice.DEFAULT));
    assertTrue(
        e.getMessage()
            .startsWith(
                "new.csv: line 3, column 'colour' (column 2): bytes that are not valid UTF-8"),
        e.getMessage());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PredictJob.run(
        saved,
        model,
        new ByteArrayInputStream(latin1),
        "new.csv",
        out,
        new PredictChoice(Double.NaN, null, false, StandardCharsets.ISO_8859_1, Double.NaN, null));
    assertEquals(
        String.join("\n", predict(saved, model, csv, false, null)) + "\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void missingValuesFollowTheFitsPolicy() throws IOException {
    String train = data(100, 0, 5);
    String csv = "x1,colour,x2\n1,red,2\n,NA,1\n";
    // mean: the numeric column's mean and the most frequent level, as recorded at fit time.
    Fitted mean = fit(train, Map.of("folds", "0", "missing", "mean"));
    Encoding.Numeric x1 = (Encoding.Numeric) mean.result().encoding().columns().get(0);
    Encoding.Categorical colour = (Encoding.Categorical) mean.result().encoding().columns().get(1);
    double[] filled = {x1.fill(), 0, 0, 0, 1};
    filled[1 + colour.levels().indexOf(colour.fill())] = 1;
    Model model = mean.saved().model();
    List<String> lines = predict(mean.saved(), model, csv, false, null);
    assertEquals(model.predict(filled), Double.parseDouble(lines.get(2).split(",")[1]), 1e-12);
    // drop: the row keeps its number, with no prediction.
    Fitted drop = fit(train, Map.of("folds", "0", "missing", "drop"));
    assertEquals("2,", predict(drop.saved(), drop.saved().model(), csv, false, null).get(2));
    // error: the line and column.
    Fitted error = fit(train, Map.of("folds", "0", "missing", "error"));
    InputException e =
        assertThrows(
            InputException.class,
            () -> predict(error.saved(), error.saved().model(), csv, false, null));
    assertTrue(e.getMessage().startsWith("new.csv: line 3, column 'x1': missing value"));
  }

  @Test
  void aValueThatIsNotANumberInANumericColumnIsAnErrorNamingIt() throws IOException {
    SavedModel saved = fit(data(100, 0, 5), Map.of("folds", "0")).saved();
    InputException e =
        assertThrows(
            InputException.class,
            () -> predict(saved, saved.model(), "x1,colour,x2\n1,red,2\n1,red,two\n", false, null));
    assertTrue(e.getMessage().startsWith("new.csv: line 3, column 'x2': 'two' is not a number"));
  }

  @Test
  void classesTheModelDoesNotKnowAreLeftOutOfTheScore() throws IOException {
    Fitted fitted = fit(data(150, 4, 11), Map.of("folds", "0"));
    SavedModel saved = fitted.saved();
    PredictionScore[] score = new PredictionScore[1];
    List<String> lines =
        predict(
            saved,
            saved.model(),
            "x1,colour,x2,y\n1,red,2,k1\n0,blue,0,k9\n-1,green,1,\n",
            false,
            score);
    assertEquals(4, lines.size());
    assertEquals(3, score[0].rows());
    assertEquals(1, score[0].scored());
    assertEquals(1, score[0].unknownClass());
    assertEquals(
        List.of("deviance", "accuracy"),
        score[0].measures().stream().map(PredictionScore.Measure::name).toList());
  }

  @Test
  void aFileThatIsNotAModelOfThisSchemaIsRefusedNamingWhy() throws IOException {
    byte[] json = fit(data(60, 0, 5), Map.of("folds", "0")).modelJson();
    String text = new String(json, StandardCharsets.UTF_8);
    InputException schema =
        assertThrows(
            InputException.class,
            () ->
                SavedModel.read(
                    stream(text.replace("l1path-model/1", "l1path-model/9")), "m.json"));
    assertEquals(
        "m.json: schema 'l1path-model/9' is not l1path-model/1, which this version of l1path"
            + " reads",
        schema.getMessage());
    InputException noPath =
        assertThrows(
            InputException.class,
            () ->
                SavedModel.read(stream(text.replace("\"alphas\" : [", "\"alfas\" : [")), "m.json"));
    assertTrue(noPath.getMessage().startsWith("m.json: key 'path.alphas'"), noPath.getMessage());
    InputException older =
        assertThrows(
            InputException.class,
            () -> SavedModel.read(stream(text.replace("\"encoding\"", "\"encodings\"")), "m.json"));
    assertTrue(older.getMessage().contains("no key 'encoding'"), older.getMessage());
    InputException notJson =
        assertThrows(InputException.class, () -> SavedModel.read(stream("x1,y\n1,2\n"), "m.json"));
    assertTrue(notJson.getMessage().startsWith("m.json: not a model.json"), notJson.getMessage());
  }

  @Test
  void theBundledDiabetesModelRoundTripsThroughAFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Fitted fitted = fit(Files.readString(Path.of("../examples/diabetes.csv")), Map.of());
    Files.write(dir.resolve("model.json"), fitted.modelJson());
    SavedModel saved = SavedModel.read(dir.resolve("model.json"));
    assertEquals(fitted.result().model().toString(), saved.model().toString());
    assertEquals("progression", saved.target());
  }
}
