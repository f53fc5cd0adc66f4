# Reference values of the distribution functions (src/math/distributions) from R's stats package.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
x_t <- c(-40, -3.5, -0.7, 0, 0.3, 2.228138851986274, 6, 12, 40)
df_t <- c(1, 2.5, 10, 57, 1000)
grid_t <- expand.grid(x = x_t, df = df_t)
p <- c(1e-12, 1e-6, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999999)
grid_tq <- expand.grid(p = p, df = df_t)
x_c <- c(0.001, 0.5, 3.841458820694124, 10, 45, 150, 400)
df_c <- c(1, 3, 12, 100)
grid_c <- expand.grid(x = x_c, df = df_c)
grid_cq <- expand.grid(p = p, df = df_c)
grid_f <- expand.grid(x = c(0.01, 0.5, 1, 4.964602743730711, 20, 200), df1 = c(1, 3, 9), df2 = c(2, 10, 47.3, 5000))
grid_fq <- expand.grid(p = c(0.001, 0.5, 0.95, 0.999), df1 = c(1, 3, 9), df2 = c(2, 10, 47.3, 5000))
grid_b <- expand.grid(p = c(1e-8, 0.025, 0.5, 0.975), a = c(0.5, 1, 3.5, 40), b = c(0.5, 2, 17, 9000))
qf_beta <- function(p, d1, d2) {
  x <- qbeta(p, d1 / 2, d2 / 2)
  y <- qbeta(p, d2 / 2, d1 / 2, lower.tail = FALSE)
  ifelse(p <= 0.5, d2 * x / (d1 * (1 - x)), d2 * (1 - y) / (d1 * y))
}
z <- c(-38, -8, -1.96, -0.2, 0, 0.5, 1.959963984540054, 5, 8, 30)
out <- list(
  r_version = R.version.string,
  t = list(x = grid_t$x, df = grid_t$df, cdf = pt(grid_t$x, grid_t$df), upper = pt(grid_t$x, grid_t$df, lower.tail = FALSE)),
  t_quantile = list(p = grid_tq$p, df = grid_tq$df, q = qt(grid_tq$p, grid_tq$df)),
  chisq = list(x = grid_c$x, df = grid_c$df, cdf = pchisq(grid_c$x, grid_c$df), upper = pchisq(grid_c$x, grid_c$df, lower.tail = FALSE)),
  chisq_quantile = list(p = grid_cq$p, df = grid_cq$df, q = qchisq(grid_cq$p, grid_cq$df)),
  f = list(x = grid_f$x, df1 = grid_f$df1, df2 = grid_f$df2, cdf = pf(grid_f$x, grid_f$df1, grid_f$df2), upper = pf(grid_f$x, grid_f$df1, grid_f$df2, lower.tail = FALSE)),
  # R's qf forms 1/(1 − X) − 1 from qbeta's upper tail and loses ~7 digits when F is tiny
  # (qf(0.001, 1, 5000)); the reference inverts the smaller tail of the beta instead.
  f_quantile = list(p = grid_fq$p, df1 = grid_fq$df1, df2 = grid_fq$df2, q = qf_beta(grid_fq$p, grid_fq$df1, grid_fq$df2)),
  beta_quantile = list(p = grid_b$p, a = grid_b$a, b = grid_b$b, q = qbeta(grid_b$p, grid_b$a, grid_b$b)),
  normal = list(x = z, cdf = pnorm(z), upper = pnorm(z, lower.tail = FALSE)),
  normal_quantile = list(p = p, q = qnorm(p)),
  lgamma = list(x = c(0.5, 1, 2.5, 10, 171.3, 1e5), y = lgamma(c(0.5, 1, 2.5, 10, 171.3, 1e5)))
)
write_expected(out)
