# Unweighted shares of the bundled study: top-2 categories (比较/非常) of happiness and of each
# satisfaction item, overall and by area (1 城市, 2 农村), with four interval methods and the
# urban − rural difference. Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
d <- read.csv("../../../data-samples/bazhou-2025/responses.csv")
items <- c("happiness", grep("^sat_", names(d), value = TRUE))
z <- qnorm(0.975)
one <- function(x, n) {
  wilson <- prop.test(x, n, correct = FALSE)$conf.int
  cp <- binom.test(x, n)$conf.int
  nt <- n + z^2
  pt <- (x + z^2 / 2) / nt
  ac <- c(max(0, pt - z * sqrt(pt * (1 - pt) / nt)), min(1, pt + z * sqrt(pt * (1 - pt) / nt)))
  jeffreys <- c(if (x == 0) 0 else qbeta(0.025, x + 0.5, n - x + 0.5), if (x == n) 1 else qbeta(0.975, x + 0.5, n - x + 0.5))
  list(n = n, count = x, share = x / n, se = sqrt(x / n * (1 - x / n) / n),
       wilson = as_array(wilson), clopper_pearson = as_array(cp), agresti_coull = as_array(ac), jeffreys = as_array(jeffreys))
}
out <- lapply(items, function(v) {
  y <- ifelse(d[[v]] %in% 1:5, d[[v]], NA)   # 8 说不清 / 9 拒绝回答 are declared missing codes
  ok <- !is.na(y)
  top <- y >= 4
  groups <- c(list(one(sum(top[ok]), sum(ok))),
              lapply(1:2, function(a) one(sum(top[ok & d$area == a]), sum(ok & d$area == a))))
  x <- sapply(1:2, function(a) sum(top[ok & d$area == a]))
  n <- sapply(1:2, function(a) sum(ok & d$area == a))
  pt2 <- prop.test(x, n, correct = FALSE)
  list(var = v, groups = groups,
       difference = list(estimate = unname(pt2$estimate[1] - pt2$estimate[2]), statistic = unname(pt2$statistic),
                         p_value = pt2$p.value, conf_int = as_array(pt2$conf.int)))
})
write_expected(list(r_version = R.version.string, cases = out))
