package dev.lookback.cli;

import dev.lookback.ReviewResult;
import dev.lookback.chart.ChartFonts;
import dev.lookback.chart.ChartFormat;
import dev.lookback.chart.Figure;
import dev.lookback.chart.Lang;
import dev.lookback.chart.ReviewCharts;
import dev.lookback.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The options and the writing of report.html and charts/, shared by {@code review} and {@code demo}. */
final class MeetingOutputs {

    private MeetingOutputs() {
    }

    static List<Option> options() {
        return List.of(
                Option.optional("--report", "html|none", "html", "write report.html, one self-contained page"),
                Option.optional("--charts", "png,svg,pdf|none", "png",
                        "chart files to write into charts/: PNG at 300 dpi for slides; add svg and pdf for vector files"),
                Option.optional("--lang", "zh|en", "zh", "language of chart labels"));
    }

    /**
     * Writes the charts and the report as the options ask; returns the report (null when none).
     *
     * @param certificate the draw's certificate file (may be null or missing: the report says so)
     */
    static Path write(Arguments a, ReviewResult result, Path dir, Path certificate, PrintWriter out)
            throws IOException {
        boolean report = switch (a.text("--report").strip()) {
            case "html" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("--report must be html or none; got " + a.text("--report"));
        };
        List<ChartFormat> formats = ChartFormat.parseList(a.text("--charts"));
        Lang wanted = Lang.parse(a.text("--lang"));
        if (!report && formats.isEmpty()) {
            return null;
        }
        if (ChartFonts.usable(wanted) != wanted) {
            out.println("Warning: no installed font displays Chinese (install one, e.g. apt-get install"
                    + " fonts-wqy-microhei); the charts are labelled in English.");
        }
        List<Figure> figures = ReviewCharts.of(result, wanted);
        Path charts = dir.resolve("charts");
        Files.createDirectories(charts);
        try {
            figures.parallelStream().forEach(f -> { // both cores: each chart is its own object
                try {
                    f.save(charts, formats.toArray(new ChartFormat[0]));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (!report) {
            return null;
        }
        String cert = certificate != null && Files.isRegularFile(certificate)
                ? Files.readString(certificate, StandardCharsets.UTF_8) : null;
        return HtmlReport.write(dir, result, figures, cert);
    }
}
