# Rao-Scott second-order corrected chi-square (svychisq, default statistic "F") for weighted
# crosstabs on survey::api: apistrat (strata stype, weights pw; also with fpc) and apiclus1 (clusters
# dnum). Reads the inputs written by ../shares-api-weighted and ../design-fpc.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
strat <- read.csv("../shares-api-weighted/apistrat.csv")
clus <- read.csv("../shares-api-weighted/apiclus1.csv")
strat_fpc <- read.csv("../design-fpc/apistrat.csv")
test <- function(des, rows, cols) {
  f <- as.formula(paste0("~", rows, "+", cols))
  rs <- svychisq(f, des)
  x2 <- svychisq(f, des, statistic = "Chisq")
  tab <- svytable(f, des)
  list(rows = rows, cols = cols, row_levels = rownames(tab), col_levels = colnames(tab),
       counts = unclass(tab)[, , drop = FALSE] + 0, pearson = unname(x2$statistic),
       statistic = unname(rs$statistic), ndf = unname(rs$parameter["ndf"]), ddf = unname(rs$parameter["ddf"]),
       p_value = rs$p.value)
}
sdes <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat)
cdes <- svydesign(id = ~dnum, weights = ~pw, data = clus)
fdes <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat_fpc)
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  cases = list(
    apistrat_sch_wide_stype = test(sdes, "sch_wide", "stype"),
    apistrat_awards_stype = test(sdes, "awards", "stype"),
    apiclus1_sch_wide_stype = test(cdes, "sch_wide", "stype"),
    apiclus1_stype_awards = test(cdes, "stype", "awards"),
    apistrat_fpc_sch_wide_stype = test(fdes, "sch_wide", "stype")
  )
))
