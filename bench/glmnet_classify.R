# Times glmnet on one classification case and prints one JSON line.
# usage: Rscript glmnet_classify.R DATA.csv MODE REPEAT BUDGET_S LAMBDAS [SEED | COEF_OUT]
# MODE path: glmnet(x, y, family) with every default (its own lambda sequence, thresh = 1e-7);
#   writes fit$lambda to LAMBDAS, one per line, and the coefficients to COEF_OUT if given.
# MODE cv: cv.glmnet(x, y, family, lambda = the sequence read from LAMBDAS, foldid) with a fixed
#   foldid: a permutation of rep(1:10) drawn with set.seed(SEED), so repeats time the same folds.
# family is binomial for 2 classes, else multinomial. Only the glmnet call is timed.
# Coefficients (original scale, from coef()) go out as alpha,class,feature,value: class is the
# 1-based index in sorted label order (binomial: 1 row, the log-odds of the second class),
# feature 0 the intercept.
suppressPackageStartupMessages({ library(glmnet); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; mode <- args[2]
repeats <- as.integer(args[3]); budget <- as.numeric(args[4]); lambdas_file <- args[5]
p1 <- length(strsplit(readLines(src, n = 1), ",")[[1]])
d <- read.csv(src, colClasses = c(rep("numeric", p1 - 1), "character"))
x <- as.matrix(d[, -p1]); y <- factor(d[, p1], levels = sort(unique(d[, p1]), method = "radix"))
rm(d)
family <- if (nlevels(y) == 2) "binomial" else "multinomial"
if (mode == "cv") {
  lambdas <- scan(lambdas_file, what = double(), quiet = TRUE)
  set.seed(as.integer(args[6]))
  foldid <- sample(rep(1:10, length.out = nrow(x)))
}
fit_once <- function() {
  if (mode == "cv") cv.glmnet(x, y, family = family, lambda = lambdas, foldid = foldid)
  else glmnet(x, y, family = family)
}
# Timed like glmnet_fit.R: a full gc() before each fit, the Sys.time() clock (microseconds).
seconds <- c()
while (length(seconds) < repeats && (length(seconds) == 0 || sum(seconds) < budget)) {
  invisible(gc())
  start <- Sys.time()
  fit <- fit_once()
  seconds <- c(seconds, as.numeric(difftime(Sys.time(), start, units = "secs")))
}
if (mode == "path") {
  writeLines(sprintf("%.17g", fit$lambda), lambdas_file)
  if (length(args) > 5) {
    rows <- coef(fit)
    if (family == "binomial") rows <- list(rows)
    con <- file(args[6], "w")
    writeLines("alpha,class,feature,value", con)
    for (r in seq_along(rows)) {
      s <- summary(rows[[r]])
      s <- s[s$x != 0 | s$i == 1, ]
      writeLines(sprintf("%d,%d,%d,%.17g", s$j, r, s$i - 1L, s$x), con)
    }
    close(con)
  }
}
cat(sprintf('{"family": "%s", "first_s": %.6g, "median_s": %.6g, "repeats": %d, "lambdas": %d}\n',
            family, seconds[1], median(seconds), length(seconds),
            length(fit$lambda)))
