# lm and glm with aliased covariates, on the cohort fixtures.R wrote: R drops a column that is a
# linear combination of the intercept and the columns before it (coefficient NA) and fits the rest.
# Regenerate from the repository root with
#   Rscript src/test/resources/analytics/r/aliased.R
# It reads cohort.csv and writes expected-aliased.csv (key,value; NA for an aliased coefficient).
dir <- "src/test/resources/analytics/r"
d <- read.csv(file.path(dir, "cohort.csv"))
# groupNONE: an indicator for a code no patient has (all zero);
# ageSex: age + 2 sex, collinear with the intercept-free columns before it;
# groupAny: groupALLOGENEIC_MSC + groupADIPOSE_SVF, collinear with the two indicators before it.
d$groupALLOGENEIC_MSC <- as.integer(d$group == "ALLOGENEIC_MSC")
d$groupADIPOSE_SVF <- as.integer(d$group == "ADIPOSE_SVF")
d$groupNONE <- 0
d$ageSex <- d$age + 2 * d$sex
d$groupAny <- d$groupALLOGENEIC_MSC + d$groupADIPOSE_SVF
names <- c("(Intercept)", "age", "sex", "groupNONE", "baseline", "ageSex", "logdose", "groupALLOGENEIC_MSC",
           "groupADIPOSE_SVF", "groupAny")
f <- change ~ age + sex + groupNONE + baseline + ageSex + logdose + groupALLOGENEIC_MSC + groupADIPOSE_SVF + groupAny
out <- list()
put <- function(key, value) out[[key]] <<- value

lmfit <- lm(f, data = d)
b <- coef(lmfit); cf <- summary(lmfit)$coefficients; ci <- confint(lmfit)
for (nm in names) {
  k <- paste0("lmalias.", nm)
  if (is.na(b[[nm]])) {
    put(paste0(k, ".estimate"), NA)
  } else {
    put(paste0(k, ".estimate"), cf[nm, 1]); put(paste0(k, ".se"), cf[nm, 2]); put(paste0(k, ".t"), cf[nm, 3])
    put(paste0(k, ".p"), cf[nm, 4]); put(paste0(k, ".low"), ci[nm, 1]); put(paste0(k, ".high"), ci[nm, 2])
  }
}
put("lmalias.df", lmfit$df.residual); put("lmalias.sigma", summary(lmfit)$sigma)
put("lmalias.r2", summary(lmfit)$r.squared)

# glm's QR tolerance is min(1e-7, epsilon / 1000): epsilon 1e-12 converges fully and still detects
# the exact collinearity.
gl <- glm(update(f, responder ~ .), data = d, family = binomial, control = glm.control(epsilon = 1e-12, maxit = 100))
gb <- coef(gl); gc <- summary(gl)$coefficients; z <- qnorm(0.975)
for (nm in names) {
  k <- paste0("glmalias.", nm)
  if (is.na(gb[[nm]])) {
    put(paste0(k, ".estimate"), NA)
  } else {
    put(paste0(k, ".estimate"), gc[nm, 1]); put(paste0(k, ".se"), gc[nm, 2]); put(paste0(k, ".z"), gc[nm, 3])
    put(paste0(k, ".p"), gc[nm, 4]); put(paste0(k, ".low"), gc[nm, 1] - z * gc[nm, 2])
    put(paste0(k, ".high"), gc[nm, 1] + z * gc[nm, 2])
  }
}
put("glmalias.deviance", gl$deviance)
pr <- fitted(gl)
for (i in c(1, 2, 3, 150, 300)) put(sprintf("glmalias.fitted.%d", i), pr[[i]])

res <- data.frame(key = names(out), value = vapply(out, function(v) if (is.na(v)) "NA" else sprintf("%.17g", v), ""))
write.csv(res, file.path(dir, "expected-aliased.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "values\n")
