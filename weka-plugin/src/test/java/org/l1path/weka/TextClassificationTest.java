package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Storage;
import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.LassoAttributeEval;
import weka.attributeSelection.Ranker;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Lasso;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.StringToWordVector;

/**
 * Text as Weka users classify it: a string attribute turned into sparse word counts by {@code
 * StringToWordVector}, then Lasso (inside {@code FilteredClassifier}) or LassoAttributeEval. The
 * documents draw background words uniformly from a vocabulary; a few signal words are more likely
 * in one class than the other.
 */
class TextClassificationTest {

  private static final int VOCABULARY = 400;
  private static final List<String> POSITIVE = List.of("splendid", "superb", "delight", "joyful");
  private static final List<String> NEGATIVE = List.of("dreadful", "awful", "misery", "gloomy");

  @Test
  void filteredClassifierWithStringToWordVectorAndLassoClassifiesHeldOutText() throws Exception {
    Instances train = documents(300, 11);
    Instances test = documents(200, 12);
    FilteredClassifier classifier = new FilteredClassifier();
    classifier.setFilter(wordVector());
    classifier.setClassifier(new Lasso());
    classifier.buildClassifier(train);

    Evaluation evaluation = new Evaluation(train);
    evaluation.evaluateModel(classifier, test);
    // Each document holds on average 3.2 signal words, 4% of them none: far better than chance,
    // not perfect.
    assertTrue(evaluation.pctCorrect() > 85, evaluation.toSummaryString());
    assertTrue(evaluation.areaUnderROC(1) > 0.9, evaluation.toSummaryString());

    // The model's non-zero coefficients are mostly signal words.
    Lasso lasso = (Lasso) classifier.getClassifier();
    List<String> names = lasso.getModel().featureNames();
    int[] selected = lasso.getModel().selected();
    int signal = 0;
    for (int j : selected) {
      signal += isSignal(names.get(j)) ? 1 : 0;
    }
    assertTrue(signal >= 6, "signal words selected: " + signal + " of " + selected.length);
  }

  /** StringToWordVector makes sparse instances, and the training set keeps them sparse. */
  @Test
  void theWordVectorsAreEncodedSparse() throws Exception {
    Instances words = Filter.useFilter(documents(100, 13), wordVector(documents(100, 13)));
    assertInstanceOf(SparseInstance.class, words.instance(0));
    TrainingSet training = TrainingSet.of(words);
    assertEquals(Storage.SPARSE, training.dataset().storage());
    assertTrue(training.dataset().density() < 0.1, "density " + training.dataset().density());
    assertEquals(words.numAttributes() - 1, training.encoder().features());
  }

  @Test
  void lassoAttributeEvalWithRankerRanksTheSignalWordsFirst() throws Exception {
    Instances text = documents(300, 14);
    Instances words = Filter.useFilter(text, wordVector(text));
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(new String[] {"-M", "entry"});
    AttributeSelection selection = new AttributeSelection();
    selection.setEvaluator(eval);
    selection.setSearch(new Ranker());
    selection.SelectAttributes(words);
    double[][] ranked = selection.rankedAttributes();
    Set<String> top = new HashSet<>();
    for (int r = 0; r < 8; r++) {
      top.add(words.attribute((int) ranked[r][0]).name());
    }
    Set<String> signal = new HashSet<>(POSITIVE);
    signal.addAll(NEGATIVE);
    assertEquals(signal, top, "the 8 attributes ranked first");
  }

  private static boolean isSignal(String word) {
    return POSITIVE.contains(word) || NEGATIVE.contains(word);
  }

  private static StringToWordVector wordVector() throws Exception {
    StringToWordVector filter = new StringToWordVector();
    filter.setOptions(new String[] {"-W", "100000"});
    return filter;
  }

  private static StringToWordVector wordVector(Instances format) throws Exception {
    StringToWordVector filter = wordVector();
    filter.setInputFormat(format);
    return filter;
  }

  /**
   * {@code n} documents of 30 to 50 words, class first: background words {@code wNNN} drawn
   * uniformly, and each word with probability 0.08 replaced by a signal word, of the document's
   * class with probability 0.85.
   */
  static Instances documents(int n, long seed) {
    Random random = new Random(seed);
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("class", List.of("neg", "pos")));
    attributes.add(new Attribute("text", (List<String>) null));
    Instances data = new Instances("documents", attributes, n);
    data.setClassIndex(0);
    for (int i = 0; i < n; i++) {
      boolean positive = random.nextBoolean();
      int length = 30 + random.nextInt(21);
      StringBuilder text = new StringBuilder();
      for (int t = 0; t < length; t++) {
        String word;
        if (random.nextDouble() < 0.08) {
          boolean own = random.nextDouble() < 0.85;
          List<String> from = positive == own ? POSITIVE : NEGATIVE;
          word = from.get(random.nextInt(from.size()));
        } else {
          word = "w" + random.nextInt(VOCABULARY);
        }
        text.append(t == 0 ? "" : " ").append(word);
      }
      double[] values = new double[2];
      values[0] = positive ? 1 : 0;
      values[1] = data.attribute(1).addStringValue(text.toString());
      data.add(new DenseInstance(1.0, values));
    }
    return data;
  }
}
