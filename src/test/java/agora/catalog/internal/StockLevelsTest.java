package agora.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockLevelsTest {

    @Test
    void aCrossingOfTheThresholdFromAboveOrReachingZero() {
        assertThat(StockLevels.crossed(6, 5, 5)).isTrue();
        assertThat(StockLevels.crossed(10, 2, 5)).isTrue();
        assertThat(StockLevels.crossed(7, 6, 5)).isFalse();
        assertThat(StockLevels.crossed(5, 4, 5)).isFalse();
        assertThat(StockLevels.crossed(3, 0, 5)).isTrue();
        assertThat(StockLevels.crossed(1, 0, 0)).isTrue();
        assertThat(StockLevels.crossed(0, 0, 5)).isFalse();
    }
}
