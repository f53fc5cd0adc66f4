# Reference values of the quality view's interviewer-effect tests (src/collect/quality): each
# enumerator's answers to each key variable against all the other enumerators', Pearson's
# chi-square without continuity correction (chisq.test(correct = FALSE), also for 2 x 2 tables),
# over the codes either row used, for enumerators with at least 10 answers; then Holm's
# adjustment over every test (p.adjust(method = "holm")).
# Run from this folder: Rscript make-expected.R (writes answers.csv, the fixture, and expected.json).
source("../full-precision-json.R")
set.seed(20250310)
enumerators <- c(rep(c("e1", "e2", "e3", "e4"), each = 30), rep("e5", 25), rep("e6", 6))
n <- length(enumerators)
honest <- function(k, probs) sample(seq_len(k), n, replace = TRUE, prob = probs)
answers <- data.frame(
  enumerator = enumerators,
  happiness = honest(5, c(0.05, 0.15, 0.3, 0.35, 0.15)),
  area = honest(2, c(0.6, 0.4)),
  sat_income = honest(5, c(0.1, 0.2, 0.4, 0.2, 0.1)),
  stringsAsFactors = FALSE
)
# e5 fabricates: nearly always "比较幸福" and "一般"; answers 8 (说不清) nobody else gives; a few blanks.
fake <- answers$enumerator == "e5"
answers$happiness[fake] <- ifelse(runif(sum(fake)) < 0.9, 4, 3)
answers$sat_income[fake] <- ifelse(runif(sum(fake)) < 0.8, 3, 8)
answers$area[which(fake)[1:3]] <- NA
# Code 5 of sat_income given by nobody: left out of every table.
answers$sat_income[answers$sat_income == 5] <- 4
write.csv(answers, "answers.csv", row.names = FALSE, na = "")

tests <- list()
for (variable in c("happiness", "area", "sat_income")) {
  for (e in unique(enumerators)) {
    mine <- answers[[variable]][answers$enumerator == e & !is.na(answers[[variable]])]
    rest <- answers[[variable]][answers$enumerator != e & !is.na(answers[[variable]])]
    if (length(mine) < 10) next
    codes <- sort(unique(c(mine, rest)))
    table <- rbind(table(factor(mine, codes)), table(factor(rest, codes)))
    test <- suppressWarnings(chisq.test(table, correct = FALSE))
    tests[[length(tests) + 1]] <- list(enumerator = e, variable = variable, n = length(mine), statistic = unname(test$statistic), df = unname(test$parameter), p = test$p.value)
  }
}
p <- sapply(tests, function(t) t$p)
holm <- p.adjust(p, method = "holm")
for (i in seq_along(tests)) tests[[i]]$p_holm <- holm[i]
write_expected(list(r_version = R.version.string, tests = tests))
