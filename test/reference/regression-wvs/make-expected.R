# Expected values for the proportional-odds model on carData::WVS (World Values Survey, 5,381
# respondents): MASS::polr(poverty ~ religion + degree + country + age + gender, Hess = TRUE) and the
# Brant test of parallel lines (brant_test in ../polr-reference.R). poverty is an ordered factor
# Too Little < About Right < Too Much; the CSV carries it as text, so the order is restored here and
# given to survey by --levels. polr is run with a tight optim tolerance so that its estimates are
# exact to ~1e-9 (at the default tolerance polr stops ~1e-5 relative from the optimum here).
# polr's SEs come from optim's finite-difference Hessian, which is off by 2e-4 relative on age (a
# covariate on a scale of decades, stepped by optim's ndeps = 1e-3): std_error and
# threshold_std_error are replaced by the analytic Hessian's, from ordinal::clm on the same model,
# and polr's own are kept as polr_std_error.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
source("../polr-reference.R")
suppressMessages(library(MASS))
suppressMessages(library(carData))
suppressMessages(library(ordinal))

write.csv(carData::WVS, "wvs.csv", row.names = FALSE)
d <- read.csv("wvs.csv")
d$poverty <- factor(d$poverty, levels = c("Too Little", "About Right", "Too Much"))
f <- poverty ~ religion + degree + country + age + gender
tight <- list(reltol = 1e-15, maxit = 5000)
fit <- polr(f, data = d, Hess = TRUE, control = tight)
null_fit <- polr(poverty ~ 1, data = d, Hess = TRUE, control = tight)
exact <- clm(f, data = d, control = clm.control(gradTol = 1e-12))
k <- length(coef(fit))
exact_se <- sqrt(diag(vcov(exact)))[c(names(coef(fit)), names(fit$zeta))]
rows <- polr_rows(fit, null_fit)
rows$polr_std_error <- as_array(c(rows$std_error, rows$threshold_std_error))
rows$std_error <- unname(exact_se[1:k]); rows$threshold_std_error <- unname(exact_se[-(1:k)])
rows$clm_estimate <- unname(coef(exact)[c(names(coef(fit)), names(fit$zeta))])

write_expected(list(
  r_version = R.version.string, MASS = as.character(packageVersion("MASS")), carData = as.character(packageVersion("carData")),
  ordinal = as.character(packageVersion("ordinal")),
  wvs = c(rows, list(brant = brant_test(f, d)))
))
