# Means: unweighted on the bundled study (one-sample t.test intervals, Welch t.test of income by
# area, aov of happiness by education) and design-based on survey::api (svymean/svyby with
# deff = TRUE, confint, svyttest) using the inputs of ../shares-api-weighted.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
d <- read.csv("../../../data-samples/bazhou-2025/responses.csv")
d$happiness[!d$happiness %in% 1:5] <- NA
group_t <- function(y) {
  y <- y[!is.na(y)]
  tt <- t.test(y)
  list(n = length(y), mean = mean(y), sd = sd(y), se = sd(y) / sqrt(length(y)), ci = as_array(tt$conf.int))
}
welch <- t.test(income ~ area, data = d)
fit <- summary(aov(happiness ~ factor(education), data = d))[[1]]
unweighted <- list(
  income_by_area = list(groups = c(list(group_t(d$income)), lapply(1:2, function(a) group_t(d$income[d$area == a]))),
                        welch = list(estimate = unname(welch$estimate[1] - welch$estimate[2]), statistic = unname(welch$statistic),
                                     df = unname(welch$parameter), p_value = welch$p.value, conf_int = as_array(welch$conf.int))),
  happiness_by_education = list(ss = as_array(fit[["Sum Sq"]]), df = as_array(fit$Df), f = fit[["F value"]][1], p_value = fit[["Pr(>F)"]][1])
)
svy_means <- function(des, by) {
  all <- svymean(~api00, des, deff = TRUE)
  groups <- list(list(level = "all", mean = unname(coef(all)), se = as.numeric(SE(all)), deff = unname(deff(all)),
                      ci = as_array(confint(all)), sd = sqrt(as.numeric(coef(svyvar(~api00, des))))))
  m <- svyby(~api00, as.formula(paste0("~", by)), des, svymean, deff = TRUE)
  ci <- confint(m)
  for (k in seq_len(nrow(m))) {
    lev <- as.character(m[[by]][k])
    groups[[k + 1]] <- list(level = lev, mean = m$api00[k], se = m$se[k], deff = m$DEff.api00[k], ci = as_array(ci[k, ]))
  }
  groups
}
svy_difference <- function(des, by) {
  tt <- svyttest(as.formula(paste0("api00 ~ ", by)), des)
  list(estimate = -unname(tt$estimate), statistic = -unname(tt$statistic), df = unname(tt$parameter),
       p_value = tt$p.value, conf_int = as_array(-rev(as.numeric(tt$conf.int))))
}
strat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = read.csv("../shares-api-weighted/apistrat.csv"))
clus <- svydesign(id = ~dnum, weights = ~pw, data = read.csv("../shares-api-weighted/apiclus1.csv"))
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  unweighted = unweighted,
  apistrat_by_stype = list(groups = svy_means(strat, "stype")),
  apistrat_by_awards = list(groups = svy_means(strat, "awards"), difference = svy_difference(strat, "awards")),
  apiclus1_by_awards = list(groups = svy_means(clus, "awards"), difference = svy_difference(clus, "awards"))
))
