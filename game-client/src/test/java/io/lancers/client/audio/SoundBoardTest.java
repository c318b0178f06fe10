package io.lancers.client.audio;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Whatever this machine's media support (headless CI usually has no GStreamer), a board loads
 * and plays every sound without throwing: it either plays or stays silent.
 */
@ExtendWith(ApplicationExtension.class)
class SoundBoardTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void everySoundPlaysOrIsSilentButNeverThrows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            SoundBoard board = new SoundBoard(true);
            for (SoundBoard.Sound s : SoundBoard.Sound.values()) {
                board.play(s, 0.01, 0);
            }
            board.setEnabled(false);
            assertFalse(board.active(), "a disabled board is silent");
            board.play(SoundBoard.Sound.FIRE, 1, 0);
        }).get();
    }

    @Test
    void theSilentBoardNeverPlays() {
        SoundBoard board = SoundBoard.silent();
        board.setEnabled(true);
        assertFalse(board.active());
        board.play(SoundBoard.Sound.EXPLODE, 1, 0);
    }
}
