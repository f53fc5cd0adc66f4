# Expected values for design-based regression (survey::svyglm) on survey::api:
# apistrat (stratified by stype) OLS and apiclus1 (one-stage clusters by dnum) logit.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(survey))
data(api)

strat <- apistrat[, c("stype", "pw", "api00", "ell", "meals", "mobility")]
write.csv(strat, "apistrat.csv", row.names = FALSE)
clus <- data.frame(dnum = apiclus1$dnum, pw = apiclus1$pw, sch_wide = as.integer(apiclus1$sch.wide == "Yes"),
                   ell = apiclus1$ell, meals = apiclus1$meals, api99 = apiclus1$api99,
                   mealcat = as.integer(cut(apiclus1$meals, c(0, 25, 50, 75, 100))), avg_ed = apiclus1$avg.ed,
                   mobility = apiclus1$mobility, stype = apiclus1$stype)
write.csv(clus, "apiclus1.csv", row.names = FALSE)

svy_rows <- function(fit) {
  s <- summary(fit)
  ci <- confint(fit, ddf = fit$df.residual)
  list(terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(s$coefficients[, 2]),
       statistic = unname(s$coefficients[, 3]), p_value = unname(s$coefficients[, 4]),
       conf_low = unname(ci[, 1]), conf_high = unname(ci[, 2]), df_residual = fit$df.residual)
}
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = read.csv("apistrat.csv"))
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = read.csv("apiclus1.csv"))
ols <- svyglm(api00 ~ ell + meals + mobility, design = dstrat)
logit <- svyglm(sch_wide ~ ell + meals + api99, design = dclus1, family = quasibinomial)
dclus1$variables$mealcat <- factor(dclus1$variables$mealcat)
olr <- svyolr(mealcat ~ avg_ed + mobility + stype, design = dclus1, control = list(reltol = 1e-15, maxit = 5000))
k <- length(coef(olr)) - length(olr$zeta)
# svyolr's bread is optim's finite-difference Hessian (~1e-4 relative error in the SEs here). The exact
# version: the analytic Hessian of ordinal::clm (same model and weights) with the per-row scores
# of log L, linearized by svyrecvar exactly as svyolr does.
suppressMessages(library(ordinal))
m <- model.frame(mealcat ~ avg_ed + mobility + stype + pw + dnum, dclus1$variables)
m$mealcat <- factor(m$mealcat)
cfit <- clm(mealcat ~ avg_ed + mobility + stype, weights = pw, data = m, control = clm.control(gradTol = 1e-12))
X <- model.matrix(~ avg_ed + mobility + stype, m)[, -1]
theta <- coef(cfit)[seq_along(olr$zeta)]; beta <- coef(cfit)[-seq_along(olr$zeta)]
y <- as.integer(m$mealcat); q <- length(theta); eta <- drop(X %*% beta)
up <- ifelse(y <= q, c(theta, Inf)[y] - eta, Inf); lo <- ifelse(y > 1, c(-Inf, theta)[y] - eta, -Inf)
P <- plogis(up) - plogis(lo); fa <- dlogis(up); fb <- dlogis(lo)
scores <- cbind(-X * (fa - fb) / P, sapply(1:q, function(j) ((y == j) * fa - (y == j + 1) * fb) / P)) * m$pw
v_exact <- vcov(cfit)[c(names(beta), names(theta)), c(names(beta), names(theta))]
d <- subset(dclus1, !is.na(avg_ed) & !is.na(mobility))
inffun <- scores %*% v_exact
olr_se <- sqrt(diag(svyrecvar(inffun, d$cluster, d$strata, d$fpc)))
svyolr_se <- sqrt(diag(vcov(olr)))
write_expected(list(
  r_version = R.version.string, survey = as.character(packageVersion("survey")),
  ols = svy_rows(ols), logit = svy_rows(logit),
  olr = list(terms = names(coef(olr))[1:k], estimate = unname(coef(olr)[1:k]), std_error = unname(olr_se[1:k]),
             thresholds = names(olr$zeta), threshold_estimate = unname(olr$zeta), threshold_std_error = unname(olr_se[-(1:k)]),
             svyolr_std_error = unname(svyolr_se), clm_estimate = unname(c(beta, theta)))
))
