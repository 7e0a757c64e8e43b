# Times glmnet on one prepared case and prints one JSON line.
# usage: Rscript glmnet_fit.R DATA.csv ALPHAS.txt L1_RATIO MODE REPEAT BUDGET_S [COEF_OUT]
# MODE path: glmnet(x, y, alpha = L1_RATIO, lambda = alphas); MODE cv: cv.glmnet(..., nfolds = 10).
# Default settings otherwise (standardize = TRUE, thresh = 1e-7). Only the glmnet call is timed.
# Coefficients (original scale, from coef()) go out as alpha,feature,value; feature 0 is the
# intercept.
suppressPackageStartupMessages({ library(glmnet); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; l1 <- as.numeric(args[3]); mode <- args[4]
repeats <- as.integer(args[5]); budget <- as.numeric(args[6])
coef_out <- if (length(args) > 6) args[7] else NA
p1 <- length(strsplit(readLines(src, n = 1), ",")[[1]])
m <- matrix(scan(src, what = double(), sep = ",", skip = 1, quiet = TRUE), ncol = p1, byrow = TRUE)
x <- m[, -p1, drop = FALSE]; y <- m[, p1]
rm(m)
alphas <- scan(args[2], what = double(), quiet = TRUE)
fit_once <- function() {
  if (mode == "cv") cv.glmnet(x, y, alpha = l1, lambda = alphas, nfolds = 10)
  else glmnet(x, y, alpha = l1, lambda = alphas)
}
# Each fit is timed as system.time() would (after a full gc()), but with Sys.time(): its clock has
# microseconds, where system.time() counts whole milliseconds (a 7 ms fit read 7 or 8).
seconds <- c()
while (length(seconds) < repeats && (length(seconds) == 0 || sum(seconds) < budget)) {
  invisible(gc())
  start <- Sys.time()
  fit <- fit_once()
  seconds <- c(seconds, as.numeric(difftime(Sys.time(), start, units = "secs")))
}
if (!is.na(coef_out) && mode != "cv") {
  s <- summary(coef(fit))
  s <- s[s$x != 0 | s$i == 1, ]
  con <- file(coef_out, "w")
  writeLines("alpha,feature,value", con)
  writeLines(sprintf("%d,%d,%.17g", s$j, s$i - 1L, s$x), con)
  close(con)
}
cat(sprintf('{"first_s": %.6g, "median_s": %.6g, "repeats": %d, "lambdas": %d}\n',
            seconds[1], median(seconds), length(seconds), length(fit$lambda)))
