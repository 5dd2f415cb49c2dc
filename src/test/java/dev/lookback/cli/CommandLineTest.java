package dev.lookback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.sim.Demo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: outputs, exit statuses, and messages without stack traces. */
class CommandLineTest {
    static final Path SRS = Path.of("src/test/resources/reference/srs");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private String[] review(Path frame, Path sample, Path self, Path spot, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("review", "--frame", frame.toString(), "--sample",
                sample.toString(), "--self-check", self.toString(), "--spot-check", spot.toString(), "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void reviewWritesTheThreeFilesAndASummary() throws IOException {
        Run r = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--ci-method", "korn-graubard,wald"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("问责线 threshold 2.00%"), r.out());
        assertTrue(r.out().contains("误差率 Rates, korn-graubard 95% 置信区间 intervals"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("≥! at or above") && l.contains("NA: no interval (无区间): ")
                && l.contains("C04 missed")), r.out());
        List<String> estimates = Files.readAllLines(dir.resolve("out/estimates.csv"));
        assertEquals("county,measure,unit,villages_sampled,villages_in_frame,units,errors,estimate,std_error,df,ci_lower,"
                + "ci_upper,ci_method,level", estimates.get(0));
        List<String> notes = Files.readAllLines(dir.resolve("out/estimate_notes.csv"));
        assertEquals("county,measure,ci_method,note", notes.get(0));
        assertTrue(notes.contains("C04,missed,korn-graubard,single sampled village: the design gives no variance estimate"),
                notes.toString());
        assertTrue(notes.contains("C03,missed,wald,census"), notes.toString());
        assertEquals(1 + 8 * 4 * 2, estimates.size(), "7 counties and ALL × 4 measures × 2 methods");
        assertTrue(estimates.get(estimates.size() - 1).startsWith("ALL,exit,persons,28,81,"));
        assertTrue(Files.readAllLines(dir.resolve("out/discrepancies.csv")).get(0).startsWith("household,county,village,kind"));
        assertTrue(Files.exists(dir.resolve("out/data_quality.csv")));
    }

    @Test
    void reviewFromTalliesMatchesTheHouseholdReview() throws IOException {
        Run households = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--report", "none", "--charts", "none"));
        assertEquals(0, households.status(), households.err());
        Path tallies = dir.resolve("out/tallies.csv");
        assertEquals("county,village,measure,errors,units,household_errors,domain_households,spot_households,"
                + "spot_in_register,register_households,register_in_spot",
                Files.readAllLines(tallies).get(0));
        Run fromTallies = run("review", "--frame", SRS.resolve("villages.csv").toString(), "--sample",
                SRS.resolve("sample.csv").toString(), "--tallies", tallies.toString(), "--out",
                dir.resolve("fromTallies").toString(), "--report", "none", "--charts", "none");
        assertEquals(0, fromTallies.status(), fromTallies.err());
        assertEquals(Files.readString(dir.resolve("out/estimates.csv")),
                Files.readString(dir.resolve("fromTallies/estimates.csv")));
        assertTrue(fromTallies.out().contains("Estimated from village tallies"), fromTallies.out());
        // tallies in persons without household counts: still estimated, and the data-quality file says that a
        // zero-error bound then counts persons as independent
        Path bare = dir.resolve("bare.csv");
        Files.write(bare, Files.readAllLines(tallies).stream().map(l -> String.join(",",
                java.util.Arrays.asList(l.split(",")).subList(0, 5))).toList());
        Run fromBare = run("review", "--frame", SRS.resolve("villages.csv").toString(), "--sample",
                SRS.resolve("sample.csv").toString(), "--tallies", bare.toString(), "--out", dir.resolve("bare").toString(),
                "--report", "none", "--charts", "none");
        assertEquals(0, fromBare.status(), fromBare.err());
        assertTrue(Files.readString(dir.resolve("bare/data_quality.csv")).contains("NO_HOUSEHOLD_COUNTS"));
        assertTrue(Files.readString(dir.resolve("bare/data_quality.csv")).contains("NO_MATCH_COUNTS"),
                "tallies without match counts pass the gate unchecked, and say so");
        Run both = run("review", "--frame", SRS.resolve("villages.csv").toString(), "--sample",
                SRS.resolve("sample.csv").toString(), "--tallies", tallies.toString(), "--self-check",
                SRS.resolve("self_check.csv").toString(), "--spot-check", SRS.resolve("spot_check.csv").toString());
        assertEquals(2, both.status());
        assertEquals("lookback review: give either --tallies or --self-check and --spot-check, not both\n", both.err());
        Run neither = run("review", "--frame", SRS.resolve("villages.csv").toString(), "--sample",
                SRS.resolve("sample.csv").toString(), "--self-check", SRS.resolve("self_check.csv").toString());
        assertEquals(2, neither.status());
        assertTrue(neither.err().contains("give --self-check and --spot-check"), neither.err());
    }

    @Test
    void gbkInputIsDetectedAndRecordedAndAWrongFlagSaysTheFix() throws IOException {
        Path gbk = dir.resolve("gbk");
        Files.createDirectories(gbk);
        Charset charset = Charset.forName("GBK");
        for (String f : List.of("villages.csv", "sample.csv", "self_check.csv", "spot_check.csv")) {
            String text = Files.readString(SRS.resolve(f), StandardCharsets.UTF_8)
                    .replaceFirst("household,county,village,persons,status", "户编号,县,村,人数,状态")
                    .replace(",NON_POOR", ",一般户");
            Files.write(gbk.resolve(f), text.getBytes(charset));
        }
        // the register and the spot check saved by Excel on Chinese Windows, the frame and sample left in UTF-8
        Files.copy(SRS.resolve("villages.csv"), gbk.resolve("villages.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String[] args = review(gbk.resolve("villages.csv"), gbk.resolve("sample.csv"), gbk.resolve("self_check.csv"),
                gbk.resolve("spot_check.csv"));
        Run detected = run(args);
        assertEquals(0, detected.status(), detected.err());
        String manifest = Files.readString(dir.resolve("out/manifest.json"));
        assertTrue(manifest.contains("\"file\": \"" + gbk.resolve("self_check.csv") + "\", \"sha256\""), manifest);
        assertTrue(manifest.contains("\"encoding\": \"GB18030 (detected)\""), manifest);
        assertTrue(manifest.contains("\"encoding\": \"UTF-8 (detected)\""), manifest);
        // named wrongly: the message says the fix in both languages, never "fix line 1"
        List<String> withFlag = new java.util.ArrayList<>(List.of(args));
        withFlag.addAll(List.of("--encoding", "UTF-8"));
        Run wrong = run(withFlag.toArray(new String[0]));
        assertEquals(2, wrong.status());
        assertEquals("lookback review: self_check.csv line 1: the bytes are not valid UTF-8; a file saved by Excel on"
                + " Chinese Windows is usually GBK: save it as UTF-8, or use --encoding GBK / self_check.csv：另存为 UTF-8 或指定"
                + " --encoding GBK\n", wrong.err());
        withFlag.set(withFlag.size() - 1, "GBK");
        Run ok = run(withFlag.toArray(new String[0]));
        assertEquals(0, ok.status(), ok.err());
        Run utf8 = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv")));
        java.util.function.Function<String, String> same = t -> t.replace(dir.toString(), "")
                .replaceAll(" \\(replacing the \\d+ files of the run before\\)", "");
        assertEquals(same.apply(utf8.out()), same.apply(ok.out()), "the same review whatever the encoding");
        assertEquals(same.apply(utf8.out()), same.apply(detected.out()), "the same review, detected");
    }

    @Test
    void unusableInputExitsTwoWithTheMessage() throws IOException {
        Path frame = dir.resolve("villages.csv");
        Files.writeString(frame, "county,village\nC01,V1\n");
        Run r = run(review(frame, SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"), SRS.resolve("spot_check.csv")));
        assertEquals(2, r.status());
        assertEquals("lookback review: villages.csv line 1: missing column households (户数); the header has [county, village]"
                + " / 请修改villages.csv 第 1 行后重试\n",
                r.err());
        Run missing = run(review(dir.resolve("nope.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv")));
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("lookback review: --frame " + dir.resolve("nope.csv") + ": no such file"),
                missing.err());
        Run folder = run(review(dir, SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"), SRS.resolve("spot_check.csv")));
        assertEquals(2, folder.status());
        assertTrue(folder.err().startsWith("lookback review: --frame " + dir + " is a folder: give the file itself"),
                folder.err());
    }

    @Test
    void badFlagsExitTwo() {
        Run method = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--ci-method", "exact"));
        assertEquals(2, method.status());
        assertEquals("lookback review: --ci-method: \"exact\" is not an interval method; expected one of wald, logit,"
                + " korn-graubard, korn-graubard-nb, wilson, bootstrap\n", method.err());
        Run level = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--level", "95"));
        assertEquals(2, level.status());
        assertEquals("lookback review: --level must be between 0 and 1, e.g. 0.95; got 95\n", level.err());
        Run unit = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--unit", "people"));
        assertEquals(2, unit.status());
        Run lang = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--lang", "fr"));
        assertEquals(2, lang.status());
        assertEquals("lookback review: --lang: the language must be zh or en, got \"fr\"\n", lang.err());
        Run charts = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--charts", "png,jpg"));
        assertEquals("lookback review: --charts: unknown chart format \"jpg\"; the formats are png, svg, pdf (or none)\n",
                charts.err());
        Run certificate = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--certificate", dir.resolve("missing.json").toString()));
        assertEquals("lookback review: --certificate " + dir.resolve("missing.json") + ": no such file (looked in "
                + dir.resolve("missing.json").toAbsolutePath().normalize() + ") / 找不到文件\n",
                certificate.err());
        assertFalse(Files.exists(dir.resolve("out/report.html")), "a bad option stops before any work");
        Run chart = run("plan", "--goal", "decision", "--unit", "households", "--chart", "oc.jpg");
        assertEquals(2, chart.status());
        assertEquals("", chart.out(), "nothing computed");
        Run required = run("review", "--frame", SRS.resolve("villages.csv").toString(), "--out",
                dir.resolve("required").toString());
        assertEquals(2, required.status());
        assertEquals("lookback review: missing --sample (or --input DIR, a folder of inputs); see lookback review --help"
                + " / 缺少必需选项 --sample\n", required.err());
        Run absent = run("review", "--frame", "x.csv");
        assertEquals(2, absent.status());
        assertTrue(absent.err().startsWith("lookback review: --frame x.csv: no such file (looked in "), absent.err());
        Run unknown = run("review", "--frame", "x.csv", "--colour", "red");
        assertEquals(2, unknown.status());
        assertEquals("lookback review: unknown option --colour; see lookback review --help / 未知选项，见 --help\n", unknown.err());
        Run command = run("reveiw");
        assertEquals(2, command.status());
        assertTrue(command.err().startsWith("lookback: unknown command \"reveiw\"; the commands are review, draw, verify-draw"),
                command.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("review", "draw", "verify-draw", "assign-teams", "plan", "draw-funds", "demo", "simulate")) {
            Run r = run(command, "--help");
            assertEquals(0, r.status());
            assertTrue(r.out().contains("Usage: lookback " + command), r.out());
        }
    }

    @Test
    void drawWithATownshipCapIsCertifiedAndVerified() throws IOException {
        Path frame = dir.resolve("villages.csv");
        StringBuilder text = new StringBuilder("county,township,village,households\n");
        for (int i = 0; i < 30; i++) {
            text.append("A,T").append(i % 3 == 0 ? 1 : 2).append(",A").append(i).append(",40\n");
        }
        Files.writeString(frame, text);
        Path sample = dir.resolve("drawn/sample.csv");
        Run draw = run("draw", "--frame", frame.toString(), "--seed", "s", "--per-county", "6", "--max-per-township", "3",
                "--out", sample.toString());
        assertEquals(0, draw.status(), draw.err());
        assertTrue(draw.out().contains("--max-per-township 3"), "the check line names the rule: " + draw.out());
        assertTrue(Files.readString(dir.resolve("drawn/sample.certificate.json")).contains("\"max_per_township\": 3"));
        Run ok = run("verify-draw", "--frame", frame.toString(), "--sample", sample.toString(), "--seed", "s");
        assertEquals(0, ok.status(), ok.out());
        assertTrue(ok.out().contains("at most 3 per township"), ok.out());
        Run other = run("verify-draw", "--frame", frame.toString(), "--sample", sample.toString(), "--seed", "s",
                "--max-per-township", "4");
        assertEquals(1, other.status(), other.out());
        assertTrue(other.out().contains("the certificate says at most 3 villages per township, not 4"), other.out());
        Run tooMany = run("draw", "--frame", frame.toString(), "--seed", "s", "--per-county", "7", "--max-per-township",
                "3", "--out", sample.toString());
        assertEquals(2, tooMany.status());
        assertEquals("lookback draw: county A: 7 villages cannot be drawn with at most 3 per township from 2 townships"
                + " (at most 6)\n", tooMany.err());
    }

    @Test
    void drawWritesASampleAndACertificateThatVerifyDrawAccepts() throws IOException {
        Path sample = dir.resolve("sample.csv");
        String seed = "2026-05-10 双色球 03 17 22 25 31";
        Run draw = run("draw", "--frame", SRS.resolve("villages.csv").toString(), "--seed", seed, "--total", "20",
                "--min-per-county", "2", "--out", sample.toString());
        assertEquals(0, draw.status(), draw.err());
        assertEquals("county,village,households,inclusion_probability,ticket", Files.readAllLines(sample).get(0));
        assertEquals(21, Files.readAllLines(sample).size());
        String certificate = Files.readString(dir.resolve("sample.certificate.json"));
        assertTrue(certificate.contains("\"seed\": \"" + seed + "\""), certificate);
        assertTrue(certificate.contains("\"frame_sha256\": \""), certificate);
        Run ok = run("verify-draw", "--frame", SRS.resolve("villages.csv").toString(), "--sample", sample.toString(),
                "--seed", seed);
        assertEquals(0, ok.status(), ok.out());
        Run wrong = run("verify-draw", "--frame", SRS.resolve("villages.csv").toString(), "--sample", sample.toString(),
                "--seed", seed + "!");
        assertEquals(1, wrong.status(), wrong.out());
        assertTrue(wrong.out().startsWith("DIFFERENT: "), wrong.out());
        List<String> lines = Files.readAllLines(sample);
        Path missing = dir.resolve("missing.csv");
        Files.write(missing, lines.subList(0, lines.size() - 1)); // the last village left out
        Files.copy(dir.resolve("sample.certificate.json"), dir.resolve("missing.certificate.json"));
        Run gap = run("verify-draw", "--frame", SRS.resolve("villages.csv").toString(), "--sample", missing.toString(),
                "--seed", seed);
        assertEquals(1, gap.status(), gap.out());
        assertTrue(gap.out().contains("the certificate has"), gap.out());
        Path extended = dir.resolve("extended.csv");
        Run extend = run("draw", "--frame", SRS.resolve("villages.csv").toString(), "--seed", seed, "--extend",
                sample.toString(), "--add", "C01=2", "--out", extended.toString());
        assertEquals(0, extend.status(), extend.err());
        assertTrue(extend.out().contains("C01: 5 of 12 villages (2 added)"), extend.out());
        Run oneCounty = run("draw", "--frame", SRS.resolve("villages.csv").toString(), "--seed", seed, "--extend",
                sample.toString(), "--county", "C02", "--add", "1", "--out", dir.resolve("e2.csv").toString());
        assertTrue(oneCounty.out().contains("(1 added)"), oneCounty.out());
        Run bad = run("draw", "--frame", SRS.resolve("villages.csv").toString(), "--seed", seed, "--extend",
                sample.toString(), "--add", "C99=2");
        assertEquals(2, bad.status());
        assertEquals("lookback draw: --add: \"C99=2\" is not COUNTY=K with a county of the frame\n", bad.err());
    }

    @Test
    void assignTeamsWritesAnAssignmentWithNoTeamAtHome() throws IOException {
        Path teams = dir.resolve("teams.csv");
        Files.writeString(teams, "队,所属县\n一组,C01\n二组,C02\n三组,C03\n");
        Path out = dir.resolve("assignment.csv");
        Run r = run("assign-teams", "--teams", teams.toString(), "--seed", "2026-05-11", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("team,home_county,county", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(!f[1].equals(f[2]), line);
        }
        assertTrue(Files.readString(dir.resolve("assignment.certificate.json")).contains("\"seed\": \"2026-05-11\""));
    }

    /** The villages a plan's first line states: "Precision: 12 of 200 villages …". */
    private static int villages(String out) {
        return Integer.parseInt(out.split(" ")[1]);
    }

    @Test
    void planAnswersEachGoal() throws IOException {
        Run attribute = run("plan", "--goal", "attribute", "--tolerable", "0.02");
        assertEquals(0, attribute.status(), attribute.err());
        assertTrue(attribute.out().startsWith("Attribute sampling: 149 independent units"), attribute.out());
        Run precision = run("plan", "--goal", "precision", "--rate", "0", "--margin", "0.05", "--unit", "households",
                "--households-per-village", "1", "--cv", "0", "--rho", "0", "--villages", "1000000");
        assertTrue(precision.out().startsWith("Precision: 72 of 1000000 villages (in households, 1.0 a village"),
                precision.out());
        // the unit must be told: persons or households, and persons come in households
        Run ambiguous = run("plan", "--goal", "precision", "--units-per-village", "50");
        assertEquals(2, ambiguous.status());
        assertTrue(ambiguous.err().startsWith("lookback plan: --units-per-village is ambiguous: persons or households?"),
                ambiguous.err());
        Run noPersons = run("plan", "--goal", "decision");
        assertEquals(2, noPersons.status());
        assertTrue(noPersons.err().contains("--unit persons (the review's default) needs the persons of a household"),
                noPersons.err());
        Run both = run("plan", "--goal", "decision", "--unit", "households", "--persons-per-household", "3");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("a review in households counts no persons"), both.err());
        // persons in households cost villages against households alone: every person of an erring household errs
        Run inPersons = run("plan", "--goal", "precision", "--persons-per-household", "4");
        Run inHouseholds = run("plan", "--goal", "precision", "--unit", "households");
        assertTrue(villages(inPersons.out()) > villages(inHouseholds.out()), inPersons.out() + inHouseholds.out());
        assertTrue(inPersons.out().contains("(in persons, 50.0 households a village of 4.00 persons: about "),
                inPersons.out());
        Path oc = dir.resolve("oc.csv");
        Run decision = run("plan", "--goal", "decision", "--persons-per-household", "3.5", "--replicates", "300",
                "--oc-out", oc.toString());
        assertEquals(0, decision.status(), decision.err());
        assertTrue(decision.out().contains("Operating characteristic"), decision.out());
        assertEquals("rate,probability_triggered,villages,policy,threshold", Files.readAllLines(oc).get(0));
        Run fromReview = run("plan", "--rho-from", SRS.resolve("expected_persons_0.95.csv").toString(), "--unit",
                "households");
        assertEquals(0, fromReview.status(), fromReview.err());
        assertTrue(fromReview.out().startsWith("ρ from "), fromReview.out());
        // from a review's tallies.csv: the ANOVA estimator over each county's villages, the median of those
        Path tallies = dir.resolve("tallies.csv");
        Files.writeString(tallies, "county,village,measure,errors,units\nA,A1,exit,0,10\nA,A2,exit,5,10\nA,A3,exit,0,10\n"
                + "B,B1,exit,1,10\nB,B2,exit,1,10\nA,A1,missed,1,10\n");
        Run fromTallies = run("plan", "--rho-from", tallies.toString(), "--measure", "exit", "--unit", "households");
        assertEquals(0, fromTallies.status(), fromTallies.err());
        double a = dev.lookback.draw.Plan.rhoFromTallies(new double[] {0, 5, 0}, new double[] {10, 10, 10});
        assertTrue(fromTallies.out().startsWith("ρ from " + tallies + " (exit), by county: A "
                + dev.lookback.survey.Formats.fixed(a, 3) + ", B 0.000; median "
                + dev.lookback.survey.Formats.fixed(a / 2, 3)), fromTallies.out());
        // a previous review's tallies give the villages in the review's unit: households and their persons
        Path withHouseholds = dir.resolve("tallies_households.csv");
        StringBuilder t = new StringBuilder("county,village,measure,errors,units,household_errors,domain_households\n");
        for (int v = 0; v < 30; v++) {
            t.append("A,A").append(v).append(",exit,0,").append(60 + v).append(",0,").append(20 + v / 3).append('\n');
        }
        Files.writeString(withHouseholds, t.toString());
        Run fromPrevious = run("plan", "--goal", "precision", "--villages", "20", "--tallies-from", withHouseholds.toString(),
                "--measure", "exit");
        assertEquals(0, fromPrevious.status(), fromPrevious.err());
        assertTrue(fromPrevious.out().contains("(in persons, 24.5 households a village of 3.04 persons"),
                fromPrevious.out());
        Run noHouseholds = run("plan", "--goal", "precision", "--tallies-from", tallies.toString(), "--measure", "exit");
        assertEquals(2, noHouseholds.status());
        assertTrue(noHouseholds.err().contains("domain_households"), noHouseholds.err());
        Run bad = run("plan", "--goal", "guess");
        assertEquals(2, bad.status());
        assertEquals("lookback plan: --goal: \"guess\" is not precision, decision, review or attribute\n", bad.err());
        // the decision is confirmed by an independent run, and family-wise needs its family
        assertTrue(decision.out().contains("Confirmed by 1200 independent replicates"), decision.out());
        Run noFamily = run("plan", "--goal", "decision", "--policy", "family-wise", "--unit", "households");
        assertEquals(2, noFamily.status());
        assertTrue(noFamily.err().contains("give --family M"), noFamily.err());
        Run family = run("plan", "--goal", "decision", "--policy", "family-wise", "--family", "16", "--replicates", "300",
                "--unit", "households");
        assertEquals(0, family.status(), family.err());
        assertTrue(family.out().contains("family-wise policy over 16 decisions"), family.out());
        // every county of a frame at once, written as CSV
        Path plan = dir.resolve("plan.csv");
        Run review = run("plan", "--goal", "review", "--frame", SRS.resolve("villages.csv").toString(), "--policy",
                "family-wise", "--replicates", "200", "--persons-per-household", "3", "--out", plan.toString());
        assertEquals(0, review.status(), review.err());
        assertTrue(review.out().startsWith("Review plan: "), review.out());
        assertTrue(review.out().contains("A review accuses any county with chance"), review.out());
        List<String> rows = Files.readAllLines(plan);
        assertEquals("county,villages_in_frame,mean_units,villages,false_trigger,false_trigger_upper,escape,"
                + "escape_upper,trigger_chance_at_threshold,persons_per_household", rows.get(0));
        assertTrue(rows.get(1).endsWith(",3.0"), rows.get(1));
        assertEquals(1 + dev.lookback.frame.Frame.read(dev.lookback.io.TabularSource.of(SRS.resolve("villages.csv")))
                .counties().size(), rows.size());
        Run noFrame = run("plan", "--goal", "review", "--unit", "households");
        assertEquals(2, noFrame.status());
        assertEquals("lookback plan: --goal review needs --frame villages.csv\n", noFrame.err());
    }

    @Test
    void reviewWithEveryLinkDecidesEveryRuleAndWritesRectificationLists() throws IOException {
        Path leaders = dir.resolve("leaders.csv");
        Files.writeString(leaders, "county,role,name\nC01,党委书记,王一\nC01,县长,李一\nC01,分管帮扶工作领导,赵一\n");
        Path cadres = dir.resolve("cadres.csv");
        Files.writeString(cadres, "cadre,county,village,role,months_in_village,replaced,replacement_approved,tasks_done\n"
                + "A1,C01,C01-V000,第一书记,14,否,,是\nA2,C01,C01-V004,工作队员,3,否,,是\n");
        Path satisfaction = dir.resolve("satisfaction.csv");
        Files.writeString(satisfaction, "household,county,village,answer\nH1,C01,C01-V000,满意\nH2,C01,C01-V004,不满意\n");
        Path funds = dir.resolve("fund_checks.csv");
        Files.writeString(funds, "project,county,amount,audited_misused,planned_finish,actual_finish,started\n"
                + "P1,C01,100000,2000,2026-03-31,2026-03-20,是\nP2,C01,50000,0,2026-03-31,,是\n");
        Run r = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--leaders", leaders.toString(), "--cadres", cadres.toString(),
                "--satisfaction", satisfaction.toString(), "--funds", funds.toString(), "--as-of", "2026-05-01"));
        assertEquals(0, r.status(), r.err());
        List<String> decisions = Files.readAllLines(dir.resolve("out/decisions.csv"));
        assertTrue(decisions.stream().anyMatch(l -> l.startsWith("C01,assistance,cadre_noncompliance,0.5,")), decisions.toString());
        assertTrue(decisions.stream().anyMatch(l -> l.startsWith("C01,funds,misused_share,")), decisions.toString());
        assertTrue(decisions.stream().anyMatch(l -> l.startsWith("C07,identification_exit,identification,")));
        List<String> list = Files.readAllLines(dir.resolve("out/rectification/C01.csv"));
        assertEquals("item,id,village,problem_zh,problem,amount", list.get(0));
        assertTrue(list.contains("cadre_noncompliance,A2,C01-V004,驻村时间不足（3 个月，少于 6 个月）,\"3 months in the village, below 6\","), list.toString());
        assertTrue(list.contains("satisfaction,H2,C01-V004,不满意,dissatisfied,"), list.toString());
        assertTrue(list.contains("project,P1,,挤占挪用,misused money,2000.0"), list.toString());
        assertTrue(list.contains("project,P2,,逾期或未开工,overdue or not started,"), list.toString());
        assertEquals("county,project,amount,audited_misused,line\nC01,P1,100000.0,2000.0,2\n",
                Files.readString(dir.resolve("out/fund_referrals.csv")));
    }

    @Test
    void aConfigFileSetsOptionsTheCommandLineCanOverride() throws IOException {
        Path leaders = dir.resolve("leaders.csv");
        Files.writeString(leaders, "county,role,name\nC07,党委书记,王七\n");
        Path config = dir.resolve("review.properties");
        Files.writeString(config, "# thresholds of this city's plan\nthreshold=0.5\npolicy=confident\n");
        Run r = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--leaders", leaders.toString(), "--config", config.toString()));
        assertEquals(0, r.status(), r.err());
        List<String> decisions = Files.readAllLines(dir.resolve("out/decisions.csv"));
        assertTrue(decisions.stream().skip(1).allMatch(l -> l.contains(",0.5,confident,NOT_TRIGGERED,")
                || l.contains(",0.5,confident,NO_DATA,")), decisions.toString());
        // no decision without data: C04 has one sampled village (no interval for the confident policy), C05 no
        // exited household in its sample
        assertEquals(List.of("C04 identification", "C04 exit", "C05 exit"), decisions.stream()
                .filter(l -> l.contains(",NO_DATA,")).map(l -> l.split(",")[0] + " " + l.split(",")[2]).toList());
        Run flag = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--leaders", leaders.toString(), "--config", config.toString(),
                "--threshold", "0.02"));
        assertEquals(0, flag.status(), flag.err());
        assertTrue(Files.readAllLines(dir.resolve("out/decisions.csv")).stream().anyMatch(l -> l.contains(",0.02,confident,")));
        Files.writeString(config, "treshold=0.5\n");
        Run typo = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--config", config.toString()));
        assertEquals(2, typo.status());
        assertEquals("lookback review: --config: " + config + " sets \"treshold\", which is not an option of lookback review;"
                + " see lookback review --help\n", typo.err());
    }

    @Test
    void fundsDrawsAndEvaluatesAMonetaryUnitSample() throws IOException {
        Path funds = dir.resolve("fund_checks.csv");
        Files.writeString(funds, "项目,县,金额,违规金额\nP01,C01,120000,0\nP02,C01,5000,0\nP03,C01,80000,8000\n"
                + "P04,C02,1000000,0\n");
        Path out = dir.resolve("fund_sample.csv");
        Run r = run("draw-funds", "--funds", funds.toString(), "--seed", "2026-05-12", "--n", "20", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Evaluation: "), r.out());
        assertEquals("project,county,amount,hits,inclusion_probability,cumulative_from,cumulative_to",
                Files.readAllLines(out).get(0));
        assertTrue(Files.readString(dir.resolve("fund_sample.certificate.json")).contains("\"seed\": \"2026-05-12\""));
    }

    @Test
    void demoRunsTheWholeReviewOnASyntheticCity() throws IOException {
        Path out = dir.resolve("demo");
        Run r = run("demo", "--out", out.toString(), "--charts", "png,svg,pdf");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("true "), r.out());
        assertTrue(r.out().contains("问责 Who is reached"), r.out());
        assertEquals("county,rule,measure,estimate,ci_lower,ci_upper,threshold,policy,outcome,fragile,p_value,p_adjusted,"
                + "trigger_chance_at_threshold,villages_to_settle,roles,names,evidence,above_line_not_proven",
                Files.readAllLines(out.resolve("decisions.csv")).get(0), "the contract's columns, then one more");
        assertEquals(1 + 8 * 6, Files.readAllLines(out.resolve("decisions.csv")).size(),
                "8 counties × (identification, exit, cadres, satisfaction, misuse, overdue)");
        for (String f : List.of("estimates.csv", "discrepancies.csv", "data_quality.csv", "decisions.csv",
                "fund_referrals.csv", "report.html", "charts/forest-identification.png", "charts/forest-exit.svg",
                "charts/funnel-exit.pdf", "charts/funds.png", "input/leaders.csv", "input/villages.csv",
                "input/sample.csv", "input/sample.certificate.json", "input/self_check.csv", "input/spot_check.csv",
                "input/cadres.csv", "input/satisfaction.csv", "input/fund_checks.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.out().contains("report.html"), "the demo says which files to open");
        Run again = run("demo", "--out", dir.resolve("demo2").toString(), "--charts", "none", "--report", "none");
        assertFalse(Files.exists(dir.resolve("demo2/report.html")), "--report none writes no report");
        assertEquals(Files.readString(out.resolve("estimates.csv")), Files.readString(dir.resolve("demo2/estimates.csv")),
                "the demo is deterministic for a seed");
        // the README's rerun at the command line's defaults: the demo decides on the default interval method too
        Run rerun = run("review", "--input", out.resolve("input").toString(), "--as-of", Demo.AS_OF.toString(), "--out",
                dir.resolve("demo-again").toString(), "--charts", "none", "--report", "none");
        assertEquals(0, rerun.status(), rerun.err());
        assertEquals(Files.readString(out.resolve("decisions.csv")), Files.readString(dir.resolve("demo-again/decisions.csv")),
                "the demo's decisions, byte for byte");
    }

    @Test
    void shellOpensJShellWithLookbackAndItsStartup() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        // and a chart can be made on a machine without a display (headless unless a display exists)
        Path png = dir.resolve("shell-chart.png");
        String input = "System.out.println(\"class \" + Review.class.getName() + \" \" + Lang.ZH);\n"
                + "System.out.println(\"headless \" + java.awt.GraphicsEnvironment.isHeadless());\n"
                + "save(Charts.operatingCharacteristic(new double[] {0, 0.02, 0.04}, new double[] {0, 0.5, 1}, 0.02,"
                + " \"x\", Lang.EN), \"" + png.toString().replace("\\", "/") + "\");\n/exit 3\n";
        int status = ShellCommand.launch(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                out, out, List.of());
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(3, status, text);
        assertTrue(text.contains("回头看 review analytics"), "the banner of predef.jsh: " + text);
        assertTrue(text.contains("class dev.lookback.Review ZH"), "predef.jsh imported Lookback and the charts: " + text);
        assertTrue(text.contains("headless " + ShellCommand.headless()), text);
        assertTrue(Files.size(png) > 1000, text);
    }

    @Test
    void theShellMakesChartsOnAServerWithoutADisplay() throws Exception {
        // a fresh JVM as `lookback shell` starts, without java.awt.headless set and without DISPLAY
        Path png = dir.resolve("server-chart.png");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.lookback.cli.Main", "shell");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(("save(Charts.operatingCharacteristic(new double[] {0, 0.02, 0.04}, new double[] {0, 0.5, 1},"
                    + " 0.02, \"x\", Lang.EN), \"" + png.toString().replace("\\", "/") + "\");\n/exit\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        assertFalse(text.contains("AWTError"), text);
        assertTrue(Files.exists(png) && Files.size(png) > 1000, text);
    }

    @Test
    void oneRunOneFolderWithAManifest() throws Exception {
        Path out = dir.resolve("out");
        Path funds = dir.resolve("fund_checks.csv");
        Files.writeString(funds, "project,county,amount,audited_misused,planned_finish,actual_finish,started\n"
                + "P1,C01,100000,5000,2026-01-01,2026-02-01,true\n");
        Path leaders = dir.resolve("leaders.csv");
        Files.writeString(leaders, "county,role,name\nC01,党委书记,王一\nC01,县长,李一\n");
        String[] withFunds = review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--leaders", leaders.toString(), "--funds", funds.toString());
        assertEquals(0, run(withFunds).status());
        assertTrue(Files.exists(out.resolve("fund_referrals.csv")));
        Files.writeString(out.resolve("notes.txt"), "mine");
        // the same folder again without funds: last run's referrals are gone, the user's own file stays
        Run again = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv")));
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("replacing the"), again.out());
        assertFalse(Files.exists(out.resolve("fund_referrals.csv")));
        assertFalse(Files.exists(out.resolve("decisions.csv")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        // the manifest: every output with its SHA-256, every input by role
        Object m = dev.lookback.io.Json.parse(Files.readString(out.resolve("manifest.json")));
        java.util.Map<?, ?> manifest = (java.util.Map<?, ?>) m;
        List<?> outputs = (List<?>) manifest.get("outputs");
        java.util.Map<?, ?> estimates = (java.util.Map<?, ?>) outputs.stream()
                .filter(o -> "estimates.csv".equals(((java.util.Map<?, ?>) o).get("file"))).findFirst().orElseThrow();
        assertEquals(dev.lookback.draw.Tickets.fileSha256(out.resolve("estimates.csv")), estimates.get("sha256"));
        assertTrue(outputs.stream().noneMatch(o -> ((java.util.Map<?, ?>) o).get("file").toString().contains("notes.txt")));
        List<?> inputs = (List<?>) manifest.get("inputs");
        assertEquals("frame", ((java.util.Map<?, ?>) inputs.get(0)).get("role"));
        assertEquals(dev.lookback.draw.Tickets.fileSha256(SRS.resolve("villages.csv")),
                ((java.util.Map<?, ?>) inputs.get(0)).get("sha256"));
        // outputs no manifest accounts for are refused, with the way out; --force replaces them
        Files.delete(out.resolve("manifest.json"));
        Run refused = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv")));
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("no manifest.json accounts for") && refused.err().contains("--force"),
                refused.err());
        Run forced = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--force"));
        assertEquals(0, forced.status(), forced.err());
        // a file for --out
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        List<String> args = new java.util.ArrayList<>(List.of(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"),
                SRS.resolve("self_check.csv"), SRS.resolve("spot_check.csv"))));
        args.set(args.indexOf("--out") + 1, file.toString());
        Run onFile = run(args.toArray(new String[0]));
        assertEquals(2, onFile.status());
        assertTrue(onFile.err().startsWith("lookback review: --out " + file + " is a file, not a folder"), onFile.err());
    }

    @Test
    void aReviewThatLeftMostRecordsOutSaysSoAndIsNotUsable() throws IOException {
        // every spot-check record has an unreadable verdict: all left out for the same reason
        List<String> spot = Files.readAllLines(SRS.resolve("spot_check.csv"));
        StringBuilder bad = new StringBuilder(spot.get(0)).append('\n');
        for (String line : spot.subList(1, spot.size())) {
            bad.append(line, 0, line.lastIndexOf(',')).append(",maybe\n");
        }
        Path file = dir.resolve("spot_check.csv");
        Files.writeString(file, bad);
        Run r = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"), file));
        assertEquals(2, r.status(), r.out());
        String line = r.out().lines().filter(l -> l.startsWith("不可用 NOT USABLE — fix spot_check.csv and run again: "))
                .findFirst().orElse("");
        assertTrue(line.contains((spot.size() - 1) + " records left out (0 kept), " + (spot.size() - 1)
                + " for one reason"), r.out());
        assertTrue(r.err().startsWith("lookback review: 不可用 NOT USABLE — fix spot_check.csv"), r.err());
        assertTrue(r.err().contains("expected true or false"), r.err());
        assertTrue(Files.exists(dir.resolve("out/data_quality.csv")), "the files are written for inspection");
    }

    @Test
    void followUpWithinABudgetAddsAtMostItAndTheDefaultMakesNoCensus() throws Exception {
        Path demo = dir.resolve("demo-budget");
        assertEquals(0, run("demo", "--out", demo.toString(), "--report", "none", "--charts", "none").status());
        Map<String, Integer> inFrame = new java.util.TreeMap<>();
        for (String l : Files.readAllLines(demo.resolve("input/villages.csv")).subList(1, 1 + 320)) {
            inFrame.merge(l.split(",")[0], 1, Integer::sum);
        }
        for (String budget : List.of("30", "40")) {
            Path out = dir.resolve("budget-" + budget);
            Run r = run("follow-up", "--review", demo.toString(), "--budget", budget, "--out", out.toString());
            assertEquals(0, r.status(), r.err());
            int added = Files.exists(out.resolve("visits.csv")) ? Files.readAllLines(out.resolve("visits.csv")).size() - 1 : 0;
            assertTrue(added <= Integer.parseInt(budget), added + " villages for a budget of " + budget + "\n" + r.out());
        }
        // without a budget: what the decisions need, but no county visits every village; the page compares budgets
        Path all = dir.resolve("budget-none");
        Run r = run("follow-up", "--review", demo.toString(), "--out", all.toString());
        assertEquals(0, r.status(), r.err());
        dev.lookback.draw.Certificate c = dev.lookback.draw.Certificate.read(all.resolve("sample.certificate.json"));
        c.villagesPerCounty().forEach((county, n) -> assertTrue(n < inFrame.get(county), county + " became a census"));
        String page = Files.readString(all.resolve("follow_up.html"));
        assertTrue(page.contains("各预算可买到什么"), "what each budget buys");
        assertTrue(page.contains("<table class=\"round\">"), "the round as a table");
        String table = page.substring(page.indexOf("<table class=\"round\">"), page.indexOf("</table>",
                page.indexOf("<table class=\"round\">")));
        List<String> counties = java.util.regex.Pattern.compile("<tr><td>(C\\d\\d)</td>").matcher(table).results()
                .map(m -> m.group(1)).toList();
        assertEquals(counties.stream().sorted().toList(), counties, "in county order");
        assertFalse(page.contains("其余 0 个县"), "no 'the others keep' when none remain");
        // --allow-census lets the need be met
        Path census = dir.resolve("budget-census");
        assertEquals(0, run("follow-up", "--review", demo.toString(), "--allow-census", "--out", census.toString())
                .status());
        Run bad = run("follow-up", "--review", demo.toString(), "--budget", "-1", "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.status(), bad.out());
    }

    @Test
    void followUpExtendsTheUnsettledCountiesAndRefusesChangedInputs() throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, run("demo", "--out", demo.toString(), "--report", "none", "--charts", "none").status());
        Run r = run("follow-up", "--review", demo.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(demo.resolve("leads.csv")) && Files.isRegularFile(demo.resolve("lead_referrals.csv")),
                "the demo's reports from the public are followed");
        assertTrue(Files.readAllLines(demo.resolve("agreement.csv")).get(0).startsWith("county,on,households,villages,"
                + "agreements,both_yes"), "the demo's third-party re-check is compared");
        Path round = demo.resolve("round-2");
        for (String f : List.of("sample.csv", "sample.certificate.json", "visits.csv", "follow_up.html")) {
            assertTrue(Files.isRegularFile(round.resolve(f)), f);
        }
        dev.lookback.draw.Certificate second = dev.lookback.draw.Certificate.read(round.resolve("sample.certificate.json"));
        assertEquals(2, second.round());
        assertEquals(dev.lookback.draw.Tickets.fileSha256(demo.resolve("input/sample.certificate.json")),
                second.previousSha256());
        // the counties extended are those with an unsettled sampled decision that more villages could change
        // (triggered but fragile, above the line but not proven, no data); the other unsettled ones stay
        java.util.Set<String> unsettled = new java.util.TreeSet<>();
        java.util.Set<String> stay = new java.util.TreeSet<>();
        for (var u : FollowUpCommand.unsettled(demo.resolve("decisions.csv"))) {
            (u.couldChange() && u.villagesToSettle() != 0 ? unsettled : stay).add(u.county());
        }
        stay.removeAll(unsettled);
        assertFalse(stay.isEmpty(), "the demo has fragile decisions more villages would not change");
        assertTrue(Files.readString(round.resolve("follow_up.html")).contains("增抽不会改变问责结果，不增抽"));
        java.util.Set<String> extended = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(round.resolve("visits.csv")).subList(1, Files.readAllLines(round.resolve("visits.csv")).size())) {
            extended.add(line.split(",")[0]);
        }
        assertEquals(unsettled, extended);
        // the combined sample verifies against its certificate, as anyone would check it
        Run verify = run("verify-draw", "--frame", demo.resolve("input/villages.csv").toString(), "--sample",
                round.resolve("sample.csv").toString(), "--seed", dev.lookback.sim.Demo.SEED);
        assertEquals(0, verify.status(), verify.out() + verify.err());
        // a review of the combined sample needs the new villages' spot checks ...
        Run unchecked = run("review", "--frame", demo.resolve("input/villages.csv").toString(), "--sample",
                round.resolve("sample.csv").toString(), "--self-check", demo.resolve("input/self_check.csv").toString(),
                "--spot-check", demo.resolve("input/spot_check.csv").toString(), "--out", dir.resolve("r1").toString());
        assertEquals(2, unchecked.status());
        assertTrue(unchecked.err().contains("of round 2 have no spot-checked household"), unchecked.err());
        assertFalse(Files.exists(dir.resolve("r1/estimates.csv")), "nothing written");
        // ... and with them (the synthetic city's checkers visit the round's villages) it decides each county on all
        Path checks = dir.resolve("checks");
        Files.createDirectories(checks);
        var city = dev.lookback.sim.SyntheticCity.generate(dev.lookback.sim.CitySpec.demo(
                dev.lookback.sim.SyntheticCity.seedOf(dev.lookback.sim.Demo.SEED)));
        city.writeSpotCheck(dev.lookback.frame.Sample.read(dev.lookback.io.TabularSource.of(round.resolve("sample.csv")), city.frame()),
                checks);
        Run again = run("review", "--frame", demo.resolve("input/villages.csv").toString(), "--sample",
                round.resolve("sample.csv").toString(), "--self-check", demo.resolve("input/self_check.csv").toString(),
                "--spot-check", checks.resolve("spot_check.csv").toString(), "--out", dir.resolve("r2").toString(),
                "--leaders", demo.resolve("input/leaders.csv").toString(), "--report", "none", "--charts", "none",
                "--previous", demo.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("第 1 轮 → 第 2 轮 Round 1 → 2: triggered 启动 "), again.out());
        assertTrue(again.out().contains(", villages 村 64 → "), again.out());
        assertTrue(again.out().contains("第 2 轮 Round 2 of 2: "), again.out());
        assertTrue(again.out().contains("decisions at 99.69%, 95.31% by round"), again.out());
        List<String> decided = Files.readAllLines(dir.resolve("r2/decisions.csv"));
        assertTrue(decided.stream().anyMatch(l -> l.contains("95.31%区间")), "the decisions state the round's level");
        assertTrue(Files.readAllLines(demo.resolve("decisions.csv")).stream().anyMatch(l -> l.contains("99.69%区间")),
                "round 1 spends little of the error");
        // a round-2 sample must be the certified one: dropping a round-1 village is refused
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(round.resolve("sample.csv")));
        rows.remove(1);
        Path dropped = dir.resolve("dropped");
        Files.createDirectories(dropped);
        Files.write(dropped.resolve("sample.csv"), rows);
        Files.copy(round.resolve("sample.certificate.json"), dropped.resolve("sample.certificate.json"));
        Run refused = run("review", "--frame", demo.resolve("input/villages.csv").toString(), "--sample",
                dropped.resolve("sample.csv").toString(), "--self-check", demo.resolve("input/self_check.csv").toString(),
                "--spot-check", checks.resolve("spot_check.csv").toString(), "--out", dir.resolve("r3").toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("sample.certificate.json: the draw's certificate does not match the frame and"
                + " the sample given"), refused.err());
        assertTrue(refused.err().contains("is in the certificate but not in the sample"), refused.err());
        // the rounds cannot change after the draw
        Run changedRounds = run("review", "--frame", demo.resolve("input/villages.csv").toString(), "--sample",
                demo.resolve("input/sample.csv").toString(), "--self-check", demo.resolve("input/self_check.csv").toString(),
                "--spot-check", demo.resolve("input/spot_check.csv").toString(), "--out", dir.resolve("r4").toString(),
                "--rounds", "3");
        assertEquals(2, changedRounds.status());
        assertTrue(changedRounds.err().contains("declares 2 rounds"), changedRounds.err());
        // no third round (two declared), and nothing when the inputs changed since the review
        Run third = run("follow-up", "--review", demo.toString(), "--out", dir.resolve("again").toString());
        assertEquals(0, third.status(), third.err()); // the review's own certificate is still round 1: a redo is fine
        Files.writeString(demo.resolve("input/villages.csv"), Files.readString(demo.resolve("input/villages.csv")) + "\n");
        Run changed = run("follow-up", "--review", demo.toString(), "--out", dir.resolve("changed").toString());
        assertEquals(2, changed.status());
        assertTrue(changed.err().contains("changed since the review"), changed.err());
        assertFalse(Files.exists(dir.resolve("changed")), "nothing written");
    }

    @Test
    void drawRecheckPicksSampledVillagesFromThePublicSeed() throws IOException {
        Path out = dir.resolve("recheck_villages.csv");
        Run r = run("draw-recheck", "--frame", SRS.resolve("villages.csv").toString(), "--sample",
                SRS.resolve("sample.csv").toString(), "--seed", "第三方 2026", "--per-county", "1", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals("county,village,ticket", rows.get(0));
        java.util.Set<String> sampled = new java.util.HashSet<>();
        for (String line : Files.readAllLines(SRS.resolve("sample.csv")).subList(1, Files.readAllLines(SRS.resolve("sample.csv")).size())) {
            sampled.add(line.split(",")[1]);
        }
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",");
            assertTrue(sampled.contains(f[1]), line);
            assertEquals(dev.lookback.draw.Tickets.sha256("第三方 2026/recheck/" + f[1]), f[2]);
        }
    }

    @Test
    void lonelyVillageFailExitsTwoWithTheReason() {
        // county C04 of the fixture has one sampled village
        Run r = run(review(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv"), "--lonely-village", "fail"));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("lookback review: stratum C04 has a single sampled cluster, which gives no"
                + " variance estimate"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void optionDefaultsAreTheLibraryDefaults() {
        java.util.Map<String, String> defaults = new java.util.HashMap<>();
        new ReviewCommand().options().forEach(o -> defaults.put(o.name(), o.defaultValue()));
        dev.lookback.ReviewSettings d = dev.lookback.ReviewSettings.defaults();
        assertEquals(Double.toString(d.threshold()), defaults.get("--threshold"));
        assertEquals(Double.toString(d.minimumSatisfaction()), defaults.get("--min-satisfaction"));
        assertEquals(dev.lookback.ReviewSettings.DEFAULT_SEED, defaults.get("--seed"));
        assertEquals(d.policy().label(), defaults.get("--policy"));
        assertEquals(Double.toString(d.level()), defaults.get("--level"));
    }
    @Test
    void withoutWorkbooksTheCsvFilesAreTheSameAndNothingNamesAWorkbook() throws IOException {
        Path leaders = dir.resolve("leaders.csv");
        Files.writeString(leaders, "county,role,name\nC01,党委书记,王一\nC01,县长,李一\n");
        Path with = dir.resolve("with");
        Path without = dir.resolve("without");
        String[] files = {"--frame", SRS.resolve("villages.csv").toString(), "--sample", SRS.resolve("sample.csv").toString(),
                "--self-check", SRS.resolve("self_check.csv").toString(), "--spot-check",
                SRS.resolve("spot_check.csv").toString(), "--leaders", leaders.toString(), "--charts", "none"};
        Run all = run(concat(files, "review", "--out", with.toString()));
        assertEquals(0, all.status(), all.err());
        // into a folder that holds a run with workbooks: that run's workbooks go (nothing stale is left)
        Run first = run(concat(files, "review", "--out", without.toString()));
        assertEquals(0, first.status(), first.err());
        Run none = run(concat(files, "review", "--out", without.toString(), "--workbooks", "none"));
        assertEquals(0, none.status(), none.err());

        assertTrue(all.out().contains("review.xlsx"), all.out());
        assertFalse(none.out().contains("review.xlsx"), "the summary and the files' line name no workbook: " + none.out());
        assertTrue(none.out().contains("(decisions.csv):"), none.out());
        assertTrue(none.out().contains("Wrote " + without.resolve("estimates.csv") + ", estimate_notes.csv, discrepancies.csv,"
                + " data_quality.csv, tallies.csv, decisions.csv, report.html, rectification/, manifest.json"), none.out());
        try (var walk = Files.walk(without)) {
            assertEquals(List.of(), walk.filter(f -> f.toString().endsWith(".xlsx")).toList());
        }
        String manifest = Files.readString(without.resolve("manifest.json"));
        assertFalse(manifest.contains(".xlsx"), manifest);
        String html = Files.readString(without.resolve("report.html"));
        assertFalse(html.contains("review.xlsx"), "the report names no workbook");
        assertTrue(html.contains("No workbooks were written this time (--workbooks none)"));

        // every CSV file the same bytes, but the index's workbook column, left blank
        try (var walk = Files.walk(with)) {
            for (Path f : walk.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Path other = without.resolve(with.relativize(f));
                if (f.getFileName().toString().equals("index.csv")) {
                    List<String> a = Files.readAllLines(f);
                    List<String> b = Files.readAllLines(other);
                    assertEquals("county,file,workbook", b.get(0));
                    assertEquals(a.size(), b.size());
                    for (int i = 1; i < a.size(); i++) {
                        assertTrue(a.get(i).endsWith(".xlsx") && Files.isRegularFile(f.resolveSibling(
                                a.get(i).substring(a.get(i).lastIndexOf(',') + 1))), a.get(i));
                        assertEquals(a.get(i).substring(0, a.get(i).lastIndexOf(',') + 1), b.get(i));
                    }
                } else {
                    assertEquals(Files.readString(f), Files.readString(other), f.toString());
                }
            }
        }
        Run bad = run(concat(files, "review", "--out", dir.resolve("bad").toString(), "--workbooks", "xls"));
        assertEquals(2, bad.status());
        assertEquals("lookback review: --workbooks must be xlsx or none; got xls\n", bad.err());
    }

    private static String[] concat(String[] options, String... head) {
        List<String> args = new java.util.ArrayList<>(List.of(head));
        args.addAll(List.of(options));
        return args.toArray(new String[0]);
    }
}
