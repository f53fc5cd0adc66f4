# The bundled study (6,000 城市 + 4,000 农村) calibrated to the district population:
# postStratify by area to population.yaml (城市 425,800, 农村 218,600), and rake on area plus a
# sex margin given as proportions (sex.yaml: 0.51 / 0.49 of the same 644,400). The weighted share
# of happiness top-2 (比较幸福 + 非常幸福, codes 4–5) with svymean SE and svyciprop(logit), overall
# and by area (svyby), and the mean income (na.rm: zero-weight rows, as calibrated subsets are). Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
d <- read.csv("../../../data-samples/bazhou-2025/responses.csv")
d$happy <- as.numeric(d$happiness >= 4)
base <- svydesign(id = ~1, data = d)  # equal weights (R warns: "assuming equal probability")
total <- 425800 + 218600
area <- data.frame(area = c(1, 2), Freq = c(425800, 218600))
sex <- data.frame(sex = c(1, 2), Freq = c(0.51, 0.49) * total)
estimates <- function(des) {
  y <- svymean(~happy, des)
  ci <- svyciprop(~happy, des, method = "logit")
  by <- svyby(~happy, ~area, des, svymean)
  inc <- svymean(~income, des, na.rm = TRUE)
  list(weights_first = as_array(weights(des)[1:20]), weight_sum = sum(weights(des)),
       share = unname(coef(y)), se = as.numeric(SE(y)), ci = as_array(attr(ci, "ci")),
       by_area = list(share = as_array(by$happy), se = as_array(by$se)),
       mean_income = unname(coef(inc)), se_income = as.numeric(SE(inc)))
}
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  poststratify_area = estimates(postStratify(base, ~area, area)),
  rake_area_sex = estimates(rake(base, list(~area, ~sex), list(area, sex), control = list(maxit = 100, epsilon = 1e-15)))
))
