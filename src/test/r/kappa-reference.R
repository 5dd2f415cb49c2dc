# Reference values for RecheckTest: Cohen's kappa and its jackknife interval over villages, in base R (R 4.2.2).
# Run: Rscript src/test/r/kappa-reference.R
kappa <- function(a, b) { lv <- union(a, b); n <- length(a); po <- mean(a == b); pe <- sum(sapply(lv, function(k) mean(a == k) * mean(b == k))); (po - pe) / (1 - pe) }
v <- c(rep("V1", 6), rep("V2", 5), rep("V3", 7))
a <- c(1,1,0,0,0,0, 1,0,0,0,0, 1,1,1,0,0,0,0)
b <- c(1,0,0,0,0,0, 1,1,0,0,0, 1,1,0,0,0,0,1)
k <- kappa(a, b)
g <- unique(v); jk <- sapply(g, function(x) kappa(a[v != x], b[v != x]))
se <- sqrt((length(g) - 1) / length(g) * sum((jk - mean(jk))^2))
t <- qt(0.975, length(g) - 1)
print(c(k, max(-1, k - t * se), min(1, k + t * se)), digits = 17)
