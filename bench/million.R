# The R side of the million-row comparison (bench/million.bench.js runs it under /usr/bin/time):
# the same CSV and figures as bench/million-survey.js. Reads with data.table::fread when the
# package is installed (Debian: r-cran-data.table), else utils::read.csv, and says which.
suppressMessages({ library(survey); library(sandwich); library(jsonlite) })
file <- commandArgs(TRUE)[1]
fread <- requireNamespace("data.table", quietly = TRUE)
d <- if (fread) as.data.frame(data.table::fread(file)) else utils::read.csv(file)
d$top <- as.numeric(d$happy %in% c(4, 5))
des <- svydesign(ids = ~1, weights = ~w, data = d)
all <- svyciprop(~top, des, method = "logit")
by <- svyby(~top, ~area, des, svyciprop, method = "logit", vartype = c("se", "ci"))
ci <- confint(all)
shares <- data.frame(level = c("all", as.character(by$area)), share = c(unname(coef(all)), by$top),
  se = c(unname(SE(all)), by[["se.as.numeric(top)"]]), low = c(ci[1], by$ci_l), high = c(ci[2], by$ci_u))
m <- lm(y ~ x1 + x2 + x3 + x4 + x5 + x6 + happy + area, data = d)
coefficients <- data.frame(term = names(coef(m)), estimate = unname(coef(m)), se = unname(sqrt(diag(vcovHC(m, type = "HC3")))))
cat(toJSON(list(reader = if (fread) "data.table::fread" else "utils::read.csv", shares = shares, coefficients = coefficients), digits = NA), "\n")
