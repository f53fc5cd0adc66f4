# Expected values for the proportional-odds model: MASS::polr (logistic and probit) on MASS::housing
# with frequency weights Freq, and on the bundled study (data-samples/bazhou-2025), plus the Brant
# test of parallel lines by its formula (Brant 1990; the `brant` package is not installed here):
# J−1 binary logits of I(y > j), Var(β_m, β_l) = (XᵀW_mX)⁻¹ XᵀW_mlX (XᵀW_lX)⁻¹ with
# w_ml = π_l − π_m·π_l (l ≥ m), X² = (Dβ)ᵀ(D V Dᵀ)⁻¹(Dβ) for D the differences β_1 − β_m.
# polr is run with a tight optim tolerance so that its estimates are exact to ~1e-9.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(MASS))

brant_test <- function(formula, data, weights = NULL) {
  mf <- model.frame(formula, data)
  y <- as.integer(model.response(mf)); X <- model.matrix(formula, data)
  w <- if (is.null(weights)) rep(1, nrow(X)) else weights
  J <- max(y); K <- ncol(X) - 1
  fits <- lapply(1:(J - 1), function(j) glm.fit(X, as.numeric(y > j), weights = w, family = binomial(), control = glm.control(epsilon = 1e-14, maxit = 100)))
  pis <- sapply(fits, fitted)
  beta <- unlist(lapply(fits, function(f) coef(f)[-1]))
  inv <- lapply(1:(J - 1), function(m) solve(crossprod(X * w * pis[, m] * (1 - pis[, m]), X)))
  V <- matrix(0, K * (J - 1), K * (J - 1))
  for (m in 1:(J - 1)) for (l in m:(J - 1)) {
    cov_ml <- inv[[m]] %*% crossprod(X * w * (pis[, l] - pis[, m] * pis[, l]), X) %*% inv[[l]]
    block <- cov_ml[-1, -1, drop = FALSE]
    V[(m - 1) * K + 1:K, (l - 1) * K + 1:K] <- block
    V[(l - 1) * K + 1:K, (m - 1) * K + 1:K] <- t(block)
  }
  test <- function(cols) {
    D <- do.call(rbind, lapply(2:(J - 1), function(m) {
      row <- matrix(0, length(cols), K * (J - 1))
      for (k in seq_along(cols)) { row[k, cols[k]] <- 1; row[k, (m - 1) * K + cols[k]] <- -1 }
      row
    }))
    d <- D %*% beta
    stat <- drop(t(d) %*% solve(D %*% V %*% t(D)) %*% d)
    c(stat, nrow(D), pchisq(stat, nrow(D), lower.tail = FALSE))
  }
  assign <- attr(X, "assign")[-1]
  labels <- attr(terms(formula), "term.labels")
  rows <- rbind(test(1:K), do.call(rbind, lapply(seq_along(labels), function(t) test(which(assign == t)))))
  list(term = c("Omnibus", labels), statistic = as_array(rows[, 1]), df = as_array(rows[, 2]), p_value = as_array(rows[, 3]))
}

polr_rows <- function(fit, null_fit) {
  v <- vcov(fit); k <- length(coef(fit))
  est <- c(coef(fit), fit$zeta); se <- sqrt(diag(v))
  ll <- as.numeric(logLik(fit)); ll0 <- as.numeric(logLik(null_fit)); n <- sum(fit$model$`(weights)` %||% rep(1, nrow(fit$model)))
  list(terms = names(coef(fit)), thresholds = names(fit$zeta), estimate = unname(est[1:k]), std_error = unname(se[1:k]),
       threshold_estimate = unname(fit$zeta), threshold_std_error = unname(se[-(1:k)]),
       log_lik = ll, null_log_lik = ll0, deviance = deviance(fit), aic = AIC(fit), lr_statistic = 2 * (ll - ll0), n = n)
}
`%||%` <- function(a, b) if (is.null(a)) b else a
tight <- list(reltol = 1e-15, maxit = 5000)

h <- MASS::housing
write.csv(h, "housing.csv", row.names = FALSE)
d <- read.csv("housing.csv")
d$Sat <- factor(d$Sat, levels = c("Low", "Medium", "High")); d$Infl <- factor(d$Infl, levels = c("Low", "Medium", "High"))
d$Type <- factor(d$Type, levels = c("Tower", "Apartment", "Atrium", "Terrace")); d$Cont <- factor(d$Cont, levels = c("Low", "High"))
f <- Sat ~ Infl + Type + Cont
housing_logit <- polr(f, data = d, weights = Freq, Hess = TRUE, control = tight)
housing_probit <- polr(f, data = d, weights = Freq, Hess = TRUE, method = "probit", control = tight)
housing_null <- polr(Sat ~ 1, data = d, weights = Freq, Hess = TRUE, control = tight)
housing_null_probit <- polr(Sat ~ 1, data = d, weights = Freq, Hess = TRUE, method = "probit", control = tight)

b <- read.csv("../../../data-samples/bazhou-2025/responses.csv")
b$happiness[b$happiness %in% c(8, 9)] <- NA # declared missing codes (codebook: 说不清, 拒绝回答)
for (v in c("sat_health_cost", "sat_public_services", "sat_ecology")) b[[v]][b[[v]] %in% c(8, 9)] <- NA
b$happiness <- factor(b$happiness)
fb <- happiness ~ log(income) + sat_health_cost + sat_public_services + sat_ecology
bb <- na.omit(b[, c("happiness", "income", "sat_health_cost", "sat_public_services", "sat_ecology")])
bazhou <- polr(fb, data = bb, Hess = TRUE, control = tight)
bazhou_null <- polr(happiness ~ 1, data = bb, Hess = TRUE, control = tight)

write_expected(list(
  r_version = R.version.string, MASS = as.character(packageVersion("MASS")),
  housing_logit = c(polr_rows(housing_logit, housing_null), list(brant = brant_test(f, d, d$Freq))),
  housing_probit = polr_rows(housing_probit, housing_null_probit),
  bazhou = c(polr_rows(bazhou, bazhou_null), list(brant = brant_test(fb, bb)))
))
