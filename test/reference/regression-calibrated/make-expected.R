# Expected values for design-based regression after calibration (issue #14.1): svyglm / svyolr on a
# postStratify()d or rake()d design, whose SEs use svyrecvar's residuals on the calibration cells.
#   OLS:     apiclus1, id = ~dnum, weights = ~pw, postStratify(~stype)          (svyglm gaussian)
#   logit:   apistrat, strata = ~stype, weights = ~pw, rake(~stype, ~sch_wide)  (svyglm quasibinomial)
#   ordinal: apiclus1 as above, postStratify(~stype); svyolr's bread is optim's finite-difference
#            Hessian, so the SEs are computed exactly: ordinal::clm's analytic Hessian with the per-row
#            scores linearized by svyrecvar with the design's postStrata, as svyolr does.
# Population counts: table(apipop$stype), table(apipop$sch.wide). Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages({ library(survey); library(ordinal) })
data(api)
clus <- data.frame(dnum = apiclus1$dnum, pw = apiclus1$pw, stype = apiclus1$stype, api00 = apiclus1$api00,
                   ell = apiclus1$ell, meals = apiclus1$meals, mobility = apiclus1$mobility, avg_ed = apiclus1$avg.ed,
                   mealcat = as.integer(cut(apiclus1$meals, c(0, 25, 50, 75, 100))))
# svyolr fails on a calibrated design with missing predictors (its subset loses the response:
# "y values must be 0 <= y <= 1"), so the 26 schools without avg_ed are left out of the file.
clus <- clus[!is.na(clus$avg_ed), ]
write.csv(clus, "apiclus1.csv", row.names = FALSE)
strat <- data.frame(stype = apistrat$stype, pw = apistrat$pw, sch_wide = apistrat$sch.wide,
                    yes = as.integer(apistrat$sch.wide == "Yes"), ell = apistrat$ell, meals = apistrat$meals, api99 = apistrat$api99)
write.csv(strat, "apistrat.csv", row.names = FALSE)
pop_stype <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop_sch_wide <- data.frame(sch_wide = c("No", "Yes"), Freq = c(1072, 5122))

svy_rows <- function(fit) {
  s <- summary(fit)
  ci <- confint(fit, ddf = fit$df.residual)
  list(terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(s$coefficients[, 2]),
       statistic = unname(s$coefficients[, 3]), p_value = unname(s$coefficients[, 4]),
       conf_low = unname(ci[, 1]), conf_high = unname(ci[, 2]), df_residual = fit$df.residual)
}
dclus1 <- postStratify(svydesign(id = ~dnum, weights = ~pw, data = read.csv("apiclus1.csv")), ~stype, pop_stype)
dstrat <- rake(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = read.csv("apistrat.csv")),
               list(~stype, ~sch_wide), list(pop_stype, pop_sch_wide), control = list(maxit = 100, epsilon = 1e-15))
ols <- svyglm(api00 ~ ell + meals + mobility, design = dclus1)
logit <- svyglm(yes ~ ell + meals + api99, design = dstrat, family = quasibinomial, control = glm.control(epsilon = 1e-14, maxit = 100))
# For comparison: the same fits with the calibrated weights treated as fixed (what the code did before).
fixed_ols <- svyglm(api00 ~ ell + meals + mobility, design = svydesign(id = ~dnum, weights = ~w, data = transform(read.csv("apiclus1.csv"), w = weights(dclus1))))

dclus1$variables$mealcat <- factor(dclus1$variables$mealcat)
olr <- svyolr(mealcat ~ avg_ed + mobility + stype, design = dclus1, control = list(reltol = 1e-15, maxit = 5000))
k <- length(coef(olr)) - length(olr$zeta)
d <- dclus1
m <- data.frame(mealcat = factor(d$variables$mealcat), avg_ed = d$variables$avg_ed, mobility = d$variables$mobility, stype = d$variables$stype, w = weights(d))
cfit <- clm(mealcat ~ avg_ed + mobility + stype, weights = w, data = m, control = clm.control(gradTol = 1e-12))
X <- model.matrix(~ avg_ed + mobility + stype, m)[, -1]
q <- length(olr$zeta)
theta <- coef(cfit)[1:q]; beta <- coef(cfit)[-(1:q)]
y <- as.integer(m$mealcat); eta <- drop(X %*% beta)
up <- ifelse(y <= q, c(theta, Inf)[y] - eta, Inf); lo <- ifelse(y > 1, c(-Inf, theta)[y] - eta, -Inf)
P <- plogis(up) - plogis(lo); fa <- dlogis(up); fb <- dlogis(lo)
scores <- cbind(-X * (fa - fb) / P, sapply(1:q, function(j) ((y == j) * fa - (y == j + 1) * fb) / P)) * m$w
v_exact <- vcov(cfit)[c(names(beta), names(theta)), c(names(beta), names(theta))]
inffun <- scores %*% v_exact
olr_se <- sqrt(diag(svyrecvar(inffun, dclus1$cluster, dclus1$strata, dclus1$fpc, postStrata = dclus1$postStrata)))
write_expected(list(
  r_version = R.version.string, survey = as.character(packageVersion("survey")), ordinal = as.character(packageVersion("ordinal")),
  ols = svy_rows(ols), fixed_ols_std_error = unname(SE(fixed_ols)), logit = svy_rows(logit),
  olr = list(terms = names(coef(olr))[1:k], estimate = unname(coef(olr)[1:k]), std_error = unname(olr_se[1:k]),
             thresholds = names(olr$zeta), threshold_estimate = unname(olr$zeta), threshold_std_error = unname(olr_se[-(1:k)]),
             svyolr_std_error = unname(sqrt(diag(vcov(olr)))))
))
