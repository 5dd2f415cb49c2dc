package dev.lookback.check;

import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Unit;
/**
 * The spot check's counts in one sampled village: households and persons by register status and
 * verdict, from which every measure's errors and domain units follow. Immutable once built.
 */
public final class VillageTally {
    private static final int CELLS = Status.values().length * 2;

    private final String county;
    private final String village;
    private final long[] households;
    private final long[] persons;

    VillageTally(String county, String village) {
        this.county = county;
        this.village = village;
        this.households = new long[CELLS];
        this.persons = new long[CELLS];
    }

    /** The cells of a tally: one per register status and verdict. */
    public static final int CELL_COUNT = CELLS;

    /** The cell of a register status and verdict, from 0 to {@link #CELL_COUNT} − 1. */
    public static int cell(Status status, boolean qualifies) {
        return status.ordinal() * 2 + (qualifies ? 1 : 0);
    }

    /**
     * A tally counted elsewhere (by an engine that matched the files itself), cell by cell.
     *
     * @param households households per {@link #cell cell}
     * @param persons    persons per cell
     */
    public static VillageTally of(String county, String village, long[] households, long[] persons) {
        if (households.length != CELLS || persons.length != CELLS) {
            throw new IllegalArgumentException("a tally has " + CELLS + " cells");
        }
        VillageTally t = new VillageTally(county, village);
        System.arraycopy(households, 0, t.households, 0, CELLS);
        System.arraycopy(persons, 0, t.persons, 0, CELLS);
        return t;
    }

    void add(Status status, boolean qualifies, int personCount) {
        int c = cell(status, qualifies);
        households[c]++;
        persons[c] += personCount;
    }

    /** The county. */
    public String county() {
        return county;
    }

    /** The village. */
    public String village() {
        return village;
    }

    /** Households or persons checked with a given status and verdict. */
    public long count(Unit unit, Status status, boolean qualifies) {
        int c = cell(status, qualifies);
        return unit == Unit.PERSONS ? persons[c] : households[c];
    }

    /** x: the measure's domain units in this village. */
    public long units(Measure measure, Unit unit) {
        long sum = 0;
        for (Status s : Status.values()) {
            if (measure.inDomain(s)) {
                sum += count(unit, s, true) + count(unit, s, false);
            }
        }
        return sum;
    }

    /** y: the measure's errors in this village. */
    public long errors(Measure measure, Unit unit) {
        long sum = 0;
        for (Status s : Status.values()) {
            for (boolean q : new boolean[] {false, true}) {
                if (measure.isError(s, q)) {
                    sum += count(unit, s, q);
                }
            }
        }
        return sum;
    }

    /** Households checked in this village. */
    public long householdsChecked() {
        long sum = 0;
        for (long h : households) {
            sum += h;
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(county).append(' ').append(village).append(": ")
                .append(householdsChecked()).append(" households checked;");
        for (Measure m : Measure.values()) {
            sb.append(' ').append(m.label()).append(' ').append(errors(m, Unit.HOUSEHOLDS)).append('/')
                    .append(units(m, Unit.HOUSEHOLDS));
        }
        return sb.append(" households").toString();
    }
}
