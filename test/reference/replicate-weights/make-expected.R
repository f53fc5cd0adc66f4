# Replicate-weight designs (R survey svrepdesign / as.svrepdesign) on survey::api and survey::scd:
#   clus1_jk1       as.svrepdesign(svydesign(id = ~dnum, weights = ~pw), type = "JK1")
#   strat_jkn       as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~pw), type = "JKn")
#   strat_jkn_fpc   the same with fpc = ~fpc (JKn rscales carry the correction)
#   strat_jkn_mse   the JKn design with mse = TRUE
#   pair_brr        apistrat paired into 100 pseudo-strata of 2 schools (pair), type = "BRR"
#   pair_fay        the same, type = "Fay", fay.rho = 0.5; its analysis weights are written to
#                   apistrat.csv as fay1..fayR and read back with svrepdesign(type = "Fay", rho = 0.5)
#   clus1_boot      as.svrepdesign(dclus1, type = "bootstrap", replicates = 50) (set.seed(20240601)),
#                   written to apiclus1.csv as bw1..bw50 and read back with svrepdesign(type = "bootstrap")
#   scd_brr         survey::scd (3 strata of 2 ambulance PSUs), as.svrepdesign(type = "BRR")
#   clus1_jk1_post  the JK1 design post-stratified on stype (postStratify.svyrep.design)
#   clus1_jk1_rake  the JK1 design raked on stype and awards
# For each: svytotal / svyby(svytotal), svyquantile (0.25, 0.5; Woodruff), svyratio(~ell, ~meals), regTermTest(svyglm(api00 ~ stype), ~stype), svymean / svyby (deff) of api00, svyciprop of sch_wide == "Yes" overall and by awards
# (logit, xlogit, beta, mean), svyttest by awards, svychisq(~stype + awards), svyglm OLS and
# quasibinomial logit, svyolr; degf of the design and of each awards subset; replicate weight
# checksums (per replicate Σ w and Σ i·w) for the conversions.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
suppressMessages(library(survey))
suppressMessages(library(MASS))
data(api)
data(scd)

keep <- function(d) data.frame(snum = d$snum, dnum = d$dnum, stype = as.character(d$stype), awards = as.character(d$awards),
                               sch_wide = as.character(d$sch.wide), api00 = d$api00, ell = d$ell, meals = d$meals,
                               mobility = d$mobility, avg_ed = d$avg.ed, pw = d$pw, fpc = d$fpc,
                               mealcat = as.integer(cut(d$meals, c(-1, 25, 50, 75, 100))))
clus <- keep(apiclus1)
strat <- keep(apistrat)
strat <- strat[order(strat$stype, strat$snum), ]
strat$pair <- ave(seq_len(nrow(strat)), strat$stype, FUN = function(i) (seq_along(i) + 1) %/% 2) +
  c(E = 0, H = 1000, M = 2000)[strat$stype]
strat$pair <- as.integer(factor(strat$pair))
set.seed(20240601)
boot <- as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = clus), type = "bootstrap", replicates = 50)
bw <- weights(boot, "analysis")
colnames(bw) <- paste0("bw", seq_len(ncol(bw)))
clus <- cbind(clus, bw)
fay <- as.svrepdesign(svydesign(id = ~1, strata = ~pair, weights = ~pw, data = strat), type = "Fay", fay.rho = 0.5)
fw <- weights(fay, "analysis")
colnames(fw) <- paste0("fay", seq_len(ncol(fw)))
strat <- cbind(strat, fw)
write.csv(clus, "apiclus1.csv", row.names = FALSE)
write.csv(strat, "apistrat.csv", row.names = FALSE)
scd_data <- data.frame(ESA = scd$ESA, ambulance = scd$ambulance, arrests = scd$arrests, alive = scd$alive)
write.csv(scd_data, "scd.csv", row.names = FALSE)

read <- function(file) {
  d <- read.csv(file)
  d$yes <- as.numeric(d$sch_wide == "Yes")
  d$mealcat <- factor(d$mealcat)
  d
}
clus <- read("apiclus1.csv")
strat <- read("apistrat.csv")
tight <- glm.control(epsilon = 1e-12, maxit = 100)

checksums <- function(des) {
  w <- weights(des, "analysis")
  list(replicates = ncol(w), colsum = as_array(colSums(w)), colsum_index = as_array(colSums(w * seq_len(nrow(w)))),
       scale = des$scale, rscales = as_array(des$rscales))
}

glm_rows <- function(fit) {
  s <- summary(fit)
  ci <- confint(fit, ddf = fit$df.residual)
  list(terms = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(s$coefficients[, 2]),
       statistic = unname(s$coefficients[, 3]), p_value = unname(s$coefficients[, 4]),
       conf_low = unname(ci[, 1]), conf_high = unname(ci[, 2]), df_residual = fit$df.residual)
}

# svyolr refits each replicate with optim's default reltol (1e-8): its SEs are good to ~1e-5.
# The tight version: the same refits from the same start with reltol 1e-15, combined by svrVar.
olr_tight <- function(formula, des) {
  environment(formula) <- environment()
  df <- model.frame(des)
  sw <- weights(des, "sampling")
  full <- polr(formula, data = df, weights = sw, Hess = TRUE, control = list(reltol = 1e-15, maxit = 10000))
  start <- c(full$coefficients, full$zeta)
  rw <- weights(des, "analysis")
  betas <- apply(rw, 2, function(w) {
    environment(formula) <- environment()
    m <- polr(formula, data = df, weights = w, start = start, control = list(reltol = 1e-15, maxit = 10000))
    c(m$coefficients, m$zeta)
  })
  v <- survey:::svrVar(t(betas), des$scale, des$rscales, mse = des$mse, coef = start)
  list(terms = names(start), estimate = unname(start), std_error = unname(sqrt(diag(v))))
}

estimates <- function(des) {
  m <- svymean(~api00, des, deff = TRUE)
  by <- svyby(~api00, ~stype, des, svymean, deff = TRUE)
  tt <- svyttest(api00 ~ awards, des)
  share_group <- function(d) {
    mm <- svymean(~yes, d, deff = TRUE)
    cis <- lapply(c("logit", "xlogit", "beta", "mean"), function(method) as_array(attr(svyciprop(~I(yes == 1), d, method = method), "ci")))
    names(cis) <- c("logit", "xlogit", "beta", "mean")
    list(n = nrow(d), share = unname(coef(mm)), se = unname(SE(mm)[1]), deff = unname(deff(mm)), degf = degf(d), ci = cis)
  }
  shares <- list(all = share_group(des), No = share_group(subset(des, awards == "No")), Yes = share_group(subset(des, awards == "Yes")))
  st <- svyttest(yes ~ awards, des)
  chi <- svychisq(~stype + awards, des)
  ols <- svyglm(api00 ~ ell + meals + mobility, des)
  logit <- suppressWarnings(svyglm(yes ~ ell + meals, des, family = quasibinomial, control = tight))
  olr <- suppressWarnings(svyolr(mealcat ~ avg_ed + mobility, des))
  tot <- svytotal(~api00, des)
  tot_by <- svyby(~api00, ~stype, des, svytotal)
  q <- svyquantile(~api00, des, c(0.25, 0.5), ci = TRUE, se = TRUE)[[1]]
  rat <- svyratio(~ell, ~meals, des)
  wald <- regTermTest(svyglm(api00 ~ stype, des), ~stype)
  list(degf = degf(des),
       total_api00 = list(total = unname(coef(tot)), se = unname(SE(tot)), by_total = as_array(tot_by$api00), by_se = as_array(tot_by$se)),
       quantile_api00 = list(quantile = as_array(q[, 1]), ci_low = as_array(q[, 2]), ci_high = as_array(q[, 3]), se = as_array(q[, 4])),
       ratio_ell_meals = list(ratio = unname(coef(rat)), se = unname(SE(rat))),
       anova_api00_stype = list(statistic = as.numeric(wald$Ftest), df = unname(wald$df), ddf = unname(wald$ddf), p_value = as.numeric(wald$p)),
       mean_api00 = list(mean = unname(coef(m)), se = unname(SE(m)), deff = unname(deff(m))),
       by_stype = list(levels = as.character(by$stype), mean = as_array(by$api00), se = as_array(by$se), deff = as_array(by$DEff.api00)),
       ttest_api00 = list(estimate = unname(tt$estimate), statistic = unname(tt$statistic), df = unname(tt$parameter), p_value = tt$p.value, conf_int = as_array(tt$conf.int)),
       shares = shares,
       ttest_yes = list(estimate = unname(st$estimate), statistic = unname(st$statistic), df = unname(st$parameter), p_value = st$p.value, conf_int = as_array(st$conf.int)),
       chisq = list(pearson = unname(chisq.test(svytable(~stype + awards, des, Ntotal = nrow(des$variables)), correct = FALSE)$statistic),
                    statistic = unname(chi$statistic), ndf = unname(chi$parameter[1]), ddf = unname(chi$parameter[2]), p_value = chi$p.value),
       ols = glm_rows(ols), logit = glm_rows(logit),
       olr = list(terms = c(names(olr$coefficients), names(olr$zeta)), estimate = unname(c(olr$coefficients, olr$zeta)), std_error = unname(sqrt(diag(vcov(olr))))),
       olr_tight = olr_tight(mealcat ~ avg_ed + mobility, des))
}

dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = clus)
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat)
dstrat_fpc <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat)
dpair <- svydesign(id = ~1, strata = ~pair, weights = ~pw, data = strat)
clus1_jk1 <- as.svrepdesign(dclus1, type = "JK1")
strat_jkn <- as.svrepdesign(dstrat, type = "JKn")
strat_jkn_fpc <- as.svrepdesign(dstrat_fpc, type = "JKn")
strat_jkn_mse <- as.svrepdesign(dstrat, type = "JKn", mse = TRUE)
pair_brr <- as.svrepdesign(dpair, type = "BRR")
pair_fay <- as.svrepdesign(dpair, type = "Fay", fay.rho = 0.5)
pair_fay_columns <- svrepdesign(data = strat, repweights = "^fay[0-9]+$", type = "Fay", rho = 0.5, weights = ~pw, combined.weights = TRUE)
clus1_boot <- svrepdesign(data = clus, repweights = "^bw[0-9]+$", type = "bootstrap", weights = ~pw, combined.weights = TRUE)
scd_brr <- as.svrepdesign(svydesign(data = read.csv("scd.csv"), prob = ~1, id = ~ambulance, strata = ~ESA, nest = TRUE), type = "BRR")
pop <- list(stype = data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)),
            awards = data.frame(awards = c("No", "Yes"), Freq = c(2027, 4167)))
clus1_jk1_post <- postStratify(clus1_jk1, ~stype, pop$stype)
clus1_jk1_rake <- rake(clus1_jk1, list(~stype, ~awards), pop, control = list(maxit = 1000, epsilon = 1e-13, verbose = FALSE))
scd_mean <- svymean(~arrests + alive, scd_brr)

hadamard_check <- lapply(1:300, function(n) {
  H <- survey:::hadamard(n)
  c(nrow(H), sum(H * outer(seq_len(nrow(H)), seq_len(ncol(H)), function(i, j) (i * 31 + j * 17) %% 101)))
})

write_expected(list(
  r_version = R.version.string, survey_version = as.character(packageVersion("survey")), mass_version = as.character(packageVersion("MASS")),
  hadamard = lapply(hadamard_check, as.numeric),
  weights = list(clus1_jk1 = checksums(clus1_jk1), strat_jkn = checksums(strat_jkn), strat_jkn_fpc = checksums(strat_jkn_fpc),
                 pair_brr = checksums(pair_brr), pair_fay = checksums(pair_fay), scd_brr = checksums(scd_brr),
                 clus1_boot = checksums(clus1_boot), clus1_jk1_post = checksums(clus1_jk1_post), clus1_jk1_rake = checksums(clus1_jk1_rake)),
  clus1_jk1 = estimates(clus1_jk1), strat_jkn = estimates(strat_jkn), strat_jkn_fpc = estimates(strat_jkn_fpc),
  strat_jkn_mse = estimates(strat_jkn_mse), pair_brr = estimates(pair_brr), pair_fay = estimates(pair_fay),
  pair_fay_columns = estimates(pair_fay_columns), clus1_boot = estimates(clus1_boot),
  clus1_jk1_post = estimates(clus1_jk1_post), clus1_jk1_rake = estimates(clus1_jk1_rake),
  scd_brr = list(degf = degf(scd_brr), mean = as_array(coef(scd_mean)), se = as_array(SE(scd_mean)))
))
