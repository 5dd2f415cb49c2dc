package dev.lookback.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The chart builders: series, ranges, colours and labels (not pixels), and the exported files. */
class ChartsTest {
    @TempDir
    Path dir;

    static final List<ForestRow> ROWS = List.of(
            new ForestRow("C01", 0.010, 0.002, 0.030, false, true),
            new ForestRow("C02", 0.045, 0.025, 0.080, true, false),
            new ForestRow("C03", 0.000, 0.000, 0.012, false, false),
            new ForestRow("C04", Double.NaN, Double.NaN, Double.NaN, false, false));

    /** The label XChart draws at row k (1 = bottom). */
    static String rowLabel(XYChart chart, int k) {
        Function<Double, String> f = chart.getStyler().getyAxisTickLabelsFormattingFunction();
        return f.apply((double) k);
    }

    @Test
    void forestDrawsEachIntervalFromLowerToUpperWorstAtTheTop() {
        XYChart c = Charts.forest("t", "x", ROWS, 0.02, true, "问责线", Lang.ZH);
        // worst at the top (row 4), the county without data at the bottom (row 1)
        assertEquals("C02", rowLabel(c, 4));
        assertEquals("C01 不稳", rowLabel(c, 3));
        assertEquals("C03", rowLabel(c, 2));
        assertEquals("C04 （无数据）", rowLabel(c, 1));
        assertTrue(rowLabel(c, 2).equals("C03") && rowLabel(c, 0).isBlank() && rowLabel(c, 5).isBlank());
        XYSeries ci = c.getSeriesMap().get("ci C02");
        assertArrayEquals(new double[] {0.025, 0.080}, ci.getXData());
        assertArrayEquals(new double[] {4, 4}, ci.getYData());
        assertEquals(Charts.TRIGGERED, ci.getLineColor());
        assertFalse(ci.isShowInLegend());
        assertEquals(Charts.CLEAR, c.getSeriesMap().get("ci C01").getLineColor());
        assertFalse(c.getSeriesMap().containsKey("ci C04"), "no interval without data");
        // an invisible point holds the row without data, else XChart draws no names when no row has data
        XYSeries none = c.getSeriesMap().get("无数据");
        assertArrayEquals(new double[] {1}, none.getYData());
        assertEquals(SeriesMarkers.NONE, none.getMarker());
        assertFalse(none.isShowInLegend());
        XYSeries triggered = c.getSeriesMap().get("达到问责线");
        assertArrayEquals(new double[] {0.045}, triggered.getXData());
        assertEquals(Charts.TRIGGERED, triggered.getMarkerColor());
        XYSeries fragile = c.getSeriesMap().get("未达到问责线（不稳）");
        assertArrayEquals(new double[] {0.010}, fragile.getXData());
        assertEquals(SeriesMarkers.DIAMOND, fragile.getMarker());
        assertArrayEquals(new double[] {0.0}, c.getSeriesMap().get("未达到问责线").getXData());
        assertFalse(c.getSeriesMap().containsKey("超过问责线但未证实（不稳）"), "no county above the line unproven");
        XYSeries line = c.getSeriesMap().get("问责线 2%");
        assertArrayEquals(new double[] {0.02, 0.02}, line.getXData());
        assertArrayEquals(new double[] {0.5, 4.5}, line.getYData());
        assertEquals(0.0, c.getStyler().getXAxisMin());
        assertTrue(c.getStyler().getXAxisMax() >= 0.080, "the widest interval fits");
        assertEquals(0.5, c.getStyler().getYAxisMin());
        assertEquals(4.5, c.getStyler().getYAxisMax());
    }

    /**
     * A county whose estimate is over the line but whose rule does not trigger (not proven) is not called "below the
     * line" in the legend: its own label and colour, diamond when fragile.
     */
    @Test
    void aCountyOverTheLineButNotProvenIsNotCalledBelowIt() {
        List<ForestRow> rows = List.of(new ForestRow("C01", 0.030, 0.004, 0.090, false, true),
                new ForestRow("C02", 0.020, 0.001, 0.070, false, true),
                new ForestRow("C03", 0.010, 0.002, 0.030, false, true),
                new ForestRow("C04", 0.060, 0.030, 0.090, true, false));
        XYChart c = Charts.forest("t", "x", rows, 0.02, true, "问责线", Lang.ZH);
        XYSeries over = c.getSeriesMap().get("超过问责线但未证实（不稳）");
        assertArrayEquals(new double[] {0.020, 0.030}, over.getXData(), "at the line counts as over it, as the rule reads");
        assertEquals(Charts.NOT_PROVEN, over.getMarkerColor());
        assertEquals(SeriesMarkers.DIAMOND, over.getMarker());
        assertEquals(Charts.NOT_PROVEN, c.getSeriesMap().get("ci C01").getLineColor());
        assertArrayEquals(new double[] {0.010}, c.getSeriesMap().get("未达到问责线（不稳）").getXData());
        assertEquals(Charts.CLEAR, c.getSeriesMap().get("ci C03").getLineColor());
        assertArrayEquals(new double[] {0.060}, c.getSeriesMap().get("达到问责线").getXData());
        List<String> legend = c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList();
        assertEquals(List.of("达到问责线", "超过问责线但未证实（不稳）", "未达到问责线（不稳）", "问责线 2%"), legend);

        XYChart en = Charts.forest("t", "x", List.of(new ForestRow("B", 0.88, 0.80, 0.95, false, true)), 0.90, false,
                "standard", Lang.EN);
        assertEquals(Charts.NOT_PROVEN, en.getSeriesMap().get("below standard, not proven, fragile").getMarkerColor());
    }

    @Test
    void satisfactionForestPutsTheLowestAtTheTopAndShowsTheStandard() {
        List<ForestRow> rows = List.of(new ForestRow("A", 0.95, 0.90, 0.98, false, false),
                new ForestRow("B", 0.85, 0.78, 0.91, true, true));
        XYChart c = Charts.forest("t", "x", rows, 0.90, false, "standard", Lang.EN);
        assertEquals("B fragile", rowLabel(c, 2));
        assertEquals("A", rowLabel(c, 1));
        assertEquals(Charts.TRIGGERED, c.getSeriesMap().get("below standard, fragile").getMarkerColor());
        assertEquals(Charts.CLEAR, c.getSeriesMap().get("meets standard").getMarkerColor());
        assertTrue(c.getSeriesMap().containsKey("standard 90%"));
        assertEquals(1.0, c.getStyler().getXAxisMax());
        assertTrue(c.getStyler().getXAxisMin() <= 0.78 && c.getStyler().getXAxisMin() >= 0.70);
    }

    @Test
    void funnelLimitsAreTheBinomialLimitsWidenedByTheDesignEffect() {
        List<FunnelPoint> points = List.of(new FunnelPoint("C01", 400, 0.05, true),
                new FunnelPoint("C02", 1600, 0.01, false));
        double t = 0.02;
        double deff = 2.5;
        XYChart c = Charts.funnel("t", "x", "y", points, t, deff, Lang.ZH);
        XYSeries upper = c.getSeriesMap().get("95% 控制限");
        XYSeries lower = c.getSeriesMap().get("95% 控制限 ");
        double[] m = upper.getXData();
        double[] y = upper.getYData();
        for (int i = 0; i < m.length; i++) {
            assertEquals(t + 1.959963984540054 * Math.sqrt(t * (1 - t) * deff / m[i]), y[i], 1e-12);
        }
        double[] lm = lower.getXData();
        double[] ly = lower.getYData();
        for (int i = 0; i < lm.length; i++) {
            assertEquals(Math.max(0, t - 1.959963984540054 * Math.sqrt(t * (1 - t) * deff / lm[i])), ly[i], 1e-12);
        }
        XYSeries outer = c.getSeriesMap().get("99.8% 控制限");
        assertEquals(t + 3.090232306167813 * Math.sqrt(t * (1 - t) * deff / outer.getXData()[0]), outer.getYData()[0],
                1e-12);
        assertTrue(c.getStyler().getXAxisMin() <= 400 && c.getStyler().getXAxisMax() >= 1600);
        assertArrayEquals(new double[] {400}, c.getSeriesMap().get("达到问责线").getXData());
        assertEquals(Charts.TRIGGERED, c.getSeriesMap().get("达到问责线").getMarkerColor());
        assertEquals(Charts.CLEAR, c.getSeriesMap().get("未达到问责线").getMarkerColor());
        assertArrayEquals(new double[] {t, t}, c.getSeriesMap().get("问责线 2%").getYData());
        assertTrue(c.getStyler().getYAxisMax() >= upper.getYData()[0], "the limits fit over the counties' range");
    }

    @Test
    void stackedCountsKeepTheCountsAndColoursOfEachKind() {
        Map<String, int[]> series = new LinkedHashMap<>();
        series.put("漏评", new int[] {1, 0});
        series.put("错评", new int[] {2, 3});
        series.put("错退", new int[] {0, 4});
        CategoryChart c = Charts.stackedCounts("t", "户数", List.of("C01", "C02"), series, Charts.KINDS);
        assertTrue(c.getStyler().isStacked());
        assertEquals(List.of(2, 3), List.copyOf(c.getSeriesMap().get("错评").getYData()));
        assertEquals(Charts.KINDS[2], c.getSeriesMap().get("错退").getFillColor());
        assertTrue(c.getStyler().getYAxisMax() >= 7, "the tallest stack fits");
    }

    @Test
    void aProvinceOfCountiesWidensTheBarsAndTurnsTheirNames() {
        List<String> counties = new java.util.ArrayList<>();
        Map<String, int[]> series = new LinkedHashMap<>();
        for (int i = 1; i <= 100; i++) {
            counties.add(String.format("C%03d", i));
        }
        series.put("漏评", new int[100]);
        CategoryChart c = Charts.stackedCounts("t", "户数", counties, series, Charts.KINDS);
        assertEquals(120 + 16 * 100, c.getWidth());
        assertEquals(90, c.getStyler().getXAxisLabelRotation());
        CategoryChart few = Charts.stackedCounts("t", "户数", counties.subList(0, 8), series, Charts.KINDS);
        assertEquals(Charts.WIDTH, few.getWidth());
        assertEquals(0, few.getStyler().getXAxisLabelRotation());
    }

    @Test
    void operatingCharacteristicPlotsTheGivenCurveAndTheLine() {
        double[] rates = {0, 0.01, 0.02, 0.04};
        double[] p = {0, 0.1, 0.5, 0.97};
        XYChart c = Charts.operatingCharacteristic(rates, p, 0.02, "n = 8", Lang.ZH);
        assertArrayEquals(rates, c.getSeriesMap().get("触发概率").getXData());
        assertArrayEquals(p, c.getSeriesMap().get("触发概率").getYData());
        assertArrayEquals(new double[] {0.02, 0.02}, c.getSeriesMap().get("问责线 2%").getXData());
        assertEquals(1.0, c.getStyler().getYAxisMax());
        assertTrue(c.getTitle().contains("n = 8"));
    }

    @Test
    void pngDecodesToTheSamePixels() throws IOException {
        // every filter the encoder uses: Sub on a new row, Up on a row like the one above (a chart's vertical lines
        // cross many such rows), on a painted chart and on rows of noise repeated
        BufferedImage painted = Charts.image(Charts.forest("t", "x", ROWS, 0.02, true, "line", Lang.EN), 150);
        BufferedImage noise = new BufferedImage(37, 41, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, y % 5 == 2 ? noise.getRGB(x, y - 1) : random.nextInt(1 << 24));
            }
        }
        for (BufferedImage image : List.of(painted, noise)) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Charts.png(image, 300)));
            assertEquals(image.getWidth(), decoded.getWidth());
            assertEquals(image.getHeight(), decoded.getHeight());
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    assertEquals(image.getRGB(x, y) & 0xFFFFFF, decoded.getRGB(x, y) & 0xFFFFFF, x + "," + y);
                }
            }
        }
    }

    @Test
    void pngIsThreeHundredDpiAndDecodes() throws IOException {
        XYChart c = Charts.forest("t", "x", ROWS, 0.02, true, "line", Lang.EN);
        byte[] png = Charts.png(c, 300);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(Math.round(c.getWidth() * 300 / 72.0), image.getWidth());
        assertEquals(Math.round(c.getHeight() * 300 / 72.0), image.getHeight());
        assertEquals(0xFFFFFF, image.getRGB(2, 2) & 0xFFFFFF, "white background");
        // pHYs: 300 dpi = 11811 pixels per metre
        String text = new String(png, StandardCharsets.ISO_8859_1);
        int phys = text.indexOf("pHYs");
        assertTrue(phys > 0);
        assertEquals(11811, ByteBuffer.wrap(png, phys + 4, 4).getInt());
        // the alarm colour is on the image: the triggered county's interval
        boolean red = false;
        for (int y = 0; y < image.getHeight() && !red; y += 2) {
            for (int x = 0; x < image.getWidth() && !red; x += 2) {
                red = (image.getRGB(x, y) & 0xFFFFFF) == (Charts.TRIGGERED.getRGB() & 0xFFFFFF);
            }
        }
        assertTrue(red, "the triggered county is drawn in the alarm colour");
    }

    @Test
    void pngOfRowsWiderThanDeflatesWindowDecodes() throws IOException {
        // 12,000 pixels: a row of 36,001 filtered bytes, too long to be copied from the row above
        BufferedImage wide = new BufferedImage(12000, 5, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < wide.getWidth(); x++) {
            for (int y = 0; y < wide.getHeight(); y++) {
                wide.setRGB(x, y, x % 997 < 3 ? 0xC62828 : y == 3 ? 0x102030 : 0xFFFFFF);
            }
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Charts.png(wide, 300)));
        for (int y = 0; y < wide.getHeight(); y++) {
            for (int x = 0; x < wide.getWidth(); x++) {
                assertEquals(wide.getRGB(x, y) & 0xFFFFFF, decoded.getRGB(x, y) & 0xFFFFFF, x + "," + y);
            }
        }
    }

    @Test
    void halvingOfRunsIsTheMeanOfEachBlockToo() {
        // runs of one colour are filled at once: the same pixels as the mean of every 2×2 block, on a painted chart
        // (anti-aliased edges beside flat colour) and on an image of runs of odd lengths and an odd width
        BufferedImage painted = Charts.image(Charts.forest("t", "x", ROWS, 0.02, true, "line", Lang.EN), 150);
        BufferedImage runs = new BufferedImage(41, 12, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < runs.getHeight(); y++) {
            int colour = 0;
            for (int x = 0; x < runs.getWidth(); x++) {
                if (random.nextInt(5) == 0) {
                    colour = random.nextInt(3) * 0x404040;
                }
                runs.setRGB(x, y, colour);
            }
        }
        for (BufferedImage image : List.of(painted, runs)) {
            BufferedImage half = Charts.halved(image);
            for (int y = 0; y < half.getHeight(); y++) {
                for (int x = 0; x < half.getWidth(); x++) {
                    int[] p = {image.getRGB(2 * x, 2 * y), image.getRGB(2 * x + 1, 2 * y), image.getRGB(2 * x, 2 * y + 1),
                        image.getRGB(2 * x + 1, 2 * y + 1)};
                    int mean = 0;
                    for (int shift : new int[] {16, 8, 0}) {
                        int sum = 2;
                        for (int v : p) {
                            sum += (v >> shift) & 0xFF;
                        }
                        mean |= (sum >> 2) << shift;
                    }
                    assertEquals(mean, half.getRGB(x, y) & 0xFFFFFF, x + "," + y);
                }
            }
        }
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 4, 2, new int[] {0xFFFFFF, 0xFFFFFF, 0xC62828, 0x000000,
            0xFFFFFF, 0xFFFFFF, 0x102030, 0x000000}, 0, 4);
        BufferedImage half = Charts.halved(image);
        assertEquals(2, half.getWidth());
        assertEquals(1, half.getHeight());
        assertEquals(0xFFFFFF, half.getRGB(0, 0) & 0xFFFFFF, "white stays white");
        // (0xC6 + 0x10 + 2) / 4 = 0x36, (0x28 + 0x20 + 2) / 4 = 0x12, (0x28 + 0x30 + 2) / 4 = 0x16
        assertEquals(0x361216, half.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void figuresSaveAsPngSvgAndPdf() throws IOException {
        Figure f = new Figure("forest-test", "caption", Charts.forest("标题", "x", ROWS, 0.02, true, "问责线", Lang.ZH));
        List<Path> files = f.save(dir, ChartFormat.PNG, ChartFormat.SVG, ChartFormat.PDF);
        assertEquals(List.of(dir.resolve("forest-test.png"), dir.resolve("forest-test.svg"), dir.resolve("forest-test.pdf")),
                files);
        assertTrue(Files.readString(dir.resolve("forest-test.svg")).contains("<svg"));
        assertEquals("%PDF", new String(Files.readAllBytes(dir.resolve("forest-test.pdf")), 0, 4,
                StandardCharsets.ISO_8859_1));
        assertEquals(List.of(ChartFormat.PNG, ChartFormat.PDF), ChartFormat.parseList("png, PDF"));
        assertEquals(List.of(), ChartFormat.parseList("none"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartFormat.parseList("png,jpg"));
        assertTrue(e.getMessage().contains("\"jpg\""), e.getMessage());
    }

    @Test
    void aChineseFontIsFoundAndDisplaysEveryLabel() {
        // .ci/run installs fonts-wqy-microhei; on a machine without a CJK font this names the fix
        String family = ChartFonts.chineseFamily().orElseThrow(() -> new AssertionError(
                "no installed font displays Chinese: apt-get install -y fonts-wqy-microhei"));
        assertEquals(-1, new java.awt.Font(family, java.awt.Font.PLAIN, 12).canDisplayUpTo(ChartFonts.SAMPLE));
        assertEquals(Lang.ZH, ChartFonts.usable(Lang.ZH));
        assertEquals(family, ChartFonts.font(java.awt.Font.BOLD, 17f).getFamily());
        XYChart c = Charts.forest("t", "x", ROWS, 0.02, true, "line", Lang.ZH);
        assertEquals(family, c.getStyler().getChartTitleFont().getFamily());
        assertEquals(family, c.getStyler().getAxisTickLabelsFont().getFamily());
        assertEquals(family, c.getStyler().getLegendFont().getFamily());
    }

    @Test
    void withoutAChineseFontChartsFallBackToEnglish() {
        assertTrue(ChartFonts.find(new String[] {"No Such Font"}).isEmpty());
        assertEquals(Lang.EN, ChartFonts.usable(Lang.ZH, java.util.Optional.empty()));
        assertEquals(Lang.EN, ChartFonts.usable(Lang.EN, java.util.Optional.of("WenQuanYi Micro Hei")));
        assertEquals(Lang.ZH, Lang.parse("中文"));
        assertThrows(IllegalArgumentException.class, () -> Lang.parse("fr"));
    }
}
