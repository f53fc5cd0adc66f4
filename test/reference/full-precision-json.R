# Writes an R list as JSON with every double at 17 significant digits (round-trip exact).
# jsonlite 1.8.x caps `digits` at 15 significant digits, which is not full precision, so
# numbers are formatted here and embedded verbatim. NA/NaN/Inf become null; a matrix becomes an
# array of its rows.
library(jsonlite)

full_precision <- function(x) {
  if (is.list(x)) return(lapply(x, full_precision))
  if (!is.double(x)) return(x)
  if (is.matrix(x)) return(lapply(seq_len(nrow(x)), function(i) full_precision(as_array(x[i, ]))))
  cells <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  text <- if (length(x) == 1 && is.null(attr(x, "keep_array"))) cells else paste0("[", paste(cells, collapse = ","), "]")
  structure(text, class = "json")
}

# Marks a double vector to stay a JSON array even when it has one element.
as_array <- function(x) structure(as.double(x), keep_array = TRUE)

write_expected <- function(value, path = "expected.json") {
  writeLines(toJSON(full_precision(value), auto_unbox = TRUE, json_verbatim = TRUE, pretty = FALSE), path)
}
