/* Keeps one core's FMA ports (and front end) busy: 12 independent FMA chains on ymm registers, no memory traffic. */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    long seconds = argc > 1 ? atol(argv[1]) : 60;
    __m256 a[12], m = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
    for (int i = 0; i < 12; i++) a[i] = _mm256_set1_ps((float) i);
    unsigned long long iters = 0;
    long n = seconds * 300000000L / 12 * 12 / 12; /* ~ seconds at ~2 FMA/cycle, 3 GHz, 12 per step */
    for (long s = 0; s < n / 6; s++) {
        for (int i = 0; i < 12; i++) a[i] = _mm256_fmadd_ps(a[i], m, b);
        iters++;
    }
    float out = 0;
    for (int i = 0; i < 12; i++) out += a[i][0];
    printf("%f %llu\n", out, iters);
    return 0;
}
