# Finite population correction on survey::api: apistrat (stratified by school type; fpc = schools
# of that type in California) and apiclus1 (one-stage cluster sample of districts; fpc = 757
# districts). svymean(deff = TRUE) and svyby of api00 and of the share meeting the growth target,
# with fpc given as population sizes (fpc) and as sampling fractions (frac = n_h / N_h); the
# with-replacement SEs (no fpc) alongside, to show the correction is there.
# Writes the inputs apistrat.csv and apiclus1.csv too. Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
data(api)
keep <- c("snum", "dnum", "stype", "awards", "sch.wide", "api00", "pw", "fpc")
for (name in c("apistrat", "apiclus1")) {
  d <- get(name)[, keep]
  names(d)[names(d) == "sch.wide"] <- "sch_wide"
  psus <- if (name == "apistrat") ave(d$snum, d$stype, FUN = length) else length(unique(d$dnum))
  d$frac <- psus / d$fpc
  write.csv(d, paste0(name, ".csv"), row.names = FALSE)
}
read <- function(file) {
  d <- read.csv(file)
  d$yes <- as.numeric(d$sch_wide == "Yes")
  d
}
estimates <- function(des) {
  one <- function(var) {
    all <- svymean(as.formula(paste0("~", var)), des, deff = TRUE)
    by <- svyby(as.formula(paste0("~", var)), ~awards, des, svymean, deff = TRUE)
    list(all = list(mean = unname(coef(all)), se = as.numeric(SE(all)), deff = unname(deff(all))),
         levels = as.character(by$awards), mean = as_array(by[[var]]), se = as_array(by$se),
         deff = as_array(by[[paste0("DEff.", var)]]))
  }
  list(api00 = one("api00"), yes = one("yes"))
}
strat <- read("apistrat.csv")
clus <- read("apiclus1.csv")
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  apistrat_fpc = estimates(svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat)),
  apistrat_frac = estimates(svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~frac, data = strat)),
  apistrat_nofpc = estimates(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat)),
  apiclus1_fpc = estimates(svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus)),
  apiclus1_frac = estimates(svydesign(id = ~dnum, weights = ~pw, fpc = ~frac, data = clus))
))
