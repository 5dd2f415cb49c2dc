package dev.lookback.io;

/**
 * Input that cannot be used, with where it is and what was expected, e.g.
 * {@code self_check.csv line 1042, column status: "脱贫" is not one of POOR/EXITED/NON_POOR}.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String problem;
    private final boolean wholeFile;
    private final String fix;

    /**
     * @param file    file name as the user knows it
     * @param line    1-based line (the header is line 1), or 0 when the whole file is concerned
     * @param column  column name as found in the header, or {@code null}
     * @param problem what is wrong and what was expected
     */
    public InputException(String file, long line, String column, String problem) {
        this(file, line, column, problem, false);
    }

    /**
     * @param wholeFile whether the problem makes the whole file unusable (a wrong encoding), so
     *                  that it must not be treated as one bad record
     */
    public InputException(String file, long line, String column, String problem, boolean wholeFile) {
        this(file, line, column, problem, wholeFile, null);
    }

    /**
     * @param fix what to do, in Chinese, where it is not "correct that line" (e.g. 另存为 UTF-8 或指定 --encoding GBK
     *            for bytes of another encoding), or {@code null}
     */
    public InputException(String file, long line, String column, String problem, boolean wholeFile, String fix) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.wholeFile = wholeFile;
        this.fix = fix;
    }

    /** What to do, in Chinese, when it is more than correcting the line named; {@code null} otherwise. */
    public String fix() {
        return fix;
    }

    /** Whether the whole file is unusable, not just one record. */
    public boolean wholeFile() {
        return wholeFile;
    }

    private static String format(String file, long line, String column, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file. */
    public String file() {
        return file;
    }

    /** The line (header = 1), 0 for the whole file. */
    public long line() {
        return line;
    }

    /** The column, or {@code null}. */
    public String column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
