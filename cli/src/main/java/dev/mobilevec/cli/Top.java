package dev.mobilevec.cli;

/** Indices of the k largest values of a row, largest first (ties by lower index). */
final class Top {
    private Top() {}

    static int[] topK(float[] v, int off, int n, int k) {
        int m = Math.min(k, n);
        int[] idx = new int[m];
        boolean[] taken = new boolean[n];
        for (int j = 0; j < m; j++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || v[off + i] > v[off + best])) {
                    best = i;
                }
            }
            taken[best] = true;
            idx[j] = best;
        }
        return idx;
    }
}
