package dev.lookback.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * The font the charts draw with. Chinese labels need an installed font that can display them: the
 * first of a list of common CJK families that {@link Font#canDisplayUpTo(String) can display} the
 * charts' words, else any installed family that can. Without one, {@link #usable(Lang)} turns Chinese
 * into English, so that a chart never shows empty boxes.
 */
public final class ChartFonts {
    /** Words the Chinese charts use; a font must display all of them. */
    static final String SAMPLE = "漏评错评错退精准识别退出误差率问责线达到未不稳县满意度帮扶干部资金挤占挪用逾期开工户数概率真实";

    private static final List<String> PREFERRED = List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "PingFang SC", "SimHei", "WenQuanYi Zen Hei",
            "Droid Sans Fallback", "AR PL UMing CN");

    private static volatile Optional<String> chinese;

    private ChartFonts() {
    }

    /** The installed font family that displays the charts' Chinese labels, if any. */
    public static Optional<String> chineseFamily() {
        Optional<String> found = chinese;
        if (found == null) {
            found = find();
            chinese = found;
        }
        return found;
    }

    private static Optional<String> find() {
        // a preferred family asked for by name first: listing every installed family reads them all (0.1 s)
        for (String family : PREFERRED) {
            if (displays(family)) { // a family not installed is another one (Dialog): not displayed
                return Optional.of(family);
            }
        }
        return find(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    }

    /** The first preferred, else the first installed, family of {@code installed} that displays the labels. */
    static Optional<String> find(String[] installed) {
        java.util.Set<String> names = new java.util.HashSet<>(List.of(installed));
        for (String family : PREFERRED) {
            if (names.contains(family) && displays(family)) {
                return Optional.of(family);
            }
        }
        for (String family : installed) {
            if (displays(family)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    private static boolean displays(String family) {
        Font f = new Font(family, Font.PLAIN, 12);
        return f.getFamily().equals(family) && f.canDisplayUpTo(SAMPLE) == -1;
    }

    /** The language charts can be drawn in: {@code wanted}, or English when no font displays Chinese. */
    public static Lang usable(Lang wanted) {
        return usable(wanted, chineseFamily());
    }

    static Lang usable(Lang wanted, Optional<String> chinese) {
        return wanted == Lang.ZH && chinese.isEmpty() ? Lang.EN : wanted;
    }

    /**
     * The font for a text element: the Chinese family when one is installed (it also draws Latin
     * letters, and county names may be Chinese even in English charts), else the logical SansSerif.
     */
    public static Font font(int style, float size) {
        return new Font(chineseFamily().orElse(Font.SANS_SERIF), style, 12).deriveFont(size);
    }
}
