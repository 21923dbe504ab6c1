package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The layer-parallel work split ({@link Session#runShares}): own share first, then what a slower part left. */
class WorkSharesTest {

    /** Runs the parts one after another in {@code order}, recording which part ran which [from, to). */
    private static List<int[]> runInOrder(int units, int[] order) {
        int parts = order.length;
        AtomicIntegerArray cursors = new AtomicIntegerArray(parts);
        Session.resetShares(cursors, units, parts);
        List<int[]> ranges = new ArrayList<>();
        for (int part : order) {
            Session.runShares((from, to) -> ranges.add(new int[] {part, from, to}), units, part, parts, cursors, 1, 1);
        }
        return ranges;
    }

    private static void assertEachUnitOnce(int units, List<int[]> ranges) {
        int[] count = new int[units];
        for (int[] r : ranges) {
            assertTrue(r[1] < r[2] && r[1] >= 0 && r[2] <= units, "range [" + r[1] + ", " + r[2] + ") of " + units + " units");
            for (int u = r[1]; u < r[2]; u++) {
                count[u]++;
            }
        }
        for (int u = 0; u < units; u++) {
            assertEquals(1, count[u], "unit " + u + " of " + units);
        }
    }

    @Test
    void everyUnitRunsOnceWhateverOrderThePartsComeIn() {
        int[][] orders = {{0, 1}, {1, 0}, {0, 1, 2}, {2, 0, 1}, {1, 2, 0}, {3, 1, 0, 2}};
        for (int units : new int[] {0, 1, 2, 3, 5, 8, 37, 100, 1001}) {
            for (int[] order : orders) {
                assertEachUnitOnce(units, runInOrder(units, order));
            }
        }
    }

    /** A part that runs first takes its own share front to back, then the others' (here: all of them, nobody else ran). */
    @Test
    void aPartTakesItsOwnShareFirstThenTheOthersLeftovers() {
        int units = 37;
        List<int[]> ranges = runInOrder(units, new int[] {1, 0});
        // Part 1's share is [18, 37), then part 0's [0, 18): everything ran on part 1, in chunks of ceil(share / 8).
        int expect = 18;
        int i = 0;
        for (; i < ranges.size() && expect < units; i++) {
            assertEquals(1, ranges.get(i)[0]);
            assertEquals(expect, ranges.get(i)[1]);
            assertEquals(Math.min(expect + 3, units), ranges.get(i)[2]); // 19 units in 8 chunks: 3 each
            expect = ranges.get(i)[2];
        }
        expect = 0;
        for (; i < ranges.size(); i++) {
            assertEquals(1, ranges.get(i)[0], "part 0 found nothing left");
            assertEquals(expect, ranges.get(i)[1]);
            expect = ranges.get(i)[2];
        }
        assertEquals(18, expect);
    }

    /**
     * Panel-major layers (unitBlock = a panel's row blocks, blocksPerCall = 3): shares stay exact fractions, every
     * range but a share's first starts at a block boundary, and every range but a share's first and last holds exactly
     * whole triples of blocks, whichever order the parts come in. Row-major ones (unitBlock 1, blocksPerCall 6: whole
     * row tiles): every range but a share's last is a multiple of 6 units.
     */
    @Test
    void chunksStartAtBlocksAndHoldWholeTriples() {
        int[][] orders = {{0, 1}, {1, 0}, {0, 1, 2}, {2, 0, 1}};
        for (int block : new int[] {1, 13, 25, 49}) {
            for (int perCall : new int[] {1, 3, 6}) {
                for (int blocks : new int[] {1, 2, 6, 10, 15, 36, 40}) {
                    int units = block * blocks;
                    for (int[] order : orders) {
                        int parts = order.length;
                        AtomicIntegerArray cursors = new AtomicIntegerArray(parts);
                        Session.resetShares(cursors, units, parts);
                        List<int[]> ranges = new ArrayList<>();
                        for (int part : order) {
                            Session.runShares((from, to) -> ranges.add(new int[] {part, from, to}), units, part, parts, cursors, block, perCall);
                        }
                        assertEachUnitOnce(units, ranges);
                        java.util.Set<Integer> shareStarts = new java.util.HashSet<>(), shareEnds = new java.util.HashSet<>();
                        for (int q = 0; q < parts; q++) {
                            shareStarts.add((int) ((long) units * q / parts));
                            shareEnds.add((int) ((long) units * (q + 1) / parts));
                        }
                        for (int[] r : ranges) {
                            String what = "[" + r[1] + ", " + r[2] + ") of " + units + " units, block " + block + " x " + perCall;
                            assertTrue(shareStarts.contains(r[1]) || r[1] % block == 0, what + " starts inside a block");
                            assertTrue(shareStarts.contains(r[1]) || shareEnds.contains(r[2]) || (r[2] - r[1]) % (block * perCall) == 0,
                                    what + " cuts a triple");
                            // Row-major 1x1 layers (block 1, blocksPerCall = whole row tiles): only a share's last range
                            // may end inside a tile.
                            assertTrue(block > 1 || shareEnds.contains(r[2]) || (r[2] - r[1]) % perCall == 0, what + " ends inside a row tile");
                        }
                    }
                }
            }
        }
    }

    /** Parts on real threads, started together: still every unit exactly once. */
    @Test
    void concurrentPartsRunEveryUnitOnce() throws InterruptedException {
        for (int parts : new int[] {2, 3, 4}) {
            for (int units : new int[] {1, 7, 500, 20_000}) {
                AtomicIntegerArray cursors = new AtomicIntegerArray(parts), count = new AtomicIntegerArray(units);
                Session.resetShares(cursors, units, parts);
                CountDownLatch start = new CountDownLatch(1);
                Thread[] t = new Thread[parts];
                for (int p = 0; p < parts; p++) {
                    int part = p, n = parts;
                    t[p] = new Thread(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        Session.runShares((from, to) -> {
                            for (int u = from; u < to; u++) {
                                count.incrementAndGet(u);
                            }
                        }, units, part, n, cursors, 1, 1);
                    });
                    t[p].start();
                }
                start.countDown();
                for (Thread th : t) {
                    th.join();
                }
                for (int u = 0; u < units; u++) {
                    assertEquals(1, count.get(u), "unit " + u + " of " + units + " on " + parts + " parts");
                }
            }
        }
    }

    /** Fused blocks ({@link Session#runChunks}): parts run one after another in {@code order}; records part, share, chunk, carry. */
    private static List<int[]> runChunksInOrder(int[] chunks, int[] order, java.util.function.IntPredicate cutAfterFirst) {
        int parts = chunks.length;
        AtomicIntegerArray cursors = new AtomicIntegerArray(parts);
        Session.resetChunks(cursors, parts);
        List<int[]> runs = new ArrayList<>();
        for (int part : order) {
            Session.runChunks((q, ch, carry) -> {
                runs.add(new int[] {part, q, ch, carry ? 1 : 0});
                // A part stalled inside its first chunk: the parts after it in the order run meanwhile, to their end.
                if (runs.size() == 1 && cutAfterFirst.test(part)) {
                    for (int other : order) {
                        if (other != part) {
                            Session.runChunks((q2, ch2, carry2) -> runs.add(new int[] {other, q2, ch2, carry2 ? 1 : 0}),
                                    chunks, other, parts, cursors);
                        }
                    }
                }
            }, chunks, part, parts, cursors);
        }
        return runs;
    }

    /**
     * Every chunk of every share runs exactly once whatever the order; a chunk carries its thread's windows only when
     * that thread ran the share from chunk 0 through the chunk just before it (otherwise the windows hold another
     * share's rows, or rows short of the chunk's halo); with no stall every part runs its own share in order, chunk 0
     * starting the windows and every later chunk carrying them (exactly the bands of the whole share).
     */
    @Test
    void blockChunksRunOnceAndCarryOnlyAnUnbrokenRunOfTheirShare() {
        int[][] chunkSets = {{4, 4}, {1, 4}, {0, 3}, {4, 4, 4}, {2, 1, 3}, {4, 0, 2, 4}};
        for (int[] chunks : chunkSets) {
            int parts = chunks.length;
            List<int[]> orders = new ArrayList<>();
            orders.add(java.util.stream.IntStream.range(0, parts).toArray());
            orders.add(java.util.stream.IntStream.range(0, parts).map(p -> parts - 1 - p).toArray());
            for (int[] order : orders) {
                for (boolean stall : new boolean[] {false, true}) {
                    List<int[]> runs = runChunksInOrder(chunks, order, p -> stall);
                    String what = java.util.Arrays.toString(chunks) + " order " + java.util.Arrays.toString(order) + (stall ? " stalled" : "");
                    int[][] count = new int[parts][];
                    for (int q = 0; q < parts; q++) {
                        count[q] = new int[chunks[q]];
                    }
                    int[] lastShare = new int[parts], lastChunk = new int[parts];
                    boolean[] unbroken = new boolean[parts];
                    java.util.Arrays.fill(lastShare, -1);
                    for (int[] r : runs) {
                        int part = r[0], q = r[1], ch = r[2];
                        count[q][ch]++;
                        boolean continues = lastShare[part] == q && lastChunk[part] == ch - 1 && unbroken[part];
                        unbroken[part] = ch == 0 || continues;
                        assertEquals(ch > 0 && continues ? 1 : 0, r[3], what + ": part " + part + " share " + q + " chunk " + ch);
                        lastShare[part] = q;
                        lastChunk[part] = ch;
                    }
                    for (int q = 0; q < parts; q++) {
                        for (int ch = 0; ch < chunks[q]; ch++) {
                            assertEquals(1, count[q][ch], what + ": share " + q + " chunk " + ch);
                        }
                    }
                }
            }
        }
        // Part 0 first and nobody else yet: its own share, then all of part 1's from chunk 0, so every chunk after a
        // share's first carried (the whole share's bands, in order, as one thread would run them).
        List<int[]> runs = runChunksInOrder(new int[] {4, 4}, new int[] {0, 1}, p -> false);
        assertEquals(8, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            int[] r = runs.get(i);
            assertEquals(0, r[0]);
            assertEquals(i / 4, r[1]);
            assertEquals(i % 4, r[2]);
            assertEquals(r[2] > 0 ? 1 : 0, r[3]);
        }
        // Part 0 stalled in its first chunk: part 1 runs its own share, then takes chunks 1-3 of part 0's, each from its
        // own rows (a run that began mid-share never carries: fresh chunk lists end where their units do, not where the
        // share's bands would have left the windows).
        runs = runChunksInOrder(new int[] {4, 4}, new int[] {0, 1}, p -> p == 0);
        int taken = 0;
        for (int[] r : runs) {
            if (r[0] == 1 && r[1] == 0) {
                taken++;
                assertEquals(0, r[3], "a chunk taken over starts from its own rows");
            }
        }
        assertEquals(3, taken);
    }
}
