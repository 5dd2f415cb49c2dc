package dev.lookback.decide;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.NAME;
import static dev.lookback.io.Columns.ROLE;

import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Role;
import dev.lookback.vocabulary.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The county leaders the accountability rules can reach ({@code leaders.csv}). Immutable. */
public final class Leaders {

    /** A leader. */
    public record Leader(String county, Role role, String name) {
    }

    private final List<Leader> leaders;

    private Leaders(List<Leader> leaders) {
        this.leaders = List.copyOf(leaders);
    }

    /** Leaders given in code. */
    public static Leaders of(List<Leader> leaders) {
        return new Leaders(leaders);
    }

    /**
     * Reads {@code leaders.csv}: {@code county} (县), {@code role} (职务: PARTY_SECRETARY 党委书记,
     * GOVERNMENT_HEAD 政府主要负责人, ASSISTANCE_LEAD 分管帮扶工作领导), {@code name} (姓名). A bad record
     * stops the reading: a decision must not silently miss a leader.
     */
    public static Leaders read(TabularSource source) {
        List<Leader> list = new ArrayList<>();
        source.read(List.of(COUNTY, ROLE, NAME), row -> {
            String r = row.requireText(ROLE);
            Role role = Role.parse(r);
            if (role == null) {
                throw row.error(ROLE, r, Term.notOneOf(Role.values()));
            }
            list.add(new Leader(row.requireText(COUNTY), role, row.requireText(NAME)));
        });
        return new Leaders(list);
    }

    /** The leaders of a county in a role (several if the file lists several). */
    public List<Leader> of(String county, Role role) {
        List<Leader> out = new ArrayList<>();
        for (Leader l : leaders) {
            if (l.county().equals(county) && l.role() == role) {
                out.add(l);
            }
        }
        return out;
    }

    /** Every leader. */
    public List<Leader> all() {
        return leaders;
    }

    @Override
    public String toString() {
        Map<String, Integer> byCounty = new LinkedHashMap<>();
        leaders.forEach(l -> byCounty.merge(l.county(), 1, Integer::sum));
        return "Leaders: " + leaders.size() + " in " + byCounty.size() + " counties";
    }
}
