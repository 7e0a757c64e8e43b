package org.l1path.cli;

/** The help texts. */
final class Usage {
  private Usage() {}

  static final String MAIN =
      """
      l1path: lasso and elastic-net paths (regression and classification) with
      cross-validation.

      Usage:
        l1path fit FILE.csv [options]   fit a CSV (or .csv.gz; or an svmlight file, .svm) and
                                        write model.json and friends
        l1path fit --help               the fit command's options
        l1path predict --model DIR/model.json --input NEW.csv [--out FILE]
                                        predict (and score) new rows with a fitted model
        l1path show DIR/model.json      the path, the chosen alpha and its coefficients
        l1path bench [options]          time fits of simulated or given data (--help)
        l1path --help                   this text
        l1path --version                the version

      Exit status: 0 success, 2 usage or input error, 1 internal error.
      """;

  static final String PREDICT =
      """
      Usage: l1path predict --model DIR/model.json --input NEW.csv [options]

      Predicts every row of NEW.csv (or .csv.gz) with a model that l1path fit wrote. Columns
      are found by name, and extra ones are ignored; categorical columns, missing values and
      classes are encoded exactly as at fit time. An svmlight file (.svm, .svmlight, .libsvm,
      also .gz, or --format svmlight) gives feature f<k> by index k and its labels as the
      target. Writes CSV: row (1 for the first data row), then prediction (numeric target),
      or class and probability:<class> for every class.
      When NEW.csv holds the target column, the score follows on one line: mse and r2, or
      deviance, accuracy and (two classes) auc.

      Options:
        --model FILE            the model.json
        --input FILE            the rows to predict; or give it as the first argument
        --out FILE              where predictions go (default standard output, with the score
                                on standard error); replaced whole, or left as it was on error
        --alpha A               predict at alpha A: a solved alpha, or one between two solved
                                ones, interpolated linearly in log(alpha)
        --rule min|1se          predict at cross-validation's alpha_min or alpha_1se
                                (default: the alpha the fit chose)
        --gamma G               a relaxed fit's blend to predict with (default: the fit's)
        --unseen error|zero     a category never seen at fit time: an error naming its line
                                and column (default), or encoded as all zeros
        --encoding NAME         the input's character encoding (default UTF-8)
        --format F              auto (default: svmlight for .svm, .svmlight, .libsvm, each
                                also .gz; else CSV), csv or svmlight
      """;

  static final String SHOW =
      """
      Usage: l1path show DIR/model.json [--alpha A | --rule min|1se]

      Prints a fitted path as glmnet's print() does: for each alpha the number of non-zero
      features (Df), the percent of null deviance explained (%Dev) and alpha, marking the
      chosen alpha, alpha_min and alpha_1se. Then the chosen model's intercept and non-zero
      coefficients, on the original scale and standardized.

        --alpha A               the coefficients at alpha A instead (glmnet's coef(fit, s = A)):
                                a solved alpha, or one between two, interpolated in log(alpha)
        --rule min|1se          the coefficients at cross-validation's alpha_min or alpha_1se
        --gamma G               a relaxed fit's coefficients at blend G
      """;

  static final String FIT =
      """
      Usage: l1path fit FILE.csv [options]     (or --input FILE.csv)

      Reads a CSV with a header row, fits an elastic-net path (least squares for a numeric
      target, logistic or multinomial for a class target), picks alpha by cross-validation
      and writes these files into the --out directory:
        model.json              settings, the chosen model, the path and the CV curves
                                (written last: when it is there, the others are complete)
        coefficients.csv        the chosen model's coefficients, raw and standardized
        cv.csv                  CV error per l1 ratio and alpha (with cross-validation)
        path.svg                the coefficient paths against log10(alpha)
        cv.svg                  the CV error curve (with cross-validation)

      Input and output:
        --input FILE            the CSV file (.csv or .csv.gz) or svmlight file (.svm,
                                .svmlight, .libsvm, also .gz); or the first argument
        --out DIR               where results go (default ./NAME-l1path for NAME.csv)
        --target NAME           the target column (default: the last column)
        --weights NAME          a column of observation weights (>= 0)
        --missing POLICY        missing features: mean (default; most frequent level for
                                categorical columns), drop (the row) or error
        --encoding NAME         the file's character encoding (default UTF-8; bytes that are
                                not valid in it are an error), for example windows-1252
        --format F              auto (default: svmlight for .svm, .svmlight, .libsvm, each
                                also .gz; else CSV), csv or svmlight (label index:value ...;
                                features f1, f2, ... by index; the label is the target)
        --storage S             the design in memory: auto (default: sparse when at most a
                                third of its values are non-zero), dense or sparse
      Model:
        --family F              auto (default: numeric target gaussian, text target binomial
                                for 2 classes, multinomial for more), gaussian, binomial or
                                multinomial (a numeric target's values then are the classes)
        --l1-ratio R[,R...]     1 = lasso (default), 0 = ridge; several are searched by CV
        --alphas A,B,...        exactly these alphas, instead of the automatic grid
        --num-alphas N          size of the automatic grid (default 100); a class target's
                                path ends sooner where glmnet's would
        --alpha-min-ratio E     smallest over largest alpha of the automatic grid
                                (default 1e-4 if rows > features, else 1e-2)
        --standardize BOOL      penalize standardized coefficients (default true)
        --intercept BOOL        fit an unpenalized intercept (default true)
        --unpenalized A,B,...   columns left unpenalized, always in the model (glmnet's
                                penalty factor 0; every level of a categorical column)
        --penalty-factor A=F,...  scale column A's penalty by F >= 0 (glmnet's
                                penalty.factor; factors are rescaled to sum to the features)
        --lower A=L,...         coefficient of column A at least L <= 0 (lower.limits)
        --upper A=U,...         coefficient of column A at most U >= 0 (upper.limits)
        --positive BOOL         constrain every coefficient to be >= 0 (default false);
                                --lower overrides it for the columns it names
        --relax BOOL            relaxed lasso (glmnet's relax = TRUE): blend each solution
                                with the unpenalized refit of its support (default false)
        --gamma G[,G...]        the blends to try, gamma x lasso + (1 - gamma) x refit, chosen
                                by CV with alpha (default 0,0.25,0.5,0.75,1; 0 with --folds 0)
        --tol T                 bound on the relative duality gap per alpha (default 1e-6)
        --max-iter M            coordinate-descent passes per alpha at most (default 100000)
      Cross-validation:
        --folds K               number of folds (default 10); 0 = no CV, the model is the
                                smallest alpha on the path
        --fold-assignment A     random (default) or contiguous
        --fold-column NAME      a column of fold ids (whole numbers) instead
        --seed S                seed of the random fold assignment (default 1)
        --rule RULE             min (default) or 1se
        --measure M             what CV measures: mse (gaussian, the default), deviance
                                (classification default), class (misclassification rate)
                                or auc (binomial only; larger is better)
      Other:
        --quiet, -q             no progress on the terminal
        --help, -h              this text

      Missing values are empty fields, NA, NaN and ?. Rows with a missing target are dropped.
      A column whose first value is not a number is categorical and becomes one 0/1 feature
      per level, named column=level. Exit status: 0 success (a warning on stderr if some
      alpha did not converge), 2 usage or input error, 1 internal error.
      """;

  static final String BENCH =
      """
      Usage: l1path bench (--simulate N P RHO [--seed S] | --input FILE.csv) [options]

      Times elastic-net fits inside this JVM and prints one JSON line with the keys
      n, p, rho, l1_ratio, folds, read_mb_s, alphas, first_s, warmup_fits, median_s,
      max_rel_gap, threads, peak_heap_mb. Times exclude reading and simulating the data.
      first_s is the first fit in this JVM (with --warmup, the first warm-up fit);
      warmup_fits counts the untimed warm-up fits; median_s is over the timed fits.

      Data:
        --simulate N P RHO      glmnet's simulated design (Friedman, Hastie & Tibshirani
                                2010, section 5.1): N rows, P features, correlation RHO
        --seed S                the simulation's seed (default 1)
        --input FILE            a CSV (.csv or .csv.gz) or svmlight file read as fit reads
                                it; the last column (svmlight: the label) is the target;
                                read_mb_s reports the reading speed
        --format F              auto (default; by the file's extension), csv or svmlight
        --storage S             auto (default), dense or sparse, as for fit
        --family F              auto (default), gaussian, binomial or multinomial, as
                                for fit (svmlight labels are numbers: gaussian unless
                                told otherwise)
        --write-csv FILE        write the data as CSV (header x1..xP,y)
      Fit:
        --l1-ratio R            1 = lasso (default)
        --folds K               0 = the path alone (default); else K random folds of
                                cross-validation
        --threads T             cross-validation threads (default: every processor)
        --alphas-file F         one alpha per line (default: the automatic 100-alpha grid)
        --tol T                 bound on the relative duality gap (default 1e-6)
        --repeat R              timed fits (default 5); 0 only writes --write-csv
        --repeat-budget S       start no further repeat once the fits took S seconds
        --warmup S              first fit untimed until S seconds have passed (at least
                                once), so the timed fits run warm (default 0: none)
        --coefficients-out F    the last fit's full-data path as alpha,feature,value
                                (feature 0 is the intercept; original scale); a
                                multinomial path as alpha,class,feature,value
      """;
}
