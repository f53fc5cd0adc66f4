# Shared by the polr reference scripts: the Brant test of parallel lines by its formula (Brant 1990;
# the `brant` package is not installed here) and the fixture fields of a polr fit.
# J−1 binary logits of I(y > j), Var(β_m, β_l) = (XᵀW_mX)⁻¹ XᵀW_mlX (XᵀW_lX)⁻¹ with
# w_ml = π_l − π_m·π_l (l ≥ m), X² = (Dβ)ᵀ(D V Dᵀ)⁻¹(Dβ) for D the differences β_1 − β_m.
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
