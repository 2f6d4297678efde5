# Computes every statistic of SpineCell's analytics core on a synthetic data set, so the Java
# implementation can be checked against R. Regenerate from the repository root with
#   Rscript src/test/resources/analytics/r/fixtures.R
# It writes cohort.csv (the data, 300 synthetic patients, no real person) and expected.csv
# (key,value; NA where R gives no value, Inf where R gives infinity). Needs r-base-core and r-cran-survival.
suppressPackageStartupMessages(library(survival))
dir <- "src/test/resources/analytics/r"

set.seed(20261125)
n <- 300
group <- sample(c("AUTOLOGOUS_BMAC", "ALLOGENEIC_MSC", "ADIPOSE_SVF"), n, replace = TRUE, prob = c(0.45, 0.35, 0.20))
unit <- sample(sprintf("OP%02d", 1:8), n, replace = TRUE, prob = c(0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.04))
age <- round(rnorm(n, 52, 11))
sex <- rbinom(n, 1, 0.48)
baseline <- round(pmin(90, pmax(10, rnorm(n, 44, 12))))
logdose <- round(log(runif(n, 10, 100)), 4)
gB <- as.integer(group == "ALLOGENEIC_MSC")
gC <- as.integer(group == "ADIPOSE_SVF")
change <- round(-4 - 0.35 * (baseline - 44) + 0.08 * (age - 52) - 3 * gB + 2 * gC - 2 * logdose + rnorm(n, 0, 9), 1)
followup <- baseline + change
lin <- -0.4 + 0.04 * (baseline - 44) - 0.02 * (age - 52) + 0.5 * gB - 0.3 * gC + 0.2 * sex +
  ifelse(unit == "OP02", 0.9, 0) + ifelse(unit == "OP07", -1.2, 0)
responder <- rbinom(n, 1, plogis(lin))
rate <- 0.02 * exp(0.5 * gB - 0.4 * gC)
time <- round(rexp(n, rate) * 2) / 2 + 0.5            # months, ties on half months
cens <- round(runif(n, 3, 48) * 2) / 2
event <- as.integer(time <= cens)
time <- pmin(time, cens)
cohort <- data.frame(id = 1:n, group, unit, age, sex, baseline, followup, change, logdose, responder, time, event)
write.csv(cohort, file.path(dir, "cohort.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(dir, "cohort.csv"))
d$group <- factor(d$group, levels = c("AUTOLOGOUS_BMAC", "ALLOGENEIC_MSC", "ADIPOSE_SVF"))

out <- list()
put <- function(key, value) out[[key]] <<- value

# Proportions: Wilson (prop.test without continuity correction) and Clopper-Pearson (binom.test)
props <- list(c(3, 1000), c(0, 10), c(10, 10), c(1, 1), c(3, 4), c(57, 300), c(sum(d$responder), nrow(d)), c(299, 300))
for (p in props) {
  key <- sprintf("prop.%d.%d", p[1], p[2])
  w <- suppressWarnings(prop.test(p[1], p[2], correct = FALSE))
  b <- binom.test(p[1], p[2])
  put(paste0(key, ".estimate"), p[1] / p[2])
  put(paste0(key, ".wilson.low"), w$conf.int[1]); put(paste0(key, ".wilson.high"), w$conf.int[2])
  put(paste0(key, ".exact.low"), b$conf.int[1]); put(paste0(key, ".exact.high"), b$conf.int[2])
}

# Means, SD and mean change with t intervals (t.test)
for (g in c("all", levels(d$group))) {
  s <- if (g == "all") d else d[d$group == g, ]
  tb <- t.test(s$baseline); tc <- t.test(s$followup, s$baseline, paired = TRUE)
  put(paste0("mean.", g, ".n"), nrow(s))
  put(paste0("mean.", g, ".mean"), mean(s$baseline)); put(paste0("mean.", g, ".sd"), sd(s$baseline))
  put(paste0("mean.", g, ".low"), tb$conf.int[1]); put(paste0("mean.", g, ".high"), tb$conf.int[2])
  put(paste0("change.", g, ".mean"), unname(tc$estimate)); put(paste0("change.", g, ".sd"), sd(s$change))
  put(paste0("change.", g, ".low"), tc$conf.int[1]); put(paste0("change.", g, ".high"), tc$conf.int[2])
}
small <- c(12.5, 14, 9)
ts <- t.test(small)
put("mean.small.mean", mean(small)); put("mean.small.sd", sd(small))
put("mean.small.low", ts$conf.int[1]); put("mean.small.high", ts$conf.int[2])

# Between-group tests
welch <- oneway.test(change ~ group, data = d, var.equal = FALSE)
put("welch.f", unname(welch$statistic)); put("welch.df1", unname(welch$parameter[1]))
put("welch.df2", unname(welch$parameter[2])); put("welch.p", welch$p.value)
av <- anova(lm(change ~ group, data = d))
put("anova.f", av$`F value`[1]); put("anova.df1", av$Df[1]); put("anova.df2", av$Df[2]); put("anova.p", av$`Pr(>F)`[1])
tab <- table(d$group, d$responder)
cs <- chisq.test(tab, correct = FALSE)
pt <- prop.test(tab[, "1"], rowSums(tab), correct = FALSE)
put("chisq.statistic", unname(cs$statistic)); put("chisq.df", unname(cs$parameter)); put("chisq.p", cs$p.value)
put("proptest.statistic", unname(pt$statistic)); put("proptest.p", pt$p.value)

# Kaplan-Meier with Greenwood variance and log-log intervals, per group and overall
km <- function(key, s) {
  f <- survfit(Surv(time, event) ~ 1, data = s, conf.type = "log-log")
  put(paste0(key, ".steps"), length(f$time))
  for (i in seq_along(f$time)) {
    k <- sprintf("%s.%d", key, i)
    put(paste0(k, ".time"), f$time[i]); put(paste0(k, ".nrisk"), f$n.risk[i])
    put(paste0(k, ".nevent"), f$n.event[i]); put(paste0(k, ".ncensor"), f$n.censor[i])
    put(paste0(k, ".surv"), f$surv[i]); put(paste0(k, ".stderr"), f$std.err[i])
    put(paste0(k, ".low"), f$lower[i]); put(paste0(k, ".high"), f$upper[i])
  }
}
km("km.all", d)
# censoring before the first event (S = 1, no interval), a censoring tied with an event, S = 0 at the end
km("km.small", data.frame(time = c(1, 2, 2, 3, 4), event = c(0, 1, 0, 1, 1)))
for (g in levels(d$group)) km(paste0("km.", g), d[d$group == g, ])
lr <- survdiff(Surv(time, event) ~ group, data = d)
put("logrank.chisq", lr$chisq); put("logrank.df", length(lr$n) - 1)
put("logrank.p", pchisq(lr$chisq, length(lr$n) - 1, lower.tail = FALSE))
for (i in seq_along(lr$n)) {
  put(paste0("logrank.", levels(d$group)[i], ".observed"), lr$obs[i])
  put(paste0("logrank.", levels(d$group)[i], ".expected"), lr$exp[i])
}
lr2 <- survdiff(Surv(time, event) ~ group, data = d[d$group != "ADIPOSE_SVF", ])
put("logrank2.chisq", lr2$chisq); put("logrank2.p", pchisq(lr2$chisq, 1, lower.tail = FALSE))

# Linear model of change
lmfit <- lm(change ~ age + sex + baseline + logdose + group, data = d)
cf <- summary(lmfit)$coefficients; ci <- confint(lmfit)
names <- c("(Intercept)", "age", "sex", "baseline", "logdose", "groupALLOGENEIC_MSC", "groupADIPOSE_SVF")
for (i in seq_along(names)) {
  k <- paste0("lm.", names[i])
  put(paste0(k, ".estimate"), cf[i, 1]); put(paste0(k, ".se"), cf[i, 2]); put(paste0(k, ".t"), cf[i, 3])
  put(paste0(k, ".p"), cf[i, 4]); put(paste0(k, ".low"), ci[i, 1]); put(paste0(k, ".high"), ci[i, 2])
}
put("lm.df", lmfit$df.residual); put("lm.sigma", summary(lmfit)$sigma); put("lm.r2", summary(lmfit)$r.squared)

# Logistic model of responder status, fully converged, with Wald intervals
gl <- glm(responder ~ age + sex + baseline + logdose + group, data = d, family = binomial,
          control = glm.control(epsilon = 1e-14, maxit = 100))
gc <- summary(gl)$coefficients
z <- qnorm(0.975)
for (i in seq_along(names)) {
  k <- paste0("glm.", names[i])
  put(paste0(k, ".estimate"), gc[i, 1]); put(paste0(k, ".se"), gc[i, 2]); put(paste0(k, ".z"), gc[i, 3])
  put(paste0(k, ".p"), gc[i, 4]); put(paste0(k, ".low"), gc[i, 1] - z * gc[i, 2]); put(paste0(k, ".high"), gc[i, 1] + z * gc[i, 2])
}
put("glm.deviance", gl$deviance); put("glm.iterations", gl$iter)
pr <- fitted(gl)
for (i in c(1, 2, 3, 150, 300)) put(sprintf("glm.fitted.%d", i), pr[i])

# Funnel plot: observed vs expected responders per unit, exact binomial limits with
# Spiegelhalter's (2005) interpolation, around the overall rate at each unit's n
target <- mean(d$responder)
limit <- function(p, size, theta) {
  r <- qbinom(p, size, theta)
  a <- (pbinom(r, size, theta) - p) / (pbinom(r, size, theta) - pbinom(r - 1, size, theta))
  max(0, r - a) / size  # below 0 at small n (r = 0): no count is negative
}
for (u in sort(unique(d$unit))) {
  s <- d$unit == u
  k <- paste0("funnel.", u)
  o <- sum(d$responder[s]); e <- sum(pr[s]); m <- sum(s)
  put(paste0(k, ".n"), m); put(paste0(k, ".observed"), o); put(paste0(k, ".expected"), e); put(paste0(k, ".ratio"), o / e)
  for (p in c(0.001, 0.025, 0.975, 0.999)) put(sprintf("%s.limit.%s", k, p), limit(p, m, target) / target)
}
put("funnel.target", target)
for (m in c(5, 17, 40, 100, 1000)) for (p in c(0.001, 0.025, 0.975, 0.999))
  put(sprintf("funnel.curve.%d.%s", m, p), limit(p, m, target) / target)

res <- data.frame(key = names(out), value = vapply(out, function(v) if (is.na(v)) "NA" else if (is.infinite(v)) "Inf" else sprintf("%.17g", v), ""))
write.csv(res, file.path(dir, "expected.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "values\n")
