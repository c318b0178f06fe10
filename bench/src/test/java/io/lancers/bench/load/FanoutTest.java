package io.lancers.bench.load;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanoutTest {

    private static JsonObject room(double p50, double p99, double max) {
        return JsonParser.parseString("{\"id\":\"m1\",\"tickStartLateMs\":{\"p50\":" + p50 + ",\"p99\":" + p99
                + ",\"max\":" + max + "}}").getAsJsonObject();
    }

    @Test
    void startLatenessIsTheWorstOfEachFigureOverTheSamples() {
        Fanout.StartLate late = Fanout.StartLate.worstOf(List.of(room(0.1, 0.9, 3.5), room(0.3, 0.6, 1.2),
                room(0.2, 1.4, 2.0)));
        assertEquals(new Fanout.StartLate(0.3, 1.4, 3.5, 3), late);
    }

    @Test
    void theStatusSamplesLeaveNoTickUnseen() {
        assertTrue(Fanout.STATUS_INTERVAL.compareTo(Fanout.STATUS_SPAN) < 0);
    }
}
