# svyciprop(method = "likelihood") and svyciprop(method = "asin") on survey::api (the inputs of
# ../shares-api-weighted): share of schools meeting their growth target (sch_wide == "Yes"),
# overall and by school type (svyby(..., svyciprop, vartype = "ci")), apistrat (strata stype, weights
# pw) and apiclus1 (clusters dnum); also at level 0.9. (By awards, one group's share is exactly 1
# and R's likelihood profile stops: see ../shares-degenerate.) Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
read <- function(file) {
  d <- read.csv(file)
  d$yes <- as.numeric(d$sch_wide == "Yes")
  d
}
intervals <- function(des, by, method, level = 0.95) {
  all <- svyciprop(~yes, des, method = method, level = level)
  per <- svyby(~yes, as.formula(paste0("~", by)), des, svyciprop, vartype = "ci", method = method, level = level)
  c(list(list(level = "all", share = unname(coef(all)), ci = as_array(attr(all, "ci")))),
    lapply(seq_len(nrow(per)), function(k) list(level = as.character(per[[by]][k]), share = per$yes[k], ci = as_array(c(per$ci_l[k], per$ci_u[k])))))
}
strat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = read("../shares-api-weighted/apistrat.csv"))
clus <- svydesign(id = ~dnum, weights = ~pw, data = read("../shares-api-weighted/apiclus1.csv"))
cases <- list()
for (method in c("likelihood", "asin")) {
  cases[[paste0("apistrat_by_stype_", method)]] <- intervals(strat, "stype", method)
  cases[[paste0("apiclus1_by_stype_", method)]] <- intervals(clus, "stype", method)
  cases[[paste0("apistrat_by_stype_", method, "_90")]] <- intervals(strat, "stype", method, 0.9)
}
write_expected(list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")), cases = cases))
