# Reliability of the bundled satisfaction grid (listwise complete cases; 8/9 are declared missing
# codes) by the formulas: Cronbach's alpha, standardized alpha, corrected item-total r, alpha if
# deleted, KMO (partial correlations from the inverse correlation matrix) and Bartlett's test.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
d <- read.csv("../../../data-samples/bazhou-2025/responses.csv")
items <- grep("^sat_", names(d), value = TRUE)
x <- as.matrix(d[, items])
x[!x %in% 1:5] <- NA
x <- x[complete.cases(x), ]
alpha <- function(m) { k <- ncol(m); k / (k - 1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
k <- ncol(x); n <- nrow(x)
r <- cor(x)
rbar <- (sum(r) - k) / (k * (k - 1))
q <- solve(r)
p <- -q / sqrt(outer(diag(q), diag(q)))
off <- row(r) != col(r)
msa <- sapply(1:k, function(i) sum(r[i, -i]^2) / (sum(r[i, -i]^2) + sum(p[i, -i]^2)))
stat <- -(n - 1 - (2 * k + 5) / 6) * log(det(r))
write_expected(list(
  r_version = R.version.string, items = items, n = n,
  alpha = alpha(x), standardized_alpha = k * rbar / (1 + (k - 1) * rbar),
  mean = as_array(colMeans(x)), sd = as_array(apply(x, 2, sd)),
  item_total_r = as_array(sapply(1:k, function(i) cor(x[, i], rowSums(x[, -i])))),
  alpha_if_deleted = as_array(sapply(1:k, function(i) alpha(x[, -i]))),
  kmo = sum(r[off]^2) / (sum(r[off]^2) + sum(p[off]^2)), msa = as_array(msa),
  bartlett = list(statistic = stat, df = k * (k - 1) / 2, p_value = pchisq(stat, k * (k - 1) / 2, lower.tail = FALSE))
))
