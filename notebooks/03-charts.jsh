// Charts for the meeting: forest and funnel plots, discrepancies, assistance and funds, files for slides,
// and the report. Run headless from the repository root:
//   jshell --class-path target/lookback.jar --startup DEFAULT --startup notebooks/predef.jsh notebooks/03-charts.jsh
// (predef.jsh imports Lookback, Tablesaw and the chart helpers show(...) and save(...).)
boolean ok = false;

// 1. The demo review: a synthetic city drawn, spot-checked and reviewed with every link.
var demo = Demo.run(Files.createTempDirectory("lookback-charts"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS);
var r = demo.result();

// 2. The forest plot of exit error rates: one line per county from lower to upper bound, the 2% line dashed,
//    red where the rule triggers, diamonds where the interval spans the line (fragile).
var forest = ReviewCharts.forest(r, Measure.EXIT, Lang.ZH);
System.out.println(forest);
System.out.println(forest.caption());
show(forest.chart());   // a window on a desktop; on a server it says how to save instead

// 3. A chart is an ordinary XChart chart: its series are the counties' intervals and the groups of points.
var chart = (org.knowm.xchart.XYChart) forest.chart();
chart.getSeriesMap().values().stream().filter(s -> !s.getName().startsWith("ci ")).
        forEach(s -> System.out.println(s.getName() + ": " + java.util.Arrays.toString(s.getXData())));

// 4. Files for slides: PNG at 300 dpi (insert it in PowerPoint/WPS and it stays sharp), SVG to edit, PDF to print.
var slides = Files.createTempDirectory("lookback-slides");
for (Path p : forest.save(slides, ChartFormat.PNG, ChartFormat.SVG, ChartFormat.PDF)) {
    System.out.println(p.getFileName() + "  " + Files.size(p) + " bytes");
}

// 5. The funnel plot: which county differences are only sampling noise (limits widened by the design effect).
var funnel = ReviewCharts.funnel(r, Measure.IDENTIFICATION, Lang.ZH);
System.out.println(funnel.caption());
save(funnel.chart(), slides.resolve("funnel.png").toString());

// 6. English labels for visitors; the same data.
var english = ReviewCharts.forest(r, Measure.EXIT, Lang.EN);
System.out.println(english.chart().getTitle());

// 7. Your own forest plot from any rows, e.g. the city's four measures against the 2% line.
var rows = new java.util.ArrayList<ForestRow>();
for (Measure m : Measure.values()) {
    var rate = r.rate("ALL", m);
    rows.add(new ForestRow(m.chinese(), rate.rate(), rate.interval().lower(), rate.interval().upper(),
            rate.rate() >= 0.02, rate.interval().contains(0.02)));
}
var city = Charts.forest("全市四项误差率", "误差率（按人）", rows, 0.02, true, "问责线", Lang.ZH);
save(city, slides.resolve("city.png").toString());

// 8. Every chart of the review, and the report page with them embedded.
var figures = ReviewCharts.of(r, Lang.ZH);
figures.forEach(System.out::println);
var report = dev.lookback.report.HtmlReport.write(slides, r, figures);
System.out.println("report: " + report + ", " + Files.size(report) + " bytes");

ok = figures.size() == 10 && Files.size(slides.resolve("forest-exit.png")) > 50_000 &&
        Files.readString(report).contains("<section id=\"decisions\">");
/exit ok ? 0 : 1
