# Design-based shares on survey::api: apistrat (stratified by school type, weights pw) and
# apiclus1 (one-stage cluster sample of districts dnum). Share of schools meeting their growth
# target (sch.wide == "Yes"), overall and by group, with svymean(deff = TRUE), svyby and
# svyciprop(method = "logit"); the other svyciprop intervals ("mean", "xlogit", "beta") per group
# as ci_methods; the difference of two groups with svyttest.
# Writes the inputs apistrat.csv and apiclus1.csv too. Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
data(api)
keep <- c("snum", "dnum", "stype", "awards", "sch.wide", "api00", "api99", "meals", "pw")
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
methods <- c("mean", "xlogit", "beta")
# svyciprop's other intervals, overall and per level of `by`: list(mean = [low, high], ...) per group.
ci_methods <- function(des, by) {
  all <- lapply(methods, function(m) as_array(attr(svyciprop(~yes, des, method = m), "ci")))
  per <- lapply(methods, function(m) svyby(~yes, as.formula(paste0("~", by)), des, svyciprop, vartype = "ci", method = m))
  c(list(setNames(all, methods)),
    lapply(seq_len(nrow(per[[1]])), function(k) setNames(lapply(per, function(x) as_array(c(x$ci_l[k], x$ci_u[k]))), methods)))
}
shares <- function(des, by) {
  all <- svymean(~yes, des, deff = TRUE)
  ci <- svyciprop(~yes, des, method = "logit")
  others <- ci_methods(des, by)
  groups <- list(list(level = "all", n = nrow(des), share = unname(coef(all)), se = as.numeric(SE(all)),
                      deff = unname(deff(all)), ci = as_array(attr(ci, "ci")), ci_methods = others[[1]]))
  m <- svyby(~yes, as.formula(paste0("~", by)), des, svymean, deff = TRUE)
  cis <- svyby(~yes, as.formula(paste0("~", by)), des, svyciprop, vartype = "ci", method = "logit")
  for (k in seq_len(nrow(m))) {
    lev <- as.character(m[[by]][k])
    groups[[k + 1]] <- list(level = lev, n = sum(des$variables[[by]] == lev), share = m$yes[k], se = m$se[k],
                            deff = m$DEff.yes[k], ci = as_array(c(cis$ci_l[k], cis$ci_u[k])), ci_methods = others[[k + 1]])
  }
  groups
}
difference <- function(des, by) {
  tt <- svyttest(as.formula(paste0("yes ~ ", by)), des)
  # svyttest reports level 2 − level 1; the toolkit reports first − second level.
  list(estimate = -unname(tt$estimate), statistic = -unname(tt$statistic), df = unname(tt$parameter),
       p_value = tt$p.value, conf_int = as_array(-rev(as.numeric(tt$conf.int))))
}
strat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = read("apistrat.csv"))
clus <- svydesign(id = ~dnum, weights = ~pw, data = read("apiclus1.csv"))
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  apistrat_by_awards = list(groups = shares(strat, "awards"), difference = difference(strat, "awards")),
  apistrat_by_stype = list(groups = shares(strat, "stype")),
  apiclus1_by_stype = list(groups = shares(clus, "stype")),
  apiclus1_by_awards = list(groups = shares(clus, "awards"), difference = difference(clus, "awards"))
))
