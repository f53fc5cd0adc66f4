# Weighting on survey::api, as R's survey package does it: postStratify (apiclus1 by stype;
# apistrat by sch_wide, which cuts across its strata so base weights vary within post-strata),
# rake on two margins (apistrat: stype + sch_wide; apiclus1: stype + awards), then svymean,
# svytotal, svyciprop(logit) and svyby after calibration — SEs through svyrecvar's calibration
# residuals. trimWeights (strict = FALSE and TRUE) on the raked apiclus1 weights, and trimming
# alternated with re-raking on apistrat (rake on sch_wide + awards; loop below) until every
# weight is within 1e-12 relative of the bound. Population counts: table(apipop$...).
# Writes apistrat.csv and apiclus1.csv. Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
data(api)
keep <- c("snum", "dnum", "stype", "awards", "sch.wide", "api00", "enroll", "pw")
for (name in c("apistrat", "apiclus1")) {
  d <- get(name)[, keep]
  names(d)[names(d) == "sch.wide"] <- "sch_wide"
  write.csv(d, paste0(name, ".csv"), row.names = FALSE)
}
read <- function(file) {
  d <- read.csv(file)
  d$yes <- as.numeric(d$sch_wide == "Yes")
  d
}
pop <- list(
  stype = data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)),
  sch_wide = data.frame(sch_wide = c("No", "Yes"), Freq = c(1072, 5122)),
  awards = data.frame(awards = c("No", "Yes"), Freq = c(2027, 4167))
)
tight <- list(maxit = 100, epsilon = 1e-15)
estimates <- function(des) {
  m <- svymean(~api00, des)
  t <- svytotal(~enroll, des)
  y <- svymean(~yes, des)
  ci <- svyciprop(~yes, des, method = "logit")
  by <- svyby(~api00, ~awards, des, svymean)
  list(weights = as_array(weights(des)),
       mean_api00 = unname(coef(m)), se_mean_api00 = as.numeric(SE(m)),
       total_enroll = unname(coef(t)), se_total_enroll = as.numeric(SE(t)),
       share_yes = unname(coef(y)), se_share_yes = as.numeric(SE(y)), ci_yes = as_array(attr(ci, "ci")),
       by_awards = list(levels = as.character(by$awards), mean = as_array(by$api00), se = as_array(by$se)))
}
strat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = read("apistrat.csv"))
clus <- svydesign(id = ~dnum, weights = ~pw, data = read("apiclus1.csv"))
clus_raked <- rake(clus, list(~stype, ~awards), list(pop$stype, pop$awards), control = tight)

trim_rake <- function(des, upper, margins, population, tol) {
  des <- rake(des, margins, population, control = tight)
  for (k in 1:100) {
    if (max(weights(des) / upper - 1) <= tol) break
    des <- rake(trimWeights(des, upper = upper), margins, population, control = tight)
  }
  list(upper = upper, outer_iterations = k, weights = as_array(weights(des)))
}

write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  poststratify_apiclus1_stype = estimates(postStratify(clus, ~stype, pop$stype)),
  poststratify_apistrat_sch_wide = estimates(postStratify(strat, ~sch_wide, pop$sch_wide)),
  rake_apistrat_stype_sch_wide = estimates(rake(strat, list(~stype, ~sch_wide), list(pop$stype, pop$sch_wide), control = tight)),
  rake_apiclus1_stype_awards = estimates(clus_raked),
  trim_apiclus1 = list(lower = 31, upper = 45,
                       weights = as_array(weights(trimWeights(clus_raked, lower = 31, upper = 45))),
                       strict = as_array(weights(trimWeights(clus_raked, lower = 31, upper = 45, strict = TRUE)))),
  trim_rake_apistrat = trim_rake(strat, 45, list(~sch_wide, ~awards), list(pop$sch_wide, pop$awards), 1e-12)
))
