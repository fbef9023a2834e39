# A small SVG bar chart writer for make bench (build/bench/report.svg):
# no plotting package needed. Input lines, tab-separated:
#   chart<TAB>TITLE<TAB>UNIT      starts a chart
#   bar<TAB>LABEL<TAB>VALUE       one horizontal bar (VALUE a number or "-")
# Each chart scales its bars to its own largest value; values are printed
# at the end of each bar. Charts are stacked top to bottom.
BEGIN { FS = "\t"; nc = 0 }
$1 == "chart" { nc++; title[nc] = $2; unit[nc] = $3; nb[nc] = 0; next }
$1 == "bar" && nc > 0 { k = ++nb[nc]; lab[nc, k] = $2; val[nc, k] = $3; next }
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
END {
	W = 760; left = 230; barw = W - left - 110; bh = 22; gap = 8; y = 10
	h = 10
	for (c = 1; c <= nc; c++) h += 40 + nb[c] * (bh + gap) + 10
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">\n", W, h
	printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
	for (c = 1; c <= nc; c++) {
		max = 0
		for (k = 1; k <= nb[c]; k++) if (val[c, k] != "-" && val[c, k] + 0 > max) max = val[c, k] + 0
		printf "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s (%s)</text>\n", y + 20, esc(title[c]), esc(unit[c])
		y += 36
		for (k = 1; k <= nb[c]; k++) {
			v = val[c, k]
			len = (v != "-" && max > 0) ? int(barw * v / max + 0.5) : 0
			fill = lab[c, k] ~ /^tern/ ? "#2a7ab0" : "#999999"
			printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 8, y + 16, esc(lab[c, k])
			printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", left, y, len, bh, fill
			printf "<text x=\"%d\" y=\"%d\">%s</text>\n", left + len + 6, y + 16, v
			y += bh + gap
		}
		y += 10
	}
	print "</svg>"
}
