package dev.lookback.cli;

import dev.lookback.funds.FundSample;
import dev.lookback.funds.Stringer;
import dev.lookback.io.TabularSource;
import dev.lookback.survey.Formats;
import java.io.PrintWriter;
import java.util.List;

/** {@code lookback draw-funds}: a monetary-unit sample of fund projects, and its evaluation. */
final class FundsCommand extends Command {

    @Override
    String name() {
        return "draw-funds";
    }

    @Override
    List<String> description() {
        return List.of("Monetary-unit sampling of fund projects for the finance and audit check: draws --n monetary"
                + " units from a published seed (projects in code order, systematic points r + kJ, r from the ticket"
                + " of \"funds/start\"), writes the sample, and, where fund_checks.csv has audited amounts for the"
                + " drawn projects, evaluates it: most likely misstatement and the Stringer upper limit against"
                + " materiality.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--funds", "FILE", "fund_checks.csv: project, county, amount, audited_misused"),
                Option.required("--seed", "TEXT", "the seed published before the draw"),
                Option.optional("--n", "N", "100", "monetary units to draw"),
                Option.optional("--out", "FILE", "fund_sample.csv", "the sample to write"),
                Option.optional("--confidence", "C", "0.95", "one-sided confidence of the upper limit"),
                Option.optional("--bound", "binomial|poisson", "poisson", "the upper precision limits"),
                Option.optional("--materiality", "M", "0.01", "the largest acceptable misstatement, a share of the"
                        + " book value"),
                ReviewCommand.encodingOption("CSV inputs"));
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        List<dev.lookback.funds.Project> projects = FundSample.read(TabularSource.of(a.path("--funds"),
                ReviewCommand.charset(a.text("--encoding"))));
        FundSample sample = FundSample.draw(projects, a.text("--seed"), a.integer("--n", 1));
        sample.write(a.outputFile("--out"));
        java.nio.file.Path certificate = dev.lookback.draw.Certificate.beside(a.path("--out"));
        java.nio.file.Files.writeString(certificate, String.format(java.util.Locale.ROOT, "{%n  \"library\": \"lookback %s\","
                + "%n  \"seed\": %s,%n  \"rule\": \"projects in code order; points r + k*J, J = X/n, r = u * J with u"
                + " from the ticket of funds/start\",%n  \"funds_file\": %s,%n  \"funds_sha256\": \"%s\",%n"
                + "  \"n\": %d,%n  \"total\": %s,%n  \"interval\": %s%n}%n", Main.version(),
                dev.lookback.io.Json.string(a.text("--seed")),
                dev.lookback.io.Json.string(String.valueOf(a.path("--funds").getFileName())),
                dev.lookback.draw.Tickets.fileSha256(a.path("--funds")), sample.points(), sample.total(), sample.interval()));
        out.println(sample);
        out.println("Wrote " + a.text("--out") + " and " + certificate);
        boolean audited = sample.drawn().stream().allMatch(d -> !Double.isNaN(d.project().auditedMisused()));
        if (!audited) {
            out.println("Audit the drawn projects, fill audited_misused in " + a.text("--funds")
                    + ", and run this again to evaluate the sample.");
            return 0;
        }
        double materiality = a.number("--materiality");
        FundSample.Evaluation e = sample.evaluate(a.number("--confidence"), Stringer.Bound.parse(a.text("--bound")));
        out.println(String.format(java.util.Locale.ROOT, "Evaluation: %d of %d points in misstated projects; most likely"
                + " misstatement %.2f yuan (%s), upper limit %.2f yuan (%s) at %s%% confidence (%s); materiality %s: %s",
                e.misstatements(), e.points(), e.mostLikely(), Formats.percent(e.mostLikely() / e.total()), e.upperLimit(),
                Formats.percent(e.upperLimit() / e.total()), Formats.number(100 * e.confidence()),
                e.bound().name().toLowerCase(java.util.Locale.ROOT), Formats.percent(materiality),
                e.acceptable(materiality) ? "acceptable (资金使用未超重要性水平)"
                        : "NOT acceptable: the misstatement may exceed materiality (可能存在重大错报)"));
        return 0;
    }
}
