# Times glmnet on one svmlight file held as a sparse dgCMatrix and prints one JSON line.
# usage: Rscript glmnet_sparse.R DATA.svm FAMILY MODE REPEAT BUDGET_S LAMBDAS [SEED]
# MODE path: glmnet(x, y, family) with every default (its own lambda sequence); writes fit$lambda
#   to LAMBDAS, one per line.
# MODE cv: cv.glmnet(x, y, family, lambda = the sequence read from LAMBDAS, foldid) with a fixed
#   foldid drawn with set.seed(SEED).
# binomial labels are the file's distinct labels (two). Only the glmnet call is timed.
suppressPackageStartupMessages({ library(glmnet); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; family <- args[2]; mode <- args[3]
repeats <- as.integer(args[4]); budget <- as.numeric(args[5]); lambdas_file <- args[6]
lines <- readLines(src)
parts <- strsplit(lines, "[ \t]+")
labels <- vapply(parts, `[`, "", 1)
items <- unlist(lapply(parts, `[`, -1))
rows <- rep(seq_along(parts), lengths(parts) - 1)
cols <- as.integer(sub(":.*", "", items))
x <- sparseMatrix(i = rows, j = cols, x = as.numeric(sub(".*:", "", items)),
                  dims = c(length(parts), max(cols)))
rm(lines, parts, items, rows, cols)
y <- if (family == "gaussian") as.numeric(labels) else factor(labels)
if (mode == "cv") {
  lambdas <- scan(lambdas_file, what = double(), quiet = TRUE)
  set.seed(as.integer(args[7]))
  foldid <- sample(rep(1:10, length.out = nrow(x)))
}
fit_once <- function() {
  if (mode == "cv") cv.glmnet(x, y, family = family, lambda = lambdas, foldid = foldid)
  else glmnet(x, y, family = family)
}
seconds <- c()
while (length(seconds) < repeats && (length(seconds) == 0 || sum(seconds) < budget)) {
  invisible(gc())
  start <- Sys.time()
  fit <- fit_once()
  seconds <- c(seconds, as.numeric(difftime(Sys.time(), start, units = "secs")))
}
if (mode == "path") writeLines(sprintf("%.17g", fit$lambda), lambdas_file)
cat(sprintf('{"family": "%s", "n": %d, "p": %d, "nonzeros": %d, "first_s": %.6g, "median_s": %.6g, "repeats": %d, "lambdas": %d}\n',
            family, nrow(x), ncol(x), length(x@x), seconds[1], median(seconds), length(seconds),
            length(fit$lambda)))
