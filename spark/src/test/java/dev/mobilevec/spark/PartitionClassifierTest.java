package dev.mobilevec.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A task's batch arrays against the executor's heap: refused by name past half of it. */
class PartitionClassifierTest {
    @Test
    void aBatchPastHalfTheExecutorHeapIsRefusedByName() {
        long gb = 1L << 30;
        // 224x224x3 in, 1000 out: 8 images take 4.6 MB of the two arrays; 3543 take 2147454816 bytes, just under half of
        // a 4 GB heap; 3544 just over; 4000 take 2312 MB.
        PartitionClassifier.checkHeap(8, 150528, 1000, 4 * gb);
        PartitionClassifier.checkHeap(3543, 150528, 1000, 4 * gb);
        assertThrows(IllegalArgumentException.class, () -> PartitionClassifier.checkHeap(3544, 150528, 1000, 4 * gb));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionClassifier.checkHeap(4000, 150528, 1000, 4 * gb));
        assertTrue(e.getMessage().startsWith("batchSize 4000 needs 2312 MB in each task for its input and output arrays, more than"
                + " half this executor's heap (4096 MB, spark.executor.memory)"), e.getMessage());
    }
}
