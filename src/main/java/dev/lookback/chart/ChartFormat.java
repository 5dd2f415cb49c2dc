package dev.lookback.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The file formats charts are exported in. */
public enum ChartFormat {
    /** PNG at 300 dpi, for slides. */
    PNG("png"),
    /** SVG, for editing and web pages. */
    SVG("svg"),
    /** PDF, vector, for printing. */
    PDF("pdf");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension. */
    public String extension() {
        return extension;
    }

    /** The format a file's extension names (.png, .svg, .pdf, any case). */
    public static ChartFormat ofFile(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        List<ChartFormat> formats = parseList(dot < 0 ? "?" : name.substring(dot + 1));
        if (formats.size() != 1) {
            throw new IllegalArgumentException("unknown chart format \"" + name.substring(dot + 1)
                    + "\"; the formats are png, svg, pdf (or none)");
        }
        return formats.get(0);
    }

    /** A comma-separated list such as {@code png,svg,pdf}; {@code none} is the empty list. */
    public static List<ChartFormat> parseList(String text) {
        List<ChartFormat> out = new ArrayList<>();
        if (text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            try {
                out.add(valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown chart format \"" + part.strip()
                        + "\"; the formats are png, svg, pdf (or none)");
            }
        }
        return out;
    }
}
