# Multiple-response (多选题) tables against R: a synthetic multi-select question (5 options, 0/1
# columns hobby_1..hobby_5, 10% of respondents skipped it, a few chose nothing) in a stratified
# weighted sample with three regions. Writes hobbies.csv (the input) and expected.json.
#   unweighted: % of cases = mean of each 0/1 column over respondents answering, Wilson interval
#     (prop.test(correct = FALSE)), Pearson chisq.test(correct = FALSE) of option × region;
#   weighted: svymean / svyby of the 0/1 columns on the answering rows, svyciprop(method = "logit"),
#     svychisq (Rao-Scott F, the default) of option × region.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
library(survey)
set.seed(20250315)
n <- 400
region <- sample(1:3, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
stratum <- ifelse(region == 1, 1, sample(2:3, n, replace = TRUE))
w <- round(c(40, 90, 150)[stratum] * runif(n, 0.7, 1.3), 3)
base <- c(0.6, 0.45, 0.3, 0.15, 0.05)
shift <- c(0, 0.15, -0.1)
hob <- sapply(1:5, function(k) rbinom(n, 1, pmin(0.95, pmax(0.02, base[k] + shift[region] * (k %% 2)))))
colnames(hob) <- paste0("hobby_", 1:5)
skipped <- runif(n) < 0.1
hob[skipped, ] <- NA
data <- data.frame(id = 1:n, stratum = stratum, w = w, region = region, hob)
write.csv(data, "hobbies.csv", row.names = FALSE, na = "")

answered <- data[!skipped, ]
options <- paste0("hobby_", 1:5)
unweighted <- function(rows) {
  lapply(options, function(o) {
    x <- sum(rows[[o]]); m <- nrow(rows)
    ci <- prop.test(x, m, correct = FALSE)$conf.int
    list(count = x, share = x / m, conf_low = ci[1], conf_high = ci[2])
  })
}
groups_unweighted <- c(list(all = list(n = nrow(answered), options = unweighted(answered))),
  lapply(split(answered, answered$region), function(g) list(n = nrow(g), options = unweighted(g))))
tests_unweighted <- lapply(options, function(o) {
  t <- suppressWarnings(chisq.test(table(answered$region, answered[[o]]), correct = FALSE))
  list(statistic = unname(t$statistic), df = unname(t$parameter), p_value = t$p.value)
})

des <- svydesign(id = ~1, strata = ~stratum, weights = ~w, data = data)
ans <- subset(des, !is.na(hobby_1))
f <- as.formula(paste("~", paste(options, collapse = "+")))
weighted_group <- function(d) {
  m <- svymean(f, d)
  list(weighted_n = sum(weights(d)), options = lapply(options, function(o) {
    ci <- confint(svyciprop(as.formula(paste0("~", o)), d, method = "logit"))
    list(count = unname(coef(svytotal(as.formula(paste0("~", o)), d))), share = unname(coef(m)[o]), se = unname(SE(m)[o]),
         conf_low = ci[1], conf_high = ci[2])
  }))
}
groups_weighted <- c(list(all = weighted_group(ans)),
  lapply(1:3, function(r) weighted_group(subset(ans, region == r))))
names(groups_weighted) <- c("all", "1", "2", "3")
tests_weighted <- lapply(options, function(o) {
  t <- svychisq(as.formula(paste0("~region+", o)), ans)
  list(statistic = unname(t$statistic), ndf = unname(t$parameter["ndf"]), ddf = unname(t$parameter["ddf"]), p_value = t$p.value)
})
write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
  unweighted = list(groups = groups_unweighted, tests = tests_unweighted),
  weighted = list(groups = groups_weighted, tests = tests_weighted)
))
