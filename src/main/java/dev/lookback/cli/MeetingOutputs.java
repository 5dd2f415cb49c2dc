package dev.lookback.cli;

import dev.lookback.ReviewResult;
import dev.lookback.chart.ChartFonts;
import dev.lookback.chart.ChartFormat;
import dev.lookback.chart.Charts;
import dev.lookback.chart.Figure;
import dev.lookback.chart.Lang;
import dev.lookback.chart.ReviewCharts;
import dev.lookback.io.Writes;
import dev.lookback.report.HtmlReport;
import dev.lookback.report.ReviewFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The options, and the writing of a review's outputs: its files, charts/ and report.html; shared by {@code review} and
 * {@code demo}.
 */
final class MeetingOutputs {

    private MeetingOutputs() {
    }

    static List<Option> options() {
        return List.of(
                Option.optional("--report", "html|none", "html", "write report.html, one self-contained page"),
                Option.optional("--charts", "png,svg,pdf|none", "png",
                        "chart files to write into charts/: PNG at 300 dpi for slides; add svg and pdf for vector files"),
                Option.optional("--lang", "zh|en", "zh", "language of chart labels"),
                Option.optional("--workbooks", "xlsx|none", "xlsx", "write review.xlsx and each county's"
                        + " rectification workbook for officials; none leaves them out (the CSV files stay)"));
    }

    /**
     * What the options ask for: whether to write the report, the chart formats, the language, and whether to write
     * the workbooks.
     */
    record Asked(boolean report, List<ChartFormat> formats, Lang lang, boolean workbooks) {
    }

    /** Reads and checks the options, before any work, so that a typo costs nothing. */
    static Asked check(Arguments a) {
        boolean report = written(a, "--report", "html");
        List<ChartFormat> formats;
        Lang lang;
        try {
            formats = ChartFormat.parseList(a.text("--charts"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--charts: " + e.getMessage());
        }
        try {
            lang = Lang.parse(a.text("--lang"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lang: " + e.getMessage());
        }
        return new Asked(report, formats, lang, written(a, "--workbooks", "xlsx"));
    }

    /** Whether an option that is {@code format} or {@code none} asks for its files. */
    private static boolean written(Arguments a, String option, String format) {
        String value = a.text(option).strip();
        if (value.equals(format) || value.equals("none")) {
            return value.equals(format);
        }
        throw new IllegalArgumentException(option + " must be " + format + " or none; got " + a.text(option));
    }

    /**
     * Writes the review's files ({@link ReviewFiles#writes}) and the charts and the report as the options ask; returns
     * the report (null when none). The report shows the draw's certificate as the review checked it. The files are
     * written while the charts are made ready (their figures, a font), and then both cores take whatever is left of
     * the files and the charts; report.html, which shows the charts, comes last. A failure of the files is thrown
     * before one of the charts.
     */
    static Path write(Asked asked, ReviewResult result, Path dir, PrintWriter out) throws IOException {
        List<Writes.Write> files = ReviewFiles.writes(result, dir, asked.workbooks());
        boolean report = asked.report();
        List<ChartFormat> formats = asked.formats();
        Lang wanted = asked.lang();
        if (!report && formats.isEmpty()) {
            Writes.all(files);
            return null;
        }
        // two writes, run side by side and failing in this order (Writes.all): the files, and the charts made ready
        // (their figures, a font) and then painted, both cores taking whatever is left of either
        AtomicReference<List<Figure>> figures = new AtomicReference<>();
        AtomicReference<byte[][]> images = new AtomicReference<>();
        Writes.all(List.of(() -> Writes.all(files), () -> {
            if (ChartFonts.usable(wanted) != wanted) {
                out.println("Warning: no installed font displays Chinese (install one, e.g. apt-get install"
                        + " fonts-wqy-microhei); the charts are labelled in English.");
            }
            List<Figure> made = ReviewCharts.of(result, wanted);
            byte[][] shown = new byte[made.size()][];
            Writes.all(chartWrites(made, formats, report, dir.resolve("charts"), shown));
            figures.set(made);
            images.set(shown);
        }));
        if (!report) {
            return null;
        }
        return HtmlReport.write(dir, result, figures.get(), java.util.Arrays.asList(images.get()), asked.workbooks());
    }

    /**
     * A write per chart: each chart is its own object; it is painted once at 300 dpi for its PNG file, and the report
     * shows that image halved ({@code images}, by the figures' order).
     */
    private static List<Writes.Write> chartWrites(List<Figure> figures, List<ChartFormat> formats, boolean report,
            Path charts, byte[][] images) throws IOException {
        Files.createDirectories(charts);
        boolean png = formats.contains(ChartFormat.PNG);
        List<Writes.Write> writes = new java.util.ArrayList<>();
        for (int k = 0; k < figures.size(); k++) {
            int i = k;
            Figure f = figures.get(i);
            writes.add(() -> {
                if (png) {
                    BufferedImage full = Charts.image(f.chart(), Charts.PNG_DPI);
                    Files.write(charts.resolve(f.name() + ".png"), Charts.png(full, Charts.PNG_DPI));
                    if (report) {
                        images[i] = Charts.png(Charts.halved(full), Charts.PNG_DPI / 2);
                    }
                } else if (report) {
                    images[i] = Charts.png(f.chart(), Charts.PNG_DPI / 2);
                }
                for (ChartFormat format : formats) {
                    if (format != ChartFormat.PNG) {
                        Charts.save(f.chart(), charts.resolve(f.name() + "." + format.extension()), format);
                    }
                }
            });
        }
        return writes;
    }
}
