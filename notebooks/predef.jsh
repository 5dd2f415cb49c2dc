// Lookback's JShell startup: `java -jar target/lookback.jar shell` loads it after JShell's DEFAULT startup,
// and the notebooks run with it:
//   jshell --class-path target/lookback.jar --startup DEFAULT --startup notebooks/predef.jsh notebooks/NN-name.jsh
import dev.lookback.*;
import dev.lookback.chart.*;
import dev.lookback.check.*;
import dev.lookback.decide.*;
import dev.lookback.draw.*;
import dev.lookback.frame.*;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.*;
import dev.lookback.report.*;
import dev.lookback.sim.*;
import dev.lookback.survey.*;
import dev.lookback.vocabulary.*;
import tech.tablesaw.api.*;
import java.nio.file.*;
import java.time.LocalDate;

/** Shows a chart in a window, or says how to save it when there is no screen. */
void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    if (java.awt.GraphicsEnvironment.isHeadless()) {
        System.out.println("No screen here (headless): save the chart instead, e.g. save(chart, \"chart.png\")");
    } else {
        Charts.show(chart);
    }
}

/** Prints the one-screen summary of a review: rates per county, who is reached and why (Summary.of(r) is the text). */
void summary(ReviewResult r) { System.out.print(Summary.of(r)); }

/** Saves a chart; the format follows the extension (.png at 300 dpi, .svg, .pdf). */
void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String file) throws java.io.IOException { Charts.save(chart, Path.of(file)); }

System.out.println("Lookback " + dev.lookback.cli.Main.version() + " — 回头看 review analytics. Try: var r = Demo.review(); summary(r); show(ReviewCharts.forest(r, Measure.EXIT, Lang.ZH).chart())");
