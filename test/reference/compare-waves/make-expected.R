# The change between two independent waves of the bundled study (bazhou-2024 → bazhou-2025, the
# simulated responses.csv of each), each with its own design: post-stratified by area to its own
# population margins (population.yaml of each wave), and unweighted.
# Weighted: the two svymean/svyby estimates stacked with a block-diagonal covariance (the waves are
# independent samples) and svycontrast(c(-1, 1)) → difference and SE; confint() → normal interval;
# p = 2 pnorm(-|z|). Unweighted: prop.test(c(x25, x24), c(n25, n24), correct = FALSE) for the
# happy share (Wald interval, pooled X-squared) and t.test(income25, income24) (Welch).
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
read_wave <- function(year) {
  d <- read.csv(sprintf("../../../data-samples/bazhou-%d/responses.csv", year))
  d$happy <- as.numeric(d$happiness >= 4)
  d
}
w24 <- read_wave(2024); w25 <- read_wave(2025)
pop24 <- data.frame(area = c(1, 2), Freq = c(418300, 224900))
pop25 <- data.frame(area = c(1, 2), Freq = c(425800, 218600))
des24 <- postStratify(svydesign(id = ~1, data = w24), ~area, pop24)
des25 <- postStratify(svydesign(id = ~1, data = w25), ~area, pop25)

# Two independent estimates as one svystat with a block-diagonal covariance, then the contrast later − earlier.
change <- function(e24, e25) {
  est <- c(wave2024 = unname(coef(e24)), wave2025 = unname(coef(e25)))
  V <- diag(c(as.numeric(vcov(e24)), as.numeric(vcov(e25))))
  dimnames(V) <- list(names(est), names(est))
  both <- structure(est, var = V, statistic = "mean", class = "svystat")
  con <- svycontrast(both, c(wave2024 = -1, wave2025 = 1))
  ci <- confint(con)
  z <- unname(coef(con)) / as.numeric(SE(con))
  list(earlier = unname(coef(e24)), se_earlier = as.numeric(SE(e24)), later = unname(coef(e25)), se_later = as.numeric(SE(e25)),
       difference = unname(coef(con)), se = as.numeric(SE(con)), conf_low = ci[1, 1], conf_high = ci[1, 2], p_value = 2 * pnorm(-abs(z)))
}
happy_by <- function(des) svyby(~happy, ~area, des, svymean, na.rm = TRUE)
group_change <- function(k) {
  b24 <- happy_by(des24); b25 <- happy_by(des25)
  mk <- function(b) structure(coef(b)[k], var = matrix(vcov(b)[k, k]), statistic = "mean", class = "svystat")
  change(mk(b24), mk(b25))
}
unweighted_share <- function() {
  x <- c(sum(w25$happy, na.rm = TRUE), sum(w24$happy, na.rm = TRUE)); n <- c(sum(!is.na(w25$happy)), sum(!is.na(w24$happy)))
  p <- prop.test(x, n, correct = FALSE)
  list(x_later = x[1], n_later = n[1], x_earlier = x[2], n_earlier = n[2], difference = unname(p$estimate[1] - p$estimate[2]),
       conf_low = p$conf.int[1], conf_high = p$conf.int[2], statistic = unname(p$statistic), p_value = p$p.value)
}
unweighted_mean <- function() {
  t <- t.test(w25$income, w24$income)
  list(difference = unname(t$estimate[1] - t$estimate[2]), se = unname(t$stderr), df = unname(t$parameter),
       conf_low = t$conf.int[1], conf_high = t$conf.int[2], statistic = unname(t$statistic), p_value = t$p.value)
}
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  weighted = list(
    happy = change(svymean(~happy, des24, na.rm = TRUE), svymean(~happy, des25, na.rm = TRUE)),
    happy_urban = group_change(1), happy_rural = group_change(2),
    income = change(svymean(~income, des24, na.rm = TRUE), svymean(~income, des25, na.rm = TRUE))
  ),
  unweighted = list(happy = unweighted_share(), income = unweighted_mean())
))
