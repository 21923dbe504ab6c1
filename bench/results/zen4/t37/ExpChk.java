package dev.mobilevec.kernels;
public class ExpChk {
    public static void main(String[] a) {
        double worst = 0, worstUlp = 0; float wx = 0;
        int from = Float.floatToRawIntBits(-0f), to = Float.floatToRawIntBits(-104f);
        long cnt = 0, exactCnt = 0;
        for (long bits = from; bits <= to; bits += Integer.getInteger("step", 7)) {
            float x = Float.intBitsToFloat((int) bits);
            double ex = Math.exp(x);
            float got = VectorTensorOps.expNonPositive(x);
            cnt++;
            if (got == (float) ex) exactCnt++;
            if (ex < 0x1p-126) continue;
            double rel = Math.abs(got - ex) / (ex * 0x1p-24);
            double ulp = Math.abs(got - ex) / Math.ulp((float) ex);
            if (rel > worst) { worst = rel; wx = x; }
            worstUlp = Math.max(worstUlp, ulp);
        }
        System.out.printf("n=%d correctly rounded %.3f%%, worst rel %.3f u at %s, worst %.3f ulp%n", cnt, 100.0 * exactCnt / cnt, worst, wx, worstUlp);
    }
}
