# Expected values for OLS: stats::lm + summary.lm, sandwich::vcovHC (HC0–HC3) and vcovCL (CR1),
# car::vif, standardized β, and frequency weights checked against lm on the expanded rows.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages({ library(sandwich); library(car) })

lm_summary <- function(fit, data, y) {
  s <- summary(fit)
  X <- model.matrix(fit)
  sdx <- apply(X, 2, sd)
  list(
    terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(s$coefficients[, 2]),
    statistic = unname(s$coefficients[, 3]), p_value = unname(s$coefficients[, 4]),
    conf_low = unname(confint(fit)[, 1]), conf_high = unname(confint(fit)[, 2]),
    r_squared = s$r.squared, adj_r_squared = s$adj.r.squared, sigma = s$sigma,
    f_statistic = unname(s$fstatistic[1]), f_p_value = unname(pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE)),
    df_residual = fit$df.residual, log_lik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), deviance = deviance(fit),
    standardized = unname((coef(fit) * sdx / sd(y))[-1])
  )
}
se <- function(v) unname(sqrt(diag(v)))

# sandwich's vcovHC/vcovCL invert X'X, which costs Longley ~8 digits (HC0 intercept SE off by 6e-9
# relative). The same estimators computed in the Q space of the QR (meat from rows of Q, then
# R^-1 M R^-T) keep full accuracy; those are the expected values, sandwich's own are kept too.
qr_sandwich <- function(fit, type, cluster = NULL) {
  X <- model.matrix(fit); e <- resid(fit); n <- nrow(X); k <- ncol(X)
  Q <- qr.Q(qr(X)); Ri <- backsolve(qr.R(qr(X)), diag(k))
  h <- rowSums(Q^2)
  omega <- switch(type, HC0 = 1, HC1 = n / (n - k), HC2 = 1 / (1 - h), HC3 = 1 / (1 - h)^2, CR1 = 1)
  scores <- Q * e * sqrt(omega)
  if (!is.null(cluster)) {
    scores <- rowsum(scores, cluster)
    g <- nrow(scores)
    scores <- scores * sqrt(g / (g - 1) * (n - 1) / (n - k))
  }
  unname(sqrt(diag(Ri %*% crossprod(scores) %*% t(Ri))))
}

# 1. longley (datasets): HC0–HC3, CR1 on a made-up grouping, VIF.
longley_csv <- datasets::longley
names(longley_csv) <- sub(".", "_", names(longley_csv), fixed = TRUE) # ingest reads column names as identifiers
longley_csv$period <- rep(1:4, each = 4)
write.csv(longley_csv, "longley.csv", row.names = FALSE)
d <- read.csv("longley.csv")
fit <- lm(Employed ~ GNP_deflator + GNP + Unemployed + Armed_Forces + Population + Year, data = d)
longley <- lm_summary(fit, d, d$Employed)
for (type in c("HC0", "HC1", "HC2", "HC3")) {
  longley[[type]] <- qr_sandwich(fit, type)
  longley[[paste0("sandwich_", type)]] <- se(vcovHC(fit, type = type))
}
longley$CR1 <- qr_sandwich(fit, "CR1", d$period)
longley$sandwich_CR1 <- se(vcovCL(fit, cluster = ~period, type = "HC1"))
longley$vif <- unname(vif(fit))

# 2. mtcars: factor(), interaction, log(), I(), term names; frequency weights = expanded rows.
cars <- datasets::mtcars
cars$f <- (seq_len(nrow(cars)) %% 3) + 1
write.csv(cars, "mtcars.csv", row.names = FALSE)
m <- read.csv("mtcars.csv")
formula <- mpg ~ wt * factor(cyl) + log(hp) + I(disp^2)
fit2 <- lm(formula, data = m)
terms_fit <- lm_summary(fit2, m, m$mpg)
terms_fit$HC3 <- se(vcovHC(fit2, type = "HC3"))
terms_fit$gvif <- unname(vif(lm(mpg ~ wt + factor(cyl) + log(hp), data = m))[, 1])
expanded <- m[rep(seq_len(nrow(m)), m$f), ]
fit3 <- lm(mpg ~ wt + factor(cyl) + log(hp), data = expanded)
freq <- lm_summary(fit3, expanded, expanded$mpg)
freq$HC1 <- se(vcovHC(fit3, type = "HC1"))
freq$nobs <- nrow(expanded)
no_intercept <- lm(mpg ~ wt + factor(am) - 1, data = m)
# --by am: per-group fits and the Chow test = the F test of the fully interacted model.
pooled <- lm(mpg ~ wt + hp, data = m)
full <- lm(mpg ~ factor(am) * (wt + hp), data = m)
chow <- anova(pooled, full)
by_am <- list(pooled = unname(coef(pooled)), am0 = unname(coef(lm(mpg ~ wt + hp, data = subset(m, am == 0)))),
              am1 = unname(coef(lm(mpg ~ wt + hp, data = subset(m, am == 1)))),
              chow_f = chow$F[2], chow_df = as_array(c(chow$Df[2], chow$Res.Df[2])), chow_p = chow$`Pr(>F)`[2])
write_expected(list(
  r_version = R.version.string, sandwich = as.character(packageVersion("sandwich")), car = as.character(packageVersion("car")),
  longley = longley, terms = terms_fit, freq = freq, by_am = by_am,
  no_intercept = list(terms = names(coef(no_intercept)), estimate = unname(coef(no_intercept)))
))
