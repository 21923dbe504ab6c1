/* Streams reads and writes over a buffer of MB megabytes (default 64: past L3) for SECONDS, on the CPU it is pinned to:
 * a neighbour that takes L3 capacity and DRAM bandwidth and no FMA ports. Prints GB/s moved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 60;
    size_t mb = argc > 2 ? (size_t) atol(argv[2]) : 64, n = mb * 1024 * 1024 / sizeof(long);
    long *a = malloc(n * sizeof(long));
    memset(a, 1, n * sizeof(long));
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double el = 0, bytes = 0;
    long s = 0;
    while (el < seconds) {
        for (size_t i = 0; i < n; i += 8) { s += a[i]; a[i + 1] = s; }
        bytes += 2.0 * n * sizeof(long);
        clock_gettime(CLOCK_MONOTONIC, &t);
        el = (t.tv_sec - t0.tv_sec) + 1e-9 * (t.tv_nsec - t0.tv_nsec);
    }
    printf("%ld %.1f GB/s\n", s & 1, bytes / el / 1e9);
    return 0;
}
