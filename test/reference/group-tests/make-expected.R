# Tests of more than two groups behind `means --by G --json` / `shares --by G --json` "anova" on
# survey::api (the inputs of ../shares-api-weighted), schools by stype (E, H, M):
# - means, unweighted: summary(aov(api00 ~ stype)) (one-way F);
# - means, design-based: regTermTest(svyglm(api00 ~ stype, design), ~stype), the Wald test that the
#   domain means are equal: F = X²/(G − 1) on G − 1 and degf(design) + 1 − G df;
# - shares (sch_wide == "Yes"), unweighted: chisq.test(table(yes, stype)) (Pearson X², G − 1 df);
# - shares, design-based: svychisq(~sch_wide + stype, design) (Rao-Scott F, ndf and ddf).
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
strat <- read.csv("../shares-api-weighted/apistrat.csv")
clus <- read.csv("../shares-api-weighted/apiclus1.csv")
aov_test <- function(d) {
  fit <- summary(aov(api00 ~ stype, data = d))[[1]]
  list(statistic = fit[["F value"]][1], df = fit$Df[1], ddf = fit$Df[2], p_value = fit[["Pr(>F)"]][1])
}
wald_test <- function(des) {
  t <- regTermTest(svyglm(api00 ~ stype, des), ~stype)
  list(statistic = as.numeric(t$Ftest), df = t$df, ddf = t$ddf, p_value = as.numeric(t$p))
}
chisq_test <- function(d) {
  t <- chisq.test(table(d$sch_wide == "Yes", d$stype))
  list(statistic = unname(t$statistic), df = unname(t$parameter), p_value = t$p.value)
}
rao_scott <- function(des) {
  t <- svychisq(~sch_wide + stype, des)
  list(statistic = unname(t$statistic), df = unname(t$parameter["ndf"]), ddf = unname(t$parameter["ddf"]), p_value = t$p.value)
}
sdes <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat)
cdes <- svydesign(id = ~dnum, weights = ~pw, data = clus)
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  means = list(apistrat_unweighted = aov_test(strat), apistrat = wald_test(sdes), apiclus1 = wald_test(cdes)),
  shares = list(apistrat_unweighted = chisq_test(strat), apistrat = rao_scott(sdes), apiclus1 = rao_scott(cdes))
))
