# Reference values for Lookback's estimation contract, computed with R's survey package.
#
# usage (from the repository root):  Rscript src/test/r/make-reference.R
# writes src/test/resources/reference/<case>/{villages,sample,self_check,spot_check}.csv
#   and expected_<unit>_<level>.csv for each unit and level listed in cases.csv.
#
# Estimates and standard errors come from survey::svyratio on household-level data with
# ids = ~village, strata = ~county and fpc = ~N (SRS of villages) or probs = ~pi (unequal π,
# with-replacement approximation), options(survey.lonely.psu = "adjust"). Intervals follow the
# DESIGN.md formulas with qt() and qbeta(); for households the Wald and logit intervals are also
# checked against svyciprop(method = "mean"/"xlogit") with the same df, and the script stops if
# they disagree. At zero (or all) errors the exact bound counts n_b = H/d independent households
# (DESIGN.md special case 4): H domain households of the row, d = 1 + (m̄ − 1)·ρ̂ with m̄ = H over the
# row's villages with domain households, ρ̂ the one-way ANOVA intraclass correlation in households over
# every sampled village of the review (0.05 where undefined), computed here from the aov() mean squares.
# Made with R 4.2.2 and survey 4.1.1 (Debian r-cran-survey).
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
out <- "src/test/resources/reference"
measures <- list(
  missed          = list(domain = c("NON_POOR", "UNREGISTERED"), error = function(s, q) s %in% c("NON_POOR", "UNREGISTERED") & q),
  wrong_inclusion = list(domain = c("POOR"), error = function(s, q) s == "POOR" & !q),
  identification  = list(domain = c("POOR", "NON_POOR", "UNREGISTERED"),
                         error = function(s, q) (s %in% c("NON_POOR", "UNREGISTERED") & q) | (s == "POOR" & !q)),
  exit            = list(domain = c("EXITED"), error = function(s, q) s == "EXITED" & q))
methods <- c("wald", "logit", "korn-graubard", "korn-graubard-nb", "wilson")

# One synthetic city. spec: one row per county with N (villages), n (sampled), rate (error propensity),
# exit (share of EXITED households), unreg (mean unregistered households per sampled village),
# onepoor (POOR households only in the first sampled village).
make_city <- function(seed, spec, pps) {
  set.seed(seed)
  villages <- NULL; sample <- NULL; reg <- NULL; spot <- NULL; hid <- 0; uid <- 0
  for (k in seq_len(nrow(spec))) {
    s <- spec[k, ]
    size <- sample(8:30, s$N, replace = TRUE)
    codes <- sprintf("%s-V%03d", s$county, 0:(s$N - 1))
    villages <- rbind(villages, data.frame(county = s$county, township = sprintf("%s-T%d", s$county, (0:(s$N - 1)) %% 3),
                                           village = codes, households = size))
    if (pps) {
      picked <- sort(sample(seq_len(s$N), s$n, prob = size))
      pi <- s$n * size[picked] / sum(size)
    } else {
      picked <- sort(sample(seq_len(s$N), s$n))
      pi <- rep(NA, s$n)
    }
    sample <- rbind(sample, data.frame(county = s$county, village = codes[picked], inclusion_probability = pi))
    for (v in seq_len(s$N)) {
      m <- size[v]
      ids <- sprintf("H%07d", hid + seq_len(m)); hid <- hid + m
      st <- sample(c("POOR", "EXITED", "NON_POOR"), m, replace = TRUE, prob = c(0.12, s$exit, 0.88 - s$exit))
      if (s$onepoor && !(v == picked[1])) st[st == "POOR"] <- "NON_POOR"
      if (s$onepoor && v == picked[1]) st[1] <- "POOR"
      persons <- sample(1:6, m, replace = TRUE)
      reg <- rbind(reg, data.frame(household = ids, county = s$county, village = codes[v], persons = persons, status = st))
      if (v %in% picked) {
        p <- s$rate * rbeta(1, 1, 3) * 2  # village-level propensity: errors cluster in villages
        q <- ifelse(st == "POOR", runif(m) > p, ifelse(st == "EXITED", runif(m) < p, runif(m) < p / 3))
        verified <- ifelse(runif(m) < 0.1, NA, ifelse(runif(m) < 0.05, pmax(1, persons + sample(c(-1, 1), m, TRUE)), persons))
        spot <- rbind(spot, data.frame(household = ids, county = s$county, village = codes[v], persons = verified,
                                       qualifies = q))
        u <- rpois(1, s$unreg)
        if (u > 0) {
          uids <- sprintf("U%06d", uid + seq_len(u)); uid <- uid + u
          spot <- rbind(spot, data.frame(household = uids, county = s$county, village = codes[v],
                                         persons = sample(1:5, u, TRUE), qualifies = runif(u) < min(1, 5 * s$rate)))
        }
      }
    }
  }
  list(villages = villages, sample = sample, reg = reg, spot = spot)
}

# ρ̂ by one-way ANOVA over villages (households as units, binary outcome y), from R's aov(): MSB and
# MSW are its mean squares, m0 = (M − Σm_i²/M)/(k − 1); NA where undefined, truncated to [0, 1].
rho_anova <- function(village, y) {
  k <- length(unique(village)); M <- length(y)
  if (k < 2 || M == k || sum(y) == 0 || sum(y) == M) return(NA)
  tab <- summary(aov(y ~ factor(village)))[[1]]
  msb <- tab[1, "Mean Sq"]; msw <- tab[2, "Mean Sq"]
  mi <- as.numeric(table(village))
  m0 <- (M - sum(mi^2) / M) / (k - 1)
  den <- msb + (m0 - 1) * msw
  if (!(den > 0)) return(NA)
  min(1, max(0, (msb - msw) / den))
}

ci_contract <- function(p, se, n, df, level, method, status, nb = n) {
  a <- 1 - level
  if (status %in% c("empty", "single", "nodf")) return(c(NaN, NaN))
  if (status == "census") return(c(p, p))
  if (p == 0 || p == 1) {
    if (method == "wald") return(c(p, p))
    b <- 1 - (a / 2)^(1 / nb)
    return(if (p == 0) c(0, b) else c(1 - b, 1))
  }
  t <- qt(1 - a / 2, df)
  neff <- if (se == 0) Inf else p * (1 - p) / se^2
  switch(method,
    wald = c(max(0, p - t * se), min(1, p + t * se)),
    logit = plogis(qlogis(p) + c(-1, 1) * t * se / (p * (1 - p))),
    "korn-graubard" = {
      ns <- min(n, neff * (qt(a / 2, n - 1) / qt(a / 2, df))^2); xs <- p * ns
      c(if (xs <= 0) 0 else qbeta(a / 2, xs, ns - xs + 1), if (xs >= ns) 1 else qbeta(1 - a / 2, xs + 1, ns - xs))
    },
    # the same with the effective size capped at the independent units n_b instead of n
    "korn-graubard-nb" = {
      ns <- min(nb, neff * (qt(a / 2, n - 1) / qt(a / 2, df))^2); xs <- p * ns
      c(if (xs <= 0) 0 else qbeta(a / 2, xs, ns - xs + 1), if (xs >= ns) 1 else qbeta(1 - a / 2, xs + 1, ns - xs))
    },
    wilson = {
      m <- min(n, neff)
      (p + t^2 / (2 * m) + c(-1, 1) * t / (2 * m) * sqrt(4 * m * p * (1 - p) + t^2)) / (1 + t^2 / m)
    })
}

estimate_all <- function(city, unit, level, pps) {
  reg <- city$reg; spot <- city$spot; fr <- city$villages
  m <- merge(spot, reg[, c("household", "persons", "status")], by = "household", all.x = TRUE, suffixes = c("", ".reg"))
  m$status[is.na(m$status)] <- "UNREGISTERED"
  m$persons <- ifelse(is.na(m$persons), m$persons.reg, m$persons)
  N <- table(fr$county)
  m$N <- as.numeric(N[m$county])
  m <- merge(m, city$sample[, c("village", "inclusion_probability")], by = "village")
  m$u <- if (unit == "persons") m$persons else 1
  nsamp <- table(city$sample$county)
  rows <- NULL
  for (mname in names(measures)) {
    me <- measures[[mname]]
    m$x <- ifelse(m$status %in% me$domain, m$u, 0)
    m$y <- ifelse(me$error(m$status, m$qualifies), m$u, 0)
    dom <- m[m$status %in% me$domain, ]
    rho <- rho_anova(dom$village, as.numeric(me$error(dom$status, dom$qualifies)))
    if (is.na(rho)) rho <- 0.05
    des <- if (pps) svydesign(ids = ~village, strata = ~county, probs = ~inclusion_probability, data = m)
           else svydesign(ids = ~village, strata = ~county, fpc = ~N, data = m)
    for (cty in c(sort(unique(city$sample$county)), "ALL")) {
      sub <- if (cty == "ALL") m else m[m$county == cty, ]
      vx <- tapply(sub$x, sub$village, sum)
      cx <- tapply(sub$x, sub$county, sum)
      df <- sum(vx > 0) - sum(cx > 0)
      n <- sum(sub$x); errors <- sum(sub$y)
      hv <- table(sub$village[sub$status %in% me$domain])
      hv <- hv[hv > 0]
      H <- sum(hv); nb <- if (H > 0) H / (1 + (H / length(hv) - 1) * rho) else NaN
      ns <- if (cty == "ALL") sum(nsamp) else as.numeric(nsamp[cty])
      nf <- if (cty == "ALL") nrow(fr) else as.numeric(N[cty])
      census <- if (cty == "ALL") all(nsamp == N[names(nsamp)]) else ns == nf
      if (n == 0) {
        est <- NaN; se <- NaN; df <- NaN; status <- "empty"
      } else {
        d <- if (cty == "ALL") des else subset(des, county == cty)
        r <- svyratio(~y, ~x, d)
        est <- as.numeric(coef(r)); se <- as.numeric(SE(r))
        status <- if (census) "census" else if (cty != "ALL" && ns == 1) "single" else if (df <= 0) "nodf" else "ok"
        if (status == "census") se <- 0
        if (status == "single") se <- NaN
      }
      for (meth in methods) {
        b <- ci_contract(est, se, n, df, level, meth, status, nb)
        if (unit == "households" && status == "ok" && est > 0 && est < 1 && meth %in% c("wald", "logit")) {
          dd <- subset(des, x > 0 & (county == cty | cty == "ALL"))
          cp <- svyciprop(~I(y > 0), dd, method = if (meth == "wald") "mean" else "xlogit", level = level, df = df)
          rb <- as.numeric(attr(cp, "ci"))
          if (meth == "wald") rb <- c(max(0, rb[1]), min(1, rb[2]))
          if (max(abs(rb - b)) > 1e-12) stop(sprintf("svyciprop disagrees: %s %s %s", cty, mname, meth))
        }
        rows <- rbind(rows, data.frame(county = cty, measure = mname, unit = unit, villages_sampled = ns,
                                       villages_in_frame = nf, units = n, errors = errors, estimate = est,
                                       std_error = se, df = df, ci_lower = b[1], ci_upper = b[2],
                                       ci_method = meth, level = level))
      }
    }
  }
  rows
}

num <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))
write_city <- function(city, dir) {
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  write.csv(city$villages, file.path(dir, "villages.csv"), row.names = FALSE, quote = FALSE)
  s <- city$sample; s$inclusion_probability <- ifelse(is.na(s$inclusion_probability), "", num(s$inclusion_probability))
  write.csv(s, file.path(dir, "sample.csv"), row.names = FALSE, quote = FALSE)
  write.csv(city$reg, file.path(dir, "self_check.csv"), row.names = FALSE, quote = FALSE)
  sp <- city$spot; sp$persons <- ifelse(is.na(sp$persons), "", sp$persons); sp$qualifies <- tolower(sp$qualifies)
  write.csv(sp, file.path(dir, "spot_check.csv"), row.names = FALSE, quote = FALSE)
}
write_expected <- function(rows, file) {
  for (c in c("estimate", "std_error", "ci_lower", "ci_upper", "level")) rows[[c]] <- num(rows[[c]])
  rows$df <- ifelse(is.na(rows$df), "NaN", rows$df)
  write.csv(rows, file, row.names = FALSE, quote = FALSE)
}

srs_spec <- data.frame(
  county  = c("C01", "C02", "C03", "C04", "C05", "C06", "C07"),
  N       = c(12, 12, 6, 10, 12, 14, 15),
  n       = c(4, 4, 6, 1, 4, 5, 4),
  rate    = c(0.05, 0, 0.04, 0.05, 0.03, 0.04, 0.15),
  exit    = c(0.15, 0.15, 0.15, 0.15, 0, 0.15, 0.15),
  unreg   = c(0.5, 0, 0.5, 0.5, 0.5, 0.5, 2),
  onepoor = c(FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE))
pps_spec <- data.frame(
  county  = c("P01", "P02", "P03", "P04", "P05"),
  N       = c(15, 12, 20, 12, 18),
  n       = c(4, 3, 6, 4, 5),
  rate    = c(0.05, 0, 0.08, 0.03, 0.1),
  exit    = c(0.15, 0.15, 0.2, 0.15, 0.1),
  unreg   = c(0.5, 0, 1, 0.5, 1),
  onepoor = FALSE)
cases <- list(
  list(name = "srs", seed = 20261127, spec = srs_spec, pps = FALSE,
       runs = list(c("persons", 0.95), c("households", 0.90), c("persons", 0.99))),
  list(name = "pps", seed = 7, spec = pps_spec, pps = TRUE,
       runs = list(c("persons", 0.95), c("households", 0.99))))
index <- NULL
for (cs in cases) {
  city <- make_city(cs$seed, cs$spec, cs$pps)
  dir <- file.path(out, cs$name)
  write_city(city, dir)
  for (run in cs$runs) {
    unit <- run[1]; level <- as.numeric(run[2])
    file <- sprintf("expected_%s_%s.csv", unit, run[2])
    write_expected(estimate_all(city, unit, level, cs$pps), file.path(dir, file))
    index <- rbind(index, data.frame(case = cs$name, unit = unit, level = run[2], expected = file))
  }
}
write.csv(index, file.path(out, "cases.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(index), "reference runs under", out, "\n")
