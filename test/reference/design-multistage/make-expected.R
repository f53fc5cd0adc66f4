# Multistage designs, nesting and lonely PSUs (issue #14.2, #14.3), on survey's own data:
#   apiclus2  two-stage cluster sample (districts, then schools): svydesign(id = ~dnum + snum,
#             fpc = ~fpc1 + fpc2) with the weights the fpc implies; the same with fpc as sampling
#             fractions and weights = ~pw; and without fpc (first stage only, with replacement).
#   strat2    a stratified two-stage sample drawn here from apipop (strata stype; 8 districts per
#             stratum, then up to 3 schools per district; district numbers reused across strata, so
#             nest = TRUE), fpc = ~fpc1 + fpc2 as population sizes.
#   nhanes    svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE).
#   lonely    apistrat with one school moved to a stratum of its own, under each
#             options(survey.lonely.psu); strat2 with one sampled district cut to a single school
#             (a lonely unit at stage 2) under adjust / average / certainty / remove.
# For each: svymean / svyby of a numeric variable, svymean of a 0/1 variable with svyciprop(logit),
# svychisq (Rao-Scott F), svyglm (gaussian), svytotal, svyquantile (median) and svyratio. Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(survey))
data(api); data(nhanes)

clus2 <- apiclus2[, c("cds", "dnum", "snum", "stype", "awards", "api00", "ell", "meals", "pw", "fpc1", "fpc2")]
clus2$yes <- as.integer(apiclus2$sch.wide == "Yes")
clus2$frac1 <- length(unique(clus2$dnum)) / clus2$fpc1
clus2$frac2 <- ave(clus2$snum, clus2$dnum, FUN = length) / clus2$fpc2
write.csv(clus2, "apiclus2.csv", row.names = FALSE)

set.seed(20261204)
pop <- apipop[, c("stype", "dnum", "snum", "awards", "api00", "ell", "meals")]
pop$yes <- as.integer(apipop$sch.wide == "Yes")
strat2 <- do.call(rbind, lapply(split(pop, pop$stype), function(s) {
  districts <- unique(s$dnum)
  chosen <- sample(districts, 8)
  do.call(rbind, lapply(chosen, function(d) {
    schools <- s[s$dnum == d, ]
    picked <- schools[sample(nrow(schools), min(3, nrow(schools))), ]
    picked$fpc1 <- length(districts)
    picked$fpc2 <- nrow(schools)
    picked
  }))
}))
# District numbers restart in each stratum, as a survey firm numbers them.
strat2$district <- ave(strat2$dnum, strat2$stype, FUN = function(x) match(x, unique(x)))
strat2$dnum <- NULL
write.csv(strat2, "strat2.csv", row.names = FALSE)

nh <- nhanes[, c("SDMVPSU", "SDMVSTRA", "WTMEC2YR", "HI_CHOL", "race", "agecat", "RIAGENDR")]
write.csv(nh, "nhanes.csv", row.names = FALSE)

lonely <- apistrat[, c("snum", "stype", "awards", "api00", "ell", "meals", "pw")]
lonely$yes <- as.integer(apistrat$sch.wide == "Yes")
lonely$stratum <- as.character(lonely$stype)
lonely$stratum[1] <- "X"
write.csv(lonely, "lonely.csv", row.names = FALSE)
# Stage-2 lonely unit: the first district with three sampled schools keeps one of them.
cut_district <- strat2$district[strat2$fpc2 > 3][1]; cut_stype <- strat2$stype[strat2$fpc2 > 3][1]
drop <- which(strat2$district == cut_district & strat2$stype == cut_stype)[-1]
strat2_lonely <- strat2[-drop, ]
write.csv(strat2_lonely, "strat2-lonely.csv", row.names = FALSE)

estimates <- function(des, y, yes, by, rows, cols, formula, ratio) {
  m <- svymean(as.formula(paste0("~", y)), des, deff = TRUE, na.rm = TRUE)
  b <- svyby(as.formula(paste0("~", y)), as.formula(paste0("~", by)), des, svymean, deff = TRUE, na.rm = TRUE)
  s <- svymean(as.formula(paste0("~", yes)), des, deff = TRUE, na.rm = TRUE)
  ci <- svyciprop(as.formula(paste0("~", yes)), des, method = "logit")
  x <- svychisq(as.formula(paste0("~", rows, " + ", cols)), des, statistic = "F")
  fit <- svyglm(as.formula(formula), design = des)
  tot <- svytotal(as.formula(paste0("~", y)), des, na.rm = TRUE)
  q <- svyquantile(as.formula(paste0("~", y)), des, 0.5, ci = TRUE, se = TRUE, na.rm = TRUE)[[1]]
  rat <- svyratio(as.formula(paste0("~", ratio[1])), as.formula(paste0("~", ratio[2])), des, na.rm = TRUE)
  list(degf = degf(des),
       total = list(estimate = unname(coef(tot)), se = as.numeric(SE(tot))),
       median = list(estimate = unname(q[1, 1]), ci = as_array(q[1, 2:3]), se = unname(q[1, 4])),
       ratio = list(estimate = unname(coef(rat)), se = as.numeric(SE(rat))),
       mean = list(estimate = unname(coef(m)), se = as.numeric(SE(m)), deff = unname(deff(m))),
       by = list(levels = as.character(b[[by]]), mean = as_array(b[[y]]), se = as_array(b$se), deff = as_array(b[[paste0("DEff.", y)]])),
       share = list(estimate = unname(coef(s)), se = as.numeric(SE(s)), deff = unname(deff(s)), ci = as_array(attr(ci, "ci"))),
       chisq = list(statistic = unname(x$statistic), ndf = unname(x$parameter[1]), ddf = unname(x$parameter[2]), p_value = x$p.value),
       glm = list(terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(SE(fit)), df_residual = fit$df.residual))
}
api <- function(des) estimates(des, "api00", "yes", "awards", "stype", "awards", "api00 ~ ell + meals", c("ell", "meals"))
clus2 <- read.csv("apiclus2.csv"); strat2 <- read.csv("strat2.csv"); nh <- read.csv("nhanes.csv")
lonely <- read.csv("lonely.csv"); strat2_lonely <- read.csv("strat2-lonely.csv")
with_lonely <- function(how, f) { old <- options(survey.lonely.psu = how); on.exit(options(old)); f() }
lonely_api <- function(how) with_lonely(how, function() api(svydesign(id = ~1, strata = ~stratum, weights = ~pw, data = lonely)))
lonely_stage2 <- function(how) with_lonely(how, function() api(svydesign(id = ~district + snum, strata = ~stype, fpc = ~fpc1 + fpc2, nest = TRUE, data = strat2_lonely)))
fails <- function(f) inherits(try(f(), silent = TRUE), "try-error")
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  apiclus2_fpc = api(svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = clus2)),
  apiclus2_frac = api(svydesign(id = ~dnum + snum, weights = ~pw, fpc = ~frac1 + frac2, data = clus2)),
  apiclus2_nofpc = api(svydesign(id = ~dnum + snum, weights = ~pw, data = clus2)),
  strat2 = api(svydesign(id = ~district + snum, strata = ~stype, fpc = ~fpc1 + fpc2, nest = TRUE, data = strat2)),
  strat2_not_nested_fails = fails(function() svydesign(id = ~district + snum, strata = ~stype, fpc = ~fpc1 + fpc2, data = strat2)),
  nhanes = estimates(svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nh),
                     "HI_CHOL", "HI_CHOL", "race", "race", "agecat", "HI_CHOL ~ factor(agecat) + RIAGENDR", c("HI_CHOL", "RIAGENDR")),
  lonely_fail = fails(function() with_lonely("fail", function() svymean(~api00, svydesign(id = ~1, strata = ~stratum, weights = ~pw, data = lonely)))),
  lonely_adjust = lonely_api("adjust"), lonely_average = lonely_api("average"),
  lonely_remove = lonely_api("remove"), lonely_certainty = lonely_api("certainty"),
  stage2_fail = fails(function() with_lonely("fail", function() svymean(~api00, svydesign(id = ~district + snum, strata = ~stype, fpc = ~fpc1 + fpc2, nest = TRUE, data = strat2_lonely)))),
  stage2_adjust = lonely_stage2("adjust"), stage2_certainty = lonely_stage2("certainty"), stage2_remove = lonely_stage2("remove")
))
