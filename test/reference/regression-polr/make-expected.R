# Expected values for the proportional-odds model: MASS::polr (logistic and probit) on MASS::housing
# with frequency weights Freq, and on the bundled study (data-samples/bazhou-2025), plus the Brant
# test of parallel lines (brant_test in ../polr-reference.R).
# polr is run with a tight optim tolerance so that its estimates are exact to ~1e-9.
# Run from this folder: Rscript make-expected.R
source("../full-precision-json.R")
source("../polr-reference.R")
suppressMessages(library(MASS))

tight <- list(reltol = 1e-15, maxit = 5000)

h <- MASS::housing
write.csv(h, "housing.csv", row.names = FALSE)
d <- read.csv("housing.csv")
d$Sat <- factor(d$Sat, levels = c("Low", "Medium", "High")); d$Infl <- factor(d$Infl, levels = c("Low", "Medium", "High"))
d$Type <- factor(d$Type, levels = c("Tower", "Apartment", "Atrium", "Terrace")); d$Cont <- factor(d$Cont, levels = c("Low", "High"))
f <- Sat ~ Infl + Type + Cont
housing_logit <- polr(f, data = d, weights = Freq, Hess = TRUE, control = tight)
housing_probit <- polr(f, data = d, weights = Freq, Hess = TRUE, method = "probit", control = tight)
housing_null <- polr(Sat ~ 1, data = d, weights = Freq, Hess = TRUE, control = tight)
housing_null_probit <- polr(Sat ~ 1, data = d, weights = Freq, Hess = TRUE, method = "probit", control = tight)

b <- read.csv("../../../data-samples/bazhou-2025/responses.csv")
b$happiness[b$happiness %in% c(8, 9)] <- NA # declared missing codes (codebook: 说不清, 拒绝回答)
for (v in c("sat_health_cost", "sat_public_services", "sat_ecology")) b[[v]][b[[v]] %in% c(8, 9)] <- NA
b$happiness <- factor(b$happiness)
fb <- happiness ~ log(income) + sat_health_cost + sat_public_services + sat_ecology
bb <- na.omit(b[, c("happiness", "income", "sat_health_cost", "sat_public_services", "sat_ecology")])
bazhou <- polr(fb, data = bb, Hess = TRUE, control = tight)
bazhou_null <- polr(happiness ~ 1, data = bb, Hess = TRUE, control = tight)

write_expected(list(
  r_version = R.version.string, MASS = as.character(packageVersion("MASS")),
  housing_logit = c(polr_rows(housing_logit, housing_null), list(brant = brant_test(f, d, d$Freq))),
  housing_probit = polr_rows(housing_probit, housing_null_probit),
  bazhou = c(polr_rows(bazhou, bazhou_null), list(brant = brant_test(fb, bb)))
))
