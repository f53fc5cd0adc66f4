# Reference values of the quality view's interviewer-effect tests (src/collect/quality): each
# enumerator's answers to each key variable against all the other enumerators', Pearson's
# chi-square without continuity correction (chisq.test(correct = FALSE), also for 2 x 2 tables),
# over the substantive codes either row used (missing code 8, 说不清, left out), for enumerators
# with at least 10 answers; Holm's adjustment over every test (p.adjust(method = "holm")). The
# clearest deviator (smallest p among the Holm-significant) is set aside from the reference and
# the round repeated until no one else is significant, never setting aside half the enumerators.
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

test_round <- function(reference) {
  tests <- list()
  for (variable in c("happiness", "area", "sat_income")) {
    value <- answers[[variable]]
    keep <- !is.na(value) & value != 8
    for (e in unique(enumerators)) {
      mine <- value[keep & answers$enumerator == e]
      rest <- value[keep & answers$enumerator != e & answers$enumerator %in% reference]
      if (length(mine) < 10) next
      codes <- sort(unique(c(mine, rest)))
      table <- rbind(table(factor(mine, codes)), table(factor(rest, codes)))
      test <- suppressWarnings(chisq.test(table, correct = FALSE))
      tests[[length(tests) + 1]] <- list(enumerator = e, variable = variable, n = length(mine), statistic = unname(test$statistic), df = unname(test$parameter), p = test$p.value)
    }
  }
  holm <- p.adjust(sapply(tests, function(t) t$p), method = "holm")
  for (i in seq_along(tests)) tests[[i]]$p_holm <- holm[i]
  tests
}

everyone <- unique(enumerators)
reference <- everyone
set_aside <- character(0)
repeat {
  tests <- test_round(reference)
  significant <- Filter(function(t) t$p_holm < 0.05 && t$enumerator %in% reference, tests)
  if (length(significant) == 0 || 2 * (length(set_aside) + 1) >= length(everyone)) break
  worst <- significant[[which.min(sapply(significant, function(t) t$p))]]$enumerator
  reference <- setdiff(reference, worst)
  set_aside <- c(set_aside, worst)
}
write_expected(list(r_version = R.version.string, set_aside = set_aside, tests = tests))
