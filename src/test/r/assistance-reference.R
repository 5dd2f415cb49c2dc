# Reference values for AssistanceTest.satisfactionIsWeightedByTheSample: satisfaction in county C1 from a
# πps sample of 5 villages (with-replacement approximation, as for error rates), by survey::svyratio.
# usage: Rscript src/test/r/assistance-reference.R   (R 4.2.2, survey 4.1.1, Debian r-cran-survey)
suppressMessages(library(survey))
pi <- c(0.2, 0.3, 0.5, 0.4, 0.6)
answers <- c(20, 16, 24, 10, 30)
satisfied <- c(19, 12, 24, 7, 27)
d <- do.call(rbind, lapply(1:5, function(i) data.frame(village = paste0("V", i - 1), pi = pi[i], county = "C1",
  y = c(rep(1, satisfied[i]), rep(0, answers[i] - satisfied[i])), x = 1)))
r <- svyratio(~y, ~x, svydesign(ids = ~village, strata = ~county, probs = ~pi, data = d))
cat(sprintf("estimate %.17g\nse %.17g\nunweighted %.17g\n", coef(r), SE(r), sum(satisfied) / sum(answers)))
