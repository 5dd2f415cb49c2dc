package dev.lookback.cli;

import static dev.lookback.io.Columns.TICKET;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.draw.Certificate;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code lookback verify-draw}: re-derives a sample from the frame and the seed. */
final class VerifyDrawCommand extends Command {

    @Override
    String name() {
        return "verify-draw";
    }

    @Override
    List<String> description() {
        return List.of("Re-derives a sample from the frame and the published seed, with the sample's own number of"
                + " villages per county, and lists every difference.",
                "Exit status: 0 when the sample is the draw, 1 when it differs, 2 for unusable input.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--frame", "FILE", "villages.csv: the sampling frame"),
                Option.required("--sample", "FILE", "sample.csv: the sample to check"),
                Option.required("--seed", "TEXT", "the published seed"),
                Option.optional("--method", "srs|pps", "", "the draw method (default: the certificate's, else srs)"),
                Option.optional("--certificate", "FILE", "", "the draw's certificate (default: beside the sample, if"
                        + " there): its method and villages per county are checked too"),
                Option.optional("--max-per-township", "K", "", "the draw's most villages per township (default: the"
                        + " certificate's, else none)"),
                ReviewCommand.encodingOption("CSV inputs"));
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        Charset charset = ReviewCommand.charset(a.text("--encoding"));
        Frame frame = Frame.read(TabularSource.of(a.path("--frame"), charset));
        Sample sample = Sample.read(TabularSource.of(a.path("--sample"), charset), frame);
        Map<String, String> tickets = new HashMap<>();
        TabularSource.of(a.path("--sample"), charset).read(List.of(VILLAGE, TICKET), row -> {
            if (row.text(TICKET) != null) {
                tickets.put(row.text(VILLAGE), row.text(TICKET));
            }
        });
        java.nio.file.Path file = a.text("--certificate").isEmpty()
                ? dev.lookback.draw.Certificate.beside(a.path("--sample")) : a.path("--certificate");
        Certificate certificate = java.nio.file.Files.exists(file) ? Certificate.read(file) : null;
        DrawMethod method = a.text("--method").isEmpty() ? null : DrawMethod.parse(a.text("--method"));
        int maxPerTownship = a.text("--max-per-township").isEmpty() ? 0 : a.integer("--max-per-township", 1);
        Draw.Verification v = Draw.verify(frame, sample, tickets, a.text("--seed"), method, maxPerTownship, certificate);
        List<String> differences = v.differences();
        String how = v.method().label() + (v.maxPerTownship() > 0 ? ", at most " + v.maxPerTownship() + " per township"
                : "");
        if (differences.isEmpty()) {
            out.println("OK: the " + sample.villages().size() + " villages of " + a.text("--sample")
                    + " are exactly the draw of seed \"" + a.text("--seed") + "\" (" + how + ")");
            return 0;
        }
        out.println("DIFFERENT: " + differences.size() + " difference(s) from the draw of seed \"" + a.text("--seed")
                + "\" (" + how + "):");
        for (String d : differences) {
            out.println("  " + d);
        }
        return 1;
    }
}
