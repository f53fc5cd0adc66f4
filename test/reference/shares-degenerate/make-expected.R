# Degenerate domains as R gives them, on a small table (degenerate.csv) whose groups are
#   A: one row; B: share exactly 0; C: share exactly 1 and x constant; D: ordinary;
#   E: one PSU (psu 11) with mixed answers.
# Unweighted: prop.test(x, n, correct = FALSE) (Wilson) and t.test per group. Design-based, with
# weights w alone, strata s, or clusters psu: svyby(~y, ~g, svymean, deff = TRUE), svyciprop per
# group with each method (logit, likelihood, asin, beta, mean, xlogit; an error is recorded as
# "error"), and svyby(~x, ~g, svymean) with confint(). Every NaN R gives is null in expected.json.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
d <- read.csv("degenerate.csv")
levels <- sort(unique(d$g))
methods <- c("logit", "likelihood", "asin", "beta", "mean", "xlogit")
attempt <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) conditionMessage(e))
unweighted <- lapply(levels, function(k) {
  y <- d$y[d$g == k]
  x <- d$x[d$g == k]
  pt <- suppressWarnings(prop.test(sum(y), length(y), correct = FALSE))
  tt <- attempt(t.test(x))
  list(level = k, n = length(y), share = mean(y), se = sqrt(mean(y) * (1 - mean(y)) / length(y)), wilson = as_array(pt$conf.int),
       mean = mean(x), mean_se = sd(x) / sqrt(length(x)), t_ci = if (is.character(tt)) tt else as_array(tt$conf.int))
})
design_based <- function(des) {
  shares <- svyby(~y, ~g, des, svymean, deff = TRUE)
  means <- svyby(~x, ~g, des, svymean)
  means_ci <- confint(means)
  lapply(seq_along(levels), function(i) {
    k <- levels[i]
    sub <- subset(des, g == k)
    ci <- lapply(methods, function(m) {
      r <- attempt(svyciprop(~y, sub, method = m))
      if (is.character(r)) r else as_array(attr(r, "ci"))
    })
    list(level = k, df = degf(sub), share = shares$y[i], se = shares$se[i], deff = shares$DEff.y[i], ci = setNames(ci, methods),
         mean = means$x[i], mean_se = means$se[i], mean_ci = as_array(means_ci[i, ]))
  })
}
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  unweighted = unweighted,
  weighted = design_based(svydesign(ids = ~1, weights = ~w, data = d)),
  stratified = design_based(svydesign(ids = ~1, strata = ~s, weights = ~w, data = d)),
  clustered = design_based(svydesign(ids = ~psu, weights = ~w, data = d))
))
