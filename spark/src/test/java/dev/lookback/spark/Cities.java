package dev.lookback.spark;

import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test inputs: synthetic cities, and the same cities with every kind of fault a register and a spot check have. */
final class Cities {
    private Cities() {
    }

    /** A clean synthetic city drawn and spot-checked into {@code dir}. */
    static Path clean(Path dir, int counties, int villages, int households, long seed) throws IOException {
        SyntheticCity city = SyntheticCity.generate(CitySpec.ofSize(counties, villages, households, seed));
        city.writeFrameAndRegister(dir);
        Frame frame = Frame.read(TabularSource.of(dir.resolve("villages.csv")));
        Sample sample = Draw.sample(Draw.draw(frame, "spark-test-" + seed, seed % 2 == 0 ? DrawMethod.SRS : DrawMethod.PPS,
                Allocation.perCounty(frame, Math.max(2, villages / 3))));
        city.writeSpotCheck(sample, dir);
        return dir;
    }

    /**
     * The city of {@code dir} with faults put in by a seeded random walk over its lines: duplicate register records
     * (some before a bad one), unknown status words, blank and non-numeric persons, households registered in
     * another village or outside the sample, spot checks of villages outside the sample and the frame, wrong
     * counties, duplicate and unreadable spot checks, differing persons, blank persons of unregistered households,
     * a sampled village left unchecked, and Chinese headers on the register.
     */
    static Path dirty(Path dir, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> register = Files.readAllLines(dir.resolve("self_check.csv"), StandardCharsets.UTF_8);
        List<String> spot = Files.readAllLines(dir.resolve("spot_check.csv"), StandardCharsets.UTF_8);
        List<String> sample = Files.readAllLines(dir.resolve("sample.csv"), StandardCharsets.UTF_8);
        String sampledVillage = sample.get(1).split(",")[1];
        String uncheckedVillage = sample.get(sample.size() - 1).split(",")[1];
        List<String> reg = new ArrayList<>();
        reg.add("户编号,县,村,人数,贫困状态,备注"); // Chinese header and an extra column
        List<String> spotIds = new ArrayList<>();
        for (int i = 1; i < spot.size(); i++) {
            spotIds.add(spot.get(i).split(",")[0]);
        }
        for (int i = 1; i < register.size(); i++) {
            String[] f = register.get(i).split(",", -1);
            double u = random.nextDouble();
            if (u < 0.01) {
                reg.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + ",贫困?,"); // unknown status word
            } else if (u < 0.015) {
                reg.add(f[0] + "," + f[1] + "," + f[2] + ",," + f[4] + ",persons blank");
            } else if (u < 0.02) {
                reg.add(f[0] + "," + f[1] + "," + f[2] + ",three," + f[4] + ",");
            } else if (u < 0.03) {
                reg.add(register.get(i) + ",");
                reg.add(f[0] + "," + f[1] + "," + f[2] + "," + (Integer.parseInt(f[3]) + 1) + "," + f[4] + ",again");
            } else if (u < 0.035) {
                reg.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + ",unknown,first is bad");
                reg.add(register.get(i) + ",");
            } else if (u < 0.04) {
                reg.add(f[0] + "," + f[1] + ",,"  + f[3] + "," + f[4] + ",no village");
            } else {
                reg.add(register.get(i) + ",");
            }
        }
        // households registered in another village (outside the sample, or in another sampled village), and twice there
        for (int k = 0; k < 6 && k < spotIds.size(); k++) {
            String id = spotIds.get(random.nextInt(spotIds.size()));
            reg.removeIf(line -> line.startsWith(id + ","));
            reg.add(id + ",C99,V99999," + (1 + random.nextInt(5)) + ",POOR,elsewhere");
            if (k % 2 == 0) {
                reg.add(id + ",C99,V99999,2,NON_POOR,elsewhere again");
            }
        }
        String elsewhereBad = spotIds.get(random.nextInt(spotIds.size()));
        reg.removeIf(line -> line.startsWith(elsewhereBad + ","));
        reg.add(elsewhereBad + ",C99,V99999,x,POOR,elsewhere and unusable");
        List<String> sp = new ArrayList<>();
        sp.add(spot.get(0));
        for (int i = 1; i < spot.size(); i++) {
            String[] f = spot.get(i).split(",", -1);
            if (f[2].equals(uncheckedVillage)) {
                continue; // a sampled village nobody visited
            }
            double u = random.nextDouble();
            if (u < 0.01) {
                sp.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + ",maybe"); // unreadable verdict
            } else if (u < 0.02) {
                sp.add(spot.get(i));
                sp.add(spot.get(i)); // twice
            } else if (u < 0.03) {
                sp.add(f[0] + "," + f[1] + "," + f[2] + "," + (Integer.parseInt(f[3]) + 2) + "," + f[4]);
            } else if (u < 0.035) {
                sp.add(f[0] + ",C99," + f[2] + "," + f[3] + "," + f[4]); // wrong county
            } else if (u < 0.04) {
                sp.add(f[0] + "," + f[1] + "," + f[2] + ",," + f[4]); // persons blank (register's count used)
            } else {
                sp.add(spot.get(i));
            }
        }
        sp.add("N0001," + "C01,V99998,3,true"); // a village outside the frame
        sp.add("N0002," + "C01,V99999,3,false"); // unregistered, persons blank below
        sp.add("N0003,C01," + sampledVillage + ",,true"); // unregistered with blank persons: left out
        sp.add("N0004,C01," + sampledVillage + ",2,true"); // unregistered, qualifies: missed
        Files.write(dir.resolve("self_check.csv"), reg, StandardCharsets.UTF_8);
        Files.write(dir.resolve("spot_check.csv"), sp, StandardCharsets.UTF_8);
        return dir;
    }
}
