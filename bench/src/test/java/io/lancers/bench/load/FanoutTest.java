package io.lancers.bench.load;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void everyFrameUnderTheExpectedIsAShortfall() {
        Fanout.Delivery d = Fanout.Delivery.of(600, new long[] {600, 599, 590, 380}, 12, Map.of(4003, 1L), 600);
        assertEquals(2, d.receiversShort(), "590 and 380 are under 99 % of 600");
        assertEquals(1 + 10 + 220, d.framesShort());
        assertEquals(600 + 599 + 590 + 380 + 600, d.delivered());
        assertEquals(380 / 600.0, d.minShare(), 1e-9);
        assertTrue(d.verdict().startsWith("SHORTFALL: 2 of 4 receivers"), d.verdict());
        assertTrue(d.verdict().endsWith("1 closed (close code=count {4003=1})."), d.verdict());
    }

    @Test
    void receiversThatKeepUpMeetTheGoal() {
        Fanout.Delivery d = Fanout.Delivery.of(600, new long[] {600, 594}, 0, Map.of(), 600);
        assertEquals(0, d.receiversShort());
        assertEquals(6, d.framesShort());
        assertTrue(d.verdict().startsWith("every receiver got >= 99 %"), d.verdict());
    }

    @Test
    void cpuPerFrameIsTheServersCpuOverTheFramesItDelivered() {
        ServerProcess.ProcessMetrics before = new ServerProcess.ProcessMetrics(0, 0, 0, 1_000_000_000L, 700_000_000L,
                300_000_000L, 400_000_000L, Map.of("tick", new long[] {100_000_000L, 0}));
        ServerProcess.ProcessMetrics after = new ServerProcess.ProcessMetrics(0, 0, 0, 3_000_000_000L, 2_200_000_000L,
                800_000_000L, 1_400_000_000L, Map.of("tick", new long[] {300_000_000L, 100_000_000L},
                "JIT", new long[] {200_000_000L, 0}));
        Fanout.ServerCost cost = Fanout.ServerCost.of(before, after, 2_000_000_000L, 100_000);
        assertEquals(1.0, cost.cores(), 1e-9);
        assertEquals(20.0, cost.microsPerFrame(), 1e-9);
        assertEquals(15.0, cost.userMicrosPerFrame(), 1e-9);
        assertEquals(5.0, cost.systemMicrosPerFrame(), 1e-9);
        assertEquals(10.0, cost.senderMicrosPerFrame(), 1e-9);
        assertArrayEquals(new double[] {2.0, 1.0}, cost.byThreadGroup().get("tick"), 1e-9);
        assertArrayEquals(new double[] {2.0, 0.0}, cost.byThreadGroup().get("JIT"), 1e-9);
        assertEquals("tick 2.00/1.00, JIT 2.00/0.00", cost.byThreadGroupLine());
    }

    @Test
    void serverThreadsAreGroupedByWhatTheyDo() {
        assertEquals("senders", ServerProcess.threadGroup("match-m1-send-1"));
        assertEquals("tick", ServerProcess.threadGroup("match-m1-tick"));
        assertEquals("network", ServerProcess.threadGroup("lancers-worker("));
        assertEquals("JIT", ServerProcess.threadGroup("C2 CompilerThre"));
        assertEquals("GC+VM", ServerProcess.threadGroup("GC Thread#0"));
        assertEquals("other", ServerProcess.threadGroup("bench-meter"));
    }
}
