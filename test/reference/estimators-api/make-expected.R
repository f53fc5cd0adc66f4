# Totals, quantiles and ratios on survey::api, as R's svytotal, svyquantile and svyratio (and
# svyby of each): the references of `survey totals`, `survey quantiles` and `survey ratio`.
# Designs: apisrs (id = ~1, weights = ~pw), apistrat (id = ~1, strata = ~stype, weights = ~pw;
# with and without fpc), apiclus1 (id = ~dnum, weights = ~pw; with and without fpc), and apistrat
# unweighted as svydesign(id = ~1, weights = ~one) with one = 1 (what the commands compute without
# --weight). Domains: all rows, awards, stype, and grp, which puts the first row alone in "solo".
# acs_k3 has missing values (na.rm = TRUE, as the commands drop them).
# Writes the inputs apisrs.csv, apistrat.csv, apiclus1.csv too. Run from this folder:
#   Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(survey))
data(api)
keep <- c("snum", "dnum", "stype", "awards", "api00", "api99", "enroll", "api.stu", "acs.k3", "pw", "fpc")
for (name in c("apisrs", "apistrat", "apiclus1")) {
  d <- get(name)[, keep]
  names(d) <- gsub(".", "_", names(d), fixed = TRUE)
  d$grp <- ifelse(seq_len(nrow(d)) == 1, "solo", "rest")
  write.csv(d, paste0(name, ".csv"), row.names = FALSE)
}
read <- function(file) {
  d <- read.csv(file)
  d$stype <- factor(d$stype)
  d$one <- 1
  d
}
srs <- read("apisrs.csv")
strat <- read("apistrat.csv")
clus <- read("apiclus1.csv")
designs <- list(
  srs = svydesign(id = ~1, weights = ~pw, data = srs),
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat),
  strat_fpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat),
  clus1 = svydesign(id = ~dnum, weights = ~pw, data = clus),
  clus1_fpc = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus),
  unweighted = svydesign(id = ~1, weights = ~one, data = strat)
)
f <- function(v) as.formula(paste0("~", v))

# One row per (level, statistic) of an svystat / svyratio / svyby result.
stat_rows <- function(est, level, stats, key) {
  cf <- coef(est); ci <- confint(est)
  se <- matrix(as.matrix(SE(est)), nrow = length(level)); de <- matrix(as.matrix(deff(est)), nrow = length(level))
  rows <- list()
  for (i in seq_along(level)) for (j in seq_along(stats)) {
    name <- key(level[i], stats[j], length(stats))
    rows[[length(rows) + 1]] <- list(level = level[i], stat = stats[j], estimate = unname(cf[name]),
      se = unname(se[i, j]), ci_low = unname(ci[name, 1]), ci_high = unname(ci[name, 2]), deff = unname(de[i, j]))
  }
  rows
}
overall_key <- function(level, stat, k) stat
by_key <- function(level, stat, k) if (k > 1) paste0(level, ":", stat) else level

totals <- function(des, var, by) {
  one <- svytotal(f(var), des, deff = TRUE, na.rm = TRUE)
  stats <- names(coef(one))
  if (is.null(by)) return(list(var = var, by = NULL, stats = stats, rows = stat_rows(one, "all", stats, overall_key)))
  b <- svyby(f(var), f(by), des, svytotal, deff = TRUE, na.rm = TRUE)
  list(var = var, by = by, stats = stats, rows = stat_rows(b, as.character(b[[by]]), stats, by_key))
}

ratios <- function(des, num, den, by) {
  if (is.null(by)) {
    r <- svyratio(f(num), f(den), des, deff = TRUE, na.rm = TRUE)
    rows <- stat_rows(r, "all", names(coef(r)), overall_key)
  } else {
    r <- svyby(f(num), f(by), des, svyratio, denominator = f(den), deff = TRUE, na.rm = TRUE)
    rows <- stat_rows(r, as.character(r[[by]]), "ratio", by_key)
  }
  list(num = num, den = den, by = by, rows = rows)
}

probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
quantile_rows <- function(q, level) {
  m <- q[[1]]
  lapply(seq_len(nrow(m)), function(i) list(level = level, prob = probs[i], quantile = m[i, 1], ci_low = m[i, 2], ci_high = m[i, 3], se = m[i, 4]))
}
quantiles <- function(des, var, by, qrule = "math") {
  q <- function(d) svyquantile(f(var), d, probs, ci = TRUE, se = TRUE, na.rm = TRUE, qrule = qrule)
  if (is.null(by)) return(list(var = var, by = NULL, qrule = qrule, rows = quantile_rows(q(des), "all")))
  b <- svyby(f(var), f(by), des, svyquantile, quantiles = probs, ci = TRUE, vartype = c("se", "ci"), na.rm = TRUE, qrule = qrule)
  k <- length(probs)
  m <- as.matrix(b[, -1])
  rows <- list()
  for (i in seq_len(nrow(b))) {
    level <- as.character(b[[by]][i])
    # svyby's columns: k quantiles, k SEs, k lower and k upper (Woodruff) limits; checked against
    # svyquantile on the subset, which is what svyby runs.
    direct <- q(des[des$variables[[by]] == level & !is.na(des$variables[[by]]), ])[[1]]
    stopifnot(isTRUE(all.equal(unname(m[i, 1:k]), unname(direct[, 1]))), isTRUE(all.equal(unname(m[i, k + 1:k]), unname(direct[, 4]))))
    for (j in seq_len(k)) rows[[length(rows) + 1]] <- list(level = level, prob = probs[j], quantile = m[i, j],
      ci_low = m[i, 2 * k + j], ci_high = m[i, 3 * k + j], se = m[i, k + j])
  }
  list(var = var, by = by, qrule = qrule, rows = rows)
}

estimates <- function(des) {
  bys <- list(NULL, "awards", "grp")
  list(
    totals = c(lapply(bys, function(by) totals(des, "api00", by)), lapply(list(NULL, "awards"), function(by) totals(des, "acs_k3", by)),
               lapply(list(NULL, "awards", "grp"), function(by) totals(des, "stype", by))),
    ratios = c(lapply(bys, function(by) ratios(des, "api00", "api99", by)), lapply(list(NULL, "awards"), function(by) ratios(des, "api_stu", "enroll", by))),
    quantiles = c(lapply(list(NULL, "stype", "grp"), function(by) quantiles(des, "api00", by)), lapply(list(NULL, "awards"), function(by) quantiles(des, "acs_k3", by)),
                  lapply(c("school", paste0("hf", 1:9)), function(rule) quantiles(des, "enroll", NULL, rule)),
                  lapply(c("school", "hf2", "hf3", "hf7"), function(rule) quantiles(des, "enroll", "awards", rule)))
  )
}
write_expected(c(
  list(r_version = R.version.string, survey_version = as.character(packageVersion("survey"))),
  lapply(designs, estimates)
))
