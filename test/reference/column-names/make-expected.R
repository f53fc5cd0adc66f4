# Column names as R, Stata and SPSS exports have them, used without a codebook:
# - longley.csv: R's `longley` with its own names (GNP.deflator, Armed.Forces), and lm() of the
#   NIST StRD Longley model, names(coef(...)) as R prints them;
# - cjk.csv: the same data under CJK names with spaces and brackets (`收入 (元)`, 年份) and a
#   text group column (`地区 名`), fitted with backquotes: R prints `收入 (元)` backquoted;
# - api.csv: survey::apistrat with R's own `sch.wide` and the school type as 学校类型, for
#   `shares --var sch.wide --by 学校类型` (svyby of svymean, stratified design).
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
write.csv(longley, "longley.csv", row.names = FALSE)
fit <- lm(Employed ~ GNP.deflator + GNP + Unemployed + Armed.Forces + Population + Year, data = read.csv("longley.csv"))
cjk <- data.frame(longley$Employed, longley$GNP, longley$Year, rep(c("城市", "农村"), 8))
names(cjk) <- c("就业 人数", "收入 (元)", "年份", "地区 名")
write.csv(cjk, "cjk.csv", row.names = FALSE, fileEncoding = "UTF-8")
cjk <- read.csv("cjk.csv", check.names = FALSE, encoding = "UTF-8")
cjk_fit <- lm(`就业 人数` ~ `收入 (元)` + 年份 + `地区 名` + log(`收入 (元)`), data = cjk)
data(api)
api <- apistrat[, c("stype", "sch.wide", "pw")]
names(api)[1] <- "学校类型"
write.csv(api, "api.csv", row.names = FALSE, fileEncoding = "UTF-8")
api <- read.csv("api.csv", check.names = FALSE, encoding = "UTF-8")
api$yes <- as.numeric(api$sch.wide == "Yes")
des <- svydesign(id = ~1, strata = ~学校类型, weights = ~pw, data = api)
by_type <- svyby(~yes, ~学校类型, des, svymean)
coefs <- function(f) list(terms = names(coef(f)), estimates = as_array(coef(f)), se = as_array(sqrt(diag(vcov(f)))))
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  longley = coefs(fit), cjk = coefs(cjk_fit),
  api = list(levels = as.character(by_type[[1]]), share = as_array(by_type$yes), se = as_array(by_type$se))
))
