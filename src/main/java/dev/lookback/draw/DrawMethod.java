package dev.lookback.draw;

import java.util.Locale;

/** How villages are drawn within a county. */
public enum DrawMethod {
    /** Simple random sampling: the n_h smallest tickets; π = n_h/N_h. */
    SRS("srs"),
    /**
     * Sequential Poisson sampling proportional to households (Ohlsson 1998): certainty villages
     * (λ = n_h·x/X_h ≥ 1, repeated) first, then the smallest ξ = u/x; π = λ.
     */
    PPS("pps");

    private final String label;

    DrawMethod(String label) {
        this.label = label;
    }

    /** The name on the command line and in certificates. */
    public String label() {
        return label;
    }

    /** Reads {@code srs} or {@code pps}. */
    public static DrawMethod parse(String text) {
        for (DrawMethod m : values()) {
            if (m.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a draw method; expected srs or pps");
    }
}
