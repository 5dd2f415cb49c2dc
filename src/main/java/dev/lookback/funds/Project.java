package dev.lookback.funds;

/**
 * A poverty-alleviation fund project of {@code fund_checks.csv}.
 *
 * @param project        project code
 * @param county         county
 * @param amount         book value, yuan
 * @param auditedMisused misused or irregular amount found by the audit (挤占挪用/违规金额), yuan; NaN if not audited
 * @param line           its line in the file
 */
public record Project(String project, String county, double amount, double auditedMisused, long line) {
}
