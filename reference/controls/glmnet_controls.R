# Makes controls.fixture.json: glmnet paths with per-feature penalty factors and bounds
# (penalty.factor, lower.limits, upper.limits), solved at thresh = 1e-14, for the tests of
# l1path's --penalty-factor, --lower and --upper.
# usage (from the repository root): Rscript reference/controls/glmnet_controls.R
# Made with R 4.2 and glmnet 4.1-6 (Debian: apt-get install r-base-core r-cran-glmnet).
# Each case: the data file, the options as l1path spells them, glmnet's own lambda sequence for
# those options, and the coefficients on the original scale (coef(fit)), one row per lambda.
suppressPackageStartupMessages(library(glmnet))

num <- function(v) paste(sprintf("%.17g", v), collapse = ", ")

# Options column=value for the named entries of a full vector that differ from the default.
spec <- function(values, default) {
  keep <- values != default
  paste(sprintf("%s=%.15g", names(values)[keep], values[keep]), collapse = ",")
}

fit_case <- function(name, file, family, pf, lower, upper) {
  d <- read.csv(file.path("reference", file), check.names = FALSE)
  p <- ncol(d) - 1
  x <- as.matrix(d[, 1:p])
  features <- colnames(x)
  y <- d[, p + 1]
  if (family == "binomial") y <- factor(y, levels = sort(unique(y), method = "radix"))
  full <- function(v, default) { out <- setNames(rep(default, p), features); out[names(v)] <- v; out }
  pf <- full(pf, 1); lower <- full(lower, -Inf); upper <- full(upper, Inf)
  fit <- glmnet(x, y, family = family, penalty.factor = pf, lower.limits = lower,
                upper.limits = upper, thresh = 1e-14, maxit = 1e7)
  b <- as.matrix(coef(fit))
  rows <- sapply(seq_along(fit$lambda), function(k) sprintf("      [%s]", num(b[-1, k])))
  sprintf(paste0(
    '    {\n      "name": "%s",\n      "data": "%s",\n      "family": "%s",\n',
    '      "features": [%s],\n',
    '      "penalty_factor": "%s",\n      "lower": "%s",\n      "upper": "%s",\n',
    '      "alphas": [%s],\n      "intercepts": [%s],\n      "coefficients": [\n%s\n      ]\n    }'),
    name, file, family, paste(sprintf('"%s"', features), collapse = ", "),
    spec(pf, 1), spec(lower, -Inf), spec(upper, Inf),
    num(fit$lambda), num(b[1, ]), paste(rows, collapse = ",\n"))
}

cases <- c(
  fit_case("diabetes_factors_and_bounds", "diabetes.csv", "gaussian",
           pf = c(age = 2, sex = 0.5, bmi = 0, s4 = 3),
           lower = c(s3 = -0.1, sex = -15),
           upper = c(s5 = 30, bp = 0.8)),
  fit_case("binomial_factors_and_bounds", "binomial.csv", "binomial",
           pf = c(v1 = 0, v2 = 0.25, v3 = 4, v10 = 2),
           lower = c(v4 = -0.2, v5 = 0, v6 = -0.05),
           upper = c(v7 = 0.3, v8 = 0, v9 = 0.1)))
writeLines(c("{", '  "glmnet": "4.1-6, thresh = 1e-14",', '  "cases": [',
             paste(cases, collapse = ",\n"), "  ]", "}"),
           file.path("reference", "controls", "controls.fixture.json"))
