# Expected values for design-based regression (survey::svyglm) on survey::api:
# apistrat (stratified by stype) OLS and apiclus1 (one-stage clusters by dnum) logit.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(survey))
data(api)

strat <- apistrat[, c("stype", "pw", "api00", "ell", "meals", "mobility")]
write.csv(strat, "apistrat.csv", row.names = FALSE)
clus <- data.frame(dnum = apiclus1$dnum, pw = apiclus1$pw, sch_wide = as.integer(apiclus1$sch.wide == "Yes"),
                   ell = apiclus1$ell, meals = apiclus1$meals, api99 = apiclus1$api99)
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
write_expected(list(
  r_version = R.version.string, survey = as.character(packageVersion("survey")),
  ols = svy_rows(ols), logit = svy_rows(logit)
))
