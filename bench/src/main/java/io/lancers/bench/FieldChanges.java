package io.lancers.bench;

import io.lancers.sim.Ship;
import io.lancers.sim.World;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each {@link Ship} field changes from one tick to the next over a match: what a delta
 * must carry, field by field. Explains the DELTA size better than any total.
 */
public final class FieldChanges {
    private static final RecordComponent[] SHIP_FIELDS = Ship.class.getRecordComponents();

    private FieldChanges() {
    }

    /** Field name → share of ship-ticks (a ship present in two consecutive worlds) in which it changed. */
    public static Map<String, Double> ofShips(ReferenceMatch match) {
        long[] changes = new long[SHIP_FIELDS.length];
        long shipTicks = 0;
        ReferenceMatch.Run run = match.start();
        Map<Integer, Ship> previous = byId(run.world());
        while (!run.finished()) {
            World next = run.step(run.decide());
            for (Ship ship : next.ships()) {
                Ship before = previous.get(ship.id());
                if (before == null) {
                    continue;
                }
                shipTicks++;
                for (int f = 0; f < SHIP_FIELDS.length; f++) {
                    if (!value(SHIP_FIELDS[f], before).equals(value(SHIP_FIELDS[f], ship))) {
                        changes[f]++;
                    }
                }
            }
            previous = byId(next);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int f = 0; f < SHIP_FIELDS.length; f++) {
            shares.put(SHIP_FIELDS[f].getName(), shipTicks == 0 ? 0 : changes[f] / (double) shipTicks);
        }
        return shares;
    }

    private static Map<Integer, Ship> byId(World world) {
        Map<Integer, Ship> ships = new HashMap<>();
        world.ships().forEach(s -> ships.put(s.id(), s));
        return ships;
    }

    private static Object value(RecordComponent component, Ship ship) {
        try {
            return component.getAccessor().invoke(ship);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read Ship." + component.getName(), e);
        }
    }
}
