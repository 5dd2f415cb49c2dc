package dev.lookback.cli;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.check.Unit;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookback review}: cross-check and estimate, writing the review's files. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-checks the spot check against the self-check register and estimates the error rates"
                + " (漏评, 错评, 识别, 错退) per county and for the city, with intervals for a whole-village cluster sample.",
                "Writes estimates.csv, discrepancies.csv and data_quality.csv into --out.",
                "Exit status: 0 when the review ran (even with data-quality findings), 2 for unusable input."})
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--frame", required = true, paramLabel = "FILE", description = "villages.csv: the sampling frame")
    Path frame;

    @Option(names = "--sample", required = true, paramLabel = "FILE", description = "sample.csv: the sampled villages")
    Path sample;

    @Option(names = "--self-check", required = true, paramLabel = "FILE", description = "self_check.csv: the counties' register")
    Path selfCheck;

    @Option(names = "--spot-check", required = true, paramLabel = "FILE", description = "spot_check.csv: the city's spot check")
    Path spotCheck;

    @Option(names = "--unit", defaultValue = "persons", paramLabel = "persons|households",
            description = "what the rates count (default: ${DEFAULT-VALUE})")
    String unit;

    @Option(names = "--level", defaultValue = "0.95", description = "confidence level (default: ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--ci-method", defaultValue = "korn-graubard", paramLabel = "M[,M...]",
            description = "interval methods, comma-separated: wald, logit, korn-graubard, wilson (default: ${DEFAULT-VALUE})")
    String ciMethods;

    @Option(names = "--threshold", defaultValue = "0.02",
            description = "accountability threshold for identification and exit rates (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--lonely-village", defaultValue = "adjust", paramLabel = "adjust|certainty|fail",
            description = "what a county with one sampled village adds to the city row's variance (default: ${DEFAULT-VALUE})")
    String lonely;

    @Option(names = "--encoding", defaultValue = "UTF-8", description = "encoding of CSV inputs, e.g. GBK (default: ${DEFAULT-VALUE})")
    String encoding;

    @Option(names = "--out", defaultValue = "lookback-review", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        Review review = Review.of(frame, sample, selfCheck, spotCheck, charset(encoding))
                .unit(Unit.parse(unit))
                .level(checkedLevel(level))
                .methods(methods(ciMethods).toArray(new IntervalMethod[0]))
                .lonelyPsu(lonelyPolicy(lonely));
        ReviewResult result = review.run();
        result.write(out);
        spec.commandLine().getOut().print(result.summary(threshold));
        spec.commandLine().getOut().println("Wrote " + out.resolve("estimates.csv") + ", discrepancies.csv, data_quality.csv");
        spec.commandLine().getOut().flush();
        return 0;
    }

    static double checkedLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--level must be between 0 and 1, e.g. 0.95; got " + level);
        }
        return level;
    }

    static List<IntervalMethod> methods(String text) {
        List<IntervalMethod> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                try {
                    list.add(IntervalMethod.parse(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--ci-method: " + e.getMessage());
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--ci-method needs at least one method");
        }
        return list;
    }

    static LonelyPsu lonelyPolicy(String text) {
        try {
            return LonelyPsu.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lonely-village: \"" + text + "\" is not one of adjust, certainty, fail");
        }
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding: unknown encoding \"" + name + "\"; use UTF-8 or GBK");
        }
    }
}
