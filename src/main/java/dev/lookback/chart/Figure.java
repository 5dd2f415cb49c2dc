package dev.lookback.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart with its file name and a caption for the report.
 *
 * @param name    the file name without extension, e.g. {@code forest-identification}
 * @param caption one sentence saying what to read from it
 * @param chart   the XChart chart (mutable: restyle before saving if you like)
 */
public record Figure(String name, String caption, Chart<?, ?> chart) {

    /** Writes {@code dir/name.png} (300 dpi), {@code .svg} and {@code .pdf} as asked; returns the files. */
    public List<Path> save(Path dir, ChartFormat... formats) throws IOException {
        List<Path> out = new ArrayList<>();
        for (ChartFormat f : formats) {
            Path file = dir.resolve(name + "." + f.extension());
            Charts.save(chart, file, f);
            out.add(file);
        }
        return out;
    }

    @Override
    public String toString() {
        return name + ": " + chart.getTitle() + " (" + chart.getWidth() + "×" + chart.getHeight() + ", "
                + chart.getSeriesMap().size() + " series)";
    }
}
