package dev.lookback.decide;

import java.util.List;

/**
 * The plan's accountability rules (section 三(三)) as data: which measures each rule reads, in which
 * direction a measure is bad, and whom the rule reaches. Thresholds are configuration, not part of a
 * rule.
 */
public enum Rule {
    /** 精准识别或精准退出误差率仍在问责线以上: the party secretary and the government head. */
    IDENTIFICATION_EXIT("identification_exit", List.of(new Measure("identification", true), new Measure("exit", true)),
            List.of(Role.PARTY_SECRETARY, Role.GOVERNMENT_HEAD)),
    /** 帮扶仍不到位、群众满意度低: the leader in charge of assistance. */
    ASSISTANCE("assistance", List.of(new Measure("cadre_noncompliance", true), new Measure("satisfaction", false)),
            List.of(Role.ASSISTANCE_LEAD)),
    /** 扶贫资金使用仍有重大失误、管理失职: the government head. */
    FUNDS("funds", List.of(new Measure("misused_share", true), new Measure("overdue_share", true)),
            List.of(Role.GOVERNMENT_HEAD));

    /**
     * A measure a rule reads.
     *
     * @param name        its name in decisions.csv
     * @param badWhenHigh true when a value at or above the threshold triggers, false when a value below it does
     */
    public record Measure(String name, boolean badWhenHigh) {
    }

    private final String label;
    private final List<Measure> measures;
    private final List<Role> roles;

    Rule(String label, List<Measure> measures, List<Role> roles) {
        this.label = label;
        this.measures = measures;
        this.roles = roles;
    }

    /** The rule's name in decisions.csv. */
    public String label() {
        return label;
    }

    /** The measures it reads. */
    public List<Measure> measures() {
        return measures;
    }

    /** Whom it reaches. */
    public List<Role> roles() {
        return roles;
    }

    /** The measure of this rule with a given name. */
    public Measure measure(String name) {
        for (Measure m : measures) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("rule " + label + " has no measure " + name);
    }
}
