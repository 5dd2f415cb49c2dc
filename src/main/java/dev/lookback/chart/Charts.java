package dev.lookback.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chart builders for meetings, on XChart: forest plots with intervals drawn from lower to upper bound,
 * funnel plots, stacked counts, bars against a line, and operating-characteristic curves. Every text
 * element uses {@link ChartFonts#font}; labels are Chinese or English by {@link Lang} (Chinese falls
 * back to English when no installed font displays it: see {@link ChartFonts#usable}).
 *
 * <p>The builders return ordinary XChart charts: restyle them, show them in a Swing window, or save
 * them with {@link #save}. {@link ReviewCharts} builds the review's charts from a result.
 */
public final class Charts {
    /** The alarm colour: counties on the wrong side of the line. */
    public static final Color TRIGGERED = new Color(0xC6, 0x28, 0x28);
    /** Counties on the right side of the line. */
    public static final Color CLEAR = new Color(0x15, 0x65, 0xC0);
    /** Counties whose estimate is on the wrong side of the line but whose rule does not trigger (not proven). */
    public static final Color NOT_PROVEN = new Color(0xEF, 0x6C, 0x00);
    /** The threshold or standard line. */
    public static final Color LINE = new Color(0x21, 0x21, 0x21);
    /** 漏评, 错评, 错退 in the discrepancy chart. */
    public static final Color[] KINDS = {new Color(0x6A, 0x1B, 0x9A), new Color(0xF9, 0xA8, 0x25),
        new Color(0x00, 0x89, 0x7B)};
    /** The resolution of PNG files. */
    public static final int PNG_DPI = 300;
    /** A funnel plot names every county up to this many; beyond, this many of the highest above its 95% limit. */
    static final int LABELLED = 25;
    /** The default width of a chart, in points (1/72 inch). */
    public static final int WIDTH = 800;

    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    private static final BasicStroke INTERVAL = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Charts() {
    }

    /**
     * A forest plot: one row per county, sorted so that the worst is at the top; each interval a line
     * from its lower to its upper bound, the estimate a point; the threshold a dashed vertical line;
     * counties whose rule triggers in {@link #TRIGGERED}, those whose estimate is on the wrong side of the line
     * but whose rule does not trigger in {@link #NOT_PROVEN} (超过问责线但未证实 / above threshold, not proven:
     * the legend does not call them below the line), the others in {@link #CLEAR}; fragile ones (interval across
     * the line) with a diamond and the word 不稳 / fragile after their name. Rows without an estimate are listed
     * at the bottom, empty.
     *
     * @param title       chart title
     * @param xTitle      title of the rate axis
     * @param rows        the counties
     * @param threshold   the line
     * @param badWhenHigh true when a rate at or above the line is bad (error rates), false when below is
     *                    bad (satisfaction)
     * @param lineName    what the line is, e.g. 问责线 or tolerance: the legend says 问责线 2%, 达到问责线, …
     * @param lang        label language
     */
    public static XYChart forest(String title, String xTitle, List<ForestRow> rows, double threshold,
            boolean badWhenHigh, String lineName, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        List<ForestRow> sorted = new ArrayList<>(rows);
        Comparator<ForestRow> worse = Comparator.comparingDouble(r -> badWhenHigh ? r.estimate() : -r.estimate());
        sorted.sort(Comparator.comparing((ForestRow r) -> !Double.isNaN(r.estimate())).thenComparing(worse)
                .thenComparing(ForestRow::label, Comparator.reverseOrder()));
        int n = sorted.size();
        XYChart chart = new XYChart(WIDTH, Math.max(300, 130 + 30 * n));
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(l.pick("县", "county"));
        style(chart.getStyler());
        chart.getStyler().setYAxisTickMarkSpacingHint(20);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setAxisTicksMarksVisible(false);
        String triggeredLabel = badWhenHigh ? l.pick("达到", "at/above ") + lineName : l.pick("低于", "below ") + lineName;
        String clearLabel = badWhenHigh ? l.pick("未达到", "below ") + lineName : l.pick("达到", "meets ") + lineName;
        String notProvenLabel = (badWhenHigh ? l.pick("超过", "above ") : l.pick("低于", "below ")) + lineName
                + l.pick("但未证实", ", not proven");
        String lineLabel = lineName + " " + percentLabel(threshold);
        String fragileWord = l.pick("不稳", "fragile");
        String fragileSuffix = l.pick("（不稳）", ", fragile");
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        String[] labels = new String[n];
        List<Double> empty = new ArrayList<>();
        Map<String, Color> colours = new LinkedHashMap<>(); // the legend's order: each kind, then its fragile ones
        String[] kinds = {triggeredLabel, notProvenLabel, clearLabel};
        Color[] kindColours = {TRIGGERED, NOT_PROVEN, CLEAR};
        for (int k = 0; k < kinds.length; k++) {
            colours.put(kinds[k], kindColours[k]);
            colours.put(kinds[k] + fragileSuffix, kindColours[k]);
        }
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        colours.keySet().forEach(key -> points.put(key, new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            ForestRow r = sorted.get(i);
            double y = i + 1;
            labels[i] = r.label() + (r.fragile() && !Double.isNaN(r.estimate()) ? " " + fragileWord : "")
                    + (Double.isNaN(r.estimate()) ? " " + l.pick("（无数据）", "(no data)") : "");
            if (Double.isNaN(r.estimate())) {
                empty.add(y);
                continue;
            }
            boolean wrongSide = badWhenHigh ? r.estimate() >= threshold : r.estimate() < threshold;
            String kind = r.triggered() ? triggeredLabel : wrongSide ? notProvenLabel : clearLabel;
            Color c = colours.get(kind);
            if (!Double.isNaN(r.lower()) && !Double.isNaN(r.upper())) {
                XYSeries ci = chart.addSeries("ci " + r.label(), new double[] {r.lower(), r.upper()},
                        new double[] {y, y});
                ci.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                ci.setMarker(SeriesMarkers.NONE);
                ci.setLineColor(c);
                ci.setLineStyle(INTERVAL);
                ci.setShowInLegend(false);
                low = Math.min(low, r.lower());
                high = Math.max(high, r.upper());
            }
            low = Math.min(low, r.estimate());
            high = Math.max(high, r.estimate());
            points.get(kind + (r.fragile() ? fragileSuffix : "")).add(new double[] {r.estimate(), y});
        }
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> ps = e.getValue();
            if (ps.isEmpty()) {
                continue;
            }
            double[] x = ps.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = ps.stream().mapToDouble(p -> p[1]).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(e.getKey().endsWith(fragileSuffix) ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            s.setMarkerColor(colours.get(e.getKey()));
        }
        if (!empty.isEmpty()) { // rows without data: invisible points, so that XChart still lays out their names
            XYSeries none = chart.addSeries(l.pick("无数据", "no data"), empty.stream().map(v -> 0.0).toList(), empty);
            none.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            none.setMarker(SeriesMarkers.NONE);
            none.setShowInLegend(false);
        }
        XYSeries line = chart.addSeries(lineLabel, new double[] {threshold, threshold}, new double[] {0.5, n + 0.5});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(LINE);
        line.setLineStyle(DASHED);
        low = Math.min(low, threshold);
        high = Math.max(high, threshold);
        double min = badWhenHigh ? 0 : Math.max(0, Math.floor((low - 0.02) * 20) / 20);
        double max = badWhenHigh ? niceCeiling(high * 1.08) : 1;
        chart.getStyler().setXAxisMin(min);
        chart.getStyler().setXAxisMax(max);
        chart.getStyler().setYAxisMin(0.5);
        chart.getStyler().setYAxisMax(n + 0.5);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(percent(max - min));
        // XChart sizes the axis from the labels at its ends (0.5 and n + 0.5, blank here): give it the
        // width of the widest county name
        Font tickFont = chart.getStyler().getAxisTickLabelsFont();
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        double widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, tickFont.getStringBounds(label, frc).getWidth());
        }
        chart.getStyler().setYAxisLeftWidthHint((int) Math.ceil(widest) + 8);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> {
            double k = Math.rint(v);
            // XChart drops a tick spacing whose labels repeat: the blanks between rows differ in length
            return Math.abs(v - k) < 1e-6 && k >= 1 && k <= n ? labels[(int) k - 1]
                    : " ".repeat(1 + (int) Math.round(Math.abs(v) * 8));
        });
        return chart;
    }

    /**
     * A funnel plot: each county's estimate against the units checked, with control limits
     * T ± z·√(T(1−T)·deff/m) around the threshold T for z = 1.96 (95%) and 3.09 (99.8%), where m is
     * the units checked and deff the design effect of a clustered sample. A county inside the funnel
     * differs from the line by no more than the sample's noise.
     *
     * @param title        chart title
     * @param xTitle       title of the units axis
     * @param yTitle       title of the rate axis
     * @param points       the counties
     * @param threshold    the line T
     * @param designEffect the design effect that widens the limits (1 for a simple random sample)
     * @param lang         label language
     */
    public static XYChart funnel(String title, String xTitle, String yTitle, List<FunnelPoint> points,
            double threshold, double designEffect, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        XYChart chart = new XYChart(WIDTH, 520);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        double deff = Double.isFinite(designEffect) && designEffect > 0 ? designEffect : 1;
        double minUnits = Double.POSITIVE_INFINITY;
        double maxUnits = 0;
        double maxRate = threshold * 2;
        for (FunnelPoint p : points) {
            if (p.units() > 0 && !Double.isNaN(p.estimate())) {
                minUnits = Math.min(minUnits, p.units());
                maxUnits = Math.max(maxUnits, p.units());
                maxRate = Math.max(maxRate, p.estimate() * 1.15);
            }
        }
        if (maxUnits == 0) {
            minUnits = 10;
            maxUnits = 1000;
        }
        // room for both limits over the counties' range
        maxRate = Math.max(maxRate, threshold + 3.1 * Math.sqrt(threshold * (1 - threshold) * deff / minUnits));
        double yMax = Math.min(1, niceCeiling(maxRate * 1.05));
        double from = Math.max(1, minUnits * 0.8);
        double to = maxUnits * 1.15;
        double[][] limits = {{1.959963984540054, 0}, {3.090232306167813, 0}};
        Color[] limitColors = {new Color(0x75, 0x75, 0x75), new Color(0xBD, 0xBD, 0xBD)};
        String[] limitLabels = {l.pick("95% 控制限", "95% limits"), l.pick("99.8% 控制限", "99.8% limits")};
        for (int k = 0; k < limits.length; k++) {
            double z = limits[k][0];
            List<Double> ux = new ArrayList<>();
            List<Double> uy = new ArrayList<>();
            List<Double> lx = new ArrayList<>();
            List<Double> ly = new ArrayList<>();
            for (int i = 0; i <= 80; i++) {
                double m = from * Math.pow(to / from, i / 80.0);
                double half = z * Math.sqrt(threshold * (1 - threshold) * deff / m);
                if (threshold + half <= yMax) {
                    ux.add(m);
                    uy.add(threshold + half);
                }
                lx.add(m);
                ly.add(Math.max(0, threshold - half));
            }
            if (!ux.isEmpty()) {
                XYSeries up = chart.addSeries(limitLabels[k], ux, uy);
                limitStyle(up, limitColors[k], true);
            }
            XYSeries down = chart.addSeries(limitLabels[k] + " ", lx, ly);
            limitStyle(down, limitColors[k], ux.isEmpty());
        }
        XYSeries line = chart.addSeries(l.pick("问责线 ", "threshold ") + percentLabel(threshold), new double[] {from, to},
                new double[] {threshold, threshold});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(LINE);
        line.setLineStyle(DASHED);
        // names: every county when few; when many, the LABELLED highest above the 95% funnel (the ones
        // whose difference from the line is more than noise)
        List<FunnelPoint> named = new ArrayList<>();
        for (FunnelPoint p : points) {
            if (p.units() > 0 && !Double.isNaN(p.estimate()) && (points.size() <= LABELLED
                    || p.estimate() > threshold + 1.959963984540054 * Math.sqrt(threshold * (1 - threshold) * deff
                            / p.units()))) {
                named.add(p);
            }
        }
        named.sort(Comparator.comparingDouble(FunnelPoint::estimate).reversed());
        // greedy placement, highest first: above the point, else below, beside or higher; else unnamed
        // (labels never overlap)
        List<double[]> placed = new ArrayList<>();
        double xSpan = to - from;
        for (FunnelPoint p : named.subList(0, Math.min(LABELLED, named.size()))) {
            double w = xSpan * 0.012 * Math.max(3, p.label().codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum());
            for (double[] offset : new double[][] {{0, 0.035}, {0, -0.045}, {1, 0.035}, {-1, 0.035}, {0, 0.08},
                {1, 0.08}, {-1, 0.08}}) {
                double cx = p.units() + offset[0] * w;
                double cy = p.estimate() + yMax * offset[1];
                double[] box = {cx - w / 2, cy - yMax * 0.022, cx + w / 2, cy + yMax * 0.022};
                boolean free = placed.stream().noneMatch(b -> b[0] < box[2] && box[0] < b[2] && b[1] < box[3]
                        && box[1] < b[3]);
                if (free && cy > 0 && cy < yMax && cx > from && cx < to) {
                    placed.add(box);
                    chart.addAnnotation(new AnnotationText(p.label(), cx, cy, false));
                    break;
                }
            }
        }
        for (boolean triggered : new boolean[] {true, false}) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (FunnelPoint p : points) {
                if (p.triggered() == triggered && p.units() > 0 && !Double.isNaN(p.estimate())) {
                    x.add(p.units());
                    y.add(p.estimate());
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(triggered ? l.pick("达到问责线", "at/above line")
                        : l.pick("未达到问责线", "below line"), x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(triggered ? TRIGGERED : CLEAR);
            }
        }
        chart.getStyler().setXAxisMin(from);
        chart.getStyler().setXAxisMax(to);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(percent(yMax));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "%,.0f", v));
        return chart;
    }

    /** A category chart's width: the default, or wider so that each category keeps {@code each} points. */
    static int categoryWidth(int categories, int each) {
        return Math.max(WIDTH, 120 + each * categories);
    }

    private static void limitStyle(XYSeries s, Color c, boolean inLegend) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(1.5f));
        s.setShowInLegend(inLegend);
    }

    /**
     * Stacked bars of counts per category (county), one series per kind, in the given colours.
     *
     * @param title      chart title
     * @param yTitle     title of the count axis
     * @param categories the counties
     * @param series     kind → one count per category
     * @param colors     one colour per series
     */
    public static CategoryChart stackedCounts(String title, String yTitle, List<String> categories,
            Map<String, int[]> series, Color[] colors) {
        CategoryChart chart = new CategoryChart(categoryWidth(categories.size(), 16), 480);
        chart.setTitle(title);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        int k = 0;
        int max = 1;
        int[] sums = new int[categories.size()];
        for (Map.Entry<String, int[]> e : series.entrySet()) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                values.add(e.getValue()[i]);
                sums[i] += e.getValue()[i];
            }
            CategorySeries s = chart.addSeries(e.getKey(), categories, values);
            s.setFillColor(colors[k % colors.length]);
            k++;
        }
        for (int s : sums) {
            max = Math.max(max, s);
        }
        chart.getStyler().setYAxisMax(Math.max(5.0, Math.ceil(max * 1.1)));
        chart.getStyler().setXAxisLabelRotation(categories.size() > 12 ? 90 : 0);
        return chart;
    }

    /**
     * Bars of shares per category with a horizontal line (a standard), e.g. fund misuse per county
     * against the materiality.
     *
     * @param title      chart title
     * @param yTitle     title of the share axis
     * @param categories the counties
     * @param series     measure → one share per category
     * @param colors     one colour per series
     * @param lineLabel  the line's legend entry
     * @param line       the line's value
     */
    public static CategoryChart barsAgainstLine(String title, String yTitle, List<String> categories,
            Map<String, double[]> series, Color[] colors, String lineLabel, double line) {
        CategoryChart chart = new CategoryChart(categoryWidth(categories.size(), 12 + 8 * series.size()), 480);
        chart.setTitle(title);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        double max = line * 2;
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (double v : e.getValue()) {
                values.add(Double.isNaN(v) ? 0 : v);
                max = Math.max(max, Double.isNaN(v) ? 0 : v);
            }
            CategorySeries s = chart.addSeries(e.getKey(), categories, values);
            s.setFillColor(colors[k % colors.length]);
            k++;
        }
        List<Double> flat = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            flat.add(line);
        }
        CategorySeries s = chart.addSeries(lineLabel, categories, flat);
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        s.setLineColor(LINE);
        s.setLineStyle(DASHED);
        s.setMarker(SeriesMarkers.NONE);
        double top = niceCeiling(max * 1.1);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(top);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(percent(top));
        chart.getStyler().setXAxisLabelRotation(categories.size() > 12 ? 90 : 0);
        return chart;
    }

    /**
     * The operating characteristic of a planned sample: the probability that a county is triggered
     * against its true rate, with the threshold as a dashed vertical line.
     *
     * @param rates         true rates
     * @param probabilities P(triggered) at each rate
     * @param threshold     the line
     * @param subtitle      what the curve assumes (villages, units, ρ, policy), appended to the title
     * @param lang          label language
     */
    public static XYChart operatingCharacteristic(double[] rates, double[] probabilities, double threshold,
            String subtitle, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        XYChart chart = new XYChart(WIDTH, 480);
        chart.setTitle(l.pick("抽样方案的操作特性曲线", "Operating characteristic of the plan")
                + (subtitle.isEmpty() ? "" : "：" + subtitle));
        chart.setXAxisTitle(l.pick("县的真实误差率", "the county's true error rate"));
        chart.setYAxisTitle(l.pick("触发问责的概率", "probability of triggering"));
        style(chart.getStyler());
        XYSeries s = chart.addSeries(l.pick("触发概率", "P(triggered)"), rates, probabilities);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(TRIGGERED);
        s.setMarkerColor(TRIGGERED);
        XYSeries line = chart.addSeries(l.pick("问责线 ", "threshold ") + percentLabel(threshold),
                new double[] {threshold, threshold}, new double[] {0, 1});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(LINE);
        line.setLineStyle(DASHED);
        double max = 0;
        for (double r : rates) {
            max = Math.max(max, r);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(max);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(percent(max));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "%.0f%%", 100 * v));
        return chart;
    }

    /** The house style: white, fonts that display the labels, legend below the plot. */
    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x9E, 0x9E, 0x9E));
        s.setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
        s.setChartFontColor(new Color(0x21, 0x21, 0x21));
        s.setAxisTickLabelsColor(new Color(0x21, 0x21, 0x21));
        s.setBaseFont(ChartFonts.font(Font.PLAIN, 13f));
        s.setChartTitleFont(ChartFonts.font(Font.BOLD, 17f));
        s.setAxisTitleFont(ChartFonts.font(Font.PLAIN, 14f));
        s.setAxisTickLabelsFont(ChartFonts.font(Font.PLAIN, 13f));
        s.setLegendFont(ChartFonts.font(Font.PLAIN, 13f));
        s.setAnnotationTextFont(ChartFonts.font(Font.PLAIN, 12f));
        s.setAnnotationTextFontColor(new Color(0x42, 0x42, 0x42));
        s.setToolTipFont(ChartFonts.font(Font.PLAIN, 12f));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartPadding(14);
        s.setMarkerSize(11);
        s.setAntiAlias(true);
    }

    /** PNG bytes of a chart at a resolution: the chart's points scaled by dpi/72, with the dpi recorded. */
    public static byte[] png(Chart<?, ?> chart, int dpi) throws IOException {
        return PngEncoder.encode(image(chart, dpi), dpi);
    }

    /** PNG bytes of an image, with its resolution recorded. */
    public static byte[] png(BufferedImage image, int dpi) throws IOException {
        return PngEncoder.encode(image, dpi);
    }

    /** A chart painted at a resolution: its points scaled by dpi/72. */
    public static BufferedImage image(Chart<?, ?> chart, int dpi) {
        double scale = dpi / 72.0;
        int w = (int) Math.round(chart.getWidth() * scale);
        int h = (int) Math.round(chart.getHeight() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return image;
    }

    /**
     * The image at half its size, each pixel the mean of a 2×2 block: a 300-dpi chart becomes the
     * 150-dpi one a report shows, without painting it again.
     */
    public static BufferedImage halved(BufferedImage image) {
        int w = image.getWidth() / 2;
        int h = image.getHeight() / 2;
        int sw = image.getWidth();
        int[] src = PngEncoder.pixels(image);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int top = 2 * y * sw;
            int bottom = top + sw;
            if (y > 0 && java.util.Arrays.equals(src, top - 2 * sw, top, src, top, bottom + sw)) {
                System.arraycopy(dst, (y - 1) * w, dst, y * w, w); // the two rows above it again (a margin, a band)
                continue;
            }
            for (int x = 0; x < w; x++) {
                int a = src[top + 2 * x];
                int b = src[top + 2 * x + 1];
                int c = src[bottom + 2 * x];
                int d = src[bottom + 2 * x + 1];
                if (a == b && a == c && a == d && x + 1 < w && src[top + 2 * x + 2] == a
                        && src[bottom + 2 * x + 2] == a) { // a run of one colour in both rows: that colour
                    int n = Math.min(PngEncoder.run(src, top + 2 * x, top + sw),
                            PngEncoder.run(src, bottom + 2 * x, bottom + sw)) / 2;
                    java.util.Arrays.fill(dst, y * w + x, y * w + x + n, a & 0xFFFFFF);
                    x += n - 1;
                    continue;
                }
                int r = (((a >> 16) & 0xFF) + ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF) + ((d >> 16) & 0xFF) + 2) >> 2;
                int gr = (((a >> 8) & 0xFF) + ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF) + ((d >> 8) & 0xFF) + 2) >> 2;
                int bl = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) >> 2;
                dst[y * w + x] = (r << 16) | (gr << 8) | bl;
            }
        }
        return out;
    }

    /** Writes a chart to a file whose extension names the format: .png (300 dpi), .svg or .pdf. */
    public static void save(Chart<?, ?> chart, Path file) throws IOException {
        save(chart, file, ChartFormat.ofFile(file));
    }

    /**
     * Shows a chart in a window (JShell, an analyst's desktop).
     *
     * @throws java.awt.HeadlessException on a machine without a screen, saying how to save the chart instead
     */
    public static void show(Chart<?, ?> chart) {
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            throw new java.awt.HeadlessException("no screen here: save the chart instead, e.g. Charts.save(chart,"
                    + " Path.of(\"chart.png\"))");
        }
        new org.knowm.xchart.SwingWrapper<>(chart).displayChart();
    }

    /** Writes a chart to a file: PNG at 300 dpi, SVG or PDF. */
    public static void save(Chart<?, ?> chart, Path file, ChartFormat format) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (format == ChartFormat.PNG) {
            Files.write(file, png(chart, PNG_DPI));
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, format == ChartFormat.SVG
                    ? VectorGraphicsEncoder.VectorGraphicsFormat.SVG : VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
        }
    }

    /** A share as a short percentage: 0.95 → 95%, 0.025 → 2.5%. */
    public static String percentLabel(double v) {
        double p = 100 * v;
        return (Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static Function<Double, String> percent(double span) {
        String pattern = span <= 0.05 ? "%.1f%%" : "%.0f%%";
        return v -> String.format(Locale.ROOT, pattern, 100 * v);
    }

    /** A round number at or above v: 1, 2, 2.5 or 5 times a power of ten. */
    static double niceCeiling(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
