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
# Cronbach's alpha of the satisfaction scale (items with missing codes 8/9 as NA, complete cases),
# compared between the waves as two independent coefficients. Test: Feldt (1969), W = (1 - a1)/(1 - a2)
# ~ F(n1 - 1, n2 - 1), two-sided (cocron's two-independent-alpha test; cocron is not in Debian, so
# its closed form here). Interval: each alpha's Feldt, Woodruff & Salih (1987) interval
# 1 - (1 - a) F(n - 1, (n - 1)(k - 1)) quantiles, combined by Zou & Donner's MOVER (2008). SE: each
# alpha's variance under that F distribution, alpha-hat plugged in.
items <- c("sat_income", "sat_family", "sat_basic_services", "sat_work", "sat_social_env", "sat_food_safety",
           "sat_public_services", "sat_housing", "sat_transport", "sat_ecology", "sat_health_cost")
alpha_of <- function(d) {
  x <- as.matrix(d[, items]); x[x %in% c(8, 9)] <- NA; x <- x[complete.cases(x), ]
  k <- ncol(x); list(alpha = k / (k - 1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))), n = nrow(x), k = k)
}
feldt <- function(a, level = 0.95) {
  d1 <- a$n - 1; d2 <- (a$n - 1) * (a$k - 1)
  list(low = 1 - (1 - a$alpha) * qf(1 - (1 - level) / 2, d1, d2), high = 1 - (1 - a$alpha) * qf((1 - level) / 2, d1, d2),
       se = (1 - a$alpha) * sqrt(2 * d1^2 * (d1 + d2 - 2) / (d2 * (d1 - 2)^2 * (d1 - 4))))
}
alpha_change <- function() {
  a1 <- alpha_of(w24); a2 <- alpha_of(w25); f1 <- feldt(a1); f2 <- feldt(a2)
  W <- (1 - a1$alpha) / (1 - a2$alpha); d <- a2$alpha - a1$alpha
  p <- pf(W, a1$n - 1, a2$n - 1)
  list(alpha_earlier = a1$alpha, n_earlier = a1$n, alpha_later = a2$alpha, n_later = a2$n, k = a1$k,
       low_earlier = f1$low, high_earlier = f1$high, se_earlier = f1$se,
       difference = d, se = sqrt(f1$se^2 + f2$se^2),
       conf_low = d - sqrt((a2$alpha - f2$low)^2 + (f1$high - a1$alpha)^2),
       conf_high = d + sqrt((f2$high - a2$alpha)^2 + (a1$alpha - f1$low)^2),
       statistic = W, df1 = a1$n - 1, df2 = a2$n - 1, p_value = 2 * min(p, 1 - p))
}
# A crosstab row share (area x happiness: the share 一般 among 城市), unweighted: prop.test as for shares.
crosstab_share <- function() {
  ok <- function(d) d[d$happiness %in% 1:5, ]
  a <- ok(w24); b <- ok(w25)
  x <- c(sum(b$area == 1 & b$happiness == 3), sum(a$area == 1 & a$happiness == 3)); n <- c(sum(b$area == 1), sum(a$area == 1))
  p <- prop.test(x, n, correct = FALSE)
  list(x_later = x[1], n_later = n[1], x_earlier = x[2], n_earlier = n[2], difference = unname(p$estimate[1] - p$estimate[2]),
       conf_low = p$conf.int[1], conf_high = p$conf.int[2], statistic = unname(p$statistic), p_value = p$p.value)
}
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  weighted = list(
    happy = change(svymean(~happy, des24, na.rm = TRUE), svymean(~happy, des25, na.rm = TRUE)),
    happy_urban = group_change(1), happy_rural = group_change(2),
    income = change(svymean(~income, des24, na.rm = TRUE), svymean(~income, des25, na.rm = TRUE))
  ),
  unweighted = list(happy = unweighted_share(), income = unweighted_mean()),
  alpha = alpha_change(), crosstab = crosstab_share()
))
