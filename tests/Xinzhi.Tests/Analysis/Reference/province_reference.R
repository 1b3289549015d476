# Reference numbers for ProvincePanelTests.Should_match_R_on_the_province_panel.
# Run from a folder holding panel.csv as written by ProvincePanelTests (code,region,year,gtfp,nqpf from
# ../shared/data/nqpf/caodai2025_gtfp_nqpf_province_2010_2022.csv). R 4.2.2, sandwich 3.0.2. Output (2026-12-01):
#   bw.nrd0 0.35208829905466998, bw.nrd 0.41468177444216686, gini2022 0.27256795354864083,
#   pooled_beta 0.089861794096334172, pooled_se 0.019222947743416315, fe_beta 0.15851986647658034
library(sandwich); library(lmtest)
d <- read.csv("panel.csv", colClasses=c(code="character"))
d <- d[order(d$code, d$year),]
x22 <- d$nqpf[d$year==2022]
cat(sprintf("bw.nrd0 %.17g\nbw.nrd %.17g\n", bw.nrd0(x22), bw.nrd(x22)))
g <- function(y){n<-length(y); sum(abs(outer(y,y,"-")))/(2*n*n*mean(y))}
cat(sprintf("gini2022 %.17g\n", g(x22)))
# growth observations
d$lny <- log(d$nqpf)
nx <- c(d$code[-1], NA); ny <- c(d$lny[-1], NA)
ok <- !is.na(nx) & nx == d$code
gr <- data.frame(g = ny[ok] - d$lny[ok], lny = d$lny[ok], gtfp = d$gtfp[ok], code = d$code[ok], year = d$year[ok])
m <- lm(g ~ lny + gtfp, data = gr)
V <- vcovCL(m, cluster = ~code, type = "HC1")
cat(sprintf("pooled_beta %.17g\npooled_se %.17g\n", coef(m)["lny"], sqrt(V["lny","lny"])))
fe <- lm(g ~ lny + gtfp + factor(code) + factor(year), data = gr)
cat(sprintf("fe_beta %.17g\n", coef(fe)["lny"]))
