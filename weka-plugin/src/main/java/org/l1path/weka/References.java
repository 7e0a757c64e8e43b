package org.l1path.weka;

import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/** The publications behind the classifier and the evaluator, as Weka's technical information. */
public final class References {
  private References() {}

  /** Tibshirani (1996), with Zou and Hastie (2005) and Friedman, Hastie and Tibshirani (2010). */
  public static TechnicalInformation classifier() {
    TechnicalInformation lasso =
        article(
            "Robert Tibshirani",
            "1996",
            "Regression Shrinkage and Selection via the Lasso",
            "Journal of the Royal Statistical Society, Series B",
            "58",
            "1",
            "267-288");
    addArticle(
        lasso,
        "Hui Zou and Trevor Hastie",
        "2005",
        "Regularization and Variable Selection via the Elastic Net",
        "Journal of the Royal Statistical Society, Series B",
        "67",
        "2",
        "301-320");
    addArticle(
        lasso,
        "Jerome Friedman and Trevor Hastie and Robert Tibshirani",
        "2010",
        "Regularization Paths for Generalized Linear Models via Coordinate Descent",
        "Journal of Statistical Software",
        "33",
        "1",
        "1-22");
    return lasso;
  }

  /** The classifier's references and Meinshausen and Bühlmann (2010) for stability selection. */
  public static TechnicalInformation evaluator() {
    TechnicalInformation info = classifier();
    addArticle(
        info,
        "Nicolai Meinshausen and Peter B\u00fchlmann",
        "2010",
        "Stability Selection",
        "Journal of the Royal Statistical Society, Series B",
        "72",
        "4",
        "417-473");
    return info;
  }

  private static TechnicalInformation article(
      String author,
      String year,
      String title,
      String journal,
      String volume,
      String number,
      String pages) {
    TechnicalInformation t = new TechnicalInformation(Type.ARTICLE);
    fill(t, author, year, title, journal, volume, number, pages);
    return t;
  }

  private static void addArticle(
      TechnicalInformation to,
      String author,
      String year,
      String title,
      String journal,
      String volume,
      String number,
      String pages) {
    fill(to.add(Type.ARTICLE), author, year, title, journal, volume, number, pages);
  }

  private static void fill(
      TechnicalInformation t,
      String author,
      String year,
      String title,
      String journal,
      String volume,
      String number,
      String pages) {
    t.setValue(Field.AUTHOR, author);
    t.setValue(Field.YEAR, year);
    t.setValue(Field.TITLE, title);
    t.setValue(Field.JOURNAL, journal);
    t.setValue(Field.VOLUME, volume);
    t.setValue(Field.NUMBER, number);
    t.setValue(Field.PAGES, pages);
  }
}
