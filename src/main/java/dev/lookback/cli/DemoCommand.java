package dev.lookback.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lookback demo}: a synthetic city, drawn, spot-checked and reviewed. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generates a synthetic city and reviews it.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
