package dev.lookback.cli;

import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.draw.DrawnVillage;
import dev.lookback.draw.Tickets;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.io.TabularSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code lookback draw}: a verifiable draw of whole villages from a published seed. */
final class DrawCommand extends Command {

    @Override
    String name() {
        return "draw";
    }

    @Override
    List<String> description() {
        return List.of("Draws whole villages in every county from a seed published before the draw (SHA-256 tickets:"
                + " anyone can re-derive it), and writes sample.csv and a certificate.",
                "Allocation: --per-county n, or --total n [--min-per-county m] in proportion to the counties' villages."
                        + " --extend sample.csv --add C01=2,C03=1 draws more villages for some counties: the next ones"
                        + " in the same order, so the larger sample contains the smaller.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--frame", "FILE", "villages.csv: the sampling frame"),
                Option.required("--seed", "TEXT", "the seed published before the draw, e.g. a lottery result and a date"),
                Option.optional("--method", "srs|pps", "srs", "simple random, or proportional to households"),
                Option.optional("--per-county", "N", "", "villages drawn in every county"),
                Option.optional("--total", "N", "", "villages drawn in the city, shared in proportion to village counts"),
                Option.optional("--min-per-county", "M", "0", "with --total: the fewest villages a county draws"),
                Option.optional("--max-per-township", "K", "", "srs: at most K villages of one township (同一乡镇不超过 K"
                        + " 个村); a county's villages are shared among its townships by largest remainders"),
                Option.optional("--extend", "FILE", "", "a sample drawn before, to extend"),
                Option.optional("--add", "C=K[,C=K...] | K", "", "with --extend: villages to add per county (or K with"
                        + " --county)"),
                Option.optional("--county", "C", "", "with --extend --add K: the county to extend"),
                Option.optional("--out", "FILE", "sample.csv", "the sample to write"),
                Option.optional("--certificate", "FILE", "", "the certificate to write (default: beside --out, .certificate.json)"),
                Option.optional("--rounds", "K", Integer.toString(dev.lookback.draw.Certificate.DEFAULT_ROUNDS),
                        "rounds declared in advance: the first draw and up to K − 1 follow-ups (lookback follow-up),"
                                + " written into the certificate"),
                ReviewCommand.encodingOption("CSV inputs"));
    }

    @Override
    java.util.Set<String> writes() {
        return java.util.Set.of("--out", "--certificate");
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        Path framePath = a.path("--frame");
        // the frame's SHA-256 for the certificate, computed beside the reading and the draw
        java.util.concurrent.CompletableFuture<String> frameSha = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Tickets.fileSha256(framePath);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.nio.charset.Charset charset = ReviewCommand.charset(a.text("--encoding"));
        Frame frame = Frame.read(TabularSource.of(framePath, charset));
        DrawMethod method = DrawMethod.parse(a.text("--method"));
        String seed = a.text("--seed");
        Allocation allocation;
        Sample before = null;
        if (!a.text("--extend").isEmpty()) {
            before = Sample.read(TabularSource.of(a.path("--extend"), charset), frame);
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (SampledVillage v : before.villages()) {
                sizes.merge(v.county(), 1, Integer::sum);
            }
            String add = a.text("--county").isEmpty() ? a.text("--add") : a.text("--county") + "=" + a.text("--add");
            for (Map.Entry<String, Integer> e : additions(add, frame).entrySet()) {
                sizes.merge(e.getKey(), e.getValue(), Integer::sum);
            }
            allocation = Allocation.of(sizes);
        } else if (!a.text("--per-county").isEmpty()) {
            allocation = Allocation.perCounty(frame, a.integer("--per-county", 1));
        } else if (!a.text("--total").isEmpty()) {
            allocation = Allocation.proportional(frame, a.integer("--total", 1), a.integer("--min-per-county", 0));
        } else {
            throw new IllegalArgumentException("give --per-county n, --total n, or --extend with --add");
        }
        if (!a.text("--max-per-township").isEmpty()) {
            allocation = allocation.withMaxPerTownship(a.integer("--max-per-township", 1));
        }
        DrawResult result = Draw.draw(frame, seed, method, allocation);
        if (before != null) {
            for (SampledVillage v : before.villages()) {
                if (result.villages().stream().noneMatch(d -> d.village().equals(v.village()))) {
                    throw new IllegalArgumentException("village " + v.village() + " of " + a.text("--extend")
                            + " is not drawn by seed \"" + seed + "\" with method " + method.label()
                            + ": that sample was not drawn this way, so it cannot be extended this way");
                }
            }
        }
        Path sampleFile = a.path("--out");
        if (sampleFile.toAbsolutePath().getParent() != null) {
            java.nio.file.Files.createDirectories(sampleFile.toAbsolutePath().getParent());
        }
        Path certificate = a.text("--certificate").isEmpty() ? dev.lookback.draw.Certificate.beside(sampleFile) : a.path("--certificate");
        result.writeSample(sampleFile);
        String sha;
        try {
            sha = frameSha.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new java.io.IOException("cannot read " + framePath + " for its SHA-256", e.getCause());
        }
        result.writeCertificate(certificate, String.valueOf(framePath.getFileName()), sha, Main.version(),
                a.integer("--rounds", 1));
        Map<String, Integer> perCounty = new LinkedHashMap<>();
        for (DrawnVillage v : result.villages()) {
            perCounty.merge(v.county(), 1, Integer::sum);
        }
        out.println(result);
        Map<String, List<SampledVillage>> earlier = before == null ? Map.of() : before.byCounty();
        for (Map.Entry<String, Integer> e : perCounty.entrySet()) {
            String c = e.getKey();
            int n = e.getValue();
            out.println("  " + c + ": " + n + " of " + frame.villageCount(c) + " villages"
                    + (before == null ? "" : " (" + (n - earlier.getOrDefault(c, List.of()).size()) + " added)"));
        }
        out.println("Wrote " + sampleFile + " and " + certificate);
        out.println("Anyone can check it: lookback verify-draw --frame " + framePath + " --sample " + sampleFile
                + " --seed '" + seed + "' --method " + method.label()
                + (allocation.maxPerTownship() > 0 ? " --max-per-township " + allocation.maxPerTownship() : ""));
        return 0;
    }

    /** Reads {@code C01=2,C03=1}. */
    static Map<String, Integer> additions(String text, Frame frame) {
        Map<String, Integer> adds = new LinkedHashMap<>();
        if (text.isBlank()) {
            throw new IllegalArgumentException("--extend needs --add C=K[,C=K...]: how many villages to add where");
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2 || frame.villageCount(kv[0].strip()) == 0) {
                throw new IllegalArgumentException("--add: \"" + part + "\" is not COUNTY=K with a county of the frame");
            }
            try {
                int k = Integer.parseInt(kv[1].strip());
                if (k < 1) {
                    throw new NumberFormatException();
                }
                adds.merge(kv[0].strip(), k, Integer::sum);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--add: \"" + kv[1] + "\" is not a whole number ≥ 1");
            }
        }
        return adds;
    }
}
