# Expected values for the binary logit: MASS::birthwt, glm(low ~ age + lwt + race + smoke, binomial)
# with race a factor (white, black, other). Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages({ library(MASS); library(sandwich) })

b <- MASS::birthwt
b$race <- factor(b$race, labels = c("white", "black", "other"))
write.csv(b[, c("low", "age", "lwt", "race", "smoke")], "birthwt.csv", row.names = FALSE)
d <- read.csv("birthwt.csv")
d$race <- factor(d$race, levels = c("white", "black", "other"))
fit <- glm(low ~ age + lwt + race + smoke, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
null <- glm(low ~ 1, family = binomial, data = d)
s <- summary(fit)
ll <- as.numeric(logLik(fit)); ll0 <- as.numeric(logLik(null)); n <- nrow(d)
cs <- 1 - exp(2 * (ll0 - ll) / n)
ci <- confint.default(fit)
pred <- as.integer(fitted(fit) >= 0.5)
write_expected(list(
  r_version = R.version.string, MASS = as.character(packageVersion("MASS")), sandwich = as.character(packageVersion("sandwich")),
  terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(s$coefficients[, 2]),
  statistic = unname(s$coefficients[, 3]), p_value = unname(s$coefficients[, 4]),
  conf_low = unname(ci[, 1]), conf_high = unname(ci[, 2]), odds_ratio = unname(exp(coef(fit))),
  log_lik = ll, null_log_lik = ll0, deviance = deviance(fit), aic = AIC(fit), bic = BIC(fit), df_residual = fit$df.residual,
  lr_statistic = 2 * (ll - ll0), lr_p_value = pchisq(2 * (ll - ll0), length(coef(fit)) - 1, lower.tail = FALSE),
  mcfadden = 1 - ll / ll0, cox_snell = cs, nagelkerke = cs / (1 - exp(2 * ll0 / n)),
  classification = as_array(c(sum(d$low == 0 & pred == 0), sum(d$low == 0 & pred == 1), sum(d$low == 1 & pred == 0), sum(d$low == 1 & pred == 1))),
  HC0 = unname(sqrt(diag(vcovHC(fit, type = "HC0")))), HC3 = unname(sqrt(diag(vcovHC(fit, type = "HC3"))))
))
