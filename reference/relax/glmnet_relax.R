# Makes relax.fixture.json: glmnet's relaxed fits, and one relaxed cross-validation, (relax = TRUE; Meinshausen 2007), solved at
# thresh = 1e-14, for the tests of l1path's --relax. For every lambda of glmnet's own sequence,
# the unpenalized refit on that lambda's support (the features non-zero in any class), as
# fit$relaxed holds it: intercepts and coefficients on the original scale. A multinomial refit is
# centred as glmnet centres it: intercepts to mean 0, each feature's coefficients to median 0.
# usage (from the repository root): Rscript reference/relax/glmnet_relax.R
# Made with R 4.2 and glmnet 4.1-6 (Debian: apt-get install r-base-core r-cran-glmnet).
suppressPackageStartupMessages(library(glmnet))

num <- function(v) paste(sprintf("%.17g", v), collapse = ", ")
rows <- function(m) paste(sprintf("[%s]", apply(m, 1, num)), collapse = ", ")

# column=value,... for the named entries of a full vector that differ from the default, as
# l1path's --penalty-factor, --lower and --upper take them.
spec <- function(values, default) {
  keep <- values != default
  paste(sprintf("%s=%.15g", names(values)[keep], values[keep]), collapse = ",")
}

fit_case <- function(name, file, family, pf = c(), lower = c(), upper = c()) {
  d <- read.csv(file.path("reference", file), check.names = FALSE)
  p <- ncol(d) - 1
  x <- as.matrix(d[, 1:p])
  y <- d[, p + 1]
  if (family != "gaussian") y <- factor(y, levels = sort(unique(y), method = "radix"))
  full <- function(v, default) { out <- setNames(rep(default, p), colnames(x)); out[names(v)] <- v; out }
  pf <- full(pf, 1); lower <- full(lower, -Inf); upper <- full(upper, Inf)
  # do.call puts the values themselves in the call, which relax.glmnet re-evaluates elsewhere:
  # its refits keep the limits.
  fit <- do.call(glmnet, list(x = x, y = y, family = family, relax = TRUE, thresh = 1e-14,
                              maxit = 1e7, penalty.factor = pf, lower.limits = lower,
                              upper.limits = upper))
  relaxed <- fit$relaxed
  stopifnot(length(relaxed$lambda) == length(fit$lambda))
  # Whether the unpenalized fit exists on each lambda's support: glm() converges on it without
  # meeting fitted probabilities of 0 or 1. Where it does not (the larger supports of a small
  # binomial set are separable), glmnet's refit is wherever its iteration stopped.
  exists <- sapply(seq_along(fit$lambda), function(k) {
    if (family != "binomial") return(TRUE)
    support <- which(as.matrix(fit$beta)[, k] != 0)
    if (length(support) == 0) return(TRUE)
    ok <- TRUE
    g <- withCallingHandlers(
      glm(y ~ x[, support, drop = FALSE], family = binomial),
      warning = function(w) { ok <<- FALSE; invokeRestart("muffleWarning") })
    ok && g$converged
  })
  if (family == "multinomial") {
    # [lambda][class][feature] and [lambda][class]
    coef <- sapply(seq_along(fit$lambda), function(k)
      sprintf("[%s]", rows(t(sapply(relaxed$beta, function(b) as.numeric(b[, k]))))))
    a0 <- sapply(seq_along(fit$lambda), function(k) sprintf("[%s]", num(relaxed$a0[, k])))
  } else {
    b <- as.matrix(relaxed$beta)
    coef <- sapply(seq_along(fit$lambda), function(k) sprintf("[%s]", num(b[, k])))
    a0 <- sprintf("%.17g", relaxed$a0)
  }
  sprintf(paste0(
    '    {\n      "name": "%s",\n      "data": "%s",\n      "family": "%s",\n',
    '      "penalty_factor": "%s",\n      "lower": "%s",\n      "upper": "%s",\n',
    '      "alphas": [%s],\n      "refit_exists": [%s],\n',
    '      "intercepts": [%s],\n      "coefficients": [\n        %s\n      ]\n    }'),
    name, file, family, spec(pf, 1), spec(lower, -Inf), spec(upper, Inf),
    num(fit$lambda), paste(tolower(exists), collapse = ", "),
    paste(a0, collapse = ", "),
    paste(coef, collapse = ",\n        "))
}

# cv.glmnet(relax = TRUE) on diabetes with 13 contiguous folds of 34 rows: with folds of one size
# its mean error and standard error are l1path's (the mean and the sample standard deviation over
# folds of each fold's mean squared error, the latter divided by sqrt(K)).
cv_case <- function(name, file, folds) {
  d <- read.csv(file.path("reference", file), check.names = FALSE)
  p <- ncol(d) - 1
  x <- as.matrix(d[, 1:p])
  y <- d[, p + 1]
  foldid <- rep(seq_len(folds), each = nrow(x) / folds)
  # glmnet's own lambda sequence, handed back as the user's: l1path is given the same alphas, and
  # cv.glmnet fits the folds at exactly those (left to itself, it scores its first two lambdas
  # from fits of the folds that are not at those lambdas).
  lambda <- glmnet(x, y, thresh = 1e-14, maxit = 1e7)$lambda
  cvf <- do.call(cv.glmnet, list(x = x, y = y, lambda = lambda, relax = TRUE, foldid = foldid,
                                 thresh = 1e-14, maxit = 1e7))
  r <- cvf$relaxed
  stat <- function(field) paste(sapply(r$statlist, function(s) sprintf("[%s]", num(s[[field]]))),
                                collapse = ",\n        ")
  sprintf(paste0(
    '    {\n      "name": "%s",\n      "data": "%s",\n      "family": "gaussian",\n',
    '      "kind": "cv",\n      "folds": %d,\n      "alphas": [%s],\n      "gammas": [%s],\n',
    '      "mean_error": [\n        %s\n      ],\n      "std_error": [\n        %s\n      ],\n',
    '      "alpha_min": %.17g,\n      "gamma_min": %.17g,\n',
    '      "alpha_1se": %.17g,\n      "gamma_1se": %.17g\n    }'),
    name, file, folds, num(cvf$lambda), num(r$gamma), stat("cvm"), stat("cvsd"),
    r$lambda.min, r$gamma.min, r$lambda.1se, r$gamma.1se)
}

cases <- c(
  fit_case("diabetes_relaxed", "diabetes.csv", "gaussian"),
  fit_case("binomial_relaxed", "binomial.csv", "binomial"),
  fit_case("multinomial_relaxed", "multinomial.csv", "multinomial"),
  fit_case("diabetes_relaxed_limits", "diabetes.csv", "gaussian",
           pf = c(age = 2, sex = 0.5, bmi = 0), lower = c(s3 = -0.1, sex = -15),
           upper = c(s5 = 30, bp = 0.8)),
  cv_case("diabetes_relaxed_cv", "diabetes.csv", 13))
writeLines(c("{", '  "glmnet": "4.1-6, relax = TRUE, thresh = 1e-14",', '  "cases": [',
             paste(cases, collapse = ",\n"), "  ]", "}"),
           file.path("reference", "relax", "relax.fixture.json"))
