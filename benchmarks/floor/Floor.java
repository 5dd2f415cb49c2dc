import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of a review's reading: a minimal Java program that reads the files it is given and splits
 * every line into fields, and does nothing else. benchmarks/run.sh times it beside `lookback review` on
 * the same files; a review cannot be much faster than this.
 */
public final class Floor {
    public static void main(String[] args) throws IOException {
        long lines = 0;
        long fields = 0;
        for (String file : args) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    fields += line.split(",", -1).length;
                    lines++;
                }
            }
        }
        System.out.println(lines + " lines, " + fields + " fields");
    }
}
