package dev.lookback.vocabulary;

import java.util.List;

/**
 * The plan's accountability rules (section 三(三)) as data: whom each rule reaches; the indicators it
 * reads are those whose {@link Indicator#rule()} it is. Thresholds are configuration ({@link Line}), not
 * part of a rule.
 */
public enum Rule implements Term {
    /** 精准识别或精准退出误差率仍在问责线以上: the party secretary and the government head. */
    IDENTIFICATION_EXIT(Role.PARTY_SECRETARY, Role.GOVERNMENT_HEAD),
    /** 帮扶仍不到位、群众满意度低: the leader in charge of assistance. */
    ASSISTANCE(Role.ASSISTANCE_LEAD),
    /** 扶贫资金使用仍有重大失误、管理失职: the government head. */
    FUNDS(Role.GOVERNMENT_HEAD);

    private final List<Role> roles;

    Rule(Role... roles) {
        this.roles = List.of(roles);
    }

    /** Whom it reaches. */
    public List<Role> roles() {
        return roles;
    }

    /** The indicators it reads. */
    public List<Indicator> indicators() {
        return Indicator.values().stream().filter(i -> i.rule().orElse(null) == this).toList();
    }
}
