package dev.lookback.cli;

import static dev.lookback.io.Columns.HOME_COUNTY;
import static dev.lookback.io.Columns.TEAM;

import dev.lookback.draw.TeamAssignment.Team;
import dev.lookback.draw.TeamAssignment;
import dev.lookback.frame.Frame;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.Json;
import dev.lookback.io.TabularSource;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code lookback assign-teams}: cross-check teams to counties, from a published seed. */
final class AssignTeamsCommand extends Command {

    @Override
    String name() {
        return "assign-teams";
    }

    @Override
    List<String> description() {
        return List.of("Assigns each cross-check team (交叉对检) a county other than its own, uniformly over all valid"
                + " assignments (whole shuffles are redrawn until one is valid), from a seed published beforehand.",
                "Writes the assignment (team, home_county, county) and a certificate.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--teams", "FILE", "teams.csv: team (队), home_county (所属县)"),
                Option.required("--seed", "TEXT", "the seed published before the assignment"),
                Option.optional("--frame", "FILE", "", "villages.csv: check every county of the frame (default: the"
                        + " teams' home counties)"),
                Option.optional("--mutual", "allowed|forbidden", "allowed", "whether two counties may check each other"),
                Option.optional("--forbid", "A:B[,A:B...]", "", "pairs that may not occur: a team of county A checking B"),
                Option.optional("--out", "FILE", "assignment.csv", "the assignment to write"),
                ReviewCommand.encodingOption("CSV inputs"));
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        Charset charset = ReviewCommand.charset(a.text("--encoding"));
        List<Team> teams = new ArrayList<>();
        TabularSource.of(a.path("--teams"), charset).read(List.of(TEAM, HOME_COUNTY),
                row -> teams.add(new Team(row.requireText(TEAM), row.requireText(HOME_COUNTY))));
        if (teams.isEmpty()) {
            throw new IllegalArgumentException(a.text("--teams") + " lists no team");
        }
        List<String> counties;
        if (a.text("--frame").isEmpty()) {
            TreeSet<String> homes = new TreeSet<>();
            teams.forEach(t -> homes.add(t.homeCounty()));
            counties = new ArrayList<>(homes);
        } else {
            counties = Frame.read(TabularSource.of(a.path("--frame"), charset)).counties();
        }
        boolean noMutual;
        switch (a.text("--mutual")) {
            case "allowed":
                noMutual = false;
                break;
            case "forbidden":
                noMutual = true;
                break;
            default:
                throw new IllegalArgumentException("--mutual: \"" + a.text("--mutual") + "\" is not allowed or forbidden");
        }
        Set<List<String>> forbidden = new HashSet<>();
        for (String pair : a.text("--forbid").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] ab = pair.split(":");
            if (ab.length != 2) {
                throw new IllegalArgumentException("--forbid: \"" + pair + "\" is not A:B");
            }
            forbidden.add(List.of(ab[0].strip(), ab[1].strip()));
        }
        TeamAssignment assignment = TeamAssignment.assign(teams, counties, a.text("--seed"), noMutual, forbidden);
        Path file = a.outputFile("--out");
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("team", "home_county", "county");
            for (Team t : teams) {
                w.row(t.team(), t.homeCounty(), assignment.county(t.team()));
            }
        }
        Path certificate = dev.lookback.draw.Certificate.beside(file);
        Files.writeString(certificate, "{\n  \"library\": \"lookback " + Main.version() + "\",\n  \"seed\": "
                + Json.string(a.text("--seed")) + ",\n  \"rule\": \"whole-shuffle rejection; shuffle a: Fisher-Yates, j = floor(u"
                + " * (i + 1)) with u from the ticket of teams/a/i\",\n  \"shuffles\": " + assignment.attempts()
                + ",\n  \"counties\": " + Json.string(String.join(",", counties)) + ",\n  \"mutual\": " + Json.string(a.text("--mutual"))
                + ",\n  \"forbidden\": " + Json.string(a.text("--forbid")) + "\n}\n");
        out.println(assignment);
        out.println("Wrote " + file + " and " + certificate);
        return 0;
    }
}
