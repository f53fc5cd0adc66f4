# Expected values for design-based regression by group (survey regress --weight --by G) on
# survey::api apistrat (stratified by stype, weights pw): svyglm on the whole design (rows missing G
# left out as a domain), on each group as a domain (subset() keeps every stratum and PSU for the
# variance), and the Wald test that the groups share coefficients: regTermTest on the fully
# interacted model svyglm(y ~ (x1 + x2 + x3) * G) for G and every x:G term (F on the design df).
# Two groupings: by stype (each domain is one stratum) and by awards (domains cut across strata).
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(survey))
data(api)

write.csv(apistrat[, c("stype", "pw", "awards", "api00", "ell", "meals", "mobility")], "apistrat.csv", row.names = FALSE)
d <- read.csv("apistrat.csv")
d$stype <- factor(d$stype, levels = c("E", "H", "M")); d$awards <- factor(d$awards, levels = c("No", "Yes"))
des <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = d)
rhs <- "ell + meals + mobility"

fit_rows <- function(fit) {
  s <- summary(fit)
  list(terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(s$coefficients[, 2]),
       p_value = unname(s$coefficients[, 4]), df_residual = fit$df.residual, n = length(fit$y))
}
by_group <- function(g) {
  levels <- levels(d[[g]])
  interacted <- svyglm(as.formula(sprintf("api00 ~ (%s) * %s", rhs, g)), design = des)
  terms <- attr(terms(interacted), "term.labels")
  test <- regTermTest(interacted, as.formula(paste("~", paste(terms[grepl(g, terms)], collapse = " + "))), method = "Wald")
  list(
    pooled = fit_rows(svyglm(as.formula(paste("api00 ~", rhs)), design = des)),
    groups = lapply(levels, function(l) fit_rows(svyglm(as.formula(paste("api00 ~", rhs)), design = subset(des, d[[g]] == l)))),
    levels = levels,
    wald = list(statistic = drop(test$Ftest), df = unname(test$df), df2 = unname(test$ddf), p_value = drop(test$p))
  )
}

write_expected(list(
  r_version = R.version.string, survey = as.character(packageVersion("survey")),
  by_stype = by_group("stype"), by_awards = by_group("awards")
))
