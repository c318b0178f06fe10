package io.lancers.client.state;

/**
 * How one predicted shot of ours ended up, once the server answered ({@link ClientWorld#drainShotReports}).
 *
 * @param shotId     the (negative) id it was drawn with ({@link RenderFrame#projectiles})
 * @param seq        the input that fired it
 * @param confirmed  the server fired it too (false: refused, and it was removed)
 * @param errorUnits confirmed: distance between the predicted and the server's projectile at the tick of
 *                   the world that brought the server's (0 when the server's had already ended then)
 * @param lagTicks   confirmed: the server's spawn tick minus the predicted one; 0 when the server
 *                   compensated all of the delay, more when its cap or a lack of compensation left some
 */
public record ShotReport(int shotId, int seq, boolean confirmed, float errorUnits, int lagTicks) {
}
