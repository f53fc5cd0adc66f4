# Crosstabs of MASS::housing (aggregated: one row per cell with its count Freq, analysed with
# --freq Freq) and of small 2×2 tables: chisq.test(correct = FALSE), Cramér's V by formula,
# fisher.test. Writes housing.csv and small.csv. Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(MASS)
write.csv(housing, "housing.csv", row.names = FALSE)
# Small 2×2 tables as individual rows: table id, row level, column level.
small <- list(tea = matrix(c(3, 1, 1, 3), 2), sparse = matrix(c(0, 5, 7, 2), 2), big = matrix(c(120, 37, 45, 88), 2))
rows <- do.call(rbind, lapply(names(small), function(id) {
  m <- small[[id]]
  do.call(rbind, lapply(1:2, function(i) do.call(rbind, lapply(1:2, function(j)
    data.frame(id = rep(id, m[i, j]), a = rep(c("a1", "a2")[i], m[i, j]), b = rep(c("b1", "b2")[j], m[i, j]))))))
}))
write.csv(rows, "small.csv", row.names = FALSE)
# fisher.test's conditional MLE comes from uniroot at tol ~1e-4; this is the same equation solved to
# machine precision (R's own code, mle() inside fisher.test, with a tight tolerance).
fisher_mle <- function(m) {
  x <- m[1, 1]; mm <- sum(m[, 1]); n <- sum(m[, 2]); k <- sum(m[1, ])
  support <- max(0, k - n):min(k, mm)
  logdc <- dhyper(support, mm, n, k, log = TRUE)
  mean_at <- function(t) { d <- logdc + log(t) * support; d <- exp(d - max(d)); sum(support * d) / sum(d) }
  if (x == min(support)) return(0)
  if (x == max(support)) return(Inf)
  if (mean_at(1) > x) uniroot(function(t) mean_at(t) - x, c(0, 1), tol = 1e-15)$root
  else 1 / uniroot(function(t) mean_at(1 / t) - x, c(.Machine$double.eps, 1), tol = 1e-15)$root
}
crosstab <- function(tab) {
  ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(row_levels = rownames(tab), col_levels = colnames(tab), counts = unname(as.matrix(unclass(tab))),
       expected = unname(ct$expected), statistic = unname(ct$statistic), df = unname(ct$parameter), p_value = ct$p.value,
       cramers_v = sqrt(unname(ct$statistic) / (sum(tab) * (min(dim(tab)) - 1))))
}
out <- list(r_version = R.version.string, mass_version = as.character(packageVersion("MASS")),
            sat_by_infl = crosstab(xtabs(Freq ~ Sat + Infl, housing)),
            type_by_cont = crosstab(xtabs(Freq ~ Type + Cont, housing)))
for (id in names(small)) {
  tab <- as.table(small[[id]]); dimnames(tab) <- list(c("a1", "a2"), c("b1", "b2"))
  ft <- fisher.test(tab)
  out[[id]] <- c(crosstab(tab), list(fisher_p = ft$p.value, fisher_or_uniroot = unname(ft$estimate), fisher_or = fisher_mle(small[[id]])))
}
write_expected(out)
