# Writes the Stata fixtures read by StataTableReaderTests (R 4.2.2, haven 2.5.1 / ReadStat):
#   Rscript make-dta.R   (run in this folder)
library(haven)
long <- paste(rep("长字符串strL", 300), collapse = "")   # > 2045 bytes, so haven stores it as a strL
df <- data.frame(
  province = c("北京", "Shaanxi", "110000", "内蒙古自治区"),
  year = c(2010L, 2011L, NA, 2013L),
  gdp = c(14113.58, -0.5, NA, 1e-300),
  small = c(1L, -100L, 100L, NA),
  note = c("a", long, "", "c"),
  stringsAsFactors = FALSE
)
for (v in c(13, 14, 15)) write_dta(df, sprintf("haven_v%d.dta", v), version = v)
# A province id made by Stata's `encode` is a labelled integer: the reader shows the labels.
ids <- data.frame(id = labelled(c(1L, 2L, 1L), c("北京市" = 1L, "Shaanxi" = 2L)), year = c(2010L, 2010L, 2011L), x = c(1.5, 2.5, 3.5))
write_dta(ids, "haven_labelled_v14.dta", version = 14)
